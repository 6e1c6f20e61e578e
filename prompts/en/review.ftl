## The quarterly review: the summary posted to each committee, and the words of the HTML page
## (prompts/html/review.html.j2), which escapes them itself.

review-summary-fallback = Quarterly review { $quarter } · { $committee }
review-summary-header = Quarterly review · { $committee } · { $quarter }
review-summary-total = { $count ->
    [one] *{ $count } initiative*
   *[other] *{ $count } initiatives*
  }
review-summary-empty = No initiative of this committee this quarter.
review-summary-decisions = { $count ->
    [0] :scales: No decision this quarter.
    [one] :scales: { $count } decision this quarter.
   *[other] :scales: { $count } decisions this quarter.
  }
review-summary-reached = { $share } of the KPI target
review-summary-checkins = check-ins { $share }
review-summary-more = _…and { $count } more_
review-summary-page = The full page, with a chart per KPI: { $link }
review-summary-export = The full page, with a chart per KPI: `ritualbot review export --quarter { $quarter } --out review.html`
review-link-label = the quarterly review

review-page-title = Quarterly review { $quarter }
review-page-heading = Quarterly review — { $quarter }
review-page-lede = For each committee: the objectives and their KPIs against target, how each initiative ended the quarter and how regularly its owner answered the weekly check-in; then the decisions taken this quarter.
review-page-committee = Committee: { $committee }
review-page-no-committee = Without a committee
review-page-col-initiative = Initiative
review-page-col-kpi = KPI
review-page-col-baseline-target = Baseline → target
review-page-col-achieved = Achieved
review-page-col-reached = Target reached
review-page-col-status = Final status
review-page-col-checkins = Check-ins answered
review-page-col-escalations = Escalations
review-page-objective = Objective: { $objective }
review-page-objective-none = Objective: (none stated)
review-page-owner = Owner: { $owner }
review-page-chart-title = { $title }: { $kpi } by week
review-page-baseline = baseline { $value }
review-page-target = target { $value }
review-page-week = week
review-page-point = { $period }: { $value }
review-page-decisions = Decision log
review-page-col-date = Date
review-page-col-committee = Committee
review-page-col-question = Question
review-page-col-decision = Decision
review-page-col-follow-up = Follow-up by
review-page-col-due = Due
review-page-no-decisions = No decision was recorded this quarter.
review-page-footer = This page is self-contained: you can archive it or forward it as it is.
