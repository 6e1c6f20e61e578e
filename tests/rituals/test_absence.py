"""Which weeks an absence excuses: those it covers a day of, whatever the clock says."""

from __future__ import annotations

from datetime import date

import pytest

from rituals.absence import AwayRequest, excuses, parse_away

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("since", "until", "excused"),
    [
        (date(2026, 11, 20), date(2026, 11, 22), False),  # back before the week
        (date(2026, 11, 20), date(2026, 11, 23), True),  # away on its Monday
        (date(2026, 11, 29), date(2026, 12, 10), True),  # leaves on its Sunday
        (date(2026, 11, 30), date(2026, 12, 10), False),  # declared for the next week
        (date(2026, 11, 25), date(2026, 11, 25), True),  # one day in the middle
    ],
    ids=["before", "monday", "sunday", "after", "one-day"],
)
def test_an_absence_excuses_the_weeks_it_covers(since: date, until: date, excused: bool) -> None:
    assert excuses(since, until, week_start=MONDAY) is excused


# -- reading `/checkin away …`, with `today` fixed ------------------------------------------

TUESDAY = date(2026, 11, 24)  # today, in every case below


@pytest.mark.parametrize(
    ("text", "until", "since"),
    [
        ("away until 2026-12-15", date(2026, 12, 15), None),
        ("absent jusqu'au 15/12/2026", date(2026, 12, 15), None),
        ("absent jusqu’au 15/12/2026", date(2026, 12, 15), None),  # Slack's curly apostrophe
        ("away until 15/12", date(2026, 12, 15), None),
        ("away until friday", date(2026, 11, 27), None),
        ("Away Until Friday", date(2026, 11, 27), None),
        ("absent jusqu'à vendredi", date(2026, 11, 27), None),
        ("absent jusqu'au vendredi", date(2026, 11, 27), None),
        ("away until tuesday", date(2026, 12, 1), None),  # today's weekday: next week's
        ("away until monday", date(2026, 11, 30), None),
        ("away for 2 weeks", date(2026, 12, 7), None),  # back on Tuesday two weeks on
        ("away for a week", date(2026, 11, 30), None),
        ("absent pour 3 jours", date(2026, 11, 26), None),
        ("absent pour une semaine", date(2026, 11, 30), None),
        ("absent pendant 2 semaines", date(2026, 12, 7), None),
        ("away for 1 month", date(2026, 12, 23), None),
        ("away tomorrow", date(2026, 11, 25), date(2026, 11, 25)),
        ("absent demain", date(2026, 11, 25), date(2026, 11, 25)),
        ("away until tomorrow", date(2026, 11, 25), None),
        ("away until 2020-01-01", date(2020, 1, 1), None),  # read: the caller says it is past
        ("away until 23/11", date(2026, 11, 23), None),  # yesterday, not next year
    ],
)
def test_away_reads_dates_weekdays_and_spans_from_today(
    text: str, until: date, since: date | None
) -> None:
    assert parse_away(text, today=TUESDAY) == AwayRequest(until=until, deputy=None, since=since)


def test_a_weekday_is_the_next_one_and_a_date_without_year_the_nearest() -> None:
    friday, sunday = date(2026, 11, 27), date(2026, 11, 29)
    assert parse_away("away until friday", today=friday) == AwayRequest(date(2026, 12, 4), None)
    assert parse_away("absent jusqu'à lundi", today=sunday) == AwayRequest(date(2026, 11, 30), None)
    december = date(2026, 12, 20)
    assert parse_away("away until 15/01", today=december) == AwayRequest(date(2027, 1, 15), None)
    new_year = date(2026, 12, 31)
    assert parse_away("away tomorrow", today=new_year) == AwayRequest(
        date(2027, 1, 1), None, since=date(2027, 1, 1)
    )
    end_of_january = date(2027, 1, 31)  # a month on is the end of February
    assert parse_away("away for 1 month", today=end_of_january) == AwayRequest(
        date(2027, 2, 27), None
    )


@pytest.mark.parametrize(
    "text",
    [
        "away for 2 weeks <@U0OWNER02|marie>",
        "away for 2 weeks deputy <@U0OWNER02>",
        "absent jusqu'à vendredi suppléant <@U0OWNER02|marie>",
        "absent pour 3 jours remplaçante : <@U0OWNER02>",
    ],
)
def test_a_relative_absence_takes_a_deputy(text: str) -> None:
    away = parse_away(text, today=TUESDAY)
    assert away is not None and away.deputy == "U0OWNER02"


@pytest.mark.parametrize(
    "text",
    [
        "on holiday",
        "away until 2026-13-45",
        "away until 30/02/2027",
        "away until someday",
        "away for 0 days",
        "away for 2 fortnights",
        "away for 9999 weeks",
        "away for many weeks",
        "away",
    ],
)
def test_what_cannot_be_read_is_none(text: str) -> None:
    assert parse_away(text, today=TUESDAY) is None


@pytest.mark.parametrize("text", ["back", "Back ", "de retour", "retour"])
def test_back_ends_the_absence(text: str) -> None:
    assert parse_away(text, today=TUESDAY) == AwayRequest(until=None, deputy=None)
