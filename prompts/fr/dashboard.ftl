## Le tableau de bord web (prompts/html/dashboard/*.html.j2, qui échappent ces mots eux-mêmes)
## et sa connexion avec Slack.

dashboard-title = { $page } · ritualbot
dashboard-nav-portfolio = Portefeuille
dashboard-nav-decisions = Décisions
dashboard-nav-review = Revue trimestrielle
dashboard-signed-in = Connecté·e : { $name }
dashboard-sign-out = Se déconnecter
dashboard-as-of = Au { $when }, heures de { $zone }
dashboard-print = Imprimable en A4 : utilisez Imprimer dans votre navigateur.
dashboard-no-committee = Sans comité
dashboard-empty = Rien à vous montrer ce trimestre.
dashboard-portfolio-heading = Portefeuille · { $quarter }
dashboard-counts-heading = Statuts par comité
dashboard-col-committee = Comité
dashboard-col-total = Total
dashboard-trend-heading = Statuts semaine après semaine
dashboard-trend-caption = Initiatives dans chaque statut, selon leur dernière réponse à chaque semaine
dashboard-trend-week = { $week } : { $count } { $status }
dashboard-overdue-heading = En retard
dashboard-overdue-empty = Rien n'est en retard.
dashboard-overdue-due = échéance { $due }
dashboard-escalations-heading = Escalades ouvertes
dashboard-escalations-empty = Aucune escalade ouverte.
dashboard-escalation-cause = { $cause ->
    [silent] Pas de nouvelles
    [overdue] Échéance dépassée
    [off_track] Hors trajectoire
    [blocked] Bloquée
   *[other] { $cause }
  }
dashboard-escalation-level = niveau { $level }, depuis le { $since }
dashboard-decisions-due-heading = Décisions à échéance
dashboard-decisions-due-empty = Aucune décision n'arrive à échéance dans les deux semaines.
dashboard-scorecard-heading = Tableau de bord par perspective
dashboard-scorecard-empty = Aucun indicateur de santé n'est encore configuré.
dashboard-scorecard-target = cible { $target }
dashboard-level = { $level ->
    [green] Vert
    [amber] Orange
    [red] Rouge
   *[unknown] Inconnu
  }
dashboard-committee-heading = Comité { $committee }
dashboard-col-initiative = Initiative
dashboard-col-status = Statut
dashboard-col-owner = Responsable
dashboard-col-progress = Avancement
dashboard-col-kpi = KPI
dashboard-col-kpi-target = KPI → cible
dashboard-col-blockers = Blocages
dashboard-col-due = Échéance
dashboard-col-escalations = Escalades
dashboard-charts-heading = KPI face à la cible
dashboard-chart-title = { $title } : { $kpi } par semaine
dashboard-chart-baseline = base { $value }
dashboard-chart-target = cible { $value }
dashboard-chart-week = semaine
dashboard-chart-point = { $period } : { $value }
dashboard-chart-none = Pas encore assez de valeurs du KPI pour un graphique.
dashboard-polls-heading = Votes ouverts
dashboard-polls-empty = Aucun vote ouvert.
dashboard-poll-deadline = clôture le { $when }
dashboard-committee-decisions = Décisions du trimestre
dashboard-initiative-heading = { $title }
dashboard-initiative-objective = Objectif : { $objective }
dashboard-initiative-people = Responsable : { $owner } · approbateur : { $accountable }
dashboard-initiative-committee = Comité : { $committee }
dashboard-history-heading = Semaine après semaine
dashboard-col-week = Semaine
dashboard-col-answer = Réponse telle qu'écrite
dashboard-col-by = Par
dashboard-history-empty = Pas encore de réponse.
dashboard-replaced = remplacée par une réponse plus récente
dashboard-source = { $source ->
    [message] par message
    [modal] par le formulaire
    [button] par bouton
   *[other] { $source }
  }
dashboard-decisions-heading = Journal des décisions
dashboard-filter-committee = Comité
dashboard-filter-status = Statut
dashboard-filter-all = Tous
dashboard-filter-apply = Afficher
dashboard-decision-state = { $state ->
    [open] À mettre en œuvre
    [done] Mise en œuvre
   *[deferred] Reportée
  }
dashboard-col-decided = Décidée le
dashboard-col-question = Question
dashboard-col-decision = Décision
dashboard-col-follow-up = Suivi
dashboard-decisions-empty = Aucune décision ne correspond.
dashboard-forbidden-heading = Cette page ne vous est pas destinée
dashboard-forbidden = Elle montre un comité dont vous n'êtes pas membre, ou des initiatives où vous n'êtes pas nommé·e. Demandez au CMO si vous avez besoin de la voir.
dashboard-not-found = Cette page n'existe pas.
dashboard-sign-in-failed = Slack n'a pas confirmé qui vous êtes, ou ce lien de connexion a déjà servi. Connectez-vous à nouveau.
dashboard-sign-in = Se connecter avec Slack
dashboard-signed-out = Vous êtes déconnecté·e.
dashboard-links = Tableau de bord : { $link }
dashboard-link-label = ouvrir la page
dashboard-dependencies-heading = Dépendances
dashboard-depends-on = Dépend de
dashboard-needed-for = Attendue par l'initiative
dashboard-needed-by = attendue pour le { $day }
dashboard-dependency-state = { $state ->
    [accepted] acceptée
    [refused] refusée
   *[proposed] pas encore de réponse
  }
