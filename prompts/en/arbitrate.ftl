## /arbitrate: what the CMO is told privately, and the form that puts a question to a committee.

arbitrate-posted = :white_check_mark: Poll posted in { $channel }, closes { $deadline }.
arbitrate-posted-summary = *{ $question }* · { $count ->
    [one] { $count } option
   *[other] { $count } options
  }
arbitrate-refused = Only the CMO can put a question to a committee with `/arbitrate`. Nothing was posted.
arbitrate-refused-hint = If a decision is needed on your initiative, say so in your check-in (`decision needed: …`): it joins the committee’s next monthly agenda.

arbitrate-error-no-question = Nothing was posted: there is no question.
arbitrate-error-one-option = Nothing was posted: a poll needs at least two options.
arbitrate-error-too-many-options = Nothing was posted: a poll takes at most { $max } options (you gave { $count }).
arbitrate-error-empty-option = Nothing was posted: option { $position } is empty.
arbitrate-error-duplicate-option = Nothing was posted: the option “{ $option }” is there twice.
arbitrate-error-unknown-committee = Nothing was posted: there is no committee “{ $name }” (known: { $known }).
arbitrate-error-unknown-committee-none = Nothing was posted: there is no committee “{ $name }”.
arbitrate-error-no-committee = Nothing was posted: no committee is configured yet.
arbitrate-error-past-deadline = Nothing was posted: the deadline { $deadline } is already past.
arbitrate-error-too-long-question = Nothing was posted: the question is longer than { $limit } characters.
arbitrate-error-too-long-option = Nothing was posted: option { $position } is longer than { $limit } characters.
arbitrate-error-other = Nothing was posted: I could not read that request.
arbitrate-usage = Write `/arbitrate QUESTION | OPTION | OPTION`, with 2 to { $max } options, for example:
arbitrate-usage-example = /arbitrate Do we extend the ERP budget by 3 months? | Yes | No | Only 1 month
arbitrate-usage-committee = Start with `#committee` or `committee:` to choose the committee, or type `/arbitrate` alone to open the form.

arbitrate-form-title = Ask a committee
arbitrate-form-submit = Post the poll
arbitrate-form-cancel = Cancel
arbitrate-form-question = Question
arbitrate-form-question-example = Do we extend the ERP budget by 3 months?
arbitrate-form-options = Options, one per line (2 to { $max })
arbitrate-form-options-example-1 = Yes
arbitrate-form-options-example-2 = No
arbitrate-form-options-example-3 = Only 1 month
arbitrate-form-committee = Committee
arbitrate-form-deadline = Votes close
arbitrate-form-visibility = Votes
arbitrate-form-names = Names shown
arbitrate-form-anonymous = Anonymous: counts only, for everyone
arbitrate-form-context = Context
arbitrate-form-context-example = Background, or a link to the document
arbitrate-form-initiative = About the initiative

arbitrate-form-error-no-question = Write the question to put to the committee.
arbitrate-form-error-one-option = Write at least two options, one per line.
arbitrate-form-error-too-many-options = Write at most { $max } options, one per line (you wrote { $count }).
arbitrate-form-error-empty-option = Option { $position } is empty: write one option per line.
arbitrate-form-error-duplicate-option = “{ $option }” is there twice: each option must be different.
arbitrate-form-error-too-long-question = Keep the question to { $limit } characters at most.
arbitrate-form-error-too-long-option = Option { $position } is too long: keep each option to { $limit } characters at most.
arbitrate-form-error-committee = Pick one of the configured committees.
arbitrate-form-error-no-committee = No committee is configured yet: ask the operator to add one.
arbitrate-form-error-deadline = Pick a deadline in the future.
arbitrate-form-error-initiative = Pick an initiative from the list, or leave it empty.
arbitrate-form-error-not-cmo = Only the CMO can put a question to a committee.

## Polls a committee trusts: the hidden tally and the secret ballot, in the form and the answer.
arbitrate-form-tally = Tally
arbitrate-form-hidden = Hide the tally until the poll closes (turnout only meanwhile)
arbitrate-posted-anonymous = Secret ballot: nobody can tell who voted what, not even from the database.
arbitrate-posted-hidden = The tally is hidden until the poll closes; you will see the turnout only.
