"""Malformed bodies for the HTTP fuzz: random bytes, text that is not UTF-8, JSON that is not
an object or nests deeply, forms with a key twice or a `payload=` that is not an object, and
Slack's own envelopes (built by LocalBot's builders) with a value of the wrong type — or no
value — somewhere inside, or a form field holding any text."""

from __future__ import annotations

import json
import random
import string
import urllib.parse
from typing import Any

from bot.devtools.standin import SlackStandIn
from tests.faults.traffic import Request, Requests

FORM = "application/x-www-form-urlencoded"
CONTENT_TYPES = (
    "application/json",
    FORM,
    "application/json; charset=utf-8",
    "text/plain",
    "",
    "multipart/form-data; boundary=x",
)
KINDS = (
    "bytes",
    "not utf-8",
    "json not an object",
    "deep",
    "form key twice",
    "payload not an object",
    "payload deep",
    *["envelope"] * 5,
)
ALPHABET = string.printable + "\x00\x7f\u202e\u0301é漢🟢🔴<>&|*_~:@!"
BAD_UTF8 = (b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80")
FORM_KEYS = ("payload", "command", "user_id", "text", "trigger_id")


def body(
    rng: random.Random, kind: str, raw: bytes, envelopes: list[tuple[str, Request]]
) -> tuple[str, bytes, str]:
    """A body of `kind` (one of KINDS; `raw` for "bytes"): (what it is, the body, its
    content type)."""
    any_type = rng.choice(CONTENT_TYPES)
    if kind == "bytes":
        return kind, raw, any_type
    if kind == "not utf-8":
        text = _encoded(_dumps(_json(rng)))
        cut = rng.randint(0, len(text))
        return kind, text[:cut] + rng.choice(BAD_UTF8) + text[cut:], any_type
    if kind == "json not an object":
        return kind, _encoded(_dumps(_not_an_object(rng))), rng.choice(CONTENT_TYPES[:3])
    if kind in ("deep", "payload deep"):
        text = _deep(rng.randint(50, 20_000), rng.choice("[{"))
        if kind == "deep":
            return kind, text.encode(), "application/json"
        return kind, _form({"payload": text}), FORM
    if kind == "form key twice":
        key = rng.choice(FORM_KEYS)
        return kind, _form([(key, _text(rng)), (key, _text(rng))]), FORM
    if kind == "payload not an object":
        value = _not_an_object(rng)
        payload = value if isinstance(value, str) and rng.random() < 0.5 else _dumps(value)
        return kind, _form({"payload": payload}), FORM
    return _mutated(rng, envelopes)


def envelopes(standin: SlackStandIn) -> list[tuple[str, Request]]:
    """Slack's requests as the whole-app tests build them: each kind the bot listens to."""
    requests = Requests(standin)
    poll = {
        "ts": "1795510800.000100",
        "channel": "C0COMEX01",
        "text": "poll",
        "blocks": [
            {"type": "section", "accessory": {"type": "button", "action_id": f"poll_vote_{n}",
                                              "value": f'{{"a":1,"o":{n}}}'}}
            for n in range(2)
        ],
    }  # fmt: skip
    prompt = {
        "ts": "1795510800.000200",
        "channel": "DU0OWNER01",
        "blocks": [
            {"type": "actions", "elements": [
                {"type": "button", "action_id": a, "value": '{"i":1,"p":"2026-W48"}'}
                for a in ("checkin_update", "checkin_no_change", "checkin_skip")
            ]}
        ],
    }  # fmt: skip
    form = {
        "type": "modal",
        "callback_id": "checkin_form",
        "private_metadata": '{"i":1,"p":"2026-W48"}',
        "blocks": [
            {"type": "input", "block_id": "status", "element": {
                "type": "static_select", "action_id": "status",
                "options": [{"value": "on_track"}]}},
            {"type": "input", "block_id": "progress", "element": {
                "type": "plain_text_input", "action_id": "progress"}},
        ],
    }  # fmt: skip
    edit = {
        "type": "message", "subtype": "message_changed", "channel": "DU0OWNER01",
        "channel_type": "im",
        "message": {"user": "U0OWNER01", "text": "amber", "ts": "1.2", "edited": {"ts": "1.3"}},
        "previous_message": {"user": "U0OWNER01", "text": "green", "ts": "1.2"},
    }  # fmt: skip
    return [
        ("dm", requests.dm("U0OWNER01", "green 60%")[0]),
        ("thread reply", requests.dm("U0OWNER01", "red, blocked by legal", thread_ts="1.2")[0]),
        ("home", requests.event({"type": "app_home_opened", "user": "U0OWNER01", "tab": "home"})),
        ("edit", requests.event(edit)),
        ("vote", requests.click("U0CEO0001", poll, "poll_vote_1")),
        ("no change", requests.click("U0OWNER01", prompt, "checkin_no_change")),
        ("skip", requests.click("U0OWNER01", prompt, "checkin_skip")),
        ("form", requests.submit("U0OWNER01", form, {"status": "on_track", "progress": "40"})),
        ("/arbitrate", requests.command("U0CMO0001", "/arbitrate", "Budget? | Yes | No")),
        ("/checkin", requests.command("U0OWNER01", "/checkin", "away until 2026-12-31")),
        ("/decisions", requests.command("U0CEO0001", "/decisions")),
    ]


def _mutated(rng: random.Random, envelopes: list[tuple[str, Request]]) -> tuple[str, bytes, str]:
    name, request = rng.choice(envelopes)
    if request.content_type == "application/json":
        document = json.loads(request.body)
        changed = _replaced(document, rng.choice(_paths(document)), _json(rng), rng.random() < 0.3)
        return f"{name}: wrong type", _encoded(_dumps(changed)), request.content_type
    pairs = urllib.parse.parse_qsl(request.body.decode(), keep_blank_values=True)
    fields = dict(pairs)
    if "payload" in fields and rng.random() < 0.6:
        document = json.loads(fields["payload"])
        changed = _replaced(document, rng.choice(_paths(document)), _json(rng), rng.random() < 0.3)
        return f"{name}: wrong type", _form({**fields, "payload": _dumps(changed)}), FORM
    key = rng.choice(sorted(fields))
    if rng.random() < 0.5:
        return f"{name}: a key twice", _form([*pairs, (key, _text(rng))]), FORM
    return f"{name}: any text", _form({**fields, key: _text(rng, 200)}), FORM


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a JSON value: keys of objects, indexes of lists."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


def _replaced(value: Any, path: tuple[Any, ...], new: Any, delete: bool) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    if not rest and delete:
        del copy[head]
    else:
        copy[head] = _replaced(copy[head], rest, new, delete)
    return copy


def _text(rng: random.Random, size: int = 30) -> str:
    if rng.random() < 0.05:
        return "\ud800" + "x" * rng.randint(0, size)  # a lone surrogate: not UTF-8 once encoded
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, size)))


def _scalar(rng: random.Random) -> Any:
    floats = (0.5, -1e308, 1e308, float("inf"), float("-inf"))
    return rng.choice(
        [None, rng.random() < 0.5, rng.randint(-(2**70), 2**70), rng.choice(floats), _text(rng)]
    )


def _json(rng: random.Random, depth: int = 3) -> Any:
    """Any JSON value (and Python's extension of it: Infinity)."""
    roll = rng.random()
    if depth <= 0 or roll < 0.5:
        return _scalar(rng)
    if roll < 0.75:
        return [_json(rng, depth - 1) for _ in range(rng.randint(0, 4))]
    return {_text(rng, 10): _json(rng, depth - 1) for _ in range(rng.randint(0, 4))}


def _not_an_object(rng: random.Random) -> Any:
    return rng.choice([_scalar(rng), [_json(rng, 2) for _ in range(rng.randint(0, 3))]])


def _deep(depth: int, opener: str) -> str:
    if opener == "[":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _form(fields: Any) -> bytes:
    return urllib.parse.urlencode(fields, errors="surrogatepass").encode()
