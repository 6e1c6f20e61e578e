"""Declared absences."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, col, select

from rituals.models import Absence


def away_on(*, session: Session, day: date) -> dict[str, Absence]:
    """Who is away on `day` (declared on or before it, until it or later), by user id."""
    rows = session.exec(select(Absence).where(col(Absence.until) >= day, col(Absence.since) <= day))
    return {absence.user: absence for absence in rows}


def standing_in(*, session: Session, deputy: str, day: date) -> list[str]:
    """The owners away on `day` who named `deputy` to answer for them."""
    return list(
        session.exec(
            select(Absence.user).where(
                Absence.deputy == deputy, col(Absence.until) >= day, col(Absence.since) <= day
            )
        )
    )


def ending_after(*, session: Session, day: date) -> list[Absence]:
    return list(session.exec(select(Absence).where(col(Absence.until) >= day)))


def of_user(*, session: Session, user: str, day: date) -> Absence | None:
    """`user`'s absence under way on `day` or still to come (a person has one at most)."""
    return session.exec(
        select(Absence).where(Absence.user == user, col(Absence.until) >= day)
    ).first()


def replace(
    *,
    session: Session,
    user: str,
    until: date | None,
    deputy: str | None,
    today: date,
    now: datetime,
    since: date | None = None,
) -> bool:
    """`user`'s absence becomes this one (None: back), from `since` (default: today);
    whether there was one to replace or end."""
    ended = False
    for old in session.exec(select(Absence).where(Absence.user == user)):
        session.delete(old)
        ended = True
    if until is not None:
        first = max(since or today, today)
        session.add(Absence(user=user, since=first, until=until, deputy=deputy, created_at=now))
    return ended
