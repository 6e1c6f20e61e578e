"""`kill -9` at random moments of bursts of votes and answers: nothing acknowledged is lost,
nothing is stored or confirmed twice. Ten tries on PostgreSQL (in two lanes side by side),
one on SQLite; bench/faults.py runs thirty."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.kills import KillFigures, kill_during_bursts

SEED = 8


def check(figures: Callable[..., None], found: KillFigures) -> None:
    figures(*found.lines())
    tally = found.tally
    assert tally.problems == [] and tally.lost == 0 and tally.duplicated == 0
    assert tally.acknowledged + tally.unacknowledged == found.tries * 60


@pytest.mark.postgres
def test_kill_9_during_bursts_on_postgresql(
    postgres_url: str,
    another_postgres_url: str,
    tmp_path: Path,
    figures: Callable[..., None],
) -> None:
    found = kill_during_bursts(
        database_urls=[postgres_url, another_postgres_url],
        folder=tmp_path,
        tries=10,
        seed=SEED,
        label="PostgreSQL",
    )
    check(figures, found)


def test_kill_9_during_a_burst_on_sqlite(
    sqlite_url: str, tmp_path: Path, figures: Callable[..., None]
) -> None:
    found = kill_during_bursts(
        database_urls=[sqlite_url], folder=tmp_path, tries=1, seed=SEED, label="SQLite"
    )
    check(figures, found)
