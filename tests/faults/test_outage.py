"""The database goes away during answers: what got a 200 is never lost, the rest is refused
honestly and stored once when Slack redelivers it. The outage lasts 3 s here; bench/faults.py
runs the issue's 30 s."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.outage import DURING, database_away

OUTAGE = 3.0


@pytest.mark.postgres
def test_database_away_during_answers(
    postgres_url: str, tmp_path: Path, figures: Callable[..., None]
) -> None:
    found = database_away(postgres_url=postgres_url, folder=tmp_path, outage=OUTAGE)
    figures(*found.lines())
    tally = found.tally
    assert tally.problems == [] and tally.lost == 0 and tally.duplicated == 0
    assert tally.acknowledged == found.answers  # the refused ones, once redelivered
    assert found.refused >= DURING - 1 and found.unanswered == 0
    assert found.refused_within < 3.0  # inside Slack's three seconds
