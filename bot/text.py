"""Slack mrkdwn that cannot leak: people's text is escaped wherever it is placed.

`Mrkdwn` is text the bot built (a mention, a date, a bold title, a catalogue sentence).
Anything else placed into mrkdwn — an owner's answer, a roadmap title, a poll option — is a
plain `str` and gets escaped on the way in, so `<!channel>` shows as written and pings nobody.
The only ways to a `Mrkdwn` are the functions of this module and the catalogue (`bot.words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,20}")
_CHANNEL_ID = re.compile(r"[CGD][A-Z0-9]{2,20}")
# Where a cut would break an entity or a Slack token: "&am", "<@U12".
_OPEN_TOKEN = re.compile(r"(&[a-z]{0,4}|<[^<>]*)\Z")
ELLIPSIS = "…"


class Mrkdwn(str):
    """Text in Slack's mrkdwn, safe to place as is."""

    __slots__ = ()

    def __add__(self, other: str) -> Mrkdwn:
        return Mrkdwn(str.__add__(self, md(other)))

    def __radd__(self, other: str) -> Mrkdwn:
        return Mrkdwn(str.__add__(md(other), self))

    def join(self, parts: Iterable[str]) -> Mrkdwn:
        return Mrkdwn(str.join(self, (md(part) for part in parts)))


def escape(text: str) -> Mrkdwn:
    """Slack's three control characters, so that text shows as written."""
    return Mrkdwn("".join(_ESCAPES.get(char, char) for char in text))


def md(value: object) -> Mrkdwn:
    """`value` as mrkdwn: a Mrkdwn as it is, anything else escaped."""
    if isinstance(value, Mrkdwn):
        return value
    return escape("" if value is None else str(value))


def clip(text: str | None, budget: int) -> Mrkdwn:
    """People's `text`, escaped and shortened so that it takes at most `budget` characters."""
    if budget < 1:
        return Mrkdwn("")
    escaped = md(text or "")
    if len(escaped) <= budget:
        return escaped
    return _cut(escaped, budget)


def fit(text: Mrkdwn, limit: int) -> Mrkdwn:
    """Mrkdwn shortened to `limit` characters without cutting an entity or a token in two."""
    return text if len(text) <= limit else _cut(text, limit)


def _cut(text: str, limit: int) -> Mrkdwn:
    head = text[: max(0, limit - len(ELLIPSIS))]
    head = _OPEN_TOKEN.sub("", head).rstrip()
    # An odd number of "*" or "_" left open would bold the ellipsis: close nothing, drop it.
    return Mrkdwn(head + ELLIPSIS)


def plain(text: str | None, limit: int) -> str:
    """People's text for a plain_text field (shown as written, never parsed): just shortened."""
    text = " ".join((text or "").split()) if "\n" not in (text or "") else (text or "")
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + ELLIPSIS


def bold(text: str, budget: int = 3000) -> Mrkdwn:
    """*text*; people's text clipped to `budget` inside the stars."""
    inner = (clip(text, budget - 2) if not isinstance(text, Mrkdwn) else text).strip()
    return Mrkdwn(f"*{inner}*") if inner else Mrkdwn("")


def italic(text: str, budget: int = 3000) -> Mrkdwn:
    inner = (clip(text, budget - 2) if not isinstance(text, Mrkdwn) else text).strip()
    return Mrkdwn(f"_{inner}_") if inner else Mrkdwn("")


def mention(user: str) -> Mrkdwn:
    """A notifying mention of a Slack user: only for messages that ask that person to act."""
    return Mrkdwn(f"<@{user}>") if _USER_ID.fullmatch(user or "") else escape(user or "")


_MENTIONED = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def mentioned_in(payload: dict[str, object]) -> list[str]:
    """The users a message's payload notifies by mention, once per mention: in its blocks
    when it has some (the text is then only the notification's fallback), else its text."""
    return _mentions(payload["blocks"] if payload.get("blocks") else payload.get("text", ""))


def _mentions(value: object) -> list[str]:
    if isinstance(value, str):
        return _MENTIONED.findall(value)
    if isinstance(value, dict):
        return [user for item in value.values() for user in _mentions(item)]
    if isinstance(value, list):
        return [user for item in value for user in _mentions(item)]
    return []


def channel(channel_id: str) -> Mrkdwn:
    """A link to a channel (it notifies nobody)."""
    if _CHANNEL_ID.fullmatch(channel_id or ""):
        return Mrkdwn(f"<#{channel_id}>")
    return escape(channel_id or "")


def link(url: str, label: str) -> Mrkdwn:
    safe = url.replace(">", "%3E").replace("|", "%7C").replace("<", "%3C")
    return Mrkdwn(f"<{safe}|{clip(label, 200)}>")


def slack_date(moment: datetime, fmt: str = "{date_short_pretty} {time}") -> Mrkdwn:
    """A time each reader sees in their own time zone, with a UTC fallback."""
    if moment.tzinfo is None:
        raise ValueError(f"{moment!r} is naive; pass an aware datetime")
    fallback = moment.strftime("%Y-%m-%d %H:%M UTC")
    return Mrkdwn(f"<!date^{int(moment.timestamp())}^{fmt}|{fallback}>")


def quote_lines(text: str) -> Mrkdwn:
    """Each line of `text` (people's text escaped) as a quote."""
    return Mrkdwn("\n".join(f">{line}" for line in md(text).split("\n")))


def code(text: str) -> Mrkdwn:
    """`text` in code style; people's text escaped, its backticks dropped so it stays one span."""
    inner = md(text.replace("`", "'"))
    return Mrkdwn(f"`{inner}`") if inner else Mrkdwn("")


def unescape(text: str) -> str:
    """Text as Slack sends it back (`&lt;` for `<`) turned into what the person typed."""
    # `&amp;` last, so that a typed "&lt;" (sent as "&amp;lt;") stays "&lt;".
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def stored(text: str) -> Mrkdwn:
    """Mrkdwn the bot built earlier and kept in the database (a folded notice): placed as is."""
    return Mrkdwn(text)
