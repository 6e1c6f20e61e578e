"""The inbox worker when the database goes away under it: work it had claimed is done as soon
as the database is back, not once its two-minute lease ends — whether the outage broke the
work's transaction or only the answer to the claim's commit."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from bot.devtools.simulate import LocalBot
from rituals.models import CheckIn, InboxItem
from rituals.store import inbox
from tests.factories import seed

OWNER = "U0OWNER01"


def away() -> OperationalError:
    return OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))


def test_work_under_way_when_the_database_went_away_is_done_once_it_is_back(
    bot: LocalBot,
) -> None:
    seed(bot.engine, ("ERP phase 2", OWNER))
    real = bot.core.inbox.handlers["dm"]
    outage = iter([away(), away()])  # the database is away for the first two tries

    def handler(*args: Any) -> None:
        failure = next(outage, None)
        if failure is not None:
            raise failure
        real(*args)

    bot.core.inbox.handlers["dm"] = handler
    started = time.monotonic()
    bot.dm(OWNER, "green 60%")  # returns once the inbox settled (10 s at most)
    assert time.monotonic() - started < 8  # the lease would have made it two minutes
    [checkin] = bot.rows(CheckIn)
    assert checkin.progress == 60
    [row] = bot.rows(InboxItem)
    assert (row.state, row.attempts) == ("done", 0)


def test_a_claim_whose_commit_went_unanswered_is_done_at_once(
    bot: LocalBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(bot.engine, ("ERP phase 2", OWNER))
    database = bot.core.inbox.database
    real_claim, real_write = inbox.claim, database.write
    claims: list[bool] = []

    def claim(*, session: Any, row_id: int, now: Any, until: Any) -> bool:
        claims.append(real_claim(session=session, row_id=row_id, now=now, until=until))
        return claims[-1]

    @contextmanager
    def write(**options: Any) -> Iterator[Any]:
        with real_write(**options) as session:
            yield session
        if claims == [True]:  # the first claim commits; its answer is lost with the connection
            claims.append(False)
            raise away()

    monkeypatch.setattr(inbox, "claim", claim)
    monkeypatch.setattr(database, "write", write)
    started = time.monotonic()
    bot.dm(OWNER, "amber 30%")
    assert time.monotonic() - started < 8  # the lease would have made it two minutes
    [checkin] = bot.rows(CheckIn)
    assert (checkin.status, checkin.progress) == ("at_risk", 30)
    assert [row.state for row in bot.rows(InboxItem)] == ["done"]
