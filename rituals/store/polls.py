"""Committee polls and their votes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from rituals.ballot import voter_key
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
                col(Arbitration.consult_until).is_(None),  # not open before its consult round
            )
            .order_by(col(Arbitration.deadline), col(Arbitration.id))
        )
    )


def not_voted(
    *, session: Session, committees: Sequence[str], voter: str, limit: int
) -> list[Arbitration]:
    """Open polls of these committees that `voter` has not voted in, soonest deadline first."""
    secretly = voted_in_secret(session=session, committees=committees, voter=voter)
    voted = select(Vote.id).where(Vote.arbitration_id == Arbitration.id, Vote.voter == voter)
    return list(
        session.exec(
            select(Arbitration)
            .where(
                col(Arbitration.committee).in_(list(committees)),
                col(Arbitration.closed_at).is_(None),
                col(Arbitration.consult_until).is_(None),  # not open before its consult round
                ~voted.exists(),
                col(Arbitration.id).not_in(secretly),
            )
            .order_by(col(Arbitration.deadline), col(Arbitration.id))
            .limit(limit)
        )
    )


def voted_in_secret(*, session: Session, committees: Sequence[str], voter: str) -> list[int]:
    """The open secret ballots of these committees that `voter` has voted in (their votes are
    stored under a keyed hash: the database alone cannot say)."""
    ballots = session.exec(
        select(Arbitration.id, Arbitration.ballot_secret).where(
            col(Arbitration.committee).in_(list(committees)),
            col(Arbitration.closed_at).is_(None),
            col(Arbitration.ballot_secret).is_not(None),
        )
    ).all()
    wanted = [
        and_(col(Vote.arbitration_id) == poll_id, col(Vote.voter) == voter_key(secret, voter))
        for poll_id, secret in ballots
        if poll_id is not None and secret is not None
    ]
    if not wanted:
        return []
    return list(session.exec(select(Vote.arbitration_id).where(or_(*wanted))))


def to_nudge(*, session: Session, now: datetime) -> list[Arbitration]:
    """Open polls, not yet nudged, whose deadline is still to come."""
    return list(
        session.exec(
            select(Arbitration)
            .where(
                col(Arbitration.closed_at).is_(None),
                col(Arbitration.nudged_at).is_(None),
                col(Arbitration.consult_until).is_(None),
                col(Arbitration.deadline) > now,
            )
            .order_by(col(Arbitration.deadline), col(Arbitration.id))
        )
    )
