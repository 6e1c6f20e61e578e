## The weekly check-in: the prompt, the reminder, the receipts, the form.

checkin-prompt-fallback = Weekly check-in { $period }: { $titles }
checkin-prompt-header = Weekly check-in · { $period }
checkin-prompt-intro = { $count ->
    [one] Your initiative this week. Reply here in a sentence, or use the buttons.
   *[other] Your { $count } initiatives this week. Reply here with a line per initiative, or use the buttons.
  }
checkin-prompt-for = _For { $owner }, who is away: you answer in their stead._
checkin-prompt-more = _…and { $count } more: use Update all._
checkin-prompt-kpi = *KPI:* { $kpi }
checkin-prompt-kpi-target = *KPI:* { $kpi } · target *{ $target }*
checkin-prompt-due = *Due:* { $due }
checkin-prompt-last = *Last update* ({ $period })
checkin-prompt-first = _No update yet: this is the first one._
checkin-prompt-decision = :scales: Decision of { $date }: *{ $decision }*
checkin-prompt-decision-due = :scales: Decision of { $date }: *{ $decision }* (due { $due })
checkin-prompt-decision-ask = Is it carried out?
checkin-prompt-hint = Just reply here in a sentence, e.g. `green, 60%, kpi 4.5, blocked by legal`, or use the buttons.
checkin-prompt-hint-many = Several at once: one line each, e.g. `ERP: green 60% / DSO: red, blocked by accounting`.
checkin-button-update = Update
checkin-button-no-change = No change
checkin-button-skip = Skip this week
checkin-button-away = I'm away
checkin-button-update-all = Update all
decision-button-done = Carried out
decision-button-not-yet = Not yet

checkin-reminder-fallback = { $count ->
    [one] Reminder: one update still missing for { $period }
   *[other] Reminder: { $count } updates still missing for { $period }
  }
checkin-reminder = :wave: A gentle reminder: the committee is still waiting for this week's update on { $titles }. A one-line reply here is enough, e.g. `green, 60%`.
checkin-reminder-more = { $titles } and { $count } more

receipt-fallback = { $count ->
    [one] Update recorded for { $title }
   *[other] { $count } updates recorded
  }
receipt-more = { $count ->
    [one] …and one more update recorded, not shown here: type `/checkin` to see or correct it.
   *[other] …and { $count } more updates recorded, not shown here: type `/checkin` to see or correct them.
  }
receipt-title = { $replaced ->
    [yes] :white_check_mark: Update *replaced* for *{ $title }* ({ $period })
   *[no] :white_check_mark: Update recorded for *{ $title }* ({ $period })
  }
receipt-kept-status = _No status given: kept the last one._
receipt-no-status = _No status yet: say green, amber or red, or use Correct._
receipt-button-correct = Correct

checkin-skipped-fallback = Skipped this week: { $title }
checkin-skipped = :fast_forward: Skipped for { $period }. See you next week. · *{ $title }*

checkin-help-fallback = I could not read an update in that message.
checkin-help = I could not read an update in that message, so nothing was recorded.
checkin-help-examples = Write a status, and if you like a progress, a KPI value and blockers, for example:
checkin-help-example-1 = green, 60%, kpi 4.5, blocked by legal
checkin-help-example-2 = at risk 40% — blocker: waiting for the supplier
checkin-help-example-3 = no change
checkin-help-form = Or type `/checkin` to open the form.

checkin-not-owner-fallback = You have no initiative to report on.
checkin-not-owner = Thanks for the message! You do not own any initiative of the current roadmap, so there is nothing for you to report here. If you think you should, ask your CMO to add you as an owner in the roadmap.

checkin-which-fallback = Which initiative is this update about?
checkin-which = Which initiative is this update about? I will record it as soon as you pick one.
checkin-chosen-fallback = Recorded for { $title }
checkin-chosen = Recorded for *{ $title }*.

checkin-form-title = Weekly check-in
checkin-form-save = Save
checkin-form-cancel = Cancel
checkin-form-initiative = Initiative
checkin-form-week = *{ $title }* · { $period }
checkin-form-status = Status
checkin-form-progress = Progress (%)
checkin-form-kpi = KPI value
checkin-form-kpi-named = KPI value · { $kpi }
checkin-form-blockers = Blockers
checkin-form-decision = Needs a decision?
checkin-form-decision-hint = What the committee should decide, if anything.
checkin-form-comment = Comment
checkin-form-error-status = Pick a status: on track, at risk, off track or done.
checkin-form-error-progress = Write a whole number from 0 to 100, e.g. 60.
checkin-form-error-kpi = Write a number, e.g. 4.5 or 1,234.5.
checkin-form-error-kpi-ambiguous = Is it { $small } or { $large }? Write it without the comma, or with a decimal point.

decision-followed-done = Noted: carried out. ({ $question })
decision-followed-not-yet = Noted: not carried out yet; you will be asked again next week. ({ $question })
decision-followed-not-yours = Only the owner of the initiative or the decision's follow-up owner can say whether it is carried out.
receipt-ask-status = :grey_question: { $title }: which status did you mean? The rest is stored.
receipt-ask-progress = :grey_question: { $title }: which progress did you mean? The rest is stored.
receipt-ask-kpi = :grey_question: { $title }: which KPI value did you mean? The rest is stored.
receipt-ask-progress-or-kpi = :grey_question: { $title }: is { $value } the progress or the KPI? The rest is stored.
receipt-answer-progress = { $value } is the progress
receipt-answer-kpi = { $value } is the KPI
checkin-all-title = Update all
checkin-all-intro = *{ $title }*
checkin-all-more = { $count ->
    [one] One more initiative is not in this form: save, then press *Update all* again.
   *[other] { $count } more initiatives are not in this form: save, then press *Update all* again.
  }
receipt-ask-one-progress = :grey_question: { $title }: is { $value } the progress? The rest is stored.
receipt-ask-one-kpi = :grey_question: { $title }: is { $value } the KPI? The rest is stored.
receipt-answer-neither = Neither
