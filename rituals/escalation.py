"""Escalation rules: which causes keep an initiative off course, and how each climbs the ladder.

Pure domain: the caller passes `today`, the period, the facts and the open escalations; the
daily scan stores and announces the steps returned here.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from rituals.absence import excuses
from rituals.periods import parse_period
from rituals.status import Status

MAX_LEVEL = 3  # 1 owner, 2 accountable, 3 escalation channel + CMOs + committee queue


class Cause(StrEnum):
    SILENT = "silent"
    OVERDUE = "overdue"
    OFF_TRACK = "off_track"
    BLOCKED = "blocked"


_CAUSE_ORDER = {cause: rank for rank, cause in enumerate(Cause)}


@dataclass(frozen=True)
class Thresholds:
    silent_periods: int = 2  # no answer for this many consecutive check-in periods
    off_track_periods: int = 2  # off_track for this many consecutive answered periods
    blocked_periods: int = 3  # a blocker reported for this many consecutive answered periods
    raise_after_periods: int = 1  # a cause still there this long after its last raise climbs

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if value < 1:
                raise ValueError(f"{name} must be 1 or more, not {value}")


@dataclass(frozen=True)
class PeriodFacts:
    period: str  # "2026-W48"
    prompted: bool  # the owner was asked that week
    answered: bool
    excused: bool  # skipped, declared absent or a holiday: neither missed nor answered
    status: str | None  # the answer's status when answered
    blocked: bool  # the answer reported a blocker


@dataclass(frozen=True)
class InitiativeFacts:
    initiative_id: int
    status: str | None  # the initiative's current status
    due: date | None
    history: tuple[PeriodFacts, ...]  # the periods to judge, oldest first


def _streak(
    history: Sequence[PeriodFacts],
    length: int,
    counts: Callable[[PeriodFacts], bool],
    holds: Callable[[PeriodFacts], bool],
) -> bool:
    """Whether the last `length` periods that `counts` all hold; other periods are skipped over."""
    seen = 0
    for facts in reversed(history):
        if not counts(facts):
            continue
        if not holds(facts):
            return False
        seen += 1
        if seen == length:
            return True
    return False


def _checked_in(facts: PeriodFacts) -> bool:
    return facts.prompted and not facts.excused


def _answered(facts: PeriodFacts) -> bool:
    return facts.answered and not facts.excused


def causes(
    facts: InitiativeFacts, *, today: date, thresholds: Thresholds = Thresholds()
) -> set[Cause]:
    """The causes that hold today for an initiative; a done initiative has none."""
    if facts.status == Status.DONE:
        return set()
    history, found = facts.history, set()
    if _streak(history, thresholds.silent_periods, _checked_in, lambda p: not p.answered):
        found.add(Cause.SILENT)
    if facts.due is not None and facts.due < today:
        found.add(Cause.OVERDUE)
    off_track = thresholds.off_track_periods
    if _streak(history, off_track, _answered, lambda p: p.status == Status.OFF_TRACK):
        found.add(Cause.OFF_TRACK)
    if _streak(history, thresholds.blocked_periods, _answered, lambda p: p.blocked):
        found.add(Cause.BLOCKED)
    return found


@lru_cache(maxsize=1024)
def _monday(week: str) -> date:
    parsed = parse_period(week)
    if parsed.kind != "week":
        raise ValueError(f"{week!r} is not a week; expected a week like 2026-W48")
    return date.fromisocalendar(parsed.year, parsed.number, 1)


def weeks_between(a: str, b: str) -> int:
    """How many ISO weeks `b` comes after `a` (negative when before), across year ends."""
    return (_monday(b) - _monday(a)).days // 7


@dataclass(frozen=True)
class OpenEscalation:
    id: int
    initiative_id: int
    cause: Cause
    level: int  # 1 owner, 2 accountable, 3 escalation channel + CMOs + committee queue
    raised_period: str  # the week it was opened or last raised


class StepKind(StrEnum):
    OPEN = "open"
    RAISE = "raise"
    RESOLVE = "resolve"


@dataclass(frozen=True)
class Step:
    kind: StepKind
    initiative_id: int
    cause: Cause
    level: int  # the level after the step (RESOLVE: the level it had)
    escalation_id: int | None  # None for OPEN


def plan(
    facts: Iterable[InitiativeFacts],
    open_escalations: Iterable[OpenEscalation],
    *,
    today: date,
    period: str,
    thresholds: Thresholds = Thresholds(),
) -> list[Step]:
    """What the scan of `period` opens, raises and resolves, by initiative id then cause.

    A cause climbs one level per `raise_after_periods` weeks and stays at MAX_LEVEL; an open
    escalation whose cause went away, or whose initiative is no longer given, is resolved.
    """
    weeks_between(period, period)  # refuse a period that is not a week, even with nothing open
    present: dict[int, set[Cause]] = {}
    for initiative in facts:
        if initiative.initiative_id in present:
            raise ValueError(f"initiative {initiative.initiative_id} is given twice")
        present[initiative.initiative_id] = causes(initiative, today=today, thresholds=thresholds)
    steps: list[Step] = []
    current: dict[tuple[int, Cause], OpenEscalation] = {}
    for escalation in sorted(open_escalations, key=lambda e: e.id):
        key = (escalation.initiative_id, escalation.cause)
        if key in current or escalation.cause not in present.get(escalation.initiative_id, ()):
            # A duplicate of the same cause is closed too: one escalation per initiative and cause.
            steps.append(_step(StepKind.RESOLVE, escalation, escalation.level))
        else:
            current[key] = escalation
    for initiative_id, found in present.items():
        for cause in found:
            standing = current.get((initiative_id, cause))
            if standing is None:
                steps.append(Step(StepKind.OPEN, initiative_id, cause, 1, None))
            elif _climbs(standing, period, thresholds):
                steps.append(_step(StepKind.RAISE, standing, standing.level + 1))
    steps.sort(key=lambda s: (s.initiative_id, _CAUSE_ORDER[s.cause], s.escalation_id or 0))
    return steps


def _step(kind: StepKind, escalation: OpenEscalation, level: int) -> Step:
    return Step(kind, escalation.initiative_id, escalation.cause, level, escalation.id)


def _climbs(escalation: OpenEscalation, period: str, thresholds: Thresholds) -> bool:
    if escalation.level >= MAX_LEVEL:
        return False
    return weeks_between(escalation.raised_period, period) >= thresholds.raise_after_periods


class Audience(StrEnum):
    """Who hears an escalation, and so which words they read."""

    OWNER = "owner"  # level 1: the owner, asked for an update
    OWNER_TOLD = "owner_told"  # level 2: the owner, told it went to the accountable
    ACCOUNTABLE = "accountable"  # level 2
    CHANNEL = "channel"  # level 3: the escalation channel
    CMO = "cmo"  # level 3


def audiences(
    level: int,
    *,
    owner: str,
    accountable: str | None,
    escalation_channel: str | None,
    cmos: Sequence[str],
) -> list[tuple[str, Audience]]:
    """Who is told at `level`: the owner (1); the accountable, and the owner told (2); the
    escalation channel and the CMOs (3), when the committee's arbitration queue gets it too."""
    if level <= 1:
        return [(owner, Audience.OWNER)]
    if level == 2:
        told = [(accountable, Audience.ACCOUNTABLE)] if accountable else []
        return [*told, (owner, Audience.OWNER_TOLD)]
    channel = [(escalation_channel, Audience.CHANNEL)] if escalation_channel else []
    return [*channel, *((cmo, Audience.CMO) for cmo in cmos)]


def queues_request(level: int) -> bool:
    """The top level puts the initiative on its committee's arbitration agenda."""
    return level >= MAX_LEVEL


@dataclass(frozen=True)
class WeekSeen:
    """What is known of one week of one initiative, to judge it."""

    period: str
    starts: date  # its Monday, in the workspace's zone
    prompted: bool
    skipped: bool
    answered: bool
    status: str | None
    blocked: bool


def facts_of(
    initiative_id: int,
    status: str | None,
    due: date | None,
    weeks: Iterable[WeekSeen],
    *,
    absences: Iterable[tuple[date, date]],
    current: str,
) -> InitiativeFacts:
    """An initiative's facts for the scan: a week is excused when skipped or when an absence
    of the owner covers a day of it; this week counts only once it is answered or excused."""
    away = list(absences)
    history = []
    for week in weeks:
        excused = week.skipped or any(
            excuses(since, until, week_start=week.starts) for since, until in away
        )
        if week.period == current and not week.answered and not excused:
            continue  # this week's answer is not late yet
        history.append(
            PeriodFacts(
                period=week.period,
                prompted=week.prompted,
                answered=week.answered,
                excused=excused,
                status=week.status,
                blocked=week.blocked,
            )
        )
    return InitiativeFacts(initiative_id, status, due, tuple(history))
