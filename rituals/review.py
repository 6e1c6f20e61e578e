"""The quarterly review: each initiative's KPI against its target, how it ended, how
faithfully its owner answered, and the decisions of the quarter. Pure: rows in, data out."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from rituals.models import CheckIn, CheckinPrompt, Decision, Escalation, Initiative
from rituals.periods import bounds, parse_period
from rituals.status import Status

NO_COMMITTEE = ""
UNKNOWN_STATUS = "unknown"
_UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class KpiPoint:
    period: str
    value: float


@dataclass(frozen=True)
class InitiativeReview:
    initiative_id: int
    title: str
    objective: str
    owner: str
    committee: str | None
    kpi_name: str
    kpi_unit: str
    baseline: float | None
    target: float | None
    achieved: float | None
    reached: float | None  # 0..1+ share of the way from baseline to target; None when unknown
    status: str | None
    completion: float | None  # answered / asked (not skipped); None when never asked
    escalations: int
    points: tuple[KpiPoint, ...]  # KPI values by week, oldest first


@dataclass(frozen=True)
class DecisionLine:
    decided_at: datetime  # in the workspace time zone
    committee: str
    question: str
    decision: str
    follow_up_owner: str | None
    due: date | None


@dataclass(frozen=True)
class QuarterReview:
    quarter: str
    committees: dict[str, list[InitiativeReview]]  # "" key for initiatives without committee
    decisions: tuple[DecisionLine, ...]
    summary: dict[str, int]  # counts by final status; "unknown" for initiatives without one


def quarter_bounds(quarter: str, tz: ZoneInfo = _UTC) -> tuple[datetime, datetime]:
    """Start (inclusive) and end (exclusive) of a quarter like `2026-Q4`, in UTC."""
    if parse_period(quarter).kind != "quarter":
        raise ValueError(f"{quarter!r} is not a quarter; expected a quarter like 2026-Q4")
    return bounds(quarter, tz)


def share_reached(
    baseline: float | None, target: float | None, achieved: float | None
) -> float | None:
    """How far `achieved` went from `baseline` towards `target`: 0 at the baseline (or
    worse), 1 on target, above 1 beyond it. The same formula serves a KPI that should go
    down (45 → 30 days): (achieved − baseline) / (target − baseline) equals
    (baseline − achieved) / (baseline − target). Unknown without all three values, or
    when the target is the baseline (no distance to cover)."""
    if baseline is None or target is None or achieved is None or target == baseline:
        return None
    return max(0.0, (achieved - baseline) / (target - baseline))


def build_review(
    quarter: str,
    initiatives: Iterable[Initiative],
    checkins: Iterable[CheckIn],
    prompts: Iterable[CheckinPrompt],
    decisions: Iterable[Decision],
    escalations: Iterable[Escalation],
    *,
    tz: ZoneInfo = _UTC,
) -> QuarterReview:
    """The review of `quarter`'s initiatives. Check-ins and prompts count when their week
    touches the quarter; escalations when they were open during it; decisions when they
    were taken in it, in the workspace time zone `tz`. Other rows are ignored."""
    start, end = quarter_bounds(quarter, tz)
    first_day, end_day = (moment.date() for moment in quarter_bounds(quarter))
    ours = sorted(
        (i for i in initiatives if i.quarter == quarter and i.id is not None),
        key=lambda i: i.id or 0,
    )
    ids = {i.id for i in ours}

    def in_quarter(initiative_id: int, period: str) -> bool:
        span = _days(period)
        return initiative_id in ids and span is not None and _overlap(span, first_day, end_day)

    answers: defaultdict[int, list[CheckIn]] = defaultdict(list)
    for checkin in checkins:
        if checkin.is_current and in_quarter(checkin.initiative_id, checkin.period):
            answers[checkin.initiative_id].append(checkin)
    asked: defaultdict[int, list[CheckinPrompt]] = defaultdict(list)
    for prompt in prompts:
        if in_quarter(prompt.initiative_id, prompt.period):
            asked[prompt.initiative_id].append(prompt)
    escalated = Counter(
        e.initiative_id
        for e in escalations
        if e.initiative_id in ids
        and e.opened_at < end
        and (e.resolved_at is None or e.resolved_at >= start)
    )

    reviews = [
        _review(i, answers[i.id], asked[i.id], escalated[i.id]) for i in ours if i.id is not None
    ]
    return QuarterReview(
        quarter=quarter,
        committees=_by_committee(reviews),
        decisions=_decisions(decisions, start, end, tz),
        summary=_summary(reviews),
    )


def _review(
    initiative: Initiative,
    answers: list[CheckIn],
    prompts: list[CheckinPrompt],
    escalations: int,
) -> InitiativeReview:
    assert initiative.id is not None
    answers = sorted(answers, key=lambda a: _days(a.period) or (date.min, date.min))
    points = tuple(KpiPoint(a.period, a.kpi_value) for a in answers if a.kpi_value is not None)
    achieved = points[-1].value if points else None
    statuses = [a.status for a in answers if a.status]
    answered_periods = {a.period for a in answers}
    # An answer given after a skip still counts: the owner did report that week.
    answered = sum(p.period in answered_periods for p in prompts)
    asked = sum(p.period in answered_periods or p.skipped_at is None for p in prompts)
    return InitiativeReview(
        initiative_id=initiative.id,
        title=initiative.title,
        objective=initiative.objective,
        owner=initiative.owner,
        committee=initiative.committee or None,
        kpi_name=initiative.kpi_name,
        kpi_unit=initiative.kpi_unit,
        baseline=initiative.kpi_baseline,
        target=initiative.kpi_target,
        achieved=achieved,
        reached=share_reached(initiative.kpi_baseline, initiative.kpi_target, achieved),
        status=statuses[-1] if statuses else initiative.status,
        completion=answered / asked if asked else None,
        escalations=escalations,
        points=points,
    )


def _by_committee(reviews: list[InitiativeReview]) -> dict[str, list[InitiativeReview]]:
    """Named committees alphabetically, then the initiatives without one; within each, the
    initiatives of an objective together, objectives in roadmap order."""
    names = sorted(
        {r.committee or NO_COMMITTEE for r in reviews},
        key=lambda name: (name == NO_COMMITTEE, name.casefold()),
    )
    grouped: dict[str, list[InitiativeReview]] = {}
    for name in names:
        rows = [r for r in reviews if (r.committee or NO_COMMITTEE) == name]
        order: dict[str, int] = {}
        for row in rows:
            order.setdefault(row.objective, len(order))
        grouped[name] = sorted(rows, key=lambda r: order[r.objective])
    return grouped


def _decisions(
    decisions: Iterable[Decision], start: datetime, end: datetime, tz: ZoneInfo
) -> tuple[DecisionLine, ...]:
    lines = (
        DecisionLine(
            decided_at=d.decided_at.astimezone(tz),
            committee=d.committee,
            question=d.question,
            decision=d.decision,
            follow_up_owner=d.follow_up_owner,
            due=d.due,
        )
        for d in decisions
        if start <= d.decided_at < end
    )
    return tuple(sorted(lines, key=lambda line: line.decided_at))


def _summary(reviews: list[InitiativeReview]) -> dict[str, int]:
    counts = Counter(r.status or UNKNOWN_STATUS for r in reviews)
    summary = {status.value: counts.pop(status.value, 0) for status in Status}
    return summary | dict(sorted(counts.items()))


@lru_cache(maxsize=1024)
def _days(period: str) -> tuple[date, date] | None:
    """First day and the day after the last of a period name; None when it is not one."""
    try:
        first, end = bounds(period, _UTC)
    except ValueError:
        return None
    return first.date(), end.date()


def _overlap(span: tuple[date, date], first_day: date, end_day: date) -> bool:
    return span[0] < end_day and span[1] > first_day
