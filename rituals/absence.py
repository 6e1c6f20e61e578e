"""Declared absences: whose check-ins a person answers, and reading `/checkin away …`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from rituals.models import Initiative
from rituals.store import absences


def answers_for(session: Session, *, user: str, today: date) -> list[str]:
    """The owners whose check-ins `user` answers today: themselves, and those away who
    named them deputy."""
    return [user, *absences.standing_in(session=session, deputy=user, day=today)]


def may_answer(session: Session, initiative: Initiative, *, user: str, today: date) -> bool:
    return initiative.owner in answers_for(session, user=user, today=today)


def excuses(absence_since: date, absence_until: date, *, week_start: date) -> bool:
    """Whether an absence excuses the week starting `week_start`: it covers a day of it."""
    week_end = date.fromordinal(week_start.toordinal() + 6)
    return absence_since <= week_end and absence_until >= week_start


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
