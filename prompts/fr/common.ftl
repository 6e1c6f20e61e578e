## Les mots partagés par plusieurs messages : statuts, résumé d'une réponse, avis.
## Un message tient sur une ligne de mrkdwn sauf mention contraire ; { $nom } est un paramètre.
## Une ligne de message ne peut pas commencer par *, [ ou . — écrire {"*"} pour une étoile.

status = { $status ->
    [on_track] En bonne voie
    [at_risk] À risque
    [off_track] En retard
    [done] Terminé
   *[none] Sans statut
  }

answer-progress = avancement *{ $progress }*
answer-kpi = { $kpi } *{ $value }*
answer-kpi-target = { $kpi } *{ $value }* (cible { $target })
answer-kpi-name = KPI
answer-blockers = :construction: Blocages : { $blockers }
answer-no-blockers = Aucun blocage
answer-decision = :scales: Décision demandée : { $decision }
answer-comment = :memo: { $comment }

notice-no-previous = Il n'y a pas encore de point précédent à reprendre : utilisez Mettre à jour, ou répondez par une phrase.
notice-not-yours = Cette initiative n'est pas la vôtre : je ne peux pas enregistrer de point pour elle.
notice-no-initiatives = Vous ne portez aucune initiative de la feuille de route en cours : il n'y a rien à renseigner.
notice-unknown-initiative = Cette initiative ne figure plus dans la feuille de route.
notice-error = Un problème est survenu de mon côté et rien n'a été enregistré. Merci de réessayer dans une minute.
notice-not-recorded = Je n'ai pas pu enregistrer cela à l'instant : rien n'a été sauvegardé. Merci de réessayer dans une minute.
notice-too-slow = J'ai mis trop de temps à ouvrir le formulaire. Merci de cliquer à nouveau.
notice-shortcut-not-yours = Seule la personne qui a écrit un message peut l'enregistrer comme son point, et celui-ci est de quelqu'un d'autre : rien n'a été enregistré.
notice-shortcut-already = Ce message est déjà enregistré comme votre point : rien n'a changé. Pour modifier votre réponse, écrivez à nouveau ou tapez `/checkin`.

preference-language = Désormais, je vous écris en français.
preference-language-auto = Désormais, je vous écris dans la langue de votre Slack.
preference-language-bad = Écrivez `/checkin langue fr`, `/checkin langue en`, ou `/checkin langue auto` pour la langue de votre Slack.
