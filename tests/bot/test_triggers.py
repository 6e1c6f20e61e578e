"""Cadences as APScheduler triggers: next fire times in three zones, across DST changes."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger

from bot.triggers import next_fire, trigger_for
from rituals.cadence import parse_cadence

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
ZONES = pytest.mark.parametrize("tz", [PARIS, NEW_YORK, TOKYO], ids=str)
Wall = tuple[int, int, int, int, int]


def at(tz: ZoneInfo, wall: Wall) -> datetime:
    return datetime(*wall).replace(tzinfo=tz)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text)


@ZONES
@pytest.mark.parametrize(
    ("cadence", "after", "expected"),
    [
        ("daily 08:00", (2026, 3, 28, 12, 0), (2026, 3, 29, 8, 0)),
        ("daily 08:00", (2026, 3, 7, 8, 0), (2026, 3, 8, 8, 0)),
        ("daily 08:00", (2026, 10, 31, 23, 59), (2026, 11, 1, 8, 0)),
        ("daily 08:00", (2026, 12, 31, 8, 0), (2027, 1, 1, 8, 0)),
        ("weekdays 08:00", (2026, 10, 23, 8, 0), (2026, 10, 26, 8, 0)),
        ("weekdays 08:00", (2026, 10, 26, 7, 59), (2026, 10, 26, 8, 0)),
        ("monday 09:00", (2026, 3, 27, 12, 0), (2026, 3, 30, 9, 0)),
        ("mon 09:00", (2026, 10, 30, 12, 0), (2026, 11, 2, 9, 0)),
        ("wednesday 09:00", (2026, 4, 30, 9, 0), (2026, 5, 6, 9, 0)),
        ("sunday 09:00", (2026, 3, 28, 12, 0), (2026, 3, 29, 9, 0)),
        ("friday 16:00", (2026, 12, 31, 12, 0), (2027, 1, 1, 16, 0)),
        ("first tuesday 10:00", (2026, 3, 3, 10, 0), (2026, 4, 7, 10, 0)),
        ("first tuesday 10:00", (2026, 8, 31, 23, 0), (2026, 9, 1, 10, 0)),
        ("first tuesday 10:00", (2026, 12, 1, 10, 0), (2027, 1, 5, 10, 0)),
        ("quarterly first monday 09:00", (2026, 1, 5, 9, 0), (2026, 4, 6, 9, 0)),
        ("quarterly first monday 09:00", (2026, 3, 31, 12, 0), (2026, 4, 6, 9, 0)),
        ("quarterly first monday 09:00", (2026, 10, 5, 9, 0), (2027, 1, 4, 9, 0)),
        ("cron 0 9 * * 1", (2026, 3, 27, 12, 0), (2026, 3, 30, 9, 0)),
        ("cron 30 8 * * 1-5", (2026, 11, 1, 12, 0), (2026, 11, 2, 8, 30)),
        ("cron */15 * * * *", (2026, 11, 1, 10, 7), (2026, 11, 1, 10, 15)),
        ("cron 0 9 1 */3 *", (2026, 3, 15, 0, 0), (2026, 4, 1, 9, 0)),
    ],
)
def test_next_fire_of_every_form_in_local_time(
    tz: ZoneInfo, cadence: str, after: Wall, expected: Wall
) -> None:
    fire = next_fire(parse_cadence(cadence), tz, at(tz, after))
    assert fire.tzinfo == tz
    assert fire.replace(tzinfo=None) == datetime(*expected)


@pytest.mark.parametrize(
    ("tz", "after", "mondays"),
    [
        (PARIS, (2026, 3, 20, 12, 0), ["2026-03-23T08:00Z", "2026-03-30T07:00Z"]),
        (PARIS, (2026, 10, 16, 12, 0), ["2026-10-19T07:00Z", "2026-10-26T08:00Z"]),
        (NEW_YORK, (2026, 2, 27, 12, 0), ["2026-03-02T14:00Z", "2026-03-09T13:00Z"]),
        (NEW_YORK, (2026, 10, 23, 12, 0), ["2026-10-26T13:00Z", "2026-11-02T14:00Z"]),
        (TOKYO, (2026, 3, 20, 12, 0), ["2026-03-23T00:00Z", "2026-03-30T00:00Z"]),
    ],
)
def test_monday_job_stays_at_nine_local_across_dst(
    tz: ZoneInfo, after: Wall, mondays: list[str]
) -> None:
    checkin = parse_cadence("monday 09:00")
    first = next_fire(checkin, tz, at(tz, after))
    second = next_fire(checkin, tz, first)
    assert [first, second] == [utc(monday) for monday in mondays]
    assert [first.hour, second.hour] == [9, 9]


@pytest.mark.parametrize(
    ("tz", "day", "hours"),
    [
        (PARIS, (2026, 3, 29), 23),
        (PARIS, (2026, 10, 25), 25),
        (NEW_YORK, (2026, 3, 8), 23),
        (NEW_YORK, (2026, 11, 1), 25),
        (TOKYO, (2026, 3, 29), 24),
    ],
)
def test_daily_job_keeps_its_wall_time_on_the_dst_day(
    tz: ZoneInfo, day: tuple[int, int, int], hours: int
) -> None:
    eve = at(tz, (*day, 8, 0)) - timedelta(days=1)
    fire = next_fire(parse_cadence("daily 08:00"), tz, eve)
    assert (fire.day, fire.hour) == (day[2], 8)
    assert fire.astimezone(UTC) - eve.astimezone(UTC) == timedelta(hours=hours)


@pytest.mark.parametrize(
    ("tz", "after", "expected"),
    [
        (PARIS, (2026, 3, 28, 12, 0), "2026-03-29T03:30:00+02:00"),
        (NEW_YORK, (2026, 3, 7, 12, 0), "2026-03-08T03:30:00-04:00"),
    ],
)
def test_a_time_skipped_by_dst_is_reported_as_the_real_local_time(
    tz: ZoneInfo, after: Wall, expected: str
) -> None:
    fire = next_fire(parse_cadence("daily 02:30"), tz, at(tz, after))
    assert (fire.isoformat(), fire.utcoffset()) == (expected, utc(expected).utcoffset())


@ZONES
def test_first_tuesdays_over_a_year(tz: ZoneInfo) -> None:
    cadence, fire, fires = parse_cadence("first tuesday 10:00"), at(tz, (2026, 1, 1, 0, 0)), []
    for _ in range(13):
        fire = next_fire(cadence, tz, fire)
        fires.append(fire.strftime("%Y-%m-%d %H:%M %a"))
    days = ["2026-01-06", "2026-02-03", "2026-03-03", "2026-04-07", "2026-05-05", "2026-06-02"]
    days += ["2026-07-07", "2026-08-04", "2026-09-01", "2026-10-06", "2026-11-03", "2026-12-01"]
    assert fires == [f"{day} 10:00 Tue" for day in [*days, "2027-01-05"]]


@ZONES
def test_quarterly_first_mondays(tz: ZoneInfo) -> None:
    cadence, fire, fires = (
        parse_cadence("quarterly first monday 09:00"),
        at(tz, (2026, 1, 1, 0, 0)),
        [],
    )
    for _ in range(5):
        fire = next_fire(cadence, tz, fire)
        fires.append(fire.strftime("%Y-%m-%d %H:%M %a"))
    days = ["2026-01-05", "2026-04-06", "2026-07-06", "2026-10-05", "2027-01-04"]
    assert fires == [f"{day} 09:00 Mon" for day in days]


@ZONES
def test_next_fire_is_strictly_after(tz: ZoneInfo) -> None:
    digest = parse_cadence("friday 16:00")
    friday = at(tz, (2026, 11, 27, 16, 0))
    assert next_fire(digest, tz, friday - timedelta(microseconds=1)) == friday
    assert next_fire(digest, tz, friday) == friday + timedelta(days=7)
    assert next_fire(digest, tz, friday + timedelta(microseconds=500)) == friday + timedelta(days=7)


@ZONES
def test_after_may_be_in_any_zone(tz: ZoneInfo) -> None:
    after = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
    fire = next_fire(parse_cadence("daily 08:00"), tz, after)
    assert fire == next_fire(parse_cadence("daily 08:00"), tz, after.astimezone(tz))
    assert (fire.tzinfo, fire.hour, fire > after) == (tz, 8, True)


def test_naive_after_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        next_fire(parse_cadence("daily 08:00"), PARIS, datetime(2026, 11, 23, 8, 0))


@ZONES
def test_trigger_runs_in_the_workspace_zone(tz: ZoneInfo) -> None:
    assert trigger_for(parse_cadence("monday 09:00"), tz).timezone == tz


def fire_times(trigger: CronTrigger, count: int) -> list[datetime]:
    fire, fires = datetime(2026, 1, 1, tzinfo=UTC), []
    for _ in range(count):
        fire = trigger.get_next_fire_time(None, fire + timedelta(microseconds=1))
        fires.append(fire)
    return fires


@ZONES
@pytest.mark.parametrize(
    "crontab",
    ["0 9 * * mon", "*/20 8-9 * * *", "0 9 1,15 * *", "30 7 * jan-mar *", "0 9 * * mon-fri"],
)
def test_crontab_without_weekday_numbers_matches_from_crontab(tz: ZoneInfo, crontab: str) -> None:
    ours = trigger_for(parse_cadence(f"cron {crontab}"), tz)
    assert fire_times(ours, 12) == fire_times(CronTrigger.from_crontab(crontab, tz), 12)


@ZONES
@pytest.mark.parametrize(
    ("number", "name"),
    [("0", "sun"), ("1", "mon"), ("2", "tue"), ("3", "wed"), ("4", "thu"), ("5", "fri"),
     ("6", "sat"), ("7", "sun"), ("1-5", "mon-fri")],
)  # fmt: skip
def test_crontab_weekday_numbers_count_from_sunday(tz: ZoneInfo, number: str, name: str) -> None:
    # APScheduler 3's from_crontab reads 0 as Monday; cron reads it as Sunday, and so do we.
    ours = trigger_for(parse_cadence(f"cron 0 9 * * {number}"), tz)
    assert fire_times(ours, 8) == fire_times(CronTrigger.from_crontab(f"0 9 * * {name}", tz), 8)
