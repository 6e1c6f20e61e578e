"""Ritual cadences as operators write them in the TOML configuration, parsed into cron fields.

The fields are CronTrigger keyword arguments; `bot/triggers.py` turns them into a trigger.
"""

import re
from dataclasses import dataclass

_EXAMPLES = (
    'write e.g. "monday 09:00", "daily 08:00", "weekdays 08:00", "first tuesday 10:00", '
    '"quarterly first monday 09:00" or "cron 0 9 * * 1"'
)
# Cron's order, 0 = Sunday; APScheduler names days so it never sees cron's numbers.
_CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY = "|".join(_WEEK + _FULL_DAYS)
_FORMS = (
    re.compile(rf"(?P<kind>daily|weekdays|{_DAY}) (?P<time>\S+)"),
    re.compile(rf"(?P<kind>first|quarterly first) (?P<day>{_DAY}) (?P<time>\S+)"),
)
_CRON_ITEM = re.compile(r"(?P<start>\*|\w+)(?:-(?P<end>\w+))?(?:/(?P<step>\d+))?")


@dataclass(frozen=True)
class Cadence:
    """A parsed cadence: the operator's text (normalised) and its CronTrigger kwargs."""

    text: str
    fields: dict[str, str]


class _Invalid(Exception):
    """What is wrong with a cadence, before it is worded for the operator."""


def parse_cadence(text: str) -> Cadence:
    """Parse a cadence such as `monday 09:00`; raise ValueError saying what to write instead."""
    normalised = " ".join(text.lower().split())
    try:
        return Cadence(normalised, _fields(normalised))
    except _Invalid as problem:
        reason = f" ({problem})" if str(problem) else ""
        raise ValueError(f'"{text.strip()}" is not a cadence{reason}; {_EXAMPLES}') from None


def _fields(text: str) -> dict[str, str]:
    if text.startswith("cron "):
        return _crontab(text.removeprefix("cron "))
    for form in _FORMS:
        match = form.fullmatch(text)
        if match:
            return _schedule(match["kind"], match.groupdict().get("day")) | _clock(match["time"])
    raise _Invalid()


def _schedule(kind: str, day: str | None) -> dict[str, str]:
    if kind == "daily":
        return {}
    if kind == "weekdays":
        return {"day_of_week": "mon-fri"}
    if day is None:
        return {"day_of_week": kind[:3]}
    monthly = {"day": f"1st {day[:3]}"}
    return monthly if kind == "first" else monthly | {"month": "1,4,7,10"}


def _clock(text: str) -> dict[str, str]:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if not match:
        raise _Invalid(f'"{text}" is not a time; write it as HH:MM')
    hour, minute = int(match[1]), int(match[2])
    if hour > 23:
        raise _Invalid(f"hour {match[1]} is not between 00 and 23")
    if minute > 59:
        raise _Invalid(f"minute {match[2]} is not between 00 and 59")
    return {"hour": str(hour), "minute": str(minute)}


def _crontab(expr: str) -> dict[str, str]:
    parts = expr.split()
    if len(parts) != 5:
        raise _Invalid(f"a crontab has 5 fields, minute hour day month weekday, not {len(parts)}")
    minute, hour, day, month, weekday = parts
    if not day.startswith("*") and not weekday.startswith("*"):
        # cron fires on either day; the scheduler would need both. Refuse the ambiguity.
        raise _Invalid("cron runs on the day of month OR the weekday; restrict only one")
    days = _expand(day, "day", 1, 31)
    months = _expand(month, "month", 1, 12, _MONTHS, offset=1)
    if min(days) > max(_MONTH_DAYS[m - 1] for m in months):
        raise _Invalid(f'day "{day}" never occurs in month "{month}"')
    weekdays = _expand(weekday, "weekday", 0, 7, _CRON_DAYS)
    return {
        "minute": _listing(_expand(minute, "minute", 0, 59), 0, 59),
        "hour": _listing(_expand(hour, "hour", 0, 23), 0, 23),
        "day": _listing(days, 1, 31),
        "month": _listing(months, 1, 12),
        "day_of_week": _weekdays({_CRON_DAYS[d % 7] for d in weekdays}),
    }


def _expand(
    field: str, name: str, low: int, high: int, names: tuple[str, ...] = (), offset: int = 0
) -> set[int]:
    """The values a crontab field selects, checked against its range."""
    values: set[int] = set()
    for item in field.split(","):
        match = _CRON_ITEM.fullmatch(item)
        if not match or (match["start"] == "*" and match["end"] is not None):
            raise _Invalid(f'{name} field "{field}" is not valid cron')
        start, end = _bound(match["start"], name, low, names, offset), high
        if match["end"] is not None:
            end = _bound(match["end"], name, low, names, offset)
        elif match["step"] is None and match["start"] != "*":
            end = start
        step = int(match["step"] or 1)
        if not low <= start <= end <= high or step < 1:
            raise _Invalid(f'{name} field "{field}" is outside {low}-{high}')
        values.update(range(start, end + 1, step))
    return values


def _bound(token: str, name: str, low: int, names: tuple[str, ...], offset: int) -> int:
    if token == "*":
        return low
    if token.isdigit():
        return int(token)
    if token in names:
        return names.index(token) + offset
    raise _Invalid(f'"{token}" is not a {name}')


def _listing(values: set[int], low: int, high: int) -> str:
    if values == set(range(low, high + 1)):
        return "*"
    return ",".join(str(value) for value in sorted(values))


def _weekdays(days: set[str]) -> str:
    if len(days) == 7:
        return "*"
    return ",".join(day for day in _WEEK if day in days)
