## Dépendances entre initiatives (`depend_de` dans la feuille de route) : la question au
## responsable de l'initiative dont on dépend, ses réponses, le formulaire de refus, l'alerte.

dependency-ask-fallback = D'autres initiatives dépendent des vôtres : pouvez-vous vous y engager ?
dependency-ask-intro = :link: *D'autres initiatives dépendent des vôtres.* Pouvez-vous vous engager sur ce qu'elles attendent ? Un clic pour chacune ; un refus part en arbitrage à leur comité.
dependency-ask-item = *{ $dependent }* (responsable : { $owner }) dépend de votre initiative *{ $provider }*.
dependency-ask-item-by = *{ $dependent }* (responsable : { $owner }) dépend de votre initiative *{ $provider }*, attendue pour le { $day }.
dependency-accept = Accepter
dependency-refuse = Refuser
dependency-accepted = :white_check_mark: Accepté : *{ $dependent }* peut compter sur *{ $provider }*.
dependency-refused = Refusé : *{ $dependent }* ne comptera pas sur *{ $provider }*. Le refus part dans la file d'arbitrage de { $committee }, avec les deux responsables nommés.
dependency-refused-no-committee = Refusé : *{ $dependent }* ne comptera pas sur *{ $provider }*. Son initiative n'a pas de comité pour l'arbitrer : prévenez son responsable, { $owner }.
dependency-already = Cette dépendance a déjà reçu une réponse ({ $state ->
    [accepted] acceptée
   *[refused] refusée
  } par { $who }) ; rien n'a changé.
dependency-not-yours = Seul le responsable de *{ $provider }* (ou un CMO) peut répondre ; rien n'a changé.
dependency-gone = Cette dépendance n'est plus dans la feuille de route ; rien à répondre.
dependency-form-title = Refuser une dépendance
dependency-form-save = Refuser
dependency-form-cancel = Annuler
dependency-form-intro = *{ $dependent }* dépend de votre initiative *{ $provider }*. Votre refus part dans la file d'arbitrage de son comité, avec les deux responsables nommés.
dependency-form-reason = Pourquoi (facultatif)
dependency-request = Dépendance refusée : { $dependent } (responsable : { $dependent_owner }) dépend de { $provider } (responsable : { $provider_owner }), qui l'a refusée.
dependency-request-reason = Dépendance refusée : { $dependent } (responsable : { $dependent_owner }) dépend de { $provider } (responsable : { $provider_owner }), qui l'a refusée : { $reason }
dependency-alert = :warning: *{ $dependent }* est à risque par sa dépendance : *{ $provider }* (responsable : { $owner }) { $trouble ->
    [off_track] est hors trajectoire.
    [blocked] est bloquée.
    [late] était attendue pour le { $day } et n'est pas terminée.
   *[at_risk] est à risque.
  }
digest-reason-through = à risque par sa dépendance à { $providers }
