## Ce qu'un rituel n'a pas pu remettre, dit aux CMO une fois par exécution.

failures-ritual = { $ritual ->
    [checkin] Le point hebdo
    [reminder] Le rappel
    [digest] La synthèse hebdomadaire
    [escalation] L'examen des escalades
    [arbitration] L'arbitrage mensuel
    [review] La revue trimestrielle
   *[other] { $ritual }
  }
failures-fallback = { $count ->
    [one] { $ritual } { $period } : un message non remis
   *[other] { $ritual } { $period } : { $count } messages non remis
  }
failures-header = :warning: { $count ->
    [one] *{ $ritual }* ({ $period }) n'a pas pu remettre un message :
   *[other] *{ $ritual }* ({ $period }) n'a pas pu remettre { $count } messages :
  }
failures-line = • { $who } : { $why }
failures-more = …et { $count } autres : `ritualbot outbox list --failed` les liste tous.
failures-after = Une fois corrigé, relancez le rituel (`ritualbot ritual run { $name } --at …`) ou `ritualbot outbox retry --all-failed` : ce qui a échoué repart, une fois.
failures-why-channel_not_found = le canal n'existe pas ou le bot ne le voit pas ; vérifiez son identifiant dans la configuration (`ritualbot doctor`).
failures-why-not_in_channel = le bot n'est pas dans ce canal ; invitez-le avec `/invite @ritualbot`.
failures-why-is_archived = le canal est archivé ; indiquez-en un autre dans la configuration.
failures-why-user_not_found = personne dans l'espace de travail n'a cet identifiant ; vérifiez-le dans la feuille de route.
failures-why-account_inactive = ce compte est désactivé ; confiez l'initiative à quelqu'un d'autre.
failures-why-cannot_dm_bot = cet identifiant est celui d'un bot, pas d'une personne ; vérifiez la feuille de route.
failures-why-invalid_auth = le jeton du bot est faux ou révoqué ; vérifiez SLACK_BOT_TOKEN (`ritualbot doctor`).
failures-why-missing_scope = il manque une permission à l'app ; réinstallez-la depuis le manifeste.
failures-why-ratelimited = Slack a répondu « trop de requêtes » trop longtemps.
failures-why-other = Slack a dit `{ $error }`.
