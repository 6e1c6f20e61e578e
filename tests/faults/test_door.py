"""Signed requests the fuzz found going past the door: each is now refused there with a 400
and one log line — before, Bolt crashed on them (500 and a traceback), or the outbox stuck on
a reply it could not post (every other message held behind it)."""

from __future__ import annotations

import json
import logging
import urllib.parse
from typing import Any

import pytest

from bot.devtools.simulate import LocalBot
from rituals.models import InboxItem

CLICK: dict[str, Any] = {
    "type": "block_actions",
    "user": {"id": "U0CEO0001"},
    "api_app_id": "A0RITUAL1",
    "trigger_id": "1.2.trigger",
    "response_url": "https://hooks.slack.com/actions/T0/1/x",
    "actions": [{"action_id": "poll_vote_1", "value": '{"a":1,"o":1}', "block_id": "b"}],
}
SUBMISSION: dict[str, Any] = {
    "type": "view_submission",
    "user": {"id": "U0OWNER01"},
    "trigger_id": "1.3.trigger",
    "view": {"id": "V1", "callback_id": "checkin_form", "state": {"values": {}}},
    "response_urls": [],
}


REFUSED = {
    "no action": {**CLICK, "actions": []},
    "an action without action_id": {**CLICK, "actions": [{"value": "1", "block_id": "b"}]},
    "a view whose callback_id is a number": {
        **SUBMISSION,
        "view": {**SUBMISSION["view"], "callback_id": 7},
    },
    "a response URL that is not one": {**CLICK, "response_url": "iDg_j*sGaP$!ACX"},
    "a response URL that is not http": {**CLICK, "response_url": "ftp://hooks.slack.com/x"},
    "a form's response URL that is not one": {
        **SUBMISSION,
        "response_urls": [{"response_url": "not a url", "channel_id": "C1"}],
    },
    "response_urls that is not a list": {**SUBMISSION, "response_urls": "https://x.example/"},
}


def test_signed_clicks_and_forms_slack_never_sends_are_refused_at_the_door(
    bot: LocalBot, caplog: pytest.LogCaptureFixture
) -> None:
    seen = {}
    for what, payload in REFUSED.items():
        caplog.clear()
        body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
        with caplog.at_level(logging.INFO):
            status = bot.post(body, "application/x-www-form-urlencoded").status_code
        tracebacks = [r for r in caplog.records if r.exc_info]
        lines = [r for r in caplog.records if "refused" in r.getMessage()]
        seen[what] = (status, len(tracebacks), len(lines))
    assert seen == {what: (400, 0, 1) for what in REFUSED}
    assert bot.rows(InboxItem) == []


def test_a_command_whose_response_url_is_not_one_is_refused(bot: LocalBot) -> None:
    form = {"command": "/decisions", "user_id": "U0CEO0001", "trigger_id": "1.4.t",
            "response_url": "javascript:alert(1)", "text": ""}  # fmt: skip
    response = bot.post(urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert bot.rows(InboxItem) == []
