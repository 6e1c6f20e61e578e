## La synthèse hebdomadaire d'un comité : un message principal qui compte tout, et un fil qui
## nomme ce qui demande de l'attention. Les lignes sont composées dans le code.

digest-top-header = Synthèse hebdomadaire · { $committee } · { $period }
digest-top-fallback = Synthèse hebdomadaire { $committee } · { $period } : { $counts }
digest-top-empty = Aucune initiative à présenter pour ce comité.
digest-top-total = { $count ->
    [one] *{ $count } initiative*
   *[other] *{ $count } initiatives*
  }
digest-top-changed = :arrows_counterclockwise: Changements depuis la semaine dernière : *{ $count }* ({ $worse } en baisse, { $better } en hausse)
digest-top-unchanged = :arrows_counterclockwise: Aucun statut n'a changé depuis la semaine dernière.
digest-top-missing = { $missing ->
    [one] :hourglass_flowing_sand: *{ $missing }* point hebdo manquant sur { $total } cette semaine
   *[other] :hourglass_flowing_sand: *{ $missing }* points hebdo manquants sur { $total } cette semaine
  }
digest-top-complete = :white_check_mark: Tous les points hebdo sont arrivés.
digest-top-none-missing = :white_check_mark: Aucun point hebdo manquant cette semaine
digest-top-skipped = { $count ->
    [one] { $count } semaine sautée
   *[other] { $count } semaines sautées
  }
digest-top-away = { $count ->
    [one] { $count } responsable absent
   *[other] { $count } responsables absents
  }
digest-top-escalations = { $count ->
    [0] :rotating_light: Aucune escalade en cours
    [one] :rotating_light: *{ $count }* escalade en cours
   *[other] :rotating_light: *{ $count }* escalades en cours
  }
digest-top-decisions = { $count ->
    [0] :scales: Aucune décision cette semaine
    [one] :scales: *{ $count }* décision cette semaine
   *[other] :scales: *{ $count }* décisions cette semaine
  }
digest-top-polls = { $count ->
    [0] :ballot_box_with_ballot: Aucun sondage en cours
    [one] :ballot_box_with_ballot: *{ $count }* sondage en cours
   *[other] :ballot_box_with_ballot: *{ $count }* sondages en cours
  }
digest-top-kpi-errors = { $count ->
    [one] :warning: *{ $count }* source de KPI n'a pas pu être lue cette semaine
   *[other] :warning: *{ $count }* sources de KPI n'ont pas pu être lues cette semaine
  }
digest-top-thread = { $count ->
    [one] :thread: Un élément demande de l'attention : il est dans le fil.
   *[other] :thread: { $count } éléments demandent de l'attention : ils sont dans le fil.
  }
digest-top-calm = :sunny: Rien ne demande d'attention cette semaine.
digest-top-link = Toutes les initiatives, une par une : { $link }
digest-link-label = le tableau de bord du comité

digest-thread-fallback = Synthèse hebdomadaire { $committee } · { $period }, détail { $part }/{ $parts }
digest-thread-context = *{ $committee }* · { $period } · détail { $part }/{ $parts }

digest-heading-escalated = :rotating_light: *Escalades en cours* ({ $count })
digest-heading-off-track = :red_circle: *En retard* ({ $count })
digest-heading-blocked = :construction: *Bloquées* ({ $count })
digest-heading-decision = :scales: *Décisions de la semaine* ({ $count })
digest-heading-poll = :ballot_box_with_ballot: *Sondages en cours* ({ $count })
digest-heading-at-risk = :large_yellow_circle: *À risque* ({ $count })
digest-heading-missing = :hourglass_flowing_sand: *Sans point hebdo cette semaine* ({ $count })
digest-heading-changed = :arrows_counterclockwise: *Statut changé* ({ $count })
digest-heading-continued = { $heading }, suite

digest-reason-was = avant : { $status }
digest-reason-blocked = bloquée : { $blockers }
digest-reason-missing = pas de point hebdo cette semaine
digest-reason-skipped = semaine sautée
digest-reason-away = responsable absent cette semaine
digest-reason-kpi-error = source du KPI illisible : { $error }
digest-cause-silent = { $weeks ->
    [one] sans point hebdo depuis { $weeks } semaine ou plus
   *[other] sans point hebdo depuis { $weeks } semaines ou plus
  }
digest-cause-overdue = échéance dépassée
digest-cause-off-track = { $weeks ->
    [one] en retard depuis { $weeks } semaine ou plus
   *[other] en retard depuis { $weeks } semaines ou plus
  }
digest-cause-blocked = { $weeks ->
    [one] même blocage depuis { $weeks } semaine ou plus
   *[other] même blocage depuis { $weeks } semaines ou plus
  }
digest-poll-closes = clôture { $deadline }

digest-unlisted-heading = :heavy_plus_sign: *Non listés, pour garder le fil court*
digest-unlisted-escalated = { $count ->
    [one] …et { $count } autre escalade en cours, non listée
   *[other] …et { $count } autres escalades en cours, non listées
  }
digest-unlisted-off-track = { $count ->
    [one] …et { $count } autre initiative en retard, non listée
   *[other] …et { $count } autres initiatives en retard, non listées
  }
digest-unlisted-blocked = { $count ->
    [one] …et { $count } autre initiative bloquée, non listée
   *[other] …et { $count } autres initiatives bloquées, non listées
  }
digest-unlisted-decision = { $count ->
    [one] …et { $count } autre décision, non listée
   *[other] …et { $count } autres décisions, non listées
  }
digest-unlisted-poll = { $count ->
    [one] …et { $count } autre sondage en cours, non listé
   *[other] …et { $count } autres sondages en cours, non listés
  }
digest-unlisted-at-risk = { $count ->
    [one] …et { $count } autre initiative à risque, non listée
   *[other] …et { $count } autres initiatives à risque, non listées
  }
digest-unlisted-missing = { $count ->
    [one] …et { $count } autre initiative sans point hebdo cette semaine, non listée
   *[other] …et { $count } autres initiatives sans point hebdo cette semaine, non listées
  }
digest-unlisted-changed = { $count ->
    [one] …et { $count } autre changement de statut, non listé
   *[other] …et { $count } autres changements de statut, non listés
  }
digest-unlisted-link = Toutes les initiatives sont listées sur { $link }.

## La liste complète, en privé dans une fenêtre : chaque initiative, par statut, page par page.
digest-list-button = Liste complète
digest-list-title = Liste complète
digest-list-close = Fermer
digest-list-context = { $count ->
    [one] *{ $committee }* · semaine { $period } · page { $page } sur { $pages } · { $count } initiative
   *[other] *{ $committee }* · semaine { $period } · page { $page } sur { $pages } · { $count } initiatives
  }
digest-list-heading = { $emoji } *{ $status }* ({ $count })
digest-list-blocked = :construction: bloquée
digest-list-previous = ‹ Précédente
digest-list-next = Suivante ›
digest-list-gone = Ce comité n'est plus dans la configuration : il n'y a pas de liste à montrer.
