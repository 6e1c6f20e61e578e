"""The weekly check-in and its reminder: who is asked this week — one prompt per person,
listing every initiative they answer for — in one transaction that writes the prompts and
their messages to the outbox."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from bot.blocks import checkin as blocks
from bot.blocks.checkin import FollowUp, PromptItem
from bot.delivery import keys
from bot.delivery.outbox import Queued, enqueue, enqueue_many
from bot.delivery.payloads import Redraw, post
from bot.people import People
from bot.readers import Readers
from bot.services import commitments
from bot.services.noise import Budget
from bot.settings import Settings
from bot.text import stored
from bot.triggers import trigger_for
from rituals.checkins import PromptPlan, plan_prompts
from rituals.db import Database
from rituals.models import CheckinPrompt, Initiative
from rituals.owners import owns
from rituals.periods import bounds, quarter_of, week_of
from rituals.registry import Ritual, RunResult
from rituals.store import (
    absences,
    checkins,
    decisions,
    initiatives,
    notices,
    outbox,
    prompts,
    runs,
)


class CheckinRitual:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        readers: Readers,
        people: People | None,
        budget: Budget,
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people
        self.budget = budget

    def time_came(self, ritual: Ritual, person: str, now: datetime, period: str) -> bool:
        """With `checkin_local_time`, a person is asked once the ritual's hour has come in
        their own time zone, within the workspace's week; otherwise, always."""
        if not self.settings.config.checkin_local_time or self.people is None:
            return True
        trigger = trigger_for(self.settings.cadence(ritual), self.people.zone(person))
        start, _ = bounds(period, self.settings.tz)
        fire = trigger.get_next_fire_time(None, start - timedelta(days=1))
        while fire is not None and week_of(fire, self.settings.tz) < period:
            fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
        return fire is not None and fire <= now

    def run_checkin(self, *, now: datetime, committee: str | None = None) -> RunResult:
        """One DM per person for the week, listing every initiative they answer for (theirs,
        and as a deputy those of owners away); an owner away with nobody standing in is
        excused. A second run asks nobody twice: an initiative added since joins the
        person's prompt, redrawn in place."""
        tz = self.settings.tz
        period, quarter = week_of(now, tz), quarter_of(now, tz)
        if self.settings.is_holiday(now):
            return RunResult(Ritual.CHECKIN, period, 0, False)
        with self.database.write() as session:
            first = runs.note(
                session=session,
                ritual=Ritual.CHECKIN,
                period=period,
                committee=committee or "",
                now=now,
            )
            plans = plan_prompts(
                initiatives.of_quarter(session=session, quarter=quarter, committee=committee),
                quarter=quarter,
                asked=prompts.asked_pairs(session=session, period=period),
                away=absences.away_on(session=session, day=now.astimezone(tz).date()),
            )
            asking = [plan for plan in plans if plan.recipient is not None]
            if self.people is not None:  # names, zones, languages: known before, in bulk
                self.people.prefetch(
                    {p.recipient or "" for p in asking} | {p.stands_for for p in asking}
                )
            by_person: dict[str, list[PromptPlan]] = defaultdict(list)
            for plan in plans:
                if plan.recipient is None:
                    self._excuse(session, plan.initiative, period, now)
                elif self.time_came(Ritual.CHECKIN, plan.recipient, now, period):
                    by_person[plan.recipient].append(plan)
            queued = self._ask(session, by_person, period, now)
        return RunResult(Ritual.CHECKIN, period, queued, first)

    def _excuse(self, session: Session, initiative: Initiative, period: str, now: datetime) -> None:
        """Away with nobody standing in: the week is excused, nobody is asked."""
        assert initiative.id is not None
        session.add(
            CheckinPrompt(
                initiative_id=initiative.id,
                period=period,
                owner=initiative.owner,
                recipient="",
                message_key=keys.prompt(period, "away"),
                created_at=now,
                skipped_at=now,
            )
        )

    def _ask(
        self, session: Session, by_person: dict[str, list[PromptPlan]], period: str, now: datetime
    ) -> int:
        """Each person's prompt of the week, in a few statements whatever their number: the
        rows of what they are asked, and one message each, drawn when it is sent (see
        `draw`). A person asked already this week gets it redrawn in place with what was
        added since: no second DM. How many were queued."""
        if not by_person:
            return 0
        keyed = {person: keys.prompt(period, person) for person in by_person}
        prompts.add_many(
            session=session,
            rows=[
                CheckinPrompt(
                    initiative_id=plan.initiative.id or 0,
                    period=period,
                    owner=plan.stands_for,
                    recipient=person,
                    message_key=keyed[person],
                    created_at=now,
                )
                for person, new in by_person.items()
                for plan in new
            ],
        )
        sent = outbox.existing(session=session, keys=list(keyed.values()))
        fresh = {person: key for person, key in keyed.items() if key not in sent}
        notices.take_all(session=session, into=fresh)  # what was folded rides on the prompt
        counts = prompts.count_by_key(session=session, keys=list(keyed.values()))
        queued = []
        for person, key in sorted(keyed.items()):
            ref = f"{period} {person}"
            if person in fresh:
                new = by_person[person]
                queued.append(
                    Queued(
                        key,
                        Redraw(surface="prompt", ref=ref),
                        initiative_id=new[0].initiative.id if len(new) == 1 else None,
                        noise=(person, period),
                    )
                )
            else:
                redraw = keys.prompt_redraw(period, person, counts.get(key, 0))
                queued.append(Queued(redraw, Redraw(surface="prompt_edit", ref=ref), refers_to=key))
        added = enqueue_many(session, queued, now=now)
        return len(added & set(fresh.values()))

    def draw(self, session: Session, ref: str) -> dict[str, Any]:
        """A person's prompt of the week as it stands when it is sent (the outbox's drawer of
        `prompt`): what they are asked, the last answers, the decisions to follow up, and
        what was folded into it. `ref` is "<period> <person>"."""
        period, person = ref.split(" ", 1)
        key = keys.prompt(period, person)
        asked = prompts.with_key(session=session, key=key)
        found = initiatives.by_ids(session=session, ids=[p.initiative_id for p in asked])
        everything = sorted(found.values(), key=lambda i: (i.title.casefold(), i.id or 0))
        notes = [stored(text) for text in notices.riding_on(session=session, into=key)]
        words = self.readers.of_user(person)
        items = self._items(session, person, everything)
        shown = {d.id for item in items for d in item.decisions}
        followed = [
            f
            for f in commitments.in_prompt(session, self.settings.tz, person, period)
            if f.id not in shown
        ]
        drawn = blocks.prompt(words, items, period=period, notes=notes, followed=followed)
        return {"channel": person, **drawn.payload()}

    def draw_edit(self, session: Session, ref: str) -> dict[str, Any]:
        """The prompt redrawn in place (chat.update takes the channel of the message)."""
        drawn = self.draw(session, ref)
        drawn.pop("channel")
        return drawn

    def _items(self, session: Session, person: str, asked: list[Initiative]) -> list[PromptItem]:
        ids = [i.id for i in asked if i.id is not None]
        last = checkins.latest_of(session=session, initiative_ids=ids)
        follow_ups = decisions.open_for(session=session, initiative_ids=ids)
        items = []
        for initiative in asked:
            previous = last.get(initiative.id or 0)
            deputy_for = None
            if not owns(initiative, person) and self.people is not None:
                deputy_for = self.people.named(initiative.owner)
            items.append(
                PromptItem(
                    initiative,
                    last=previous,
                    last_period=previous.period if previous else None,
                    decisions=[
                        FollowUp(d.id or 0, d.decision, d.decided_at, d.due)
                        for d in follow_ups.get(initiative.id or 0, [])
                    ],
                    deputy_for=deputy_for,
                )
            )
        return items

    def run_reminder(self, *, now: datetime, committee: str | None = None) -> RunResult:
        """One nudge per person, in their prompt's thread, naming what is still missing."""
        period = week_of(now, self.settings.tz)
        if self.settings.is_holiday(now):
            return RunResult(Ritual.REMINDER, period, 0, False)
        queued = 0
        with self.database.write() as session:
            first = runs.note(
                session=session,
                ritual=Ritual.REMINDER,
                period=period,
                committee=committee or "",
                now=now,
            )
            waiting = prompts.unanswered(session=session, period=period)
            found = initiatives.by_ids(session=session, ids=[p.initiative_id for p in waiting])
            by_person: dict[str, list[CheckinPrompt]] = defaultdict(list)
            for prompt in waiting:
                initiative = found.get(prompt.initiative_id)
                if initiative is None or not prompt.recipient:
                    continue
                if committee and initiative.committee != committee:
                    continue
                by_person[prompt.recipient].append(prompt)
            for person, missing in sorted(by_person.items()):
                queued += self._remind(session, person, missing, found, now, period)
        return RunResult(Ritual.REMINDER, period, queued, first)

    def _remind(
        self,
        session: Session,
        person: str,
        missing: list[CheckinPrompt],
        found: dict[int, Initiative],
        now: datetime,
        period: str,
    ) -> int:
        key = missing[0].message_key
        sent = outbox.by_key(session=session, key=key)
        if sent is None or sent.state == "failed":
            return 0
        if not self.time_came(Ritual.REMINDER, person, now, period):
            return 0
        for prompt in missing:
            prompt.reminded_at = now
            session.add(prompt)
        titles = sorted(found[p.initiative_id].title for p in missing)
        reminder_key = keys.reminder(period, person)
        notes = self.budget.notes(session, person, into=reminder_key)
        words = self.readers.of_user(person)
        message = blocks.reminder(words, titles=titles, period=period, notes=notes)
        message = commitments.on_reminder(session, self.settings.tz, person, period, message, words)
        return int(
            enqueue(
                session,
                reminder_key,
                post(None, message),
                now=now,
                refers_to=key,
                initiative_id=missing[0].initiative_id if len(missing) == 1 else None,
                noise=(person, period),
            )
        )
