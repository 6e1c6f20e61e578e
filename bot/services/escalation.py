"""The daily escalation scan: what is silent, late, off track or blocked climbs the RACI
ladder — owner, then accountable, then the escalation channel, the CMOs and the committee's
arbitration queue — and resolves by itself once its cause goes away.

The facts come from a constant number of queries, the rules from `rituals.escalation`; every
step is written with its messages in one transaction, keyed by what it is about (not by row
ids), so that two scans at once — two replicas — tell each level once.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlmodel import Session

from bot.blocks import escalation as blocks
from bot.blocks.kit import Message
from bot.delivery import keys
from bot.delivery.outbox import enqueue
from bot.delivery.payloads import post
from bot.people import People
from bot.readers import Readers
from bot.settings import Settings
from bot.text import Mrkdwn
from rituals.arbitration import committee_for
from rituals.db import Database
from rituals.escalation import (
    Audience,
    Cause,
    InitiativeFacts,
    OpenEscalation,
    StepKind,
    Thresholds,
    WeekSeen,
    audiences,
    facts_of,
    plan,
    queues_request,
)
from rituals.models import CheckIn, Escalation, Initiative
from rituals.periods import bounds, quarter_of, recent_weeks, week_of
from rituals.registry import Ritual, RunResult, day_of
from rituals.store import absences, checkins, escalations, initiatives, prompts, requests

HISTORY = 4  # recent answers shown to the accountable


class EscalationRitual:
    def __init__(
        self, database: Database, settings: Settings, readers: Readers, people: People
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(**self.settings.config.escalation.model_dump())

    def run(self, *, now: datetime, committee: str | None = None) -> RunResult:
        """Scan today; idempotent by the escalations' own levels."""
        tz = self.settings.tz
        today, period = now.astimezone(tz).date(), week_of(now, tz)
        rules = self.thresholds
        span = max(rules.silent_periods, rules.off_track_periods, rules.blocked_periods) + 1
        weeks = recent_weeks(period, span)
        messages = 0
        with self.database.write() as session:
            found = {
                i.id: i
                for i in initiatives.of_quarter(session=session, quarter=quarter_of(now, tz))
                if i.id is not None
            }
            facts, history = self._facts(session, found, weeks, period)
            standing = {e.id: e for e in escalations.open_ones(session=session)}
            opened = [
                OpenEscalation(
                    e.id or 0, e.initiative_id, Cause(e.cause), e.level, week_of(e.raised_at, tz)
                )
                for e in standing.values()
            ]
            for step in plan(facts, opened, today=today, period=period, thresholds=rules):
                if step.kind is StepKind.RESOLVE:
                    row = standing[step.escalation_id or 0]
                    row.resolved_at, row.resolution = now, "cause gone"
                    session.add(row)
                    continue
                if step.kind is StepKind.OPEN:
                    row = Escalation(
                        initiative_id=step.initiative_id,
                        cause=step.cause.value,
                        level=1,
                        opened_at=now,
                        raised_at=now,
                    )
                else:
                    row = standing[step.escalation_id or 0]
                    row.level, row.raised_at = step.level, now
                initiative = found[step.initiative_id]
                messages += self._tell(
                    session, row, initiative, now, period, history[step.initiative_id]
                )
        return RunResult(Ritual.ESCALATION, day_of(now, tz), messages, True)

    def _facts(
        self, session: Session, found: dict[int, Initiative], weeks: list[str], current: str
    ) -> tuple[list[InitiativeFacts], dict[int, list[CheckIn]]]:
        tz = self.settings.tz
        ids = list(found)
        asked = {
            (p.initiative_id, p.period): p
            for p in prompts.of_periods(session=session, initiative_ids=ids, periods=weeks)
        }
        answers = {
            (c.initiative_id, c.period): c
            for c in checkins.of_periods(session=session, initiative_ids=ids, periods=weeks)
        }
        starts = {week: bounds(week, tz)[0].astimezone(tz).date() for week in weeks}
        away: dict[str, list[tuple[date, date]]] = defaultdict(list)
        for absence in absences.ending_after(session=session, day=starts[weeks[0]]):
            away[absence.user].append((absence.since, absence.until))
        facts, history = [], defaultdict(list)
        for initiative_id, initiative in sorted(found.items()):
            seen = []
            for week in weeks:
                prompt, answer = (
                    asked.get((initiative_id, week)),
                    answers.get((initiative_id, week)),
                )
                if answer is not None:
                    history[initiative_id].append(answer)
                seen.append(
                    WeekSeen(
                        period=week,
                        starts=starts[week],
                        prompted=prompt is not None,
                        skipped=bool(prompt and prompt.skipped_at),
                        answered=answer is not None,
                        status=answer.status if answer else None,
                        blocked=bool(answer and answer.blockers),
                    )
                )
            facts.append(
                facts_of(
                    initiative_id,
                    initiative.status,
                    initiative.due,
                    seen,
                    absences=away.get(initiative.owner, []),
                    current=current,
                )
            )
        return facts, {i: history[i][-HISTORY:] for i in found}

    def _tell(
        self,
        session: Session,
        row: Escalation,
        initiative: Initiative,
        now: datetime,
        period: str,
        history: list[CheckIn],
    ) -> int:
        """The messages of a level, once per level."""
        if row.notified_level >= row.level:
            session.add(row)
            return 0
        row.notified_level = row.level
        session.add(row)
        assert initiative.id is not None
        config = self.settings.config
        committees = list(config.committees)
        queue = committee_for(initiative.committee, committees)
        if queues_request(row.level) and queue is not None:
            words = self.readers.of_committee(queue)
            requests.queue(
                session=session,
                committee=queue,
                initiative_id=initiative.id,
                checkin_id=None,
                text=blocks.request(words, self._case(initiative, row)),
                user=initiative.owner,
                now=now,
            )
        told = audiences(
            row.level,
            owner=initiative.owner,
            accountable=initiative.accountable,
            escalation_channel=config.escalation_channel,
            cmos=config.cmo,
        )
        opened = day_of(row.opened_at, self.settings.tz)
        for recipient, audience in told:
            message = self._message(audience, recipient, initiative, row, period, history, queue)
            enqueue(
                session,
                keys.escalation(initiative.id, row.cause, opened, row.level, recipient),
                post(recipient, message),
                now=now,
                initiative_id=initiative.id,
            )
        return len(told)

    def _message(
        self,
        audience: Audience,
        recipient: str,
        initiative: Initiative,
        row: Escalation,
        period: str,
        history: list[CheckIn],
        queue: str | None,
    ) -> Message:
        case = self._case(initiative, row)
        if audience is Audience.CHANNEL:
            # the top level asks the accountable to act now: the one mention it makes
            def who(user: str) -> Mrkdwn:
                if user == initiative.accountable:
                    return self.people.mentioned(user)
                return self.people.named(user)

            words = self.readers.of_committee(queue)
            return blocks.channel(words, case, who=who, history=history, queue=queue)
        words = self.readers.of_user(recipient)
        named = self.people.named
        if audience is Audience.OWNER:
            return blocks.owner(words, case, period=period)
        if audience is Audience.OWNER_TOLD:
            return blocks.owner_told(words, case, who=named)
        if audience is Audience.ACCOUNTABLE:
            return blocks.accountable(words, case, who=named, history=history)
        return blocks.cmo(words, case, who=named, history=history, queue=queue)

    def _case(self, initiative: Initiative, row: Escalation) -> blocks.Case:
        return blocks.Case(initiative, Cause(row.cause), self.thresholds)
