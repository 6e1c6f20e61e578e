"""Committee polls and their votes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from rituals.models import Arbitration, Vote


def votes(*, session: Session, poll_id: int) -> list[tuple[str, int]]:
    return list(session.exec(select(Vote.voter, Vote.option).where(Vote.arbitration_id == poll_id)))


def vote_of(*, session: Session, poll_id: int, voter: str) -> Vote | None:
    return session.exec(
        select(Vote).where(Vote.arbitration_id == poll_id, Vote.voter == voter)
    ).first()


def due(*, session: Session, now: datetime) -> list[Arbitration]:
    """Open polls whose deadline has passed as of `now`."""
    return list(
        session.exec(
            select(Arbitration).where(
                col(Arbitration.closed_at).is_(None), col(Arbitration.deadline) <= now
            )
        )
    )


def open_in(*, session: Session, committees: Sequence[str]) -> list[Arbitration]:
    return list(
        session.exec(
            select(Arbitration)
            .where(
                col(Arbitration.committee).in_(list(committees)),
                col(Arbitration.closed_at).is_(None),
            )
            .order_by(col(Arbitration.deadline), col(Arbitration.id))
        )
    )


def not_voted(
    *, session: Session, committees: Sequence[str], voter: str, limit: int
) -> list[Arbitration]:
    """Open polls of these committees that `voter` has not voted in, soonest deadline first."""
    voted = select(Vote.id).where(Vote.arbitration_id == Arbitration.id, Vote.voter == voter)
    return list(
        session.exec(
            select(Arbitration)
            .where(
                col(Arbitration.committee).in_(list(committees)),
                col(Arbitration.closed_at).is_(None),
                ~voted.exists(),
            )
            .order_by(col(Arbitration.deadline), col(Arbitration.id))
            .limit(limit)
        )
    )
