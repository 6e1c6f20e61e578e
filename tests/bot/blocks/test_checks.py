"""The Block Kit checks every builder test relies on (tests/blockkit.py): each refuses what
Slack refuses, and lets the limits themselves through. A check that cannot fail would make
every "Slack accepts it" test pass for nothing."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.errors import SlackObjectFormationError

from tests.blockkit import BLOCKS_TEXT_MAX, MESSAGE_TEXT_MAX, check_message, check_view

REFUSED = (AssertionError, SlackObjectFormationError)  # a check's, or slack_sdk's own refusal


def section(text: str = "ok", **extra: Any) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}, **extra}


def button(text: str = "Go", value: str = "v", action: str = "go") -> dict[str, Any]:
    return {
        "type": "button",
        "action_id": action,
        "text": {"type": "plain_text", "text": text},
        "value": value,
    }


def context(count: int, text: str = "ok") -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}] * count}


def header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": {"type": "plain_text", "text": text}}


@pytest.mark.parametrize(
    "blocks",
    [
        pytest.param([section()] * 51, id="51 blocks"),
        pytest.param([section("x" * 3001)], id="section text"),
        pytest.param([section(fields=[{"type": "mrkdwn", "text": "x" * 2001}])], id="field"),
        pytest.param([section(fields=[{"type": "mrkdwn", "text": "x"}] * 11)], id="11 fields"),
        pytest.param([header("x" * 151)], id="header"),
        pytest.param([context(11)], id="context elements"),
        pytest.param([context(1, "x" * 3001)], id="context text"),
        pytest.param([{"type": "actions", "elements": [button()] * 26}], id="actions"),
        pytest.param([{"type": "actions", "elements": [button("x" * 76)]}], id="button text"),
        pytest.param([section(accessory=button(value="x" * 2001))], id="button value"),
        pytest.param([section(block_id="a"), section(block_id="a")], id="block_id twice"),
        pytest.param([section("x" * 2500)] * 5, id=f"more than {BLOCKS_TEXT_MAX} in all"),
        pytest.param([section() | {"colour": "red"}], id="a key Slack does not know"),
        pytest.param([{"type": "banner", "text": "x"}], id="an unknown block"),
    ],
)
def test_check_message_refuses_what_slack_refuses(blocks: list[dict[str, Any]]) -> None:
    with pytest.raises(REFUSED):
        check_message({"text": "Weekly digest", "blocks": blocks})


@pytest.mark.parametrize("text", [" ", "x" * (MESSAGE_TEXT_MAX + 1)])
def test_check_message_wants_a_fallback_text_slack_takes(text: str) -> None:
    with pytest.raises(AssertionError):
        check_message({"text": text, "blocks": [section()]})


def test_check_message_lets_the_limits_themselves_through() -> None:
    check_message(
        {
            "text": "x" * MESSAGE_TEXT_MAX,
            "blocks": [
                section("x" * 3000, block_id="a", accessory=button("x" * 75, "v" * 2000)),
                header("x" * 150),
                context(10, "x"),
                {"type": "actions", "elements": [button(action=f"b{n}") for n in range(25)]},
                *[section("x", block_id=f"b{n}") for n in range(46)],
            ],
        }
    )


def modal(**changes: Any) -> dict[str, Any]:
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": "checkin_modal",
        "title": {"type": "plain_text", "text": "x" * 24},
        "submit": {"type": "plain_text", "text": "Save"},
        "blocks": [section()],
        "private_metadata": "m" * 3000,
    }
    return view | changes


@pytest.mark.parametrize(
    "view",
    [
        pytest.param(modal(title={"type": "plain_text", "text": "x" * 25}), id="title"),
        pytest.param(modal(submit={"type": "plain_text", "text": "x" * 25}), id="submit"),
        pytest.param(modal(private_metadata="m" * 3001), id="metadata"),
        pytest.param(modal(blocks=[]), id="no block"),
        pytest.param(modal(blocks=[section()] * 101), id="101 blocks"),
    ],
)
def test_check_view_refuses_what_slack_refuses(view: dict[str, Any]) -> None:
    check_view(modal())  # the limits themselves pass
    with pytest.raises(REFUSED):
        check_view(view)
