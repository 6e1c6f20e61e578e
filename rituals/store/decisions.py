"""The decision log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from rituals.models import Decision, Initiative
from rituals.visibility import Sight

FOLLOW_UPS = 2  # decisions asked about in one prompt, newest first


def open_for(*, session: Session, initiative_ids: Sequence[int]) -> dict[int, list[Decision]]:
    """Decisions about these initiatives not yet reported carried out, newest first."""
    if not initiative_ids:
        return {}
    found: dict[int, list[Decision]] = {}
    rows = session.exec(
        select(Decision)
        .where(
            col(Decision.initiative_id).in_(list(initiative_ids)), col(Decision.deferred).is_(False)
        )
        .where(col(Decision.carried_out).is_(None) | col(Decision.carried_out).is_(False))
        .order_by(col(Decision.decided_at).desc())
    )
    for decision in rows:
        assert decision.initiative_id is not None
        found.setdefault(decision.initiative_id, []).append(decision)
    return {key: value[:FOLLOW_UPS] for key, value in found.items()}


def of_poll(*, session: Session, poll_id: int) -> Decision | None:
    return session.exec(select(Decision).where(Decision.arbitration_id == poll_id)).first()


def recent(
    *, session: Session, limit: int, committees: Sequence[str] | None = None
) -> list[Decision]:
    query = select(Decision)
    if committees is not None:
        query = query.where(col(Decision.committee).in_(list(committees)))
    return list(session.exec(query.order_by(col(Decision.decided_at).desc()).limit(limit)))


def visible(*, session: Session, sight: Sight, limit: int) -> tuple[list[Decision], int]:
    """The most recent decisions `sight` takes in, newest first, and how many it takes in all."""
    query = select(Decision)
    if not sight.everything:
        theirs = select(Initiative.id).where(
            or_(col(Initiative.owner) == sight.user, col(Initiative.accountable) == sight.user)
        )
        query = query.where(
            or_(
                col(Decision.committee).in_(list(sight.committees)),
                col(Decision.initiative_id).in_(theirs),
            )
        )
    ordered = query.order_by(col(Decision.decided_at).desc(), col(Decision.id).desc())
    rows = list(session.exec(ordered.limit(limit)))
    if len(rows) < limit:
        return rows, len(rows)
    counted = select(func.count()).select_from(query.subquery())
    return rows, int(session.exec(counted).one())


def between(
    *, session: Session, start: datetime, end: datetime, committee: str | None = None
) -> list[Decision]:
    query = select(Decision).where(
        col(Decision.decided_at) >= start, col(Decision.decided_at) < end
    )
    if committee is not None:
        query = query.where(Decision.committee == committee)
    return list(session.exec(query.order_by(col(Decision.decided_at))))
