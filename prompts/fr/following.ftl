## Le RACI en pratique : le message hebdomadaire « suivi » des Informés, le tour des
## Consultés avant un vote, et qui a répondu pour une initiative à plusieurs responsables.

following-header = Ce qui a changé sur ce que vous suivez
following-fallback = Ce qui a changé cette semaine sur { $count ->
    [one] une initiative que vous suivez
   *[other] { $count } initiatives que vous suivez
}
following-intro = Vous êtes Informé(e) de ces initiatives. Ce qui a changé depuis { $since } :
following-status = statut { $before } → { $after }
following-status-new = statut désormais { $after }
following-decision = décision : { $decision }
following-opened = escaladé : { $cause ->
    [silent] sans nouvelles
    [overdue] échéance dépassée
    [off_track] hors trajectoire
    [blocked] bloqué
   *[other] { $cause }
}
following-resolved = escalade résolue : { $cause ->
    [silent] nouvelles reprises
    [overdue] plus en retard
    [off_track] de retour sur la trajectoire
    [blocked] débloqué
   *[other] { $cause }
}
following-folded = *Suivi* — { $lines }
following-button-stop = Ne plus suivre
following-button-start = Suivre à nouveau
following-stopped = C'est noté : vous ne recevrez plus le message hebdomadaire « suivi ».
following-started = C'est noté : vous recevrez à nouveau le message hebdomadaire « suivi » quand quelque chose change.

consult-ask = *{ $title }* : une question va être soumise à { $committee }, à la demande de { $who }. Vous êtes Consulté(e) sur cette initiative : quel est votre avis ? Le vote s'ouvre { $opens }, avec les avis donnés affichés sous sa question.
consult-question = Question : { $question }
consult-options = Options : { $options }
consult-button = Donner mon avis
consult-form-title = Votre avis
consult-form-submit = Envoyer
consult-form-cancel = Annuler
consult-form-label = Votre avis, affiché sous la question du vote avec votre nom
consult-thanks = Merci : votre avis sera affiché sous la question du vote.
consult-closed = Le vote est déjà ouvert : votre avis n'a pas été ajouté. Dites-le au comité dans son canal.
consult-views = *Consultés :*
consult-view = { $name } : { $view }
consult-silent = { $name } n'a pas donné d'avis
consult-pending = En attente de l'avis des Consultés jusqu'au { $opens } ; le vote s'ouvre alors.

answer-by = par { $name }
