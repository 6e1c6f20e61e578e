## Le registre des décisions : le formulaire « Enregistrer la décision », l’avis dans le canal du comité, /decisions.

decision-form-title = Enregistrer la décision
decision-form-submit = Enregistrer
decision-form-cancel = Annuler
decision-form-decision = Décision
decision-form-rationale = Justification
decision-form-follow-up = Responsable du suivi
decision-form-due = Échéance
decision-form-error-decision = Choisissez la décision : l’une des options, ou reportée.
decision-form-error-rationale = Indiquez pourquoi le comité a décidé ainsi : la justification est conservée au registre.
decision-form-error-due = Choisissez une date, ou laissez le champ vide.
decision-form-error-due-past = Choisissez une date à partir d’aujourd’hui, ou laissez le champ vide.
decision-form-error-follow-up = Choisissez dans la liste la personne qui assure le suivi, ou laissez le champ vide.

decision-deferred = Reportée
decision-follow-up = suivi : { $who }
decision-follow-up-due = suivi : { $who } d’ici le { $due }
decision-due = échéance : { $due }
decision-carried-out = :white_check_mark: mise en œuvre

decision-notice-fallback = Décision : { $decision } — { $question }
decision-notice-fallback-deferred = Décision reportée — { $question }
decision-notice-title = :scales: *Décision* sur « { $question } »
decision-notice-initiative = initiative *{ $title }*
decision-notice-by = Décision prise par { $who }
decision-notice-voted = { $voted ->
    [one] { $voted } votant
   *[other] { $voted } votants
  } sur { $members }

decision-list-header = Décisions récentes
decision-list-fallback = { $count ->
    [one] { $count } décision récente
   *[other] { $count } décisions récentes
  }
decision-list-empty = Aucune décision n’a encore été enregistrée.
decision-list-empty-hint = Le CMO enregistre une décision à la clôture d’un sondage.
decision-list-empty-yours = Aucune décision de { $committees } ni sur vos initiatives n'a encore été enregistrée.
decision-list-none-visible = Vous n'êtes membre d'aucun comité et aucune décision ne concerne une initiative dont vous êtes responsable ou approbateur : il n'y a pas de décision à vous montrer.
decision-list-none-visible-hint = Chaque décision est visible des membres de son comité, du responsable et de l'approbateur de son initiative, et du CMO.
decision-list-scope = Décisions de { $committees } et sur vos initiatives.
decision-list-scope-initiatives = Décisions sur les initiatives dont vous êtes responsable ou approbateur.
decision-list-scope-all = Décisions de tous les comités.
decision-list-more = { $count ->
    [one] …et { $count } plus ancienne
   *[other] …et { $count } plus anciennes
  }
