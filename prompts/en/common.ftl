## Words shared by several messages: statuses, an answer's summary, notices.
## A message is one line of mrkdwn unless it says otherwise; { $name } is a placeholder.
## A line of a message cannot start with *, [ or . — write {"*"} for a literal star there.

status = { $status ->
    [on_track] On track
    [at_risk] At risk
    [off_track] Off track
    [done] Done
   *[none] No status
  }

answer-progress = progress *{ $progress }*
answer-kpi = { $kpi } *{ $value }*
answer-kpi-target = { $kpi } *{ $value }* (target { $target })
answer-kpi-name = KPI
answer-blockers = :construction: Blockers: { $blockers }
answer-no-blockers = No blockers
answer-decision = :scales: Decision needed: { $decision }
answer-comment = :memo: { $comment }

notice-no-previous = There is no earlier update to repeat yet: use Update, or reply with a sentence.
notice-not-yours = This initiative is not yours, so I cannot record an update for it.
notice-no-initiatives = You do not own any initiative of the current roadmap, so there is nothing to check in.
notice-unknown-initiative = That initiative no longer exists in the roadmap.
notice-error = Something went wrong on my side and nothing was recorded. Please try again in a minute.
notice-not-recorded = I could not record that just now, so nothing was saved. Please try again in a minute.
notice-too-slow = That took me too long to open. Please click again.
notice-shortcut-not-yours = Only the person who wrote a message can record it as their check-in, and this one is someone else's: nothing was recorded.
notice-shortcut-already = That message is already recorded as your check-in: nothing changed. To change your answer, write again or type `/checkin`.

preference-language = From now on I write to you in English.
preference-language-auto = From now on I write to you in your Slack language.
preference-language-bad = Write `/checkin language en`, `/checkin language fr`, or `/checkin language auto` for your Slack language.
