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
