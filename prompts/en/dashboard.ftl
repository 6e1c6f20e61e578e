## The web dashboard (prompts/html/dashboard/*.html.j2, which escape these words themselves)
## and its Sign in with Slack.

dashboard-title = { $page } · ritualbot
dashboard-nav-portfolio = Portfolio
dashboard-nav-decisions = Decisions
dashboard-nav-review = Quarterly review
dashboard-signed-in = Signed in as { $name }
dashboard-sign-out = Sign out
dashboard-as-of = As of { $when }, times in { $zone }
dashboard-print = Printable on A4: use your browser's Print.
dashboard-no-committee = Without a committee
dashboard-empty = Nothing to show you this quarter.
dashboard-portfolio-heading = Portfolio · { $quarter }
dashboard-counts-heading = Status by committee
dashboard-col-committee = Committee
dashboard-col-total = Total
dashboard-trend-heading = Status week by week
dashboard-trend-caption = Initiatives in each status, by their latest answer up to each week
dashboard-trend-week = { $week }: { $count } { $status }
dashboard-overdue-heading = Overdue
dashboard-overdue-empty = Nothing is overdue.
dashboard-overdue-due = due { $due }
dashboard-escalations-heading = Open escalations
dashboard-escalations-empty = No escalation is open.
dashboard-escalation-cause = { $cause ->
    [silent] No update
    [overdue] Past its due date
    [off_track] Off track
    [blocked] Blocked
   *[other] { $cause }
  }
dashboard-escalation-level = level { $level }, since { $since }
dashboard-decisions-due-heading = Decisions due
dashboard-decisions-due-empty = No decision falls due in the next two weeks.
dashboard-scorecard-heading = Scorecard by perspective
dashboard-scorecard-empty = No health indicator is configured yet.
dashboard-scorecard-target = target { $target }
dashboard-level = { $level ->
    [green] Green
    [amber] Amber
    [red] Red
   *[unknown] Unknown
  }
dashboard-committee-heading = Committee { $committee }
dashboard-col-initiative = Initiative
dashboard-col-status = Status
dashboard-col-owner = Owner
dashboard-col-progress = Progress
dashboard-col-kpi = KPI
dashboard-col-kpi-target = KPI → target
dashboard-col-blockers = Blockers
dashboard-col-due = Due
dashboard-col-escalations = Escalations
dashboard-charts-heading = KPI against target
dashboard-chart-title = { $title }: { $kpi } by week
dashboard-chart-baseline = baseline { $value }
dashboard-chart-target = target { $value }
dashboard-chart-week = week
dashboard-chart-point = { $period }: { $value }
dashboard-chart-none = Not enough KPI values yet for a chart.
dashboard-polls-heading = Open polls
dashboard-polls-empty = No poll is open.
dashboard-poll-deadline = closes { $when }
dashboard-committee-decisions = Decisions this quarter
dashboard-initiative-heading = { $title }
dashboard-initiative-objective = Objective: { $objective }
dashboard-initiative-people = Owner: { $owner } · accountable: { $accountable }
dashboard-initiative-committee = Committee: { $committee }
dashboard-history-heading = Week by week
dashboard-col-week = Week
dashboard-col-answer = Answer as written
dashboard-col-by = By
dashboard-history-empty = No answer yet.
dashboard-replaced = replaced by a later answer
dashboard-source = { $source ->
    [message] by message
    [modal] through the form
    [button] by button
   *[other] { $source }
  }
dashboard-decisions-heading = Decision log
dashboard-filter-committee = Committee
dashboard-filter-status = Status
dashboard-filter-all = All
dashboard-filter-apply = Show
dashboard-decision-state = { $state ->
    [open] To carry out
    [done] Carried out
   *[deferred] Deferred
  }
dashboard-col-decided = Decided
dashboard-col-question = Question
dashboard-col-decision = Decision
dashboard-col-follow-up = Follow-up
dashboard-decisions-empty = No decision matches.
dashboard-forbidden-heading = This page is not for you
dashboard-forbidden = It shows a committee you do not sit on, or initiatives you are not named on. Ask the CMO if you need to see it.
dashboard-not-found = There is no such page.
dashboard-sign-in-failed = Slack did not confirm who you are, or this sign-in link was already used. Please sign in again.
dashboard-sign-in = Sign in with Slack
dashboard-signed-out = You are signed out.
dashboard-links = Dashboard: { $link }
dashboard-link-label = open the page
dashboard-dependencies-heading = Dependencies
dashboard-depends-on = Depends on
dashboard-needed-for = Needed by the initiative
dashboard-needed-by = needed by { $day }
dashboard-dependency-state = { $state ->
    [accepted] accepted
    [refused] refused
   *[proposed] not answered yet
  }
