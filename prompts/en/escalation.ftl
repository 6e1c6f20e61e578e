## Escalations, by audience: the owner (level 1), the accountable and the owner told (level 2),
## the escalation channel and the CMOs (level 3); and the request queued for the committee.
## { $why } is one of the escalation-why-* clauses, which state the configured thresholds.

escalation-why-silent = { $weeks ->
    [one] has had no update for { $weeks } week or more
   *[other] has had no update for { $weeks } weeks or more
  }
escalation-why-overdue = is past its due date and not done
escalation-why-overdue-due = is past its due date ({ $due }) and not done
escalation-why-off-track = { $weeks ->
    [one] has been off track for { $weeks } week or more
   *[other] has been off track for { $weeks } weeks or more
  }
escalation-why-blocked = { $weeks ->
    [one] has reported the same blocker for { $weeks } week or more
   *[other] has reported the same blocker for { $weeks } weeks or more
  }

escalation-level = { $level ->
    [1] level 1, owner
    [2] level 2, accountable
    [3] level 3, CMO and committee
   *[other] level { $level }
  }

escalation-owner = :warning: *{ $title }* { $why }: it needs your attention. A one-line update is enough, or use the form.
escalation-owner-fallback = { $title } needs your attention
escalation-owner-button = Update now
escalation-owner-told = :information_source: *{ $title }* { $why }, so it now goes to { $accountable }, its accountable. An update from you resolves it.
escalation-owner-told-alone = :information_source: *{ $title }* { $why }. It has no accountable, so it goes to the CMO next if nothing changes. An update from you resolves it.
escalation-owner-told-fallback = { $title } now goes further up
escalation-accountable = :warning: *{ $title }* (owner { $owner }) { $why }. You are its accountable.
escalation-accountable-fallback = { $title } is escalated to you
escalation-channel = :rotating_light: Escalation: *{ $title }* (owner { $owner }, accountable { $accountable }) { $why }. It joins { $queue }.
escalation-channel-alone = :rotating_light: Escalation: *{ $title }* (owner { $owner }, no accountable) { $why }. It joins { $queue }.
escalation-cmo = :rotating_light: Top-level escalation: *{ $title }* (owner { $owner }) { $why }; it joins { $queue }.
escalation-fallback = Escalation: { $title }
escalation-queue = the arbitration queue of { $committee }
escalation-queue-none = the committee's arbitration queue
escalation-history = *Recent history*
escalation-history-line = { $period }: { $status }
escalation-history-blocker = blocker: { $blockers }
escalation-history-none = No answer recorded.
escalation-request = Escalated: { $title } { $why }. What should we decide?
