"""What the exports read: every answer, decision and escalation with its initiative, as
columns streamed a batch at a time (a server-side cursor on PostgreSQL), never all at once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Row, func
from sqlalchemy import select as columns
from sqlmodel import Session, col, select

from rituals.models import CheckIn, Decision, Escalation, Initiative

BATCH = 1000  # rows fetched at a time
Line = Row[*tuple[Any, ...]]  # a row of columns


def checkins(*, session: Session, history: bool) -> Iterator[Line]:
    """Current answers (and, with history, the ones they replaced), oldest period first:
    (title, owner, period, status, progress, kpi_value, blockers, submitted_at, source)."""
    query = columns(
        col(Initiative.title),
        col(Initiative.owner),
        col(CheckIn.period),
        col(CheckIn.status),
        col(CheckIn.progress),
        col(CheckIn.kpi_value),
        col(CheckIn.blockers),
        col(CheckIn.submitted_at),
        col(CheckIn.source),
    ).join(Initiative, col(Initiative.id) == col(CheckIn.initiative_id))
    if not history:
        query = query.where(col(CheckIn.is_current))
    query = query.order_by(col(CheckIn.period), col(Initiative.title), col(CheckIn.submitted_at))
    yield from session.execute(query.execution_options(yield_per=BATCH))


def decisions(*, session: Session) -> Iterator[tuple[Decision, Initiative | None]]:
    query = (
        select(Decision, Initiative)
        .join(Initiative, col(Initiative.id) == Decision.initiative_id, isouter=True)
        .order_by(col(Decision.decided_at))
    )
    yield from session.execute(query.execution_options(yield_per=BATCH))


def escalations(*, session: Session) -> Iterator[Line]:
    """Every escalation, oldest first: (title, owner, accountable, cause, level, opened_at,
    raised_at, resolved_at, resolution, decision_id). A decision's escalation shows the
    decision's question, its follow-up owner and the CMO who recorded it."""
    query = (
        columns(
            func.coalesce(col(Initiative.title), col(Decision.question)),
            func.coalesce(col(Initiative.owner), col(Decision.follow_up_owner)),
            func.coalesce(col(Initiative.accountable), col(Decision.decided_by)),
            col(Escalation.cause),
            col(Escalation.level),
            col(Escalation.opened_at),
            col(Escalation.raised_at),
            col(Escalation.resolved_at),
            col(Escalation.resolution),
            col(Escalation.decision_id),
        )
        .join(Initiative, col(Initiative.id) == col(Escalation.initiative_id), isouter=True)
        .join(Decision, col(Decision.id) == col(Escalation.decision_id), isouter=True)
        .order_by(col(Escalation.opened_at), col(Escalation.id))
    )
    yield from session.execute(query.execution_options(yield_per=BATCH))


def people(*, session: Session) -> set[str]:
    """Everyone an export may name: owners, accountables, deciders, follow-up owners."""
    found: set[str] = set()
    for owner, accountable in session.execute(
        columns(col(Initiative.owner), col(Initiative.accountable))
    ):
        found.update(p for p in (owner, accountable) if p)
    for decided_by, follow_up in session.execute(
        columns(col(Decision.decided_by), col(Decision.follow_up_owner))
    ):
        found.update(p for p in (decided_by, follow_up) if p)
    return found


def superseded(*, session: Session) -> dict[int, int]:
    """Every decision superseded: its id → the id of the decision superseding it."""
    rows = session.execute(
        columns(col(Decision.supersedes_id), col(Decision.id)).where(
            col(Decision.supersedes_id).is_not(None)
        )
    )
    return {old: new for old, new in rows if old is not None and new is not None}
