## The monthly arbitration: the agenda posted in a committee channel, and the options of a request.

agenda-fallback = Monthly arbitration committee { $period }: { $count ->
    [one] { $count } item
   *[other] { $count } items
  }
agenda-header = Monthly arbitration · { $committee } · { $period }
agenda-intro = { $count ->
    [one] { $count } decision requested by an initiative owner; its poll is below.
   *[other] { $count } decisions requested by initiative owners; each has its poll below.
  }
agenda-deadline = Votes close { $deadline }.
agenda-item = • *{ $title }* ({ $owner }): { $request }
agenda-more = …and { $count } more
agenda-option-approve = Approve: { $proposal }
agenda-option-reject = Reject
agenda-option-defer = Defer to next month
