"""Periods (ISO weeks, months, quarters) named in the workspace time zone.

Pure functions: the caller passes `now`; nothing here reads the clock.
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

PeriodKind = Literal["week", "month", "quarter"]

_EXPECTED = "expected a period like 2026-W48, 2026-11 or 2026-Q4"
_PATTERNS: tuple[tuple[PeriodKind, re.Pattern[str]], ...] = (
    ("week", re.compile(r"(\d{4})-W(\d{2})")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("quarter", re.compile(r"(\d{4})-Q(\d)")),
)


@dataclass(frozen=True)
class Period:
    """A parsed period: `number` is the ISO week, the month or the quarter."""

    kind: PeriodKind
    year: int
    number: int

    def __str__(self) -> str:
        if self.kind == "week":
            return f"{self.year}-W{self.number:02d}"
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        return f"{self.year}-Q{self.number}"


def parse_period(text: str) -> Period:
    """Parse `2026-W48`, `2026-11` or `2026-Q4` (case and surrounding spaces ignored)."""
    cleaned = text.strip().upper()
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match:
            period = Period(kind, int(match[1]), int(match[2]))
            _check_exists(period, text)
            return period
    raise ValueError(f"{text!r} is not a period: {_EXPECTED}")


def _check_exists(period: Period, text: str) -> None:
    last = {"week": _weeks_in(period.year), "month": 12, "quarter": 4}[period.kind]
    if not 1 <= period.number <= last or period.year < 1:
        raise ValueError(
            f"{text!r} is not a period: {period.year} has {last} {period.kind}s; {_EXPECTED}"
        )


def _weeks_in(year: int) -> int:
    return date(year, 12, 28).isocalendar().week


def _local_date(now: datetime, tz: ZoneInfo) -> date:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"{now!r} is naive; pass an aware datetime")
    return now.astimezone(tz).date()


def week_of(now: datetime, tz: ZoneInfo) -> str:
    """The ISO week containing `now` in `tz`, e.g. `2026-W48`."""
    iso = _local_date(now, tz).isocalendar()
    return str(Period("week", iso.year, iso.week))


def month_of(now: datetime, tz: ZoneInfo) -> str:
    """The month containing `now` in `tz`, e.g. `2026-11`."""
    day = _local_date(now, tz)
    return str(Period("month", day.year, day.month))


def quarter_of(now: datetime, tz: ZoneInfo) -> str:
    """The quarter containing `now` in `tz`, e.g. `2026-Q4`."""
    return quarter_of_date(_local_date(now, tz))


def quarter_of_date(d: date) -> str:
    return str(Period("quarter", d.year, (d.month - 1) // 3 + 1))


def _first_day(period: Period) -> date:
    if period.kind == "week":
        return date.fromisocalendar(period.year, period.number, 1)
    if period.kind == "month":
        return date(period.year, period.number, 1)
    return date(period.year, 3 * period.number - 2, 1)


def _shift(period: Period, step: int) -> Period:
    if period.kind == "week":
        iso = (_first_day(period) + timedelta(weeks=step)).isocalendar()
        return Period("week", iso.year, iso.week)
    per_year = 12 if period.kind == "month" else 4
    index = period.year * per_year + period.number - 1 + step
    return Period(period.kind, index // per_year, index % per_year + 1)


def previous(period: str) -> str:
    """The period of the same kind just before `period`."""
    return str(_shift(parse_period(period), -1))


def following(period: str) -> str:
    """The period of the same kind just after `period`."""
    return str(_shift(parse_period(period), 1))


def bounds(period: str, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Start (inclusive) and end (exclusive) of `period` in UTC, at local midnight in `tz`."""
    parsed = parse_period(period)
    return _midnight(_first_day(parsed), tz), _midnight(_first_day(_shift(parsed, 1)), tz)


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    # fold=0 maps a midnight skipped by DST onto the transition: the day's first instant.
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


def recent_weeks(period: str, count: int) -> list[str]:
    """The `count` ISO weeks ending with `period`, oldest first."""
    last = parse_period(period)
    if last.kind != "week":
        raise ValueError(f"{period!r} is not a week; expected a week like 2026-W48")
    if count < 0:
        raise ValueError(f"count must be zero or more, not {count}")
    return [str(_shift(last, -back)) for back in reversed(range(count))]
