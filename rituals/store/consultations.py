"""The consult round of a poll: who is asked their view, what they said, and the polls
whose round is over."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from rituals.models import Arbitration, Consultation


def of_poll(*, session: Session, poll_id: int) -> list[Consultation]:
    return list(
        session.exec(
            select(Consultation)
            .where(Consultation.arbitration_id == poll_id)
            .order_by(col(Consultation.id))
        )
    )


def of(*, session: Session, poll_id: int, user: str) -> Consultation | None:
    return session.exec(
        select(Consultation).where(
            Consultation.arbitration_id == poll_id, Consultation.user == user
        )
    ).first()


def said(*, session: Session, poll_id: int) -> list[tuple[str, str | None]]:
    """(person, view) of each Consulted, in the order they were asked; view None: none given."""
    return [(c.user, c.view) for c in of_poll(session=session, poll_id=poll_id)]


def round_over(*, session: Session, now: datetime) -> list[Arbitration]:
    """Polls still waiting for their Consulted whose round has ended as of `now`."""
    return list(
        session.exec(
            select(Arbitration)
            .where(
                col(Arbitration.consult_until).is_not(None),
                col(Arbitration.consult_until) <= now,
                col(Arbitration.closed_at).is_(None),
            )
            .order_by(col(Arbitration.id))
        )
    )
