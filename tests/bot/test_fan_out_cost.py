"""The weekly check-in costs the same few statements for 10 owners as for 150, and learns who
they are from Slack in a page of users.list rather than a users.info each."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from bot.app import build
from bot.devtools.standin import SlackStandIn
from bot.settings import load_settings
from tests.conftest import TUESDAY
from tests.factories import seed_many
from tests.slackbot import bot_environ


def people(count: int) -> dict[str, dict[str, str]]:
    return {
        f"U{n:08d}": {"email": f"o{n}@example.com", "real_name": f"Owner {n}"} for n in range(count)
    }


def fan_out(
    tmp_path: Path, database_url: str, count: int, quarter: str, now: datetime
) -> tuple[int, SlackStandIn]:
    """Statements the check-in's enqueue takes for `count` owners; the stand-in it spoke to."""
    owners = people(count)
    with SlackStandIn(users=owners) as standin:
        bot = build(load_settings(bot_environ(tmp_path / str(count), standin, database_url)))
        try:
            seed_many(bot.database.engine, owners, quarter=quarter)
            statements: list[str] = []
            ritual = threading.get_ident()

            def count_it(_conn: object, _cursor: object, statement: str, *_: object) -> None:
                if threading.get_ident() == ritual:  # not what Slack said of people, kept aside
                    statements.append(statement)

            event.listen(bot.database.engine, "before_cursor_execute", count_it)
            assert bot.rituals.run("checkin", now=now).queued == count
            event.remove(bot.database.engine, "before_cursor_execute", count_it)
            taken = len(statements)
            assert bot.delivery.drain(timeout=60) == 0
            assert len(standin.calls("chat.postMessage")) == count
        finally:
            bot.stop()
    return taken, standin


@pytest.mark.parametrize(
    "database", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_the_check_in_takes_the_same_statements_for_ten_owners_as_for_a_hundred_and_fifty(
    tmp_path: Path, database: str, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue(f"{database}_url")
    (tmp_path / "10").mkdir()
    (tmp_path / "150").mkdir()
    few, _ = fan_out(tmp_path, url, 10, "2026-Q4", TUESDAY)
    # the same database, the next quarter: what is there already costs nothing either
    many, standin = fan_out(tmp_path, url, 150, "2027-Q1", TUESDAY + timedelta(weeks=6))
    assert many <= few + 2, f"{few} statements for 10 owners, {many} for 150"
    assert len(standin.calls("users.info")) == 0 and len(standin.calls("users.list")) == 1
