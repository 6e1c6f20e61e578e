"""Slack's requests at the door: the signature is checked on the raw bytes before anything is
read, and a body Slack would never send is refused with one log line, never a traceback."""

from __future__ import annotations

import json
import logging
import time
import urllib.parse

import pytest

from bot.devtools.simulate import LocalBot
from rituals.models import InboxItem
from tests.slackbot import sign

MALFORMED = [
    pytest.param(b"\xff\xfe not utf-8", "application/json", id="not-utf8"),
    pytest.param(b"[1, 2, 3]", "application/json", id="json-array"),
    pytest.param(b'"just a string"', "application/json", id="json-string"),
    pytest.param(b"{broken", "application/json", id="broken-json"),
    pytest.param(b"[" * 100_000 + b"]" * 100_000, "application/json", id="deeply-nested"),
    pytest.param(b"payload=[1]", "application/x-www-form-urlencoded", id="payload-array"),
    pytest.param(b"payload=%7Bbroken", "application/x-www-form-urlencoded", id="payload-broken"),
    pytest.param(b"a=1&a=2", "application/x-www-form-urlencoded", id="duplicated-keys"),
    pytest.param(b"hello", "text/plain", id="text-plain"),
    pytest.param(
        urllib.parse.urlencode(
            {"payload": json.dumps({"type": "block_actions", "actions": "not a list"})}
        ).encode(),
        "application/x-www-form-urlencoded",
        id="actions-not-a-list",
    ),
    pytest.param(
        json.dumps(
            {"type": "event_callback", "event": "not an object", "event_id": "Ev1"}
        ).encode(),
        "application/json",
        id="event-not-an-object",
    ),
    pytest.param(
        json.dumps(
            {"type": "event_callback", "event_id": "Ev2", "event": {"type": "message", "ts": 1}}
        ).encode(),
        "application/json",
        id="message-without-channel",
    ),
]


@pytest.mark.parametrize(("body", "content_type"), MALFORMED)
def test_an_unsigned_request_is_401_whatever_its_body(
    bot: LocalBot, body: bytes, content_type: str
) -> None:
    response = bot.http.post("/slack/events", content=body, headers={"Content-Type": content_type})
    assert response.status_code == 401


@pytest.mark.parametrize(
    "timestamp",
    ["not-a-number", "", "1e9", str(int(time.time()) - 301), str(int(time.time()) + 400)],
    ids=["text", "empty", "float", "stale", "future"],
)
def test_a_bad_or_stale_timestamp_is_401_even_when_signed_with_it(
    bot: LocalBot, timestamp: str
) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "x"}).encode()
    signature = sign(body, 0, bot.secret)
    response = bot.http.post(
        "/slack/events",
        content=body,
        headers={
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": signature,
        },
    )
    assert response.status_code == 401


def test_a_wrong_signature_is_401(bot: LocalBot) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "x"}).encode()
    response = bot.post(body, "application/json", signature="v0=" + "0" * 64)
    assert response.status_code == 401


@pytest.mark.parametrize(("body", "content_type"), MALFORMED)
def test_a_signed_malformed_request_is_400_with_one_log_line_and_nothing_stored(
    bot: LocalBot, body: bytes, content_type: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        response = bot.post(body, content_type)
    assert response.status_code in (200, 400), response.status_code
    assert response.status_code == 400 or content_type == "application/json"
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    assert bot.rows(InboxItem) == []


def test_a_body_larger_than_slack_ever_sends_is_refused_before_it_is_read(bot: LocalBot) -> None:
    body = b"x" * 2_000_000
    response = bot.post(body, "application/x-www-form-urlencoded")
    assert response.status_code == 413


def test_slacks_url_verification_is_answered(bot: LocalBot) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "3eZbrw1aB"}).encode()
    response = bot.post(body, "application/json")
    assert response.status_code == 200 and "3eZbrw1aB" in response.text


def test_health_says_whether_the_database_answers(bot: LocalBot) -> None:
    assert bot.http.get("/healthz").status_code == 200
    bot.core.database.engine.dispose()
    assert bot.http.get("/slack/events").status_code == 405
    assert bot.http.get("/nowhere").status_code == 404
