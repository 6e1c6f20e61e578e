## Les escalades, par destinataire : le responsable (niveau 1), l'approbateur et le responsable
## prévenu (niveau 2), le canal d'escalade et les CMO (niveau 3) ; et la demande mise dans la file
## du comité. { $why } est l'une des propositions escalation-why-*, qui donnent les seuils réglés.

escalation-why-silent = { $weeks ->
    [one] n'a reçu aucun point hebdo depuis { $weeks } semaine ou plus
   *[other] n'a reçu aucun point hebdo depuis { $weeks } semaines ou plus
  }
escalation-why-overdue = a dépassé son échéance sans être terminée
escalation-why-overdue-due = a dépassé son échéance ({ $due }) sans être terminée
escalation-why-off-track = { $weeks ->
    [one] est en retard depuis { $weeks } semaine ou plus
   *[other] est en retard depuis { $weeks } semaines ou plus
  }
escalation-why-blocked = { $weeks ->
    [one] signale le même blocage depuis { $weeks } semaine ou plus
   *[other] signale le même blocage depuis { $weeks } semaines ou plus
  }

escalation-level = { $level ->
    [1] niveau 1, responsable
    [2] niveau 2, approbateur
    [3] niveau 3, CMO et comité
   *[other] niveau { $level }
  }

escalation-owner = :warning: *{ $title }* { $why } : elle demande votre attention. Un point en une ligne suffit, ou utilisez le formulaire.
escalation-owner-fallback = { $title } demande votre attention
escalation-owner-button = Faire le point
escalation-owner-told = :information_source: *{ $title }* { $why } : le sujet passe donc à { $accountable }, son approbateur. Un point de votre part le résout.
escalation-owner-told-alone = :information_source: *{ $title }* { $why }. Elle n'a pas d'approbateur : le sujet ira au CMO si rien ne change. Un point de votre part le résout.
escalation-owner-told-fallback = { $title } remonte d'un niveau
escalation-accountable = :warning: *{ $title }* (responsable { $owner }) { $why }. Vous en êtes l'approbateur.
escalation-accountable-fallback = { $title } : l'escalade vous revient
escalation-channel = :rotating_light: Escalade : *{ $title }* (responsable { $owner }, approbateur { $accountable }) { $why }. Elle rejoint { $queue }.
escalation-channel-alone = :rotating_light: Escalade : *{ $title }* (responsable { $owner }, sans approbateur) { $why }. Elle rejoint { $queue }.
escalation-cmo = :rotating_light: Escalade au plus haut niveau : *{ $title }* (responsable { $owner }) { $why } ; elle rejoint { $queue }.
escalation-fallback = Escalade : { $title }
escalation-queue = la file d'arbitrage du comité { $committee }
escalation-queue-none = la file d'arbitrage du comité
escalation-history = *Historique récent*
escalation-history-line = { $period } : { $status }
escalation-history-blocker = blocage : { $blockers }
escalation-history-none = Aucune réponse enregistrée.
escalation-request = Escalade : { $title } { $why }. Que décidons-nous ?
