"""The weekly check-in and its reminder: who is asked this week, in one transaction that
writes the prompts and their messages to the outbox."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.blocks import checkin as blocks
from bot.blocks.checkin import FollowUp
from bot.delivery import keys
from bot.delivery.outbox import enqueue
from bot.delivery.payloads import post
from bot.people import People
from bot.readers import Readers
from bot.settings import Settings
from bot.triggers import trigger_for
from rituals.checkins import plan_prompts
from rituals.db import Database
from rituals.models import CheckinPrompt, Initiative
from rituals.periods import bounds, quarter_of, week_of
from rituals.registry import Ritual, RunResult
from rituals.store import absences, checkins, decisions, initiatives, outbox, prompts, runs


class CheckinRitual:
    def __init__(
        self, database: Database, settings: Settings, readers: Readers, people: People | None
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people

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
        """DM each owner (or their deputy) one prompt per initiative for the week; those
        already asked are not asked again; an owner away with nobody standing in is excused."""
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
                asked=prompts.asked(session=session, period=period),
                away=absences.away_on(session=session, day=now.astimezone(tz).date()),
            )
            plans = [
                plan
                for plan in plans
                if plan.recipient is None
                or self.time_came(Ritual.CHECKIN, plan.recipient, now, period)
            ]
            ids = [plan.initiative.id for plan in plans if plan.initiative.id is not None]
            last = checkins.latest_of(session=session, initiative_ids=ids)
            follow_ups = decisions.open_for(session=session, initiative_ids=ids)
            queued = 0
            for plan in plans:
                initiative = plan.initiative
                assert initiative.id is not None
                key = keys.prompt(period, initiative.id)
                session.add(
                    CheckinPrompt(
                        initiative_id=initiative.id,
                        period=period,
                        owner=initiative.owner,
                        message_key=key,
                        created_at=now,
                        skipped_at=now if plan.excused else None,
                    )
                )
                if plan.recipient is None:
                    continue
                previous = last.get(initiative.id)
                message = blocks.prompt(
                    self.readers.of_user(plan.recipient),
                    initiative,
                    period=period,
                    last=previous,
                    last_period=previous.period if previous else None,
                    decisions=[
                        FollowUp(d.id or 0, d.decision, d.decided_at, d.due)
                        for d in follow_ups.get(initiative.id, [])
                    ],
                )
                queued += enqueue(
                    session,
                    key,
                    post(plan.recipient, message),
                    now=now,
                    initiative_id=initiative.id,
                )
        return RunResult(Ritual.CHECKIN, period, queued, first)

    def run_reminder(self, *, now: datetime, committee: str | None = None) -> RunResult:
        """One nudge, in the prompt's thread, for each prompt of the week still unanswered."""
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
            for prompt in waiting:
                queued += self._remind(
                    session, prompt, found.get(prompt.initiative_id), committee, now, period
                )
        return RunResult(Ritual.REMINDER, period, queued, first)

    def _remind(
        self,
        session: Session,
        prompt: CheckinPrompt,
        initiative: Initiative | None,
        committee: str | None,
        now: datetime,
        period: str,
    ) -> int:
        if initiative is None or initiative.id is None:
            return 0
        sent = outbox.by_key(session=session, key=prompt.message_key)
        if sent is None or sent.state == "failed":
            return 0
        if committee and initiative.committee != committee:
            return 0
        recipient = sent.payload.get("channel") or initiative.owner
        if not self.time_came(Ritual.REMINDER, recipient, now, period):
            return 0
        prompt.reminded_at = now
        session.add(prompt)
        message = blocks.reminder(
            self.readers.of_user(recipient), title=initiative.title, period=period
        )
        return int(
            enqueue(
                session,
                keys.reminder(period, initiative.id),
                post(None, message),
                now=now,
                refers_to=prompt.message_key,
                initiative_id=initiative.id,
            )
        )
