"""SIGTERM to `ritualbot serve` mid-burst: it stops, hands back what it has not done, exits 0
within 15 s, and the next start does the rest with nothing acknowledged lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.shutdown import BOUND, sigterm_mid_burst


@pytest.mark.postgres
def test_sigterm_in_the_middle_of_a_burst(
    postgres_url: str, tmp_path: Path, figures: Callable[..., None]
) -> None:
    found = sigterm_mid_burst(database_url=postgres_url, folder=tmp_path, seed=3)
    figures(*found.lines())
    assert found.code == 0 and found.seconds < BOUND
    assert found.claimed_at_exit == 0
    tally = found.tally
    assert tally.problems == [] and tally.lost == 0 and tally.duplicated == 0
