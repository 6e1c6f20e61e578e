"""What the exports read: every answer, decision and escalation with its initiative, as
columns streamed a batch at a time (a server-side cursor on PostgreSQL), never all at once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Row
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
    raised_at, resolved_at, resolution)."""
    query = (
        columns(
            col(Initiative.title),
            col(Initiative.owner),
            col(Initiative.accountable),
            col(Escalation.cause),
            col(Escalation.level),
            col(Escalation.opened_at),
            col(Escalation.raised_at),
            col(Escalation.resolved_at),
            col(Escalation.resolution),
        )
        .join(Initiative, col(Initiative.id) == col(Escalation.initiative_id))
        .order_by(col(Escalation.opened_at), col(Escalation.id))
    )
    yield from session.execute(query.execution_options(yield_per=BATCH))
