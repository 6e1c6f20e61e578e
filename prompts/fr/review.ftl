## La revue trimestrielle : la synthèse publiée dans chaque comité, et les mots de la page HTML
## (prompts/html/review.html.j2), qui les échappe elle-même.

review-summary-fallback = Revue trimestrielle { $quarter } · { $committee }
review-summary-header = Revue trimestrielle · { $committee } · { $quarter }
review-summary-total = { $count ->
    [one] *{ $count } initiative*
   *[other] *{ $count } initiatives*
  }
review-summary-empty = Aucune initiative de ce comité ce trimestre.
review-summary-decisions = { $count ->
    [0] :scales: Aucune décision ce trimestre.
    [one] :scales: { $count } décision ce trimestre.
   *[other] :scales: { $count } décisions ce trimestre.
  }
review-summary-reached = { $share } de la cible du KPI
review-summary-checkins = points hebdo { $share }
review-summary-more = _…et { $count } de plus_
review-summary-page = La page complète, avec un graphique par KPI : { $link }
review-summary-export = La page complète, avec un graphique par KPI : `ritualbot review export --quarter { $quarter } --out revue.html`
review-link-label = la revue trimestrielle

review-page-title = Revue trimestrielle { $quarter }
review-page-heading = Revue trimestrielle — { $quarter }
review-page-lede = Vous trouverez, pour chaque comité, les objectifs et leurs indicateurs comparés à la cible, le statut final de chaque initiative et la régularité avec laquelle son responsable a répondu au point hebdo ; puis les décisions prises au cours du trimestre.
review-page-committee = Comité : { $committee }
review-page-no-committee = Sans comité
review-page-col-initiative = Initiative
review-page-col-kpi = Indicateur
review-page-col-baseline-target = Base → cible
review-page-col-achieved = Atteint
review-page-col-reached = Part de la cible
review-page-col-status = Statut final
review-page-col-checkins = Points hebdo répondus
review-page-col-escalations = Escalades
review-page-objective = Objectif : { $objective }
review-page-objective-none = Objectif : (non précisé)
review-page-owner = Responsable : { $owner }
review-page-chart-title = { $title } : { $kpi } par semaine
review-page-baseline = base { $value }
review-page-target = cible { $value }
review-page-week = semaine
review-page-point = { $period } : { $value }
review-page-decisions = Journal des décisions
review-page-col-date = Date
review-page-col-committee = Comité
review-page-col-question = Question
review-page-col-decision = Décision
review-page-col-follow-up = Suivi par
review-page-col-due = Échéance
review-page-no-decisions = Aucune décision n'a été enregistrée ce trimestre.
review-page-footer = Cette page est autonome : vous pouvez l'archiver ou la transmettre telle quelle.
