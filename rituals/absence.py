"""Declared absences: who is away today, and whose check-ins their deputy answers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from rituals.models import Absence, Initiative


def away_today(session: Session, *, today: date) -> dict[str, Absence]:
    """Owners away today, by user id."""
    rows = session.exec(select(Absence).where(col(Absence.until) >= today))
    return {absence.user: absence for absence in rows}


def answers_for(session: Session, *, user: str, today: date) -> list[str]:
    """The owners whose check-ins `user` answers today: themselves, and those away who
    named them deputy."""
    deputies = session.exec(
        select(Absence.user).where(Absence.deputy == user, col(Absence.until) >= today)
    )
    return [user, *deputies]


def declare_absence(session: Session, *, user: str, until: date | None, deputy: str | None) -> None:
    """Replace `user`'s absence by this one (None: back)."""
    for old in session.exec(select(Absence).where(Absence.user == user)):
        session.delete(old)
    if until is not None:
        session.add(Absence(user=user, until=until, deputy=deputy))


def may_answer(session: Session, initiative: Initiative, *, user: str, today: date) -> bool:
    return initiative.owner in answers_for(session, user=user, today=today)


@dataclass(frozen=True)
class AwayRequest:
    until: date | None  # None: back now
    deputy: str | None


_AWAY = re.compile(
    r"^\s*(?:away|absent|off|absente?)\s+(?:until|till|to|jusqu'?au|jusqu’au|au)\s+"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})"
    r"(?:\s+(?:deputy|backup|suppl[ée]ant|remplaçant|remplacant)?\s*<@(?P<deputy>[UW][A-Z0-9]+)(?:\|[^>]*)?>)?\s*$",
    re.IGNORECASE,
)
_BACK = re.compile(r"^\s*(?:back|de retour|retour)\s*$", re.IGNORECASE)


def parse_away(text: str) -> AwayRequest | None:
    """`away until 2026-12-15 [deputy @user]` / `absent jusqu'au 15/12/2026 [@user]` /
    `back`; None when the text is neither."""
    if _BACK.match(text):
        return AwayRequest(until=None, deputy=None)
    found = _AWAY.match(text)
    if found is None:
        return None
    raw = found.group("date")
    try:
        if "/" in raw:
            day, month, year = (int(part) for part in raw.split("/"))
            until = date(year, month, day)
        else:
            until = date.fromisoformat(raw)
    except ValueError:
        return None
    return AwayRequest(until=until, deputy=found.group("deputy"))
