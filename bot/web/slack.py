"""Slack's requests at the door: the signature checked on the raw bytes before anything is
parsed, the body's shape checked before Bolt reads it.

Unsigned, stale or badly-timestamped: 401, whatever the body. Signed but not what Slack
sends (not UTF-8, JSON that is not an object, a form key given twice, a `payload=` that is
not an object, too deep, a click on no action, a response URL that is not one): 400 with one
log line. Larger than Slack ever sends: 413 before reading it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import httpx

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000  # Slack's largest payloads (a message of 40,000 characters, a big form) fit
TOLERANCE = 300  # seconds: Slack's own replay window


@dataclass(frozen=True)
class Refusal:
    status: int
    reason: str


def signed(
    body: bytes,
    timestamp: str | None,
    signature: str | None,
    secret: str,
    *,
    now: Callable[[], float] = time.time,
) -> Refusal | None:
    """None when Slack signed `body` within the last five minutes."""
    if not timestamp or not signature:
        return Refusal(401, "unsigned")
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return Refusal(401, "bad timestamp")
    if abs(now() - int(timestamp)) > TOLERANCE:
        return Refusal(401, "stale timestamp")
    base = f"v0:{timestamp}:".encode() + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        return Refusal(401, "bad signature")
    return None


def well_formed(body: bytes, content_type: str) -> Refusal | None:
    """None when the body has the shape Slack sends: a JSON object, or a form whose keys
    appear once and whose `payload` is a JSON object."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return Refusal(400, "not UTF-8")
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json":
        return _object(text, "the body")
    if kind == "application/x-www-form-urlencoded":
        try:
            pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text))
        except ValueError:
            return Refusal(400, "not a form")
        names = [name for name, _ in pairs]
        if len(names) != len(set(names)):
            return Refusal(400, "a form key given twice")
        fields = dict(pairs)
        payload = fields.get("payload")
        return _reply_urls(fields) or (None if payload is None else _object(payload, "payload"))
    return Refusal(400, f"unexpected content type {kind or 'none'}")


def _object(text: str, what: str) -> Refusal | None:
    try:
        value: Any = json.loads(text)
    except (ValueError, RecursionError):
        return Refusal(400, f"{what} is not JSON")
    if not isinstance(value, dict):
        return Refusal(400, f"{what} is not an object")
    return _shaped(value)


# The keys Bolt reads before any listener runs, and the shape Slack always gives them.
_OBJECTS = ("event", "view", "container", "message", "state", "user", "team", "channel")
_LISTS = ("actions", "authorizations")


def _shaped(body: dict[str, Any]) -> Refusal | None:
    for key in _OBJECTS:
        if key in body and not isinstance(body[key], dict | str | None):
            return Refusal(400, f"{key} is neither an object nor a string")
    for key in ("event", "view"):
        if key in body and not isinstance(body[key], dict):
            return Refusal(400, f"{key} is not an object")
    event = body.get("event")
    if isinstance(event, dict) and not isinstance(event.get("type"), str):
        return Refusal(400, "the event has no type")
    for key in _LISTS:
        value = body.get(key)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(item, dict) for item in value)
        ):
            return Refusal(400, f"{key} is not a list of objects")
    clicked = body.get("type") in ("block_actions", "interactive_message")
    if clicked and "actions" in body and not body["actions"]:
        return Refusal(400, "a click on no action")  # Bolt reads the first one
    for action in body.get("actions") or []:
        given = action.get("action_id", None if body.get("type") == "block_actions" else "")
        if not isinstance(given, str):
            return Refusal(400, "an action has no action_id")
    view = body.get("view")
    if isinstance(view, dict) and not isinstance(view.get("callback_id", ""), str):
        return Refusal(400, "the view's callback_id is not a string")
    for key in ("type", "command", "callback_id", "event_id", "trigger_id", "user_id"):
        if key in body and not isinstance(body[key], str):
            return Refusal(400, f"{key} is not a string")
    return _reply_urls(body)


def _reply_urls(body: dict[str, Any]) -> Refusal | None:
    """Where the person is answered: an http(s) URL, as Slack gives it (the outbox could not
    post to anything else)."""
    urls = [body["response_url"]] if body.get("response_url") is not None else []
    listed = body.get("response_urls")
    if listed is not None:
        if not isinstance(listed, list) or not all(isinstance(item, dict) for item in listed):
            return Refusal(400, "response_urls is not a list of objects")
        urls += [item["response_url"] for item in listed if item.get("response_url") is not None]
    if not all(_web_address(url) for url in urls):
        return Refusal(400, "a response URL is not an http(s) URL")
    return None


def _web_address(value: object) -> bool:
    if not isinstance(value, str) or not value.isprintable() or " " in value:
        return False
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, ValueError, TypeError):
        return False
    return url.scheme in ("http", "https") and bool(url.host)
