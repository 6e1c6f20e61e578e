## Absences: /checkin away, the "I'm away" form, /checkin back.

absence-away = Noted: you are away until { $until }. No check-in will be asked of you meanwhile, and nothing will be escalated. Type `/checkin back` when you return.
absence-away-deputy = Noted: you are away until { $until }. Your check-ins go to { $deputy } meanwhile. Type `/checkin back` when you return.
absence-away-from = Noted: you will be away from { $since } to { $until }. No check-in will be asked of you then, and nothing will be escalated. Type `/checkin back` if your plans change.
absence-away-from-deputy = Noted: you will be away from { $since } to { $until }. Your check-ins go to { $deputy } then. Type `/checkin back` if your plans change.
absence-away-day = Noted: you will be away on { $day }. No check-in will be asked of you that day, and nothing will be escalated. Type `/checkin back` if your plans change.
absence-away-day-deputy = Noted: you will be away on { $day }. Your check-ins go to { $deputy } that day. Type `/checkin back` if your plans change.
absence-back = Welcome back: your check-ins start again.
absence-past = Pick a day from today on: the last day you are away.
absence-past-command = That day has already gone by, so nothing was recorded. Write the last day you are away, from today on, e.g. `/checkin away until 2026-12-15`, or `/checkin back` if you are back.
absence-bad = I could not read that, so nothing was recorded. Write `/checkin away until 2026-12-15`, `/checkin away until friday`, `/checkin away for 2 weeks` or `/checkin away tomorrow` (optionally followed by the deputy who answers meanwhile, e.g. @Marie), `/checkin back`, or just `/checkin` to open the form. `/checkin help` shows every form.
absence-form-title = Away
absence-form-save = Save
absence-form-cancel = Cancel
absence-form-intro = While you are away, nobody asks you for a check-in and nothing is escalated. Name a deputy and the prompts go to them instead.
absence-form-until = Away until (included)
absence-form-deputy = Deputy who answers meanwhile
