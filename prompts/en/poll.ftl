## The committee poll: its message in the channel, the CMO's notice when it closes, and what
## a voter or a CMO is told privately. { $letter } is an option's letter (A, B…).

poll-fallback = Arbitration for { $committee }: { $question }
poll-header = ⚖️ { $question }
poll-initiative = Initiative: *{ $title }* · owner { $owner }
poll-votes = { $count ->
    [one] *{ $count }* vote
   *[other] *{ $count }* votes
  }
poll-voters-more = and { $count } more
poll-vote-button = Vote { $letter }
poll-closes = Closes { $deadline }
poll-voted = { $voted } of { $members ->
    [one] { $members } member
   *[other] { $members } members
  } voted
poll-voted-missing = { $voted } of { $members ->
    [one] { $members } member
   *[other] { $members } members
  } voted, { $missing } not yet
poll-anonymous = Anonymous: counts only, for everyone
poll-committee = Committee { $committee }
poll-close-button = Close now
poll-close-confirm-title = Close this poll?
poll-close-confirm-text = Votes stop now and the result is shown to the committee.
poll-close-confirm-yes = Close
poll-close-confirm-no = Keep open

poll-result-winner = *Result: { $letter }. { $option }* with { $count } of { $voted } votes.
poll-result-tie = *Result: a tie* between { $options }.
poll-result-none = *Result: no votes were cast.*
poll-closed-status = Closed · turnout { $turnout } ({ $voted } of { $members ->
    [one] { $members } member
   *[other] { $members } members
  })

poll-closed-fallback = Poll closed: { $question }
poll-closed-title = :ballot_box_with_check: The poll in { $channel } is closed: *{ $question }*
poll-closed-winner = Most votes: *{ $letter }. { $option }* ({ $count } of { $voted }).
poll-closed-tie = A tie between { $options }.
poll-closed-nobody = Nobody voted.
poll-closed-turnout = Turnout { $turnout }.
poll-closed-record = Record the committee’s decision so that it is traced and followed up.
poll-record-button = Record decision

poll-vote-new = Your vote for { $option } is counted.
poll-vote-changed = Your vote is now { $option }.
poll-vote-same = You already voted { $option }: nothing changed.
poll-vote-not-member = Only members of { $committee } vote here; your click was not counted.
poll-vote-closed = This poll is closed; your click was not counted.

poll-notice-not-cmo = Only the CMO can close a poll or record its decision.
poll-notice-already = This poll is already closed.

## Polls a committee trusts: the hidden tally, the quorum, the secret ballot, the one nudge.
poll-turnout-hidden = { $voted } of { $members } have voted · the tally shows when the poll closes
poll-quorum = Quorum: { $needed ->
    [one] { $needed } vote
   *[other] { $needed } votes
  }
poll-result-no-quorum = *No quorum:* { $voted } of { $members } voted, { $needed } needed. The decision is deferred unless the CMO records one anyway.
poll-closed-no-quorum = *No quorum* ({ $voted } of { $members } voted, { $needed } needed): the decision is deferred, unless you record one anyway; the log will say it was taken without quorum.
poll-vote-secret = Secret ballot: your vote is stored under a code only this poll knows, and the code is destroyed when it closes.

poll-nudge-fallback = A poll of { $committee } closes { $deadline }: you have not voted yet
poll-nudge = :ballot_box_with_ballot: The poll *{ $question }* of { $committee } closes { $deadline } and you have not voted yet. Vote in { $channel }.
