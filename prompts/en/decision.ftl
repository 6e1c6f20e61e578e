## The decision log: the "Record decision" form, the notice in the committee channel, /decisions.

decision-form-title = Record decision
decision-form-submit = Record
decision-form-cancel = Cancel
decision-form-decision = Decision
decision-form-rationale = Rationale
decision-form-follow-up = Who follows up
decision-form-due = By when
decision-form-error-decision = Pick the decision: one of the options, or deferred.
decision-form-error-rationale = Write why the committee decided so: it is kept in the decision log.
decision-form-error-due = Pick a date, or leave it empty.
decision-form-error-due-past = Pick a date from today on, or leave it empty.
decision-form-error-follow-up = Pick the person who follows up from the list, or leave it empty.

decision-deferred = Deferred
decision-follow-up = follow-up { $who }
decision-follow-up-due = follow-up { $who } by { $due }
decision-due = due { $due }
decision-carried-out = :white_check_mark: carried out

decision-notice-fallback = Decision: { $decision } — { $question }
decision-notice-fallback-deferred = Decision deferred — { $question }
decision-notice-title = :scales: *Decision* on “{ $question }”
decision-notice-initiative = initiative *{ $title }*
decision-notice-by = Decided by { $who }
decision-notice-voted = { $voted } of { $members } voted

decision-list-header = Recent decisions
decision-list-fallback = { $count ->
    [one] { $count } recent decision
   *[other] { $count } recent decisions
  }
decision-list-empty = No decision has been recorded yet.
decision-list-empty-hint = The CMO records a decision when a poll closes.
decision-list-empty-yours = No decision of { $committees } or about your initiatives has been recorded yet.
decision-list-none-visible = You sit on no committee and no decision concerns an initiative you own or are accountable for, so there is no decision to show you.
decision-list-none-visible-hint = Each decision is shown to the members of its committee, to the owner and the accountable of its initiative, and to the CMO.
decision-list-scope = Decisions of { $committees } and about your initiatives.
decision-list-scope-initiatives = Decisions about the initiatives you own or are accountable for.
decision-list-scope-all = Decisions of every committee.
decision-list-more = { $count ->
    [one] …and { $count } earlier decision
   *[other] …and { $count } earlier decisions
  }

## Decisions as commitments: review date and supersedes in the form, the follow-up (Done /
## Not yet, new date / Blocked), the overdue ladder, the committee's review (Keep / Revisit).

decision-form-review = Review date: when the committee checks it still holds
decision-form-error-review = Pick a review date from today on, or leave it empty.
decision-form-supersedes = Supersedes an earlier decision
decision-form-supersedes-option = #{ $id } { $decision }
decision-form-error-supersedes = Pick one of the committee's earlier decisions, or leave it empty.

decision-number = #{ $id }
decision-superseded-by = superseded by #{ $id }
decision-supersedes = supersedes #{ $id }
decision-review-on = review { $date }
decision-status-blocked = :no_entry: blocked: { $reason }
decision-status-overdue = :hourglass: overdue

decision-follow-header = *Decisions you follow up*
decision-follow-line = :scales: #{ $id } *{ $decision }* on “{ $question }” — due { $due }
decision-follow-line-blocked = :scales: #{ $id } *{ $decision }* on “{ $question }” — due { $due }, blocked: { $reason }
decision-follow-ask = Carried out? If not yet, pick the new date; if something blocks it, say what.
decision-follow-fallback = A decision to follow up: { $decision }
decision-button-blocked = Blocked
decision-new-date = Not yet, new date

decision-followed-new-date = Noted: not yet, now due { $due }. ({ $question })
decision-followed-blocked = Noted: blocked ({ $reason }). It stays in the decision log as blocked. ({ $question })
decision-followed-date-past = Pick a new date from today on; nothing was changed.

decision-blocked-form-title = What blocks it?
decision-blocked-form-reason = What blocks the decision, in a few words
decision-blocked-form-submit = Save
decision-blocked-form-cancel = Cancel
decision-blocked-form-error = Say in a few words what blocks it.

decision-overdue-owner = :warning: The decision *{ $decision }* on “{ $question }” was due { $due } and is not done yet. Is it done, when will it be, or what blocks it?
decision-overdue-owner-told = :information_source: The decision *{ $decision }* on “{ $question }” was due { $due } and is still open, so it now goes to { $cmo }, who recorded it. Marking it done resolves it.
decision-overdue-cmo = :warning: The decision *{ $decision }* on “{ $question }” that you recorded was due { $due } and is not done (follow-up { $owner }).
decision-overdue-cmo-queued = :rotating_light: The decision *{ $decision }* on “{ $question }” is still not done (due { $due }, follow-up { $owner }): it joins { $queue }.
decision-overdue-fallback = A decision is overdue: { $decision }
decision-overdue-request = Overdue decision “{ $question }” → { $decision }, due { $due }, follow-up { $owner }. What now?

decision-review = :mag: *Review* of the decision *{ $decision }* on “{ $question }” (decided { $date } by { $who }): does it still hold?
decision-review-fallback = Does the decision still hold? { $decision }
decision-button-keep = Keep
decision-button-revisit = Revisit
decision-review-kept = :white_check_mark: Kept by { $who }.
decision-review-revisited = :arrows_counterclockwise: { $who } asked to revisit it: it joins { $queue }.
decision-reviewed-keep = Noted: the decision still holds.
decision-reviewed-revisit = Noted: the decision joins { $queue } to be revisited.
decision-reviewed-already = This decision was reviewed already; nothing changed.
decision-review-not-member = Only members of { $committee } review its decisions; your click was not counted.
decision-review-request = Revisit the decision “{ $question }” → { $decision } (decided { $date }): does it still hold?
decision-notice-no-quorum = taken without quorum
