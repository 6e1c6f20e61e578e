## The weekly digest of a committee: a top message that counts everything, and a thread that
## names what needs attention. Lines are composed in code; each message here is one phrase.

digest-top-header = Weekly digest · { $committee } · { $period }
digest-top-fallback = Weekly digest { $committee } · { $period }: { $counts }
digest-top-empty = No initiative to report for this committee.
digest-top-total = { $count ->
    [one] *{ $count } initiative*
   *[other] *{ $count } initiatives*
  }
digest-top-changed = :arrows_counterclockwise: Changed since last week: *{ $count }* ({ $worse } worse, { $better } better)
digest-top-unchanged = :arrows_counterclockwise: No status changed since last week.
digest-top-missing = :hourglass_flowing_sand: *{ $missing }* of { $total } updates missing this week
digest-top-complete = :white_check_mark: Every update is in.
digest-top-none-missing = :white_check_mark: No update missing this week
digest-top-skipped = { $count } skipped
digest-top-away = { $count } away
digest-top-escalations = { $count ->
    [0] :rotating_light: No open escalation
    [one] :rotating_light: *{ $count }* open escalation
   *[other] :rotating_light: *{ $count }* open escalations
  }
digest-top-decisions = { $count ->
    [0] :scales: No decision this week
    [one] :scales: *{ $count }* decision this week
   *[other] :scales: *{ $count }* decisions this week
  }
digest-top-polls = { $count ->
    [0] :ballot_box_with_ballot: No open poll
    [one] :ballot_box_with_ballot: *{ $count }* open poll
   *[other] :ballot_box_with_ballot: *{ $count }* open polls
  }
digest-top-kpi-errors = { $count ->
    [one] :warning: *{ $count }* KPI source could not be read this week
   *[other] :warning: *{ $count }* KPI sources could not be read this week
  }
digest-top-thread = { $count ->
    [one] :thread: One item needs attention: it is in the thread.
   *[other] :thread: { $count } items need attention: they are in the thread.
  }
digest-top-calm = :sunny: Nothing needs attention this week.
digest-top-link = Every initiative, listed: { $link }
digest-link-label = the committee's dashboard

digest-thread-fallback = Weekly digest { $committee } · { $period }, detail { $part }/{ $parts }
digest-thread-context = *{ $committee }* · { $period } · detail { $part }/{ $parts }

digest-heading-escalated = :rotating_light: *Open escalations* ({ $count })
digest-heading-off-track = :red_circle: *Off track* ({ $count })
digest-heading-blocked = :construction: *Blocked* ({ $count })
digest-heading-decision = :scales: *Decisions this week* ({ $count })
digest-heading-poll = :ballot_box_with_ballot: *Open polls* ({ $count })
digest-heading-at-risk = :large_yellow_circle: *At risk* ({ $count })
digest-heading-missing = :hourglass_flowing_sand: *No update this week* ({ $count })
digest-heading-changed = :arrows_counterclockwise: *Changed status* ({ $count })
digest-heading-continued = { $heading }, continued

digest-reason-was = was { $status }
digest-reason-blocked = blocked: { $blockers }
digest-reason-missing = no update this week
digest-reason-skipped = week skipped
digest-reason-away = owner away this week
digest-reason-kpi-error = KPI source unreadable: { $error }
digest-cause-silent = { $weeks ->
    [one] no update for { $weeks } week or more
   *[other] no update for { $weeks } weeks or more
  }
digest-cause-overdue = past its due date
digest-cause-off-track = { $weeks ->
    [one] off track for { $weeks } week or more
   *[other] off track for { $weeks } weeks or more
  }
digest-cause-blocked = { $weeks ->
    [one] same blocker for { $weeks } week or more
   *[other] same blocker for { $weeks } weeks or more
  }
digest-poll-closes = closes { $deadline }

digest-unlisted-heading = :heavy_plus_sign: *Not listed, to keep the thread short*
digest-unlisted-escalated = { $count ->
    [one] …and { $count } more open escalation not listed
   *[other] …and { $count } more open escalations not listed
  }
digest-unlisted-off-track = …and { $count } more off track not listed
digest-unlisted-blocked = …and { $count } more blocked not listed
digest-unlisted-decision = { $count ->
    [one] …and { $count } more decision not listed
   *[other] …and { $count } more decisions not listed
  }
digest-unlisted-poll = { $count ->
    [one] …and { $count } more open poll not listed
   *[other] …and { $count } more open polls not listed
  }
digest-unlisted-at-risk = …and { $count } more at risk not listed
digest-unlisted-missing = …and { $count } more without an update this week, not listed
digest-unlisted-changed = { $count ->
    [one] …and { $count } more status change not listed
   *[other] …and { $count } more status changes not listed
  }
digest-unlisted-link = Every initiative is listed on { $link }.

## The full list, privately in a modal: every initiative grouped by status, a page at a time.
digest-list-button = Full list
digest-list-title = Full list
digest-list-close = Close
digest-list-context = { $count ->
    [one] *{ $committee }* · week { $period } · page { $page } of { $pages } · { $count } initiative
   *[other] *{ $committee }* · week { $period } · page { $page } of { $pages } · { $count } initiatives
  }
digest-list-heading = { $emoji } *{ $status }* ({ $count })
digest-list-blocked = :construction: blocked
digest-list-previous = ‹ Previous
digest-list-next = Next ›
digest-list-gone = This committee is no longer in the configuration, so there is no list to show.
