"""Slack markup, read away: links, channels, bold, italics, code, quotes and bullets become
plain words; struck text (~like this~) is withdrawn and remembered as withdrawn. Mentions of
people and of everyone (`<@U…>`, `<!channel>`) stay as written, since what the owner wrote is
shown as written (the bot escapes it where it is placed), but no rule reads them.

Every pattern here has bounded repetitions, so cleaning is linear in the length of the text.
"""

from __future__ import annotations

import html
import re

from rituals.reading.document import Doc

_ANGLE = re.compile(r"<([^<>\n]{1,600})>")
_MENTION = re.compile(r"<[@!][^<>\s]{1,80}>")
_URL = re.compile(r"https?://[^\s<>]{1,600}")
_SHORTCODE = re.compile(r":([a-z0-9_+\-]{1,40}):")
_CODE = re.compile(r"```|`")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,300}?)(?<=\S)_(?![\w_])")
# Slack strikes with one tilde; text pasted from elsewhere may use two (~~like this~~).
_STRIKE = re.compile(r"(?<![\w~])(~~?)(?=[^\s~])(?P<words>[^~\n]{1,80}?)(?<=\S)\1(?![\w~])")
_QUOTE = re.compile(r"^[ \t]{0,8}>[ \t]?", re.MULTILINE)
_LINE_BULLET = re.compile(r"^[ \t]{0,8}(?:[-*•·◦▪–—]|\d{1,2}[.)])[ \t]+", re.MULTILINE)
_INLINE_NUMBERED = re.compile(r"(?<=\s)\d{1,2}\)(?=\s)")
_EMOJI = {
    "large_green_circle": "🟢", "green_circle": "🟢", "green_heart": "💚",
    "large_yellow_circle": "🟡", "yellow_circle": "🟡", "large_orange_circle": "🟠",
    "orange_circle": "🟠", "red_circle": "🔴", "large_red_circle": "🔴",
    "white_check_mark": "✅", "heavy_check_mark": "✔", "ballot_box_with_check": "☑",
    "warning": "⚠", "rocket": "🚀", "fire": "🔥", "+1": "👍", "thumbsup": "👍",
    "tada": "🎉", "x": "❌", "no_entry": "⛔", "rotating_light": "🚨", "construction": "🚧",
    "large_green_square": "🟩", "green_square": "🟩", "large_yellow_square": "🟨",
    "yellow_square": "🟨", "large_orange_square": "🟧", "orange_square": "🟧",
    "large_red_square": "🟥", "red_square": "🟥", "yellow_heart": "💛", "orange_heart": "🧡",
    "heavy_check_mark_": "✔", "check": "✔", "ok_hand": "👌", "thumbsdown": "👎", "-1": "👎",
    "hourglass": "⏳", "hourglass_flowing_sand": "⏳", "pray": "🙏", "wave": "👋",
}  # fmt: skip


def _angle(found: re.Match[str]) -> str:
    inner = found[1]
    target, _, label = inner.partition("|")
    if target[:1] in ("@", "!"):
        return found.group()  # a mention, kept as written
    if target[:1] == "#":
        return "#" + (label or target[1:])
    return label


def _unread_mentions(doc: Doc) -> Doc:
    """The same text, with its mentions blanked in the folded form every rule reads (their
    angle brackets kept, so that a quote starting with one keeps it)."""
    folded = list(doc.folded)
    for found in _MENTION.finditer(doc.text):
        folded[found.start() + 1 : found.end() - 1] = " " * (found.end() - found.start() - 2)
    return Doc(doc.text, "".join(folded), doc.struck)


def _shortcode(found: re.Match[str]) -> str:
    return _EMOJI.get(found[1], " ")


def clean(text: str) -> Doc:
    """The text as a person reads it in Slack, with what was struck out set aside."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", " ")
    text = _ANGLE.sub(_angle, text)
    text = _URL.sub(" ", text)
    text = html.unescape(text) if "&" in text else text
    text = _SHORTCODE.sub(_shortcode, text)
    text = _CODE.sub(" ", text)
    text = _BOLD.sub(r"\1", text)
    text = _ITALIC.sub(r"\1", text)
    text = _QUOTE.sub("", text)
    text = _LINE_BULLET.sub("• ", text)
    text = _INLINE_NUMBERED.sub("\n•", text)
    pieces: list[str] = []
    struck: list[tuple[int, str]] = []
    cursor = length = 0
    for found in _STRIKE.finditer(text):
        kept = text[cursor : found.start()] + " "
        pieces.append(kept)
        length += len(kept)
        struck.append((length - 1, found["words"]))
        cursor = found.end()
    pieces.append(text[cursor:])
    return _unread_mentions(Doc.of("".join(pieces), tuple(struck)))
