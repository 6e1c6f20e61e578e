"""Working-day deadlines: hours count on working days only, and a deadline falls within
working hours; across weekends, holidays and DST changes, in three zones."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from rituals.workdays import Workweek, parse_hours

PARIS, NEW_YORK, TOKYO = (ZoneInfo(z) for z in ("Europe/Paris", "America/New_York", "Asia/Tokyo"))


@pytest.mark.parametrize("zone", [PARIS, NEW_YORK, TOKYO])
def test_48_hours_opened_on_thursday_at_17_close_on_monday_at_17(zone: ZoneInfo) -> None:
    week = Workweek(zone)
    thursday = datetime(2026, 11, 26, 17, 0, tzinfo=zone)
    assert week.after(thursday, 48) == datetime(2026, 11, 30, 17, 0, tzinfo=zone)


def test_a_holiday_counts_no_more_than_a_sunday() -> None:
    friday = date(2026, 11, 27)
    week = Workweek(PARIS, holiday=lambda day: day == friday)
    thursday = datetime(2026, 11, 26, 17, 0, tzinfo=PARIS)
    assert week.after(thursday, 48) == datetime(2026, 12, 1, 17, 0, tzinfo=PARIS)


def test_within_a_working_week_the_hours_are_the_clock_s() -> None:
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=PARIS)
    assert Workweek(PARIS).after(monday, 48) == datetime(2026, 11, 25, 10, 0, tzinfo=PARIS)


def test_a_deadline_at_night_moves_to_the_next_opening_hour() -> None:
    week = Workweek(PARIS)
    late = datetime(2026, 11, 24, 20, 30, tzinfo=PARIS)  # Tuesday evening
    assert week.after(late, 24) == datetime(2026, 11, 26, 9, 0, tzinfo=PARIS)
    friday_night = datetime(2026, 11, 27, 21, 0, tzinfo=PARIS)
    assert week.after(friday_night, 24) == datetime(2026, 12, 1, 9, 0, tzinfo=PARIS)
    early = datetime(2026, 11, 24, 6, 0, tzinfo=PARIS)
    assert week.after(early, 24) == datetime(2026, 11, 25, 9, 0, tzinfo=PARIS)


def test_opened_on_a_weekend_the_hours_start_on_monday() -> None:
    saturday = datetime(2026, 11, 28, 11, 0, tzinfo=PARIS)
    assert Workweek(PARIS).after(saturday, 33) == datetime(2026, 12, 1, 9, 0, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("zone", "thursday", "monday"),
    [
        # Europe: clocks go back on Sunday 25 October 2026, a day that does not count
        (PARIS, datetime(2026, 10, 22, 17, 0), datetime(2026, 10, 26, 17, 0)),
        # America: Sunday 1 November 2026
        (NEW_YORK, datetime(2026, 10, 29, 17, 0), datetime(2026, 11, 2, 17, 0)),
        # spring forward, Sunday 29 March 2026 in Paris
        (PARIS, datetime(2026, 3, 26, 17, 0), datetime(2026, 3, 30, 17, 0)),
    ],
)
def test_a_dst_weekend_changes_nothing(
    zone: ZoneInfo, thursday: datetime, monday: datetime
) -> None:
    opened = thursday.replace(tzinfo=zone)
    assert Workweek(zone).after(opened, 48) == monday.replace(tzinfo=zone)


def test_a_working_day_before_a_monday_deadline_is_the_friday() -> None:
    week = Workweek(PARIS)
    monday = datetime(2026, 11, 30, 17, 0, tzinfo=PARIS)
    assert week.before(monday, 24) == datetime(2026, 11, 27, 17, 0, tzinfo=PARIS)
    wednesday = datetime(2026, 11, 25, 17, 0, tzinfo=PARIS)
    assert week.before(wednesday, 24) == datetime(2026, 11, 24, 17, 0, tzinfo=PARIS)
    friday_holiday = Workweek(PARIS, holiday=lambda day: day == date(2026, 11, 27))
    assert friday_holiday.before(monday, 24) == datetime(2026, 11, 26, 17, 0, tzinfo=PARIS)


def test_year_end_holidays_are_skipped() -> None:
    off = {date(2026, 12, 25), date(2027, 1, 1)}
    week = Workweek(PARIS, holiday=off.__contains__)
    thursday = datetime(2026, 12, 24, 12, 0, tzinfo=PARIS)
    # Thu 24 (12 h), Fri 25 holiday, weekend, Mon 28 (24 h), Tue 29 at noon
    assert week.after(thursday, 48) == datetime(2026, 12, 29, 12, 0, tzinfo=PARIS)
    new_year = datetime(2026, 12, 31, 17, 0, tzinfo=PARIS)
    assert week.after(new_year, 24) == datetime(2027, 1, 4, 17, 0, tzinfo=PARIS)


def test_naive_times_and_empty_durations_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        Workweek(PARIS).after(datetime(2026, 11, 26, 17, 0), 48)
    with pytest.raises(ValueError, match="more than 0"):
        Workweek(PARIS).after(datetime(2026, 11, 26, 17, 0, tzinfo=PARIS), 0)


def test_every_day_a_holiday_is_an_error_not_a_hang() -> None:
    with pytest.raises(ValueError, match="no working day"):
        Workweek(PARIS, holiday=lambda day: True).after(datetime(2026, 1, 1, tzinfo=PARIS), 1)


def test_working_hours_are_read_and_checked() -> None:
    assert parse_hours("08:30-17:00") == (time(8, 30), time(17))
    for wrong in ("9-18", "18:00-09:00", "nine to six"):
        with pytest.raises(ValueError, match=r"working hours|must come before"):
            parse_hours(wrong)
