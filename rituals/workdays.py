"""Working days and hours: a poll's "48 hours" are hours of working days, so a deadline
opened on Thursday at 17:00 falls on Monday at 17:00 (Saturday and Sunday do not count), and
it never falls at night.

Pure: the caller passes the moment, the zone and what is a holiday; nothing here reads a clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

Holiday = Callable[[date], bool]
"""Whether a day (in the workspace zone) is a holiday."""

_LONGEST = 3660  # days walked at most: ten years of holidays would be a configuration error


def no_holidays(day: date) -> bool:
    return False


@dataclass(frozen=True)
class Workweek:
    """The workspace's working time: Monday to Friday except holidays, between two hours."""

    tz: ZoneInfo
    holiday: Holiday = no_holidays
    opens: time = time(9)
    closes: time = time(18)

    def working(self, day: date) -> bool:
        return day.weekday() < 5 and not self.holiday(day)

    def _midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.tz)

    def after(self, start: datetime, hours: float) -> datetime:
        """`hours` hours after `start`, counting only the hours of working days; moved to the
        next opening hour when that falls outside working hours. In UTC."""
        _aware(start)
        if not hours > 0:
            raise ValueError(f"hours must be more than 0, not {hours}")
        left = timedelta(hours=hours)
        moment = start.astimezone(self.tz)
        for _ in range(_LONGEST):
            day = moment.date()
            end = self._midnight(day + timedelta(days=1))
            if self.working(day):
                # real time (UTC differences), so a DST day counts 23 or 25 hours
                room = end.astimezone(UTC) - moment.astimezone(UTC)
                if left <= room:
                    return self.within_hours(moment.astimezone(UTC) + left)
                left -= room
            moment = end
        raise ValueError("no working day within ten years: check the holidays")

    def before(self, moment: datetime, hours: float) -> datetime:
        """`hours` hours before `moment`, counting only the hours of working days. In UTC."""
        _aware(moment)
        left = timedelta(hours=hours)
        current = moment.astimezone(self.tz)
        for _ in range(_LONGEST):
            day = current.date()
            if current.timetz().replace(tzinfo=None) == time(0):
                day -= timedelta(days=1)  # a midnight ends the day before
            start = self._midnight(day)
            if self.working(day):
                room = current.astimezone(UTC) - start.astimezone(UTC)
                if left <= room:
                    return current.astimezone(UTC) - left
                left -= room
            current = start
        raise ValueError("no working day within ten years: check the holidays")

    def within_hours(self, moment: datetime) -> datetime:
        """`moment`, or the next opening hour of a working day when it is outside one."""
        local = moment.astimezone(self.tz)
        clock = local.time().replace(tzinfo=None)
        if self.working(local.date()) and self.opens <= clock <= self.closes:
            return moment.astimezone(UTC)
        day = local.date() if clock < self.opens else local.date() + timedelta(days=1)
        for _ in range(_LONGEST):
            if self.working(day):
                return datetime.combine(day, self.opens, self.tz).astimezone(UTC)
            day += timedelta(days=1)
        raise ValueError("no working day within ten years: check the holidays")


def _aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} is naive; pass an aware datetime")


def parse_hours(text: str) -> tuple[time, time]:
    """`"09:00-18:00"` as its two times; ValueError saying what to write otherwise."""
    try:
        first, second = (part.strip() for part in text.split("-"))
        opens, closes = time.fromisoformat(first), time.fromisoformat(second)
    except ValueError:
        raise ValueError(f'"{text}" is not working hours; write e.g. "09:00-18:00"') from None
    if not opens < closes:
        raise ValueError(f'"{text}": the first hour must come before the second')
    return opens, closes
