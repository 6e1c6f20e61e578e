"""What the exports read: every answer, decision and escalation with its initiative, as
columns streamed a batch at a time (a server-side cursor on PostgreSQL), never all at once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Row
from sqlmodel import Session, col, select

from rituals.models import CheckIn, Decision, Escalation, Initiative

BATCH = 1000  # rows fetched at a time


def checkins(*, session: Session, history: bool) -> Iterator[Row[Any]]:
    """Current answers (and, with history, the ones they replaced), oldest period first:
    (title, owner, period, status, progress, kpi_value, blockers, submitted_at, source)."""
    query = select(
        Initiative.title,
        Initiative.owner,
        CheckIn.period,
        CheckIn.status,
        CheckIn.progress,
        CheckIn.kpi_value,
        CheckIn.blockers,
        CheckIn.submitted_at,
        CheckIn.source,
    ).join(Initiative, col(Initiative.id) == CheckIn.initiative_id)
    if not history:
        query = query.where(col(CheckIn.is_current))
    query = query.order_by(col(CheckIn.period), col(Initiative.title), col(CheckIn.submitted_at))
    yield from session.exec(query.execution_options(yield_per=BATCH))


def decisions(*, session: Session) -> Iterator[tuple[Decision, Initiative | None]]:
    query = (
        select(Decision, Initiative)
        .join(Initiative, col(Initiative.id) == Decision.initiative_id, isouter=True)
        .order_by(col(Decision.decided_at))
    )
    yield from session.exec(query.execution_options(yield_per=BATCH))


def escalations(*, session: Session) -> Iterator[Row[Any]]:
    """Every escalation, oldest first: (title, owner, accountable, cause, level, opened_at,
    raised_at, resolved_at, resolution)."""
    query = (
        select(
            Initiative.title,
            Initiative.owner,
            Initiative.accountable,
            Escalation.cause,
            Escalation.level,
            Escalation.opened_at,
            Escalation.raised_at,
            Escalation.resolved_at,
            Escalation.resolution,
        )
        .join(Initiative, col(Initiative.id) == Escalation.initiative_id)
        .order_by(col(Escalation.opened_at), col(Escalation.id))
    )
    yield from session.exec(query.execution_options(yield_per=BATCH))
