"""Escalations, open and resolved."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from rituals.models import Escalation, Initiative


def open_ones(*, session: Session) -> list[Escalation]:
    return list(session.exec(select(Escalation).where(col(Escalation.resolved_at).is_(None))))


def open_for(*, session: Session, initiative_ids: Sequence[int]) -> list[Escalation]:
    if not initiative_ids:
        return []
    return list(
        session.exec(
            select(Escalation).where(
                col(Escalation.initiative_id).in_(list(initiative_ids)),
                col(Escalation.resolved_at).is_(None),
            )
        )
    )


def accountable_for(
    *, session: Session, user: str, limit: int
) -> list[tuple[Escalation, Initiative]]:
    """Open escalations of the initiatives `user` is accountable for, highest level first."""
    rows = session.exec(
        select(Escalation, Initiative)
        .join(Initiative, col(Initiative.id) == col(Escalation.initiative_id))
        .where(col(Escalation.resolved_at).is_(None), Initiative.accountable == user)
        .order_by(col(Escalation.level).desc(), col(Escalation.opened_at))
        .limit(limit)
    )
    return list(rows)
