"""Two replicas running every ritual at the same instant on PostgreSQL: every message once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.replicas import SCHEDULE, every_ritual_twice


@pytest.mark.postgres
def test_two_replicas_running_every_ritual_at_once_send_each_message_once(
    postgres_url: str, tmp_path: Path, figures: Callable[..., None]
) -> None:
    found = every_ritual_twice(postgres_url=postgres_url, folder=tmp_path, owners=300)
    figures(*found.lines())
    assert list(found.rituals) == list(SCHEDULE)
    for name, count in found.rituals.items():
        assert count.duplicates == 0, name
        assert count.delivered == count.queued == count.expected, (name, count)
    assert found.rituals["digest"].delivered >= 3  # a top message per committee, at least
