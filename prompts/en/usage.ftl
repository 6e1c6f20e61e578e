## `/checkin help`, `/arbitrate help`, `/decisions help` (or `aide`): every form of the
## command, each with an example, answered privately. One bullet per message.

usage-checkin-title = *`/checkin`*: your weekly check-in, your absences and the language I write to you in.
usage-checkin-form = `/checkin` opens the check-in form for your initiatives. You can also just reply to your prompt in a sentence: `green, 60%, kpi 4.5, blocked by legal`.
usage-checkin-away-date = `/checkin away until 2026-12-15` (or `15/12/2026`): away until that day, included. No prompt, no reminder, no escalation meanwhile.
usage-checkin-away-relative = `/checkin away until friday` (the next one) · `/checkin away for 2 weeks` · `/checkin away for 3 days` · `/checkin away tomorrow`
usage-checkin-away-deputy = `/checkin away for 2 weeks @Marie`: Marie gets your prompts and answers for you meanwhile.
usage-checkin-back = `/checkin back`: you are back, your check-ins start again (or *I'm back* on the bot's Home tab).
usage-checkin-language = `/checkin language fr` · `/checkin language en` · `/checkin language auto` (your Slack language)
usage-checkin-shortcut = On a message you wrote in any channel: ⋮ *More actions* → *Record as check-in* reads it as your check-in.
usage-checkin-help = `/checkin help`: this help.

usage-arbitrate-title = *`/arbitrate`*: put a question to a committee as a poll, with one button per option.
usage-arbitrate-form = `/arbitrate` alone opens the form: question, options, committee, deadline, anonymous vote, context, initiative.
usage-arbitrate-poll = `/arbitrate Do we extend the ERP budget? | Yes | No | Only 1 month`: 2 to { $max } options, for the committee of the channel you type it in (elsewhere, the first committee).
usage-arbitrate-channel = `/arbitrate #opscom Which supplier? | A | B`: for the committee of that channel.
usage-arbitrate-name = `/arbitrate comex: Extend the budget? | Yes | No`: for the committee named first.
usage-arbitrate-flags = `/arbitrate Budget 2027? | Approve | Reject --hidden --anonymous`: `--hidden` shows the turnout only until the poll closes; `--anonymous` makes it a secret ballot.
usage-arbitrate-help = `/arbitrate help`: this help.
usage-arbitrate-cmo = Only the CMO can post a poll. Committee members vote with its buttons; to ask for a decision on your initiative, write `decision needed: …` in your check-in and it joins the committee's next monthly agenda.

usage-decisions-title = *`/decisions`*: the decision log, privately.
usage-decisions-list = `/decisions`: the latest decisions you can see, newest first, with who follows up and by when.
usage-decisions-scope = You see the decisions of the committees you sit on and those about the initiatives you own or are accountable for; the CMO sees them all.
usage-decisions-help = `/decisions help`: this help.
