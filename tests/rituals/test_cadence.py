"""Cadences as operators write them, parsed into CronTrigger fields or refused with advice."""

import pytest

from rituals.cadence import Cadence, parse_cadence
from rituals.registry import SPECS

ACCEPTED_FORMS = (
    '"monday 09:00", "daily 08:00", "weekdays 08:00", "first tuesday 10:00", '
    '"quarterly first monday 09:00" or "cron 0 9 * * 1"'
)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("daily 08:00", {"hour": "8", "minute": "0"}),
        ("weekdays 08:00", {"day_of_week": "mon-fri", "hour": "8", "minute": "0"}),
        ("monday 09:00", {"day_of_week": "mon", "hour": "9", "minute": "0"}),
        ("friday 16:30", {"day_of_week": "fri", "hour": "16", "minute": "30"}),
        ("first tuesday 10:00", {"day": "1st tue", "hour": "10", "minute": "0"}),
        (
            "quarterly first monday 09:00",
            {"day": "1st mon", "month": "1,4,7,10", "hour": "9", "minute": "0"},
        ),
        ("daily 00:00", {"hour": "0", "minute": "0"}),
        ("daily 23:59", {"hour": "23", "minute": "59"}),
        ("daily 7:05", {"hour": "7", "minute": "5"}),
    ],
)
def test_accepted_forms(text: str, fields: dict[str, str]) -> None:
    assert parse_cadence(text) == Cadence(text, fields)


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("monday", "mon"),
        ("tuesday", "tue"),
        ("wednesday", "wed"),
        ("thursday", "thu"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ],
)
def test_every_weekday_in_full_or_short(full: str, short: str) -> None:
    assert parse_cadence(f"{full} 09:00").fields["day_of_week"] == short
    assert parse_cadence(f"{short} 09:00").fields["day_of_week"] == short
    assert parse_cadence(f"first {full} 09:00").fields["day"] == f"1st {short}"


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("Monday 09:00", "monday 09:00"),
        ("  MON   09:00 ", "mon 09:00"),
        ("monday\t09:00", "monday 09:00"),
        ("MONDAY 09:00\n", "monday 09:00"),
    ],
)
def test_case_and_spaces_are_ignored(text: str, normalised: str) -> None:
    assert parse_cadence(text) == Cadence(normalised, parse_cadence("monday 09:00").fields)


def test_quarterly_is_case_and_space_tolerant() -> None:
    assert parse_cadence(" Quarterly  FIRST Monday 09:00").fields == (
        parse_cadence("quarterly first monday 09:00").fields
    )


def test_default_cadences() -> None:
    defaults = {ritual.value: spec.cadence for ritual, spec in SPECS.items()}
    assert defaults == {
        "checkin": "monday 09:00",
        "reminder": "wednesday 09:00",
        "digest": "friday 16:00",
        "escalation": "daily 08:00",
        "arbitration": "first tuesday 10:00",
        "review": "quarterly first monday 09:00",
        "following": "friday 15:00",
        "consult": "cron 0 * * * *",
        "nudge": "cron 30 * * * *",
    }
    for text in defaults.values():
        assert parse_cadence(text).text == text


@pytest.mark.parametrize(
    ("crontab", "fields"),
    [
        ("0 9 * * 1", {"minute": "0", "hour": "9", "day": "*", "month": "*", "day_of_week": "mon"}),
        ("0 9 * * 0", {"minute": "0", "hour": "9", "day": "*", "month": "*", "day_of_week": "sun"}),
        ("0 9 * * 7", {"minute": "0", "hour": "9", "day": "*", "month": "*", "day_of_week": "sun"}),
        ("30 8 * * 1-5", {"minute": "30", "hour": "8", "day": "*", "month": "*",
                          "day_of_week": "mon,tue,wed,thu,fri"}),
        ("0 9 * * MON-FRI", {"minute": "0", "hour": "9", "day": "*", "month": "*",
                             "day_of_week": "mon,tue,wed,thu,fri"}),
        ("0 9 * * */2", {"minute": "0", "hour": "9", "day": "*", "month": "*",
                         "day_of_week": "tue,thu,sat,sun"}),
        ("0 9 * * 5-7", {"minute": "0", "hour": "9", "day": "*", "month": "*",
                         "day_of_week": "fri,sat,sun"}),
        ("*/15 9-17/4 1,15 jan-mar *", {"minute": "0,15,30,45", "hour": "9,13,17",
                                        "day": "1,15", "month": "1,2,3", "day_of_week": "*"}),
        ("0 0 * */3 *", {"minute": "0", "hour": "0", "day": "*", "month": "1,4,7,10",
                         "day_of_week": "*"}),
    ],
)  # fmt: skip
def test_crontab_weekdays_use_cron_numbering(crontab: str, fields: dict[str, str]) -> None:
    assert parse_cadence(f"cron {crontab}") == Cadence(f"cron {crontab.lower()}", fields)


def test_crontab_tolerates_case_and_spaces() -> None:
    assert parse_cadence("  CRON  0  9 * *  Mon ").fields == parse_cadence("cron 0 9 * * 1").fields


def test_unknown_cadence_shows_the_accepted_forms() -> None:
    with pytest.raises(ValueError) as error:
        parse_cadence("every monday")
    assert str(error.value) == f'"every monday" is not a cadence; write e.g. {ACCEPTED_FORMS}'


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("monday 24:00", "hour 24 is not between 00 and 23"),
        ("daily 08:60", "minute 60 is not between 00 and 59"),
        ("daily 8am", '"8am" is not a time; write it as HH:MM'),
        ("daily 08:0", '"08:0" is not a time; write it as HH:MM'),
        ("first tuesday 25:00", "hour 25 is not between 00 and 23"),
        ("cron 0 9 * *", "a crontab has 5 fields, minute hour day month weekday, not 4"),
        ("cron 0 9 * * 1 2026", "a crontab has 5 fields, minute hour day month weekday, not 6"),
        ("cron 60 9 * * 1", 'minute field "60" is outside 0-59'),
        ("cron 0 24 * * 1", 'hour field "24" is outside 0-23'),
        ("cron 0 9 0 * *", 'day field "0" is outside 1-31'),
        ("cron 0 9 * 13 *", 'month field "13" is outside 1-12'),
        ("cron 0 9 * * 8", 'weekday field "8" is outside 0-7'),
        ("cron 0 9 * * 5-1", 'weekday field "5-1" is outside 0-7'),
        ("cron 0 9 * * funday", '"funday" is not a weekday'),
        ("cron */0 9 * * *", 'minute field "*/0" is outside 0-59'),
        ("cron 0 9 * * 1#2", 'weekday field "1#2" is not valid cron'),
        ("cron 0 9 1 * 1", "cron runs on the day of month OR the weekday; restrict only one"),
        ("cron 0 9 30 2 *", 'day "30" never occurs in month "2"'),
    ],
)
def test_bad_cadences_say_what_was_wrong(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_cadence(text)
    assert str(error.value) == f'"{text}" is not a cadence ({reason}); write e.g. {ACCEPTED_FORMS}'


@pytest.mark.parametrize(
    "text",
    [
        "",
        "monday",
        "09:00",
        "mondays 09:00",
        "weekly monday 09:00",
        "second tuesday 10:00",
        "quarterly monday 09:00",
        "first day 10:00",
        "daily 08:00 09:00",
        "cron",
    ],
)
def test_unrecognised_cadences_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"is not a cadence.*write e\.g\. \"monday 09:00\""):
        parse_cadence(text)
