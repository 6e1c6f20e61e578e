"""The durable inbox: what Slack was told we have is stored before Slack hears it, done once,
and when it cannot be stored Slack is not told it is — events get a 5xx, people are told."""

from __future__ import annotations

import sqlite3
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.__main__ import main
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.work import DirectMessage
from rituals.db import Database
from rituals.models import Arbitration, CheckIn, InboxItem
from rituals.store import inbox
from tests.blockkit import texts
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import running_bot

OWNER, CMO = "U0OWNER01", "U0CMO0001"


@contextmanager
def locked(database_url: str) -> Iterator[None]:
    """Another process holds SQLite's write lock: the inbox cannot be written meanwhile."""
    path = database_url.removeprefix("sqlite:///")
    connection = sqlite3.connect(path, isolation_level=None, timeout=30)
    connection.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        connection.execute("ROLLBACK")
        connection.close()


def not_recorded(standin: SlackStandIn) -> list[dict[str, Any]]:
    return [
        c.params for c in standin.calls("response_url") if "try again" in texts(c.params).lower()
    ]


def test_an_event_that_cannot_be_stored_gets_a_503_and_its_redelivery_is_done_once(
    bot: LocalBot, standin: SlackStandIn, sqlite_url: str
) -> None:
    seed(bot.engine, ("ERP phase 2", OWNER))
    with locked(sqlite_url):
        refused, ts = bot.dm(OWNER, "green 60%", event_id="Ev0LOCKED1")
    assert refused.status_code == 503
    assert bot.rows(CheckIn) == [] and bot.rows(InboxItem) == []

    # Slack delivers it again (same event id), then once more as a retry of the retry
    again, _ = bot.dm(OWNER, "green 60%", ts=ts, event_id="Ev0LOCKED1")
    twice, _ = bot.dm(OWNER, "green 60%", ts=ts, event_id="Ev0LOCKED1")
    assert (again.status_code, twice.status_code) == (200, 200)
    bot.settled()
    [checkin] = bot.rows(CheckIn)
    assert (checkin.status, checkin.progress) == ("on_track", 60)
    assert [row.state for row in bot.rows(InboxItem)] == ["done"]
    assert len([c for c in standin.calls("chat.postMessage") if "60" in texts(c.params)]) == 1


def test_a_command_that_cannot_be_stored_is_told_so_at_once_and_nothing_is_created(
    bot: LocalBot, sqlite_url: str
) -> None:
    with locked(sqlite_url):
        response = bot.command(CMO, "/arbitrate", "Extend the budget? | Yes | No")
    assert response.status_code == 200
    assert response.json()["response_type"] == "ephemeral"
    assert "try again in a minute" in response.json()["text"]
    assert bot.rows(Arbitration) == [] and bot.rows(InboxItem) == []


def test_a_click_that_cannot_be_stored_is_told_so_privately(
    bot: LocalBot, standin: SlackStandIn, sqlite_url: str
) -> None:
    [initiative] = seed(bot.engine, ("ERP phase 2", OWNER))
    bot.core.rituals.run("checkin", now=TUESDAY)
    bot.settled()
    [prompt] = standin.messages(OWNER)
    with locked(sqlite_url):
        response = bot.click(OWNER, prompt, "checkin_skip")
        assert response.status_code == 200
        standin.wait_for(lambda calls: bool(not_recorded(standin)))
    assert bot.rows(InboxItem) == []
    assert initiative.id is not None


def test_a_form_that_cannot_be_stored_stays_open_with_the_reason(
    bot: LocalBot, standin: SlackStandIn, sqlite_url: str
) -> None:
    seed(bot.engine, ("ERP phase 2", OWNER))
    bot.command(OWNER, "/checkin")
    bot.settled()
    view = standin.calls("views.open")[-1].params["view"]
    with locked(sqlite_url):
        response = bot.submit(OWNER, view, {"status": "on_track", "progress": "60"})
    answer = response.json()
    assert answer["response_action"] == "errors"
    assert "try again in a minute" in answer["errors"]["status"]
    assert bot.rows(CheckIn) == []


def test_a_replayed_arbitrate_creates_one_poll(bot: LocalBot, standin: SlackStandIn) -> None:
    form = {
        "token": "verification_token",
        "team_id": "T0STANDIN",
        "channel_id": "C0COMEX01",
        "user_id": CMO,
        "command": "/arbitrate",
        "text": "Extend the budget? | Yes | No",
        "response_url": standin.response_url("replayed"),
        "trigger_id": "9999.8888.replayed",
    }
    body = urllib.parse.urlencode(form).encode()
    first = bot.post(body, "application/x-www-form-urlencoded")
    replay = bot.post(body, "application/x-www-form-urlencoded")
    assert (first.status_code, replay.status_code) == (200, 200)
    bot.settled()
    assert len(bot.rows(Arbitration)) == 1
    assert (
        len([c for c in standin.calls("chat.postMessage") if c.params["channel"] == "C0COMEX01"])
        == 1
    )


def test_work_left_by_a_process_that_died_after_the_ack_is_done_on_start(
    tmp_path: Path, environ: dict[str, str], standin: SlackStandIn, sqlite_url: str
) -> None:
    with running_bot(environ, standin, clock=lambda: TUESDAY) as first:
        seed(first.engine, ("ERP phase 2", OWNER))
        first.core.inbox.stop()  # the worker is gone; the intake still answers
        with Database(first.engine).write() as session:
            stored = inbox.add(
                session=session,
                key="event:Ev0ORPHAN1",
                kind="dm",
                payload=DirectMessage(
                    user=OWNER,
                    channel=standin.dm_channel(OWNER),
                    ts="1795510800.000100",
                    text="vert 40 %",
                ).model_dump(mode="json"),
                received_at=TUESDAY,
                now=datetime.now(UTC),
            )
        assert stored and first.rows(CheckIn) == []
    with running_bot(environ, standin, clock=lambda: TUESDAY) as second:
        second.settled()
        [checkin] = second.rows(CheckIn)
        assert (checkin.status, checkin.progress) == ("on_track", 40)
        assert [row.state for row in second.rows(InboxItem)] == ["done"]


def test_work_that_keeps_failing_is_parked_listed_and_retried(
    bot: LocalBot,
    standin: SlackStandIn,
    environ: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed(bot.engine, ("ERP phase 2", OWNER))
    real = bot.core.inbox.handlers["dm"]
    failures = threading.Event()

    def broken(*args: Any) -> None:
        failures.set()
        raise RuntimeError("the reader is broken today")

    bot.core.inbox.handlers["dm"] = broken
    monkeypatch.setattr("bot.delivery.inbox.PARK_AFTER", 2)
    monkeypatch.setattr("bot.delivery.inbox.RETRY_AFTER", 0.0)
    bot.dm(OWNER, "green 60%", event_id="Ev0BROKEN1")
    bot.core.inbox.settle(15)  # settles once the item is parked: nothing left to try
    [row] = bot.rows(InboxItem)
    assert (row.state, row.attempts) == ("parked", 2)
    assert "the reader is broken today" in (row.last_error or "")

    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    assert main(["inbox", "list", "--failed"]) == 0
    out = capsys.readouterr().out
    assert "event:Ev0BROKEN1" in out and "the reader is broken today" in out

    bot.core.inbox.handlers["dm"] = real
    assert main(["inbox", "retry"]) == 0
    bot.settled()
    [checkin] = bot.rows(CheckIn)
    assert checkin.progress == 60
    assert [row.state for row in bot.rows(InboxItem)] == ["done"]
