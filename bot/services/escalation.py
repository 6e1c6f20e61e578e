"""The daily escalation scan: what is silent, late, off track or blocked climbs the RACI
ladder — owner, then accountable, then the escalation channel, the CMOs and the committee's
arbitration queue — and resolves by itself once its cause goes away.

The facts come from a constant number of column reads, the rules from `rituals.escalation`;
every step is written with its messages in one transaction, in a few bulk statements
whatever the number of initiatives, keyed by what it is about (not by row ids), so that two
scans at once — two replicas — tell each level once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from bot.blocks import escalation as blocks
from bot.blocks.kit import Message
from bot.dashboard.links import initiative_url, with_link
from bot.delivery import keys
from bot.people import People
from bot.readers import Readers
from bot.services.noise import Budget, Outgoing
from bot.settings import Settings
from bot.text import Mrkdwn
from bot.words import Words
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
from rituals.periods import bounds, quarter_of, recent_weeks, week_of
from rituals.registry import Ritual, RunResult, day_of
from rituals.store import absences, escalations, requests
from rituals.store.escalations import Answered, Scanned

HISTORY = 4  # recent answers shown to the accountable
Follower = Callable[[Session, datetime, str], list[Outgoing]]


@dataclass(frozen=True)
class Telling:
    """A level reached, to be told: of which initiative, why, since when."""

    initiative: Scanned
    cause: Cause
    level: int
    opened_at: datetime


class _Once(Words):
    """A language's words over one scan, each distinct sentence formatted once: thousands of
    escalations share their clauses ("no update for 2 weeks or more") and button labels."""

    def __init__(self, words: Words) -> None:
        vars(self).update(vars(words))
        self._said: dict[tuple[Any, ...], Any] = {}

    def text(self, message_id: str, **args: Any) -> str:
        return self._once(super().text, "text", message_id, args)

    def md(self, message_id: str, **args: Any) -> Mrkdwn:
        return self._once(super().md, "md", message_id, args)

    def _once(self, say: Any, how: str, message_id: str, args: dict[str, Any]) -> Any:
        # the type too: a str argument is escaped, the same text as Mrkdwn is not
        key = (how, message_id, *((k, type(v), v) for k, v in sorted(args.items())))
        try:
            said = self._said.get(key)
        except TypeError:  # an argument that cannot be a key: said afresh
            return say(message_id, **args)
        if said is None:
            said = self._said[key] = say(message_id, **args)
        return said


class EscalationRitual:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        readers: Readers,
        people: People,
        budget: Budget,
        followers: Sequence[Follower] = (),
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people
        self.budget = budget
        self.followers = followers  # other scans of the day (decisions), in the same budget

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(**self.settings.config.escalation.model_dump())

    def run(self, *, now: datetime, committee: str | None = None) -> RunResult:
        """Scan today; idempotent by the escalations' own levels."""
        tz = self.settings.tz
        today, period, quarter = now.astimezone(tz).date(), week_of(now, tz), quarter_of(now, tz)
        rules = self.thresholds
        span = max(rules.silent_periods, rules.off_track_periods, rules.blocked_periods) + 1
        weeks = recent_weeks(period, span)
        with self.database.write() as session:
            found = {i.id: i for i in escalations.scanned(session=session, quarter=quarter)}
            facts, history = self._facts(session, found, quarter, weeks, period)
            standing = {e.id: e for e in escalations.standing(session=session)}
            opened = [
                OpenEscalation(
                    e.id, e.initiative_id, Cause(e.cause), e.level, week_of(e.raised_at, tz)
                )
                for e in standing.values()
            ]
            fresh: list[dict[str, Any]] = []
            changed: list[dict[str, Any]] = []
            telling: list[Telling] = []
            for step in plan(facts, opened, today=today, period=period, thresholds=rules):
                if step.kind is StepKind.OPEN:
                    fresh.append({"initiative_id": step.initiative_id, "cause": step.cause.value,
                                  "level": 1, "notified_level": 1, "opened_at": now,
                                  "raised_at": now})  # fmt: skip
                    telling.append(Telling(found[step.initiative_id], step.cause, 1, now))
                    continue
                row = standing[step.escalation_id or 0]
                if step.kind is StepKind.RESOLVE:
                    changed.append({"id": row.id, "resolved_at": now, "resolution": "cause gone"})
                    continue
                told = max(row.notified_level, step.level)  # each level is told once
                changed.append({"id": row.id, "level": step.level, "raised_at": now,
                                "notified_level": told})  # fmt: skip
                if row.notified_level < step.level:
                    initiative = found[step.initiative_id]
                    telling.append(Telling(initiative, step.cause, step.level, row.opened_at))
            escalations.change_many(session=session, rows=changed)
            escalations.open_many(session=session, rows=fresh)
            outgoing = self._tell(session, telling, now, period, history, rules)
            for follower in self.followers:
                outgoing += follower(session, now, period)
            messages = self.budget.deliver(session, outgoing, week=period, now=now)
        return RunResult(Ritual.ESCALATION, day_of(now, tz), messages, True)

    def _facts(
        self,
        session: Session,
        found: dict[int | None, Scanned],
        quarter: str,
        weeks: list[str],
        current: str,
    ) -> tuple[list[InitiativeFacts], dict[int, list[Answered]]]:
        tz = self.settings.tz
        asked = {
            (p.initiative_id, p.period): p.skipped
            for p in escalations.asked_in(session=session, quarter=quarter, periods=weeks)
        }
        answers: dict[int, dict[str, Answered]] = defaultdict(dict)
        for a in escalations.answered_in(session=session, quarter=quarter, periods=weeks):
            answers[a.initiative_id][a.period] = a
        starts = {week: bounds(week, tz)[0].astimezone(tz).date() for week in weeks}
        away: dict[str, list[tuple[date, date]]] = defaultdict(list)
        for absence in absences.ending_after(session=session, day=starts[weeks[0]]):
            away[absence.user].append((absence.since, absence.until))
        facts, history = [], {}
        for initiative_id, initiative in sorted((i, f) for i, f in found.items() if i is not None):
            mine = answers.get(initiative_id, {})
            seen = []
            for week in weeks:
                skipped, answer = asked.get((initiative_id, week)), mine.get(week)
                seen.append(
                    WeekSeen(
                        period=week,
                        starts=starts[week],
                        prompted=skipped is not None,
                        skipped=bool(skipped),
                        answered=answer is not None,
                        status=answer.status if answer else None,
                        blocked=bool(answer and answer.blockers),
                    )
                )
            history[initiative_id] = [mine[w] for w in weeks if w in mine][-HISTORY:]
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
        return facts, history

    def _tell(
        self,
        session: Session,
        telling: list[Telling],
        now: datetime,
        period: str,
        history: dict[int, list[Answered]],
        rules: Thresholds,
    ) -> list[Outgoing]:
        """The messages of each level reached, and the requests the top level queues."""
        config = self.settings.config
        committees = list(config.committees)
        ladder = [
            audiences(
                t.level,
                owner=t.initiative.owner,
                accountable=t.initiative.accountable,
                escalation_channel=config.escalation_channel,
                cmos=config.cmo,
            )
            for t in telling
        ]
        named = {p for t in telling for p in (t.initiative.owner, t.initiative.accountable) if p}
        told = {recipient for heard in ladder for recipient, _ in heard}
        self.people.prefetch({u for u in named | told if u[:1] in ("U", "W")})
        outgoing: list[Outgoing] = []
        wanted: list[requests.Wanted] = []
        languages: dict[str, _Once] = {}

        def once(words: Words) -> Words:
            if words.language not in languages:
                languages[words.language] = _Once(words)
            return languages[words.language]

        for t, heard in zip(telling, ladder, strict=True):
            initiative, case = t.initiative, blocks.Case(t.initiative, t.cause, rules)
            assert initiative.id is not None
            queue = committee_for(initiative.committee, committees)
            if queues_request(t.level) and queue is not None:
                text = blocks.request(self.readers.of_committee(queue), case)
                wanted.append(requests.Wanted(queue, initiative.id, text, initiative.owner))
            opened = day_of(t.opened_at, self.settings.tz)
            for recipient, audience in heard:
                message = self._message(
                    audience, recipient, case, period, history[initiative.id], queue, once
                )
                key = keys.escalation(initiative.id, t.cause, opened, t.level, recipient)
                outgoing.append(Outgoing(recipient, audience, key, message, initiative.id))
        requests.queue_many(session=session, wanted=wanted, now=now)
        return outgoing

    def _message(
        self,
        audience: Audience,
        recipient: str,
        case: blocks.Case,
        period: str,
        history: list[Answered],
        queue: str | None,
        once: Callable[[Words], Words],
    ) -> Message:
        initiative = case.initiative
        if audience is Audience.CHANNEL:
            # the top level asks the accountable to act now: the one mention it makes
            def who(user: str) -> Mrkdwn:
                if user == initiative.accountable:
                    return self.people.mentioned(user)
                return self.people.named(user)

            words = once(self.readers.of_committee(queue))
            message = blocks.channel(words, case, who=who, history=history, queue=queue)
            return with_link(message, words, initiative_url(self.settings, initiative.id))
        words = once(self.readers.of_user(recipient))
        named = self.people.named
        if audience is Audience.OWNER:
            return blocks.owner(words, case, period=period)
        if audience is Audience.OWNER_TOLD:
            return blocks.owner_told(words, case, who=named)
        if audience is Audience.ACCOUNTABLE:
            message = blocks.accountable(words, case, who=named, history=history)
        else:
            message = blocks.cmo(words, case, who=named, history=history, queue=queue)
        return with_link(message, words, initiative_url(self.settings, initiative.id))
