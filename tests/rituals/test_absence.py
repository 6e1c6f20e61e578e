"""Which weeks an absence excuses: those it covers a day of, whatever the clock says."""

from __future__ import annotations

from datetime import date

import pytest

from rituals.absence import excuses

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
