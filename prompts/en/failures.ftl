## What a ritual run could not deliver, told to the CMOs once per run.

failures-ritual = { $ritual ->
    [checkin] The weekly check-in
    [reminder] The reminder
    [digest] The weekly digest
    [escalation] The escalation scan
    [arbitration] The monthly arbitration
    [review] The quarterly review
   *[other] { $ritual }
  }
failures-fallback = { $count ->
    [one] { $ritual } { $period }: one message not delivered
   *[other] { $ritual } { $period }: { $count } messages not delivered
  }
failures-header = :warning: { $count ->
    [one] *{ $ritual }* ({ $period }) could not deliver one message:
   *[other] *{ $ritual }* ({ $period }) could not deliver { $count } messages:
  }
failures-line = • { $who }: { $why }
failures-more = …and { $count } more: `ritualbot outbox list --failed` lists them all.
failures-after = Once it is fixed, run the ritual again (`ritualbot ritual run { $name } --at …`) or `ritualbot outbox retry --all-failed`: what failed is sent again, once.
failures-why-channel_not_found = the channel does not exist or the bot cannot see it; check its id in the configuration (`ritualbot doctor`).
failures-why-not_in_channel = the bot is not in that channel; invite it there with `/invite @ritualbot`.
failures-why-is_archived = the channel is archived; name another one in the configuration.
failures-why-user_not_found = nobody in the workspace has that id; check it in the roadmap.
failures-why-account_inactive = that account is deactivated; give the initiative to someone else.
failures-why-cannot_dm_bot = that id is a bot's, not a person's; check the roadmap.
failures-why-invalid_auth = the bot's token is wrong or was revoked; check SLACK_BOT_TOKEN (`ritualbot doctor`).
failures-why-missing_scope = the app lacks a permission; reinstall it from the manifest.
failures-why-ratelimited = Slack answered "too many requests" for too long.
failures-why-other = Slack said `{ $error }`.
