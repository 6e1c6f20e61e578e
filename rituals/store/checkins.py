"""Check-ins: the current answer of each initiative and period, and its history."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, func
from sqlmodel import Session, col, select

from rituals.models import CheckIn


def current(*, session: Session, initiative_id: int, period: str) -> CheckIn | None:
    return session.exec(
        select(CheckIn).where(
            CheckIn.initiative_id == initiative_id,
            CheckIn.period == period,
            col(CheckIn.is_current),
        )
    ).first()


def latest(*, session: Session, initiative_id: int) -> CheckIn | None:
    """The current answer of the initiative's latest answered period."""
    return session.exec(
        select(CheckIn)
        .where(CheckIn.initiative_id == initiative_id, col(CheckIn.is_current))
        .order_by(col(CheckIn.period).desc())
        .limit(1)
    ).first()


def latest_of(*, session: Session, initiative_ids: Sequence[int]) -> dict[int, CheckIn]:
    """The latest current answer of each initiative, in one query."""
    if not initiative_ids:
        return {}
    last = (
        select(CheckIn.initiative_id, func.max(CheckIn.period).label("period"))
        .where(col(CheckIn.initiative_id).in_(list(initiative_ids)), col(CheckIn.is_current))
        .group_by(col(CheckIn.initiative_id))
        .subquery()
    )
    rows = session.exec(
        select(CheckIn)
        .join(
            last,
            and_(
                col(CheckIn.initiative_id) == last.c.initiative_id,
                col(CheckIn.period) == last.c.period,
            ),
        )
        .where(col(CheckIn.is_current))
    )
    return {row.initiative_id: row for row in rows}


def of_periods(
    *, session: Session, initiative_ids: Sequence[int], periods: Sequence[str]
) -> list[CheckIn]:
    """The current answers of these initiatives in these periods."""
    if not initiative_ids:
        return []
    return list(
        session.exec(
            select(CheckIn).where(
                col(CheckIn.initiative_id).in_(list(initiative_ids)),
                col(CheckIn.period).in_(list(periods)),
                col(CheckIn.is_current),
            )
        )
    )


def answered(*, session: Session, period: str) -> set[int]:
    rows = session.exec(
        select(CheckIn.initiative_id).where(CheckIn.period == period, col(CheckIn.is_current))
    )
    return set(rows)


def of_message(*, session: Session, channel: str, ts: str, author: str) -> CheckIn | None:
    """The latest answer that an owner's message became."""
    return session.exec(
        select(CheckIn)
        .where(CheckIn.channel == channel, CheckIn.message_ts == ts, CheckIn.author == author)
        .order_by(col(CheckIn.id).desc())
    ).first()


def retire(*, session: Session, initiative_id: int, period: str) -> bool:
    """The period's current answer becomes history; whether there was one."""
    replaced = False
    for previous in session.exec(
        select(CheckIn).where(
            CheckIn.initiative_id == initiative_id,
            CheckIn.period == period,
            col(CheckIn.is_current),
        )
    ):
        previous.is_current = False
        session.add(previous)
        replaced = True
    session.flush()
    return replaced
