## The RACI at work: the Informed's weekly "following" message, the Consulted's round
## before a poll, and who answered a co-owned initiative.

following-header = What changed on what you follow
following-fallback = What changed this week on { $count ->
    [one] an initiative you follow
   *[other] { $count } initiatives you follow
}
following-intro = You are listed as Informed on these initiatives. What changed since { $since }:
following-status = status { $before } → { $after }
following-status-new = status now { $after }
following-decision = decision: { $decision }
following-opened = escalated: { $cause ->
    [silent] no update
    [overdue] past its due date
    [off_track] off track
    [blocked] blocked
   *[other] { $cause }
}
following-resolved = escalation resolved: { $cause ->
    [silent] updates again
    [overdue] no longer past due
    [off_track] back on track
    [blocked] unblocked
   *[other] { $cause }
}
following-folded = *Following* — { $lines }
following-button-stop = Stop following
following-button-start = Follow again
following-stopped = Done: you will no longer get the weekly "following" message.
following-started = Done: you will get the weekly "following" message again when something changes.

consult-ask = *{ $title }*: a question goes to { $committee }, raised by { $who }. You are listed as Consulted on this initiative: what is your view? The poll opens { $opens }, with the views given shown under its question.
consult-question = Question: { $question }
consult-options = Options: { $options }
consult-button = Give my view
consult-form-title = Your view
consult-form-submit = Send
consult-form-cancel = Cancel
consult-form-label = Your view, shown under the poll's question with your name
consult-thanks = Thank you: your view will be shown under the poll's question.
consult-closed = The poll is open already: your view was not added. Tell the committee in its channel.
consult-views = *Consulted:*
consult-view = { $name }: { $view }
consult-silent = { $name } gave no view
consult-pending = Waiting for the views of the Consulted until { $opens }; the poll opens then.

answer-by = by { $name }
