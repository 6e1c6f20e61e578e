"""What Slack accepts, checked as Slack would: messages and views through slack_sdk's models
plus the limits those models do not check; and walkers over the texts a reader sees."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

MESSAGE_TEXT_MAX = 4000
BLOCKS_TEXT_MAX = 10_000
# What people may write, and how it must come out in mrkdwn: shown as written, pinging nobody.
HOSTILE = "<!channel> <@U0HOSTILE> <https://x.example|y> *bold* { $x } {{ 7*7 }} & co"
MENTION = re.compile(r"<(?:@|!(?!date\^))[^>]*>")  # notifies someone; not <!date^…>, <#C…>


def check_message(message: dict[str, Any]) -> None:
    assert isinstance(message["text"], str) and message["text"].strip(), "no fallback text"
    assert len(message["text"]) <= MESSAGE_TEXT_MAX
    blocks = message.get("blocks", [])
    assert len(blocks) <= 50, f"{len(blocks)} blocks"
    check_blocks(blocks)
    total = sum(len(text) for text in words_in(blocks))
    assert total <= BLOCKS_TEXT_MAX, f"{total} characters of text in the blocks"


def check_view(view: dict[str, Any]) -> None:
    View(**view).to_dict()  # title, submit, close, private_metadata, blocks: raises if invalid
    if view["type"] == "modal":
        assert 1 <= len(view["title"]["text"]) <= 24
        assert len(view.get("private_metadata") or "") <= 3000
    assert all(len(view[key]["text"]) <= 24 for key in ("submit", "close") if key in view)
    assert 1 <= len(view["blocks"]) <= 100
    check_blocks(view["blocks"])


def check_blocks(blocks: list[dict[str, Any]]) -> None:
    ids = [block["block_id"] for block in blocks if "block_id" in block]
    assert len(ids) == len(set(ids)), f"block_id used twice: {ids}"
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None, f"unknown block {block}"
        # to_dict() validates the block and its elements; equality: no key was dropped unknown.
        assert parsed.to_dict() == block
        if block["type"] == "section":
            if "text" in block:
                assert 1 <= len(block["text"]["text"]) <= 3000
            assert "text" in block or block.get("fields")
            assert all(len(field["text"]) <= 2000 for field in block.get("fields", []))
        elif block["type"] == "header":
            assert 1 <= len(block["text"]["text"]) <= 150
        elif block["type"] == "actions":
            assert 1 <= len(block["elements"]) <= 25
        elif block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
            assert all(1 <= len(element.get("text", "x")) <= 3000 for element in block["elements"])
        elif block["type"] == "input":
            assert 1 <= len(block["label"]["text"]) <= 2000
        for element in [*block.get("elements", []), block.get("element"), block.get("accessory")]:
            if isinstance(element, dict):
                check_element(element)


def check_element(element: dict[str, Any]) -> None:
    if element["type"] == "button":
        assert 1 <= len(element["text"]["text"]) <= 75
        assert len(element.get("value", "")) <= 2000
    options = element.get("options", [])
    assert len(options) <= 100
    for option in options:
        assert 1 <= len(option["text"]["text"]) <= 75 and len(option["value"]) <= 150
    if "initial_option" in element:
        assert element["initial_option"] in options, "initial_option is not one of the options"


def mrkdwn_texts(rendered: dict[str, Any]) -> list[str]:
    """What Slack reads as mrkdwn: a message's fallback text and every mrkdwn text object."""
    message = [rendered["text"]] if isinstance(rendered.get("text"), str) else []
    return message + list(mrkdwn_in(rendered.get("blocks", [])))


def mrkdwn_in(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if value.get("type") == "mrkdwn":
            yield value["text"]
        for item in value.values():
            yield from mrkdwn_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from mrkdwn_in(item)


def plain_in(value: Any) -> Iterator[str]:
    """Every plain_text text object: Slack shows it as it is, escaping nothing."""
    if isinstance(value, dict):
        if value.get("type") == "plain_text":
            yield value["text"]
        for item in value.values():
            yield from plain_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from plain_in(item)


def words_in(value: Any, key: str | None = None) -> Iterator[str]:
    """Every text a reader sees (not ids, values or metadata)."""
    if isinstance(value, dict):
        for k, item in value.items():
            yield from words_in(item, k)
    elif isinstance(value, list):
        for item in value:
            yield from words_in(item, key)
    elif isinstance(value, str) and key in ("text", "initial_value"):
        yield value


def texts(message: dict[str, Any]) -> str:
    """All the words of a message or view as a reader sees them, one per line."""
    return "\n".join(words_in(message))


def buttons(rendered: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for block in rendered.get("blocks", []):
        found += [block["accessory"]] if "accessory" in block else []
        found += block.get("elements", []) if block["type"] == "actions" else []
    return [element for element in found if element.get("type") == "button"]


def assert_pings_nobody(rendered: dict[str, Any], *, allowed: frozenset[str] = frozenset()) -> int:
    """No mrkdwn text of `rendered` notifies anyone but the `allowed` mentions; the number of
    mrkdwn texts that show people's hostile words escaped (callers assert it is not zero)."""
    shown = 0
    for text in mrkdwn_texts(rendered):
        for token in MENTION.findall(text):
            assert token in allowed, f"{token!r} notifies someone in {text!r}"
        shown += "&lt;!channel&gt;" in text
    return shown
