"""Slack messages and modals as a person would read them, for the terminal (the demo)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

EMOJI = {
    "white_check_mark": "✅",
    "construction": "🚧",
    "scales": "⚖️",
    "memo": "📝",
    "wave": "👋",
    "fast_forward": "⏩",
    "warning": "⚠️",
    "red_circle": "🔴",
    "large_green_circle": "🟢",
    "large_yellow_circle": "🟡",
    "bar_chart": "📊",
    "calendar": "📅",
    "bell": "🔔",
    "rotating_light": "🚨",
    "ballot_box_with_ballot": "🗳️",
    "ballot_box_with_check": "☑️",
    "arrows_counterclockwise": "🔄",
    "hourglass_flowing_sand": "⏳",
    "thread": "🧵",
    "sunny": "☀️",
    "information_source": "ℹ️",
    "spiral_note_pad": "🗒️",
    "heavy_plus_sign": "➕",
    "trophy": "🏆",
}
_DATE = re.compile(r"<!date\^(\d+)\^[^|>]*\|([^>]*)>")
_USER = re.compile(r"<@([UW][A-Z0-9]+)>")
_CHANNEL = re.compile(r"<#(C[A-Z0-9]+)(?:\|([^>]*))?>")
_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")
_EMOJI = re.compile(r":([a-z0-9_+-]+):")


class Style:
    """ANSI styling (or none when the output is not a terminal), and the reader's time zone
    and language for Slack's dates."""

    def __init__(self, enabled: bool, tz: ZoneInfo | None = None, language: str = "en") -> None:
        self.enabled = enabled
        self.tz = tz
        self.language = language

    def bold(self, text: str) -> str:
        return f"\033[1m{text}\033[0m" if self.enabled else text

    def dim(self, text: str) -> str:
        return f"\033[2m{text}\033[0m" if self.enabled else text


def _date(match: re.Match[str], style: Style) -> str:
    """A `<!date^…>` as Slack shows it: in the reader's zone and language."""
    if style.tz is None:
        return match.group(2)
    moment = datetime.fromtimestamp(int(match.group(1)), style.tz)
    return str(format_datetime(moment, "EEE d MMM HH:mm", locale=style.language))


def mrkdwn(text: str, style: Style, names: dict[str, str]) -> str:
    text = _DATE.sub(lambda m: _date(m, style), text)
    text = _USER.sub(lambda m: "@" + names.get(m.group(1), m.group(1)), text)
    text = _CHANNEL.sub(lambda m: names.get(m.group(1)) or "#" + (m.group(2) or m.group(1)), text)
    text = _LINK.sub(r"\2 (\1)", text)
    text = _EMOJI.sub(lambda m: EMOJI.get(m.group(1), m.group(0)), text)
    text = re.sub(r"\*([^*\n]+)\*", lambda m: style.bold(m.group(1)), text)
    text = re.sub(r"(?<!\w)_([^_\n]+)_(?!\w)", lambda m: style.dim(m.group(1)), text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _text(obj: dict[str, Any] | None, style: Style, names: dict[str, str]) -> str:
    if not obj:
        return ""
    text = str(obj.get("text", ""))
    return mrkdwn(text, style, names) if obj.get("type") == "mrkdwn" else text


def blocks_as_lines(blocks: list[dict[str, Any]], style: Style, names: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            lines.append(style.bold(_text(block.get("text"), style, names)))
        elif kind == "section":
            lines.extend(_text(block.get("text"), style, names).splitlines())
            for field in block.get("fields") or []:
                lines.append(_text(field, style, names))
        elif kind == "context":
            parts = [_text(e, style, names) for e in block.get("elements", []) if "text" in e]
            lines.append(style.dim(" ".join(parts)))
        elif kind == "actions":
            buttons = [_text(e.get("text"), style, names) for e in block.get("elements", [])]
            lines.append("  ".join(f"[ {b} ]" for b in buttons if b))
        elif kind == "input":
            label = _text(block.get("label"), style, names)
            optional = style.dim(" (optional)") if block.get("optional") else ""
            lines.append(f"{label}{optional}: ________")
        elif kind == "divider":
            lines.append(style.dim("─" * 40))
    return lines


def message_as_lines(message: dict[str, Any], style: Style, names: dict[str, str]) -> list[str]:
    """A posted message: its blocks when it has some, else its text."""
    if message.get("blocks"):
        return blocks_as_lines(message["blocks"], style, names)
    return mrkdwn(str(message.get("text", "")), style, names).splitlines()


def view_as_lines(view: dict[str, Any], style: Style, names: dict[str, str]) -> list[str]:
    title = _text(view.get("title"), style, names)
    submit = _text(view.get("submit"), style, names)
    lines = [style.bold(f"┌ {title} ┐" if title else "┌")]
    lines.extend("│ " + line for line in blocks_as_lines(view.get("blocks", []), style, names))
    lines.append(f"└ [ {submit} ]" if submit else "└")
    return lines
