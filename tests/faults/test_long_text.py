"""The free-text reader is linear: a 40,000-character DM (Slack's longest) is answered and holds
up nobody else's receipt. Its time is printed as a figure (bench/reading.py prints it too);
what is asserted is why it is bounded: the reader reads a capped prefix of the text."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from tests.faults.longtext import long_dms, long_text

ROOT = Path(__file__).resolve().parents[2]


def test_the_reader_reads_slacks_longest_message_in_linear_time(
    figures: Callable[..., None],
) -> None:
    from rituals.reading import MAX_CHARS, Context, Known, read

    context = Context((Known(1, "ERP phase 2"),), language="en")
    seconds = {}
    for size in (4_000, 40_000):
        started = time.perf_counter()
        reading = read(long_text()[:size], context)
        seconds[size] = time.perf_counter() - started
    figures(
        f"rituals/reading.read: 40,000 characters in {seconds[40_000] * 1000:.0f} ms "
        f"(4,000 in {seconds[4_000] * 1000:.0f} ms)"
    )
    assert reading.parts
    # what bounds the time: past MAX_CHARS nothing more is read
    assert read(long_text()[:40_000], context) == read(long_text()[:MAX_CHARS], context)


def test_a_40000_character_dm_is_answered_quickly_and_holds_nobody_up(
    sqlite_url: str, tmp_path: Path, figures: Callable[..., None]
) -> None:
    found = long_dms(database_url=sqlite_url, folder=tmp_path, patience=10)
    figures(*found.lines())
    assert found.held()
