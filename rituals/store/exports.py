"""What the exports read: every answer, decision and escalation with its initiative."""

from __future__ import annotations

from collections.abc import Iterator

from sqlmodel import Session, col, select

from rituals.models import CheckIn, Decision, Escalation, Initiative


def checkins(*, session: Session, history: bool) -> Iterator[tuple[CheckIn, Initiative]]:
    """Current answers (and, with history, the ones they replaced), oldest period first."""
    query = select(CheckIn, Initiative).join(
        Initiative, col(Initiative.id) == CheckIn.initiative_id
    )
    if not history:
        query = query.where(col(CheckIn.is_current))
    query = query.order_by(col(CheckIn.period), col(Initiative.title), col(CheckIn.submitted_at))
    yield from session.exec(query)


def decisions(*, session: Session) -> Iterator[tuple[Decision, Initiative | None]]:
    query = (
        select(Decision, Initiative)
        .join(Initiative, col(Initiative.id) == Decision.initiative_id, isouter=True)
        .order_by(col(Decision.decided_at))
    )
    yield from session.exec(query)


def escalations(*, session: Session) -> Iterator[tuple[Escalation, Initiative]]:
    query = (
        select(Escalation, Initiative)
        .join(Initiative, col(Initiative.id) == Escalation.initiative_id)
        .order_by(col(Escalation.opened_at), col(Escalation.id))
    )
    yield from session.exec(query)
