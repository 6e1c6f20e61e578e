"""Declared absences: whose check-ins a person answers, and reading `/checkin away …`."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from rituals.models import Initiative
from rituals.owners import owners_of
from rituals.store import absences


def answers_for(session: Session, *, user: str, today: date) -> list[str]:
    """The owners whose check-ins `user` answers today: themselves, and those away who
    named them deputy."""
    return [user, *absences.standing_in(session=session, deputy=user, day=today)]


def may_answer(session: Session, initiative: Initiative, *, user: str, today: date) -> bool:
    mine = answers_for(session, user=user, today=today)
    return any(owner in mine for owner in owners_of(initiative))


def excuses(absence_since: date, absence_until: date, *, week_start: date) -> bool:
    """Whether an absence excuses the week starting `week_start`: it covers a day of it."""
    week_end = date.fromordinal(week_start.toordinal() + 6)
    return absence_since <= week_end and absence_until >= week_start


@dataclass(frozen=True)
class AwayRequest:
    until: date | None  # None: back now; the last day away otherwise
    deputy: str | None
    since: date | None = None  # the first day away; None: from today


WEEKDAYS = {
    **dict.fromkeys(("monday", "mon", "lundi"), 0),
    **dict.fromkeys(("tuesday", "tue", "tues", "mardi"), 1),
    **dict.fromkeys(("wednesday", "wed", "mercredi"), 2),
    **dict.fromkeys(("thursday", "thu", "thur", "thurs", "jeudi"), 3),
    **dict.fromkeys(("friday", "fri", "vendredi"), 4),
    **dict.fromkeys(("saturday", "sat", "samedi"), 5),
    **dict.fromkeys(("sunday", "sun", "dimanche"), 6),
}
_COUNTS = {"a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3}
_COUNTS |= {"trois": 3, "four": 4, "quatre": 4}
_UNITS = {
    **dict.fromkeys(("day", "days", "jour", "jours"), "days"),
    **dict.fromkeys(("week", "weeks", "semaine", "semaines"), "weeks"),
    **dict.fromkeys(("month", "months", "mois"), "months"),
}
_TOMORROW, _TODAY = ("tomorrow", "demain"), ("today", "aujourd'hui")
_DAY = r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{4})?|[a-z'éèû]+"
_AWAY = re.compile(
    r"(?:away|absent|absente|off|out)\s+"
    r"(?:(?:until|till|til|through|to|jusqu'au|jusqu'à|jusqu'a|jusque|au)\s+(?:le\s+)?"
    rf"(?P<until>{_DAY})"
    r"|(?:for|pour|pendant|durant)\s+(?P<count>\d{1,3}|[a-z]+)\s+(?P<unit>[a-z]+)"
    r"|(?P<single>tomorrow|demain|today|aujourd'hui))"
    r"(?:\s+(?:deputy|backup|suppl[ée]ante?|rempla[çc]ante?)?\s*:?\s*"
    r"<@(?P<deputy>[UW][A-Z0-9]+)(?:\|[^>]*)?>)?",
    re.IGNORECASE,
)
_BACK = re.compile(r"\s*(?:back|de retour|retour)\s*", re.IGNORECASE)


def parse_away(text: str, *, today: date) -> AwayRequest | None:
    """`away until 2026-12-15`, `until 15/12/2026`, `until friday` (the next one), `for 2
    weeks`, `tomorrow` — or `absent jusqu'au 15/12/2026`, `jusqu'à vendredi`, `pour 3 jours`,
    `demain` — each optionally followed by the deputy (`@Marie`); or `back` / `retour`.

    A span counts today as its first day: `for 2 weeks` on a Tuesday ends on the Monday
    two weeks on; a day without its year is the nearest one (`15/01` in December: next
    January). None when the text is none of these, or names a day that does not exist; a
    day gone by is returned as read, for the caller to explain."""
    text = " ".join(text.replace("’", "'").split())
    if _BACK.fullmatch(text):
        return AwayRequest(until=None, deputy=None)
    found = _AWAY.fullmatch(text)
    if found is None:
        return None
    deputy = found["deputy"]
    try:
        if found["single"]:
            day = _day(found["single"].casefold(), today)
            return None if day is None else AwayRequest(until=day, deputy=deputy, since=day)
        if found["until"]:
            until = _day(found["until"].casefold(), today)
        else:
            until = _after(found["count"].casefold(), found["unit"].casefold(), today)
    except (ValueError, OverflowError):
        return None
    return None if until is None else AwayRequest(until=until, deputy=deputy)


def _day(said: str, today: date) -> date | None:
    """The day `said` names: a date, a weekday (the next one after today), tomorrow, today."""
    if said in _TOMORROW:
        return today + timedelta(days=1)
    if said in _TODAY:
        return today
    if said in WEEKDAYS:
        return today + timedelta(days=(WEEKDAYS[said] - today.weekday() - 1) % 7 + 1)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", said):
        return date.fromisoformat(said)
    parts = said.split("/")
    if not all(part.isdigit() for part in parts) or len(parts) not in (2, 3):
        return None
    day, month = int(parts[0]), int(parts[1])
    if len(parts) == 3:
        return date(int(parts[2]), month, day)
    # Without a year, the nearest such day: 15/01 said in December is next January, while
    # yesterday's day stays yesterday (and is explained as gone by), not next year's.
    this_year = date(today.year, month, day) if _exists(today.year, month, day) else None
    if this_year is None or (today - this_year).days > 183:
        return date(today.year + 1, month, day)
    return this_year


def _exists(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _after(count: str, unit: str, today: date) -> date | None:
    """The last day of a span of `count` `unit`s that starts today."""
    number = int(count) if count.isdigit() else _COUNTS.get(count)
    kind = _UNITS.get(unit)
    if not number or kind is None:
        return None
    if kind == "days":
        return today + timedelta(days=number - 1)
    if kind == "weeks":
        return today + timedelta(weeks=number, days=-1)
    month = today.month - 1 + number
    year, month = today.year + month // 12, month % 12 + 1
    day = min(today.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)
