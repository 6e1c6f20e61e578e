## The App Home: each person's initiatives, what they owe, the escalations they answer for;
## a CMO's Home adds the portfolio. Lists show their first items, then "…and N more".

home-header = Your rituals
home-empty = :sunny: *Nothing waits for you right now.* You own no initiative this quarter, owe no check-in or vote, and no escalation is yours to handle.
home-empty-next = When an initiative is assigned to you, its weekly check-in will show up here.
home-away = :palm_tree: *You are away* until { $until }, included: nobody asks you for a check-in and nothing is escalated meanwhile.
home-away-deputy = :palm_tree: *You are away* until { $until }, included: { $deputy } gets your prompts and answers for you meanwhile.
home-away-coming = :palm_tree: *You will be away* from { $since } to { $until }: nobody will ask you for a check-in then.
home-away-coming-deputy = :palm_tree: *You will be away* from { $since } to { $until }: { $deputy } will get your prompts and answer for you then.
home-away-day = :palm_tree: *You will be away* on { $since }: nobody will ask you for a check-in that day.
home-away-day-deputy = :palm_tree: *You will be away* on { $since }: { $deputy } will get your prompts and answer for you that day.
home-button-back = I'm back
home-button-cancel-away = Cancel this absence
home-initiatives = Your initiatives · { $quarter }
home-initiative-due = due { $due }
home-last = *Last update* ({ $period })
home-no-update = _No update yet._
home-no-initiative = _You own no initiative this quarter._
home-button-checkin = Check in now
home-more = _…and { $count } more_
home-owe = What you owe
home-caught-up = :white_check_mark: You are all caught up: no check-in and no vote waits for you.
home-prompts = :spiral_note_pad: *Check-ins of week { $week }*
home-poll = :ballot_box_with_ballot: *Vote in { $committee }*: { $question }
home-poll-deadline = Deadline { $deadline }
home-poll-channel = vote in { $channel }
home-escalations = Escalations you are accountable for
home-escalation = :rotating_light: *{ $title }* ({ $owner }) { $why } · { $level } · since { $since }
home-portfolio = Portfolio · { $quarter }
home-by-committee = *Initiatives by committee*
home-committee-none = No committee
home-no-initiatives = _No initiative this quarter._
home-overdue = *Overdue*
home-overdue-line = *{ $title }* ({ $owner }): due { $due }
home-nothing-overdue = _Nothing is overdue._
home-queue = *Arbitration queue*
home-queue-line = { $committee } · *{ $title }*: { $text } ({ $by })
home-queue-empty = _The queue is empty._
home-decisions = *Recent decisions*
home-decision-line = { $date } · { $committee } · *{ $question }* → { $decision }
home-decision-deferred = Deferred
home-no-decisions = _No decision recorded yet._
home-my-decisions = *Decisions of your committees and initiatives*
home-reading = { $written ->
    [one] One answer written as a message this quarter
   *[other] { $written } answers written as a message this quarter
  }, { $corrected ->
    [0] none corrected afterwards: the bot read them right.
    [one] one corrected afterwards with *Correct* ({ $rate }).
   *[other] { $corrected } corrected afterwards with *Correct* ({ $rate }).
  }
home-footer = Week { $week } · updated { $now }
