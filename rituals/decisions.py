"""Decisions as commitments: a decision's status, when its follow-up owner is asked, how an
overdue one climbs the ladder (follow-up owner → the CMO who decided → the committee's
arbitration queue), and when the committee is asked whether it still holds.

Pure domain: the caller passes `today` and the week; the daily scan stores and announces the
steps returned here, in the same `Escalation` table as the initiatives' (keyed by decision).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from rituals.escalation import MAX_LEVEL, Audience, StepKind, weeks_between

CAUSE = "overdue"  # the one cause of a decision's escalation: past its due date, not done


class DecisionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    OVERDUE = "overdue"
    BLOCKED = "blocked"
    SUPERSEDED = "superseded"


class ReviewOutcome(StrEnum):
    KEEP = "keep"
    REVISIT = "revisit"


@dataclass(frozen=True)
class Commitment:
    """What the rules need to know of one decision."""

    id: int
    follow_up_owner: str | None
    decided_by: str
    due: date | None
    review_on: date | None = None
    done: bool = False
    blocked: bool = False
    deferred: bool = False
    superseded: bool = False
    reviewed: bool = False


def status_of(commitment: Commitment, *, today: date) -> DecisionStatus:
    """Superseded, then done, then blocked, then overdue (past its due date), else open."""
    if commitment.superseded:
        return DecisionStatus.SUPERSEDED
    if commitment.done:
        return DecisionStatus.DONE
    if commitment.blocked:
        return DecisionStatus.BLOCKED
    if commitment.due is not None and commitment.due < today:
        return DecisionStatus.OVERDUE
    return DecisionStatus.OPEN


def followed(commitment: Commitment) -> bool:
    """Whether the decision is still a commitment someone answers for."""
    return not (commitment.done or commitment.superseded or commitment.deferred) and bool(
        commitment.follow_up_owner
    )


def asked_in_week(commitment: Commitment, *, week_start: date) -> bool:
    """Whether its follow-up owner is asked *Done / Not yet / Blocked* in the week starting
    `week_start` (a Monday): from the week of its due date on, until it is done."""
    if not followed(commitment) or commitment.due is None:
        return False
    return commitment.due <= week_start + timedelta(days=6)


def overdue(commitment: Commitment, *, today: date) -> bool:
    """Past its due date and still followed (a blocked decision is overdue too)."""
    return followed(commitment) and commitment.due is not None and commitment.due < today


@dataclass(frozen=True)
class OpenDecisionEscalation:
    id: int
    decision_id: int
    level: int
    raised_period: str  # the week it was opened or last raised


@dataclass(frozen=True)
class DecisionStep:
    kind: StepKind
    decision_id: int
    level: int  # the level after the step (RESOLVE: the level it had)
    escalation_id: int | None  # None for OPEN


def plan(
    commitments: Iterable[Commitment],
    open_escalations: Iterable[OpenDecisionEscalation],
    *,
    today: date,
    period: str,
    raise_after_periods: int = 1,
) -> list[DecisionStep]:
    """What the scan of `period` opens, raises and resolves, by decision id.

    An overdue decision opens at level 1 and climbs one level per `raise_after_periods`
    weeks up to the committee's queue; one that is done, superseded, deferred, given a new
    date or no longer given is resolved."""
    weeks_between(period, period)  # refuse a period that is not a week
    late = {c.id for c in commitments if overdue(c, today=today)}
    steps: list[DecisionStep] = []
    standing: dict[int, OpenDecisionEscalation] = {}
    for escalation in sorted(open_escalations, key=lambda e: e.id):
        if escalation.decision_id in standing or escalation.decision_id not in late:
            steps.append(
                DecisionStep(
                    StepKind.RESOLVE, escalation.decision_id, escalation.level, escalation.id
                )
            )
        else:
            standing[escalation.decision_id] = escalation
    for decision_id in sorted(late):
        current = standing.get(decision_id)
        if current is None:
            steps.append(DecisionStep(StepKind.OPEN, decision_id, 1, None))
        elif current.level < MAX_LEVEL and (
            weeks_between(current.raised_period, period) >= raise_after_periods
        ):
            steps.append(DecisionStep(StepKind.RAISE, decision_id, current.level + 1, current.id))
    steps.sort(key=lambda s: (s.decision_id, s.escalation_id or 0))
    return steps


def audiences(level: int, *, follow_up_owner: str, decided_by: str) -> list[tuple[str, Audience]]:
    """Who is told at `level`: the follow-up owner (1); the CMO who decided, and the owner
    told (2); the CMO again when it goes on the committee's arbitration queue (3)."""
    if level <= 1:
        return [(follow_up_owner, Audience.OWNER)]
    if level == 2:
        return [(decided_by, Audience.CMO), (follow_up_owner, Audience.OWNER_TOLD)]
    return [(decided_by, Audience.CMO)]


def queues_request(level: int) -> bool:
    """The top level puts the decision on its committee's arbitration queue."""
    return level >= MAX_LEVEL


def review_due(commitment: Commitment, *, today: date) -> bool:
    """Whether the committee is asked today whether the decision still holds: its review
    date has come, it is not superseded and not reviewed yet."""
    if commitment.review_on is None or commitment.superseded or commitment.reviewed:
        return False
    return commitment.review_on <= today
