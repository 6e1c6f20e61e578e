"""Periods named in the workspace time zone, across DST weekends, month ends and year ends."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rituals.periods import (
    Period,
    bounds,
    following,
    month_of,
    parse_period,
    previous,
    quarter_of,
    quarter_of_date,
    recent_weeks,
    week_of,
)

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
ZONES = pytest.mark.parametrize("tz", [PARIS, NEW_YORK, TOKYO], ids=str)
HOUR = timedelta(hours=1)


def utc_instant(tz: ZoneInfo, wall: tuple[int, int, int, int, int]) -> datetime:
    """The UTC instant of a wall-clock time in `tz`, so the functions must convert it back."""
    return datetime(*wall).replace(tzinfo=tz).astimezone(UTC)


@ZONES
@pytest.mark.parametrize(
    ("wall", "week", "month", "quarter"),
    [
        ((2025, 12, 29, 0, 0), "2026-W01", "2025-12", "2025-Q4"),
        ((2026, 1, 1, 0, 30), "2026-W01", "2026-01", "2026-Q1"),
        ((2026, 3, 29, 23, 59), "2026-W13", "2026-03", "2026-Q1"),
        ((2026, 3, 30, 0, 0), "2026-W14", "2026-03", "2026-Q1"),
        ((2026, 3, 31, 23, 59), "2026-W14", "2026-03", "2026-Q1"),
        ((2026, 4, 1, 0, 0), "2026-W14", "2026-04", "2026-Q2"),
        ((2026, 10, 25, 23, 59), "2026-W43", "2026-10", "2026-Q4"),
        ((2026, 11, 1, 12, 0), "2026-W44", "2026-11", "2026-Q4"),
        ((2026, 11, 30, 23, 59), "2026-W49", "2026-11", "2026-Q4"),
        ((2026, 12, 31, 23, 30), "2026-W53", "2026-12", "2026-Q4"),
        ((2027, 1, 1, 0, 30), "2026-W53", "2027-01", "2027-Q1"),
        ((2027, 1, 3, 23, 59), "2026-W53", "2027-01", "2027-Q1"),
        ((2027, 1, 4, 0, 0), "2027-W01", "2027-01", "2027-Q1"),
    ],
)
def test_periods_follow_the_local_wall_clock(
    tz: ZoneInfo, wall: tuple[int, int, int, int, int], week: str, month: str, quarter: str
) -> None:
    now = utc_instant(tz, wall)
    assert (week_of(now, tz), month_of(now, tz), quarter_of(now, tz)) == (week, month, quarter)


def test_new_year_in_tokyo_while_utc_is_still_in_2026() -> None:
    now = datetime(2026, 12, 31, 15, 30, tzinfo=UTC)  # 2027-01-01 00:30 in Tokyo
    assert (month_of(now, TOKYO), quarter_of(now, TOKYO)) == ("2027-01", "2027-Q1")
    assert (month_of(now, ZoneInfo("UTC")), quarter_of(now, ZoneInfo("UTC"))) == (
        "2026-12",
        "2026-Q4",
    )


def test_monday_in_tokyo_is_still_sunday_in_utc() -> None:
    now = datetime(2027, 1, 3, 15, 30, tzinfo=UTC)  # Monday 2027-01-04 00:30 in Tokyo
    assert week_of(now, TOKYO) == "2027-W01"
    assert week_of(now, ZoneInfo("UTC")) == "2026-W53"


def test_new_york_is_still_in_2026_when_utc_has_moved_on() -> None:
    now = datetime(2027, 1, 1, 4, 30, tzinfo=UTC)  # 2026-12-31 23:30 in New York
    assert (month_of(now, NEW_YORK), quarter_of(now, NEW_YORK)) == ("2026-12", "2026-Q4")


@pytest.mark.parametrize("function", [week_of, month_of, quarter_of])
def test_naive_now_is_refused(function: Callable[[datetime, ZoneInfo], str]) -> None:
    with pytest.raises(ValueError, match="naive"):
        function(datetime(2026, 11, 23, 9, 0), PARIS)


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2026, 1, 1), "2026-Q1"),
        (date(2026, 3, 31), "2026-Q1"),
        (date(2026, 4, 1), "2026-Q2"),
        (date(2026, 9, 30), "2026-Q3"),
        (date(2026, 10, 1), "2026-Q4"),
        (date(2026, 12, 31), "2026-Q4"),
    ],
)
def test_quarter_of_date(day: date, quarter: str) -> None:
    assert quarter_of_date(day) == quarter


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("2026-W48", Period("week", 2026, 48)),
        ("2026-W53", Period("week", 2026, 53)),
        (" 2026-w01 ", Period("week", 2026, 1)),
        ("2026-11", Period("month", 2026, 11)),
        ("2026-Q4", Period("quarter", 2026, 4)),
        ("2026-q1", Period("quarter", 2026, 1)),
    ],
)
def test_parse_period(text: str, parsed: Period) -> None:
    assert parse_period(text) == parsed
    assert str(parse_period(text)) == text.strip().upper()


@pytest.mark.parametrize(
    "text", ["", "W48", "2026-W4", "2026-W00", "2026-00", "2026-13", "2026-Q0", "2026-Q5", "26-11"]
)
def test_parse_period_refuses_malformed_text(text: str) -> None:
    with pytest.raises(ValueError, match="expected a period like 2026-W48, 2026-11 or 2026-Q4"):
        parse_period(text)


def test_week_53_only_exists_in_long_iso_years() -> None:
    with pytest.raises(ValueError, match="2025 has 52 weeks"):
        parse_period("2025-W53")
    assert str(parse_period("2026-W53")) == "2026-W53"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("2025-W52", "2026-W01"),
        ("2026-W47", "2026-W48"),
        ("2026-W52", "2026-W53"),
        ("2026-W53", "2027-W01"),
        ("2025-12", "2026-01"),
        ("2026-10", "2026-11"),
        ("2026-12", "2027-01"),
        ("2026-Q3", "2026-Q4"),
        ("2026-Q4", "2027-Q1"),
    ],
)
def test_previous_and_following(before: str, after: str) -> None:
    assert following(before) == after
    assert previous(after) == before


def test_recent_weeks_cross_week_53_oldest_first() -> None:
    assert recent_weeks("2027-W02", 4) == ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    assert recent_weeks("2026-W02", 3) == ["2025-W52", "2026-W01", "2026-W02"]
    assert recent_weeks("2026-W48", 1) == ["2026-W48"]
    assert recent_weeks("2026-W48", 0) == []


@pytest.mark.parametrize(("period", "count"), [("2026-11", 2), ("2026-Q4", 2), ("2026-W48", -1)])
def test_recent_weeks_refuses_other_kinds_and_negative_counts(period: str, count: int) -> None:
    with pytest.raises(ValueError):
        recent_weeks(period, count)


@pytest.mark.parametrize(
    ("tz", "period", "start", "end"),
    [
        (PARIS, "2026-W13", "2026-03-22T23:00Z", "2026-03-29T22:00Z"),
        (PARIS, "2026-W43", "2026-10-18T22:00Z", "2026-10-25T23:00Z"),
        (NEW_YORK, "2026-W10", "2026-03-02T05:00Z", "2026-03-09T04:00Z"),
        (NEW_YORK, "2026-W44", "2026-10-26T04:00Z", "2026-11-02T05:00Z"),
        (TOKYO, "2027-01", "2026-12-31T15:00Z", "2027-01-31T15:00Z"),
        (TOKYO, "2026-Q4", "2026-09-30T15:00Z", "2026-12-31T15:00Z"),
        (NEW_YORK, "2026-W53", "2026-12-28T05:00Z", "2027-01-04T05:00Z"),
    ],
)
def test_bounds_are_local_midnights_in_utc(tz: ZoneInfo, period: str, start: str, end: str) -> None:
    assert bounds(period, tz) == (datetime.fromisoformat(start), datetime.fromisoformat(end))
    assert bounds(period, tz)[0].utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("period", "hours"),
    [
        ("2026-W13", {PARIS: 167, NEW_YORK: 168, TOKYO: 168}),
        ("2026-W43", {PARIS: 169, NEW_YORK: 168, TOKYO: 168}),
        ("2026-W10", {PARIS: 168, NEW_YORK: 167, TOKYO: 168}),
        ("2026-W44", {PARIS: 168, NEW_YORK: 169, TOKYO: 168}),
        ("2026-03", {PARIS: 743, NEW_YORK: 743, TOKYO: 744}),
        ("2026-10", {PARIS: 745, NEW_YORK: 744, TOKYO: 744}),
        ("2026-11", {PARIS: 720, NEW_YORK: 721, TOKYO: 720}),
        ("2026-Q1", {PARIS: 2159, NEW_YORK: 2159, TOKYO: 2160}),
        ("2026-Q4", {PARIS: 2209, NEW_YORK: 2209, TOKYO: 2208}),
    ],
)
@ZONES
def test_periods_containing_a_dst_change_are_an_hour_short_or_long(
    tz: ZoneInfo, period: str, hours: dict[ZoneInfo, int]
) -> None:
    start, end = bounds(period, tz)
    assert end - start == hours[tz] * HOUR


@ZONES
@pytest.mark.parametrize("period", ["2026-W10", "2026-W13", "2026-W43", "2026-W44", "2026-W53"])
def test_weeks_start_monday_at_local_midnight(tz: ZoneInfo, period: str) -> None:
    start, end = (moment.astimezone(tz) for moment in bounds(period, tz))
    assert (start.weekday(), start.hour, start.minute) == (0, 0, 0)
    assert (end.weekday(), end.hour, end.minute) == (0, 0, 0)


@ZONES
@pytest.mark.parametrize("period", ["2026-W13", "2026-W43", "2026-10", "2026-11", "2026-Q4"])
def test_bounds_agree_with_the_period_of_each_instant(tz: ZoneInfo, period: str) -> None:
    start, end = bounds(period, tz)
    name_of = week_of if "W" in period else month_of if "Q" not in period else quarter_of
    tiny = timedelta(microseconds=1)
    assert name_of(start - tiny, tz) == previous(period)
    assert name_of(start, tz) == period
    assert name_of(end - tiny, tz) == period
    assert name_of(end, tz) == following(period)
