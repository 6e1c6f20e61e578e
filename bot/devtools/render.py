"""Block Kit as HTML, close to what Slack shows: messages, modals and the Home tab of the demo,
as self-contained pages (inline CSS, nothing fetched). People's text only ever becomes text:
Slack's escapes are undone, then everything is escaped again for HTML.

Past 300 lines by a few: one small function per Block Kit element the bot uses; a devtool.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time
from markupsafe import Markup, escape

from bot.devtools.frame import CSS, FRAME, PAGE
from bot.devtools.terminal import EMOJI

_TOKEN = re.compile(r"<([^<>\s][^<>]*)>")
_EMOJI = re.compile(r":([a-z0-9_+-]+):")
_SLACK_ESCAPES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
_HOLE = "\ue000{}\ue001"  # private-use marks around a drawn token's index
_HOLES = re.compile("\ue000(\\d+)\ue001")
_SPANS = (
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), "b"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), "i"),
    (re.compile(r"(?<![\w~])~(?=\S)([^~\n]+?)(?<=\S)~(?![\w~])"), "s"),
)
_DATE_TOKENS = {
    "{date_num}": "yyyy-MM-dd",
    "{date_short}": "medium",
    "{date_short_pretty}": "medium",
    "{date}": "long",
    "{date_pretty}": "long",
    "{date_long}": "full",
    "{date_long_pretty}": "full",
}


@dataclass
class Reader:
    """Who reads: names for ids, and the zone and language Slack shows dates in."""

    names: dict[str, str] = field(default_factory=dict)
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    language: str = "en"

    def name(self, key: str) -> str:
        return self.names.get(key, key)


def _unslack(text: str) -> str:
    for entity, char in _SLACK_ESCAPES:
        text = text.replace(entity, char)
    return text


def emojify(text: str) -> str:
    return _EMOJI.sub(lambda m: EMOJI.get(m.group(1), m.group(0)), text)


def _date(token: str, reader: Reader) -> str:
    parts = token.split("|", 1)
    fields_ = parts[0].split("^")
    try:
        moment = datetime.fromtimestamp(int(fields_[1]), reader.tz)
    except (IndexError, ValueError, OverflowError, OSError):
        return _unslack(parts[1]) if len(parts) > 1 else ""
    shown = fields_[2] if len(fields_) > 2 else "{date_short}"
    for name, pattern in _DATE_TOKENS.items():
        shown = shown.replace(name, str(format_date(moment, pattern, locale=reader.language)))
    time = str(format_time(moment, "short", locale=reader.language))
    return shown.replace("{time_secs}", time).replace("{time}", time)


def _token(token: str, reader: Reader) -> Markup:
    """One `<…>` of Slack: a mention, a channel, a date, a link."""
    target, _, label = token.partition("|")
    if target.startswith("@"):
        return Markup('<span class="mention">@{}</span>').format(reader.name(target[1:]))
    if target.startswith("#"):
        shown = reader.names.get(target[1:]) or "#" + (label or target[1:])
        return Markup('<span class="channel">{}</span>').format(shown)
    if target.startswith("!date^"):
        return escape(_date(token, reader))
    if target.startswith("!"):
        return Markup('<span class="mention">@{}</span>').format(target[1:].split("^")[0])
    url = _unslack(target)
    shown = _unslack(label) if label else url
    if re.match(r"(https?|mailto):", url):
        return Markup('<a href="{}">{}</a>').format(url, shown)
    return escape(shown)


def mrkdwn(text: str, reader: Reader) -> Markup:
    """Slack mrkdwn as HTML: *bold*, _italic_, ~strike~, `code`, ```blocks```, > quotes,
    mentions by name, dates in the reader's zone, links, emoji shortcodes."""
    holes: list[Markup] = []
    text = text.replace("\ue000", "").replace("\ue001", "")  # the marks are the renderer's

    def hole(markup: Markup) -> str:
        holes.append(markup)
        return _HOLE.format(len(holes) - 1)

    text = _TOKEN.sub(lambda m: hole(_token(m.group(1), reader)), text)
    text = re.sub(
        r"```(.+?)```",
        lambda m: hole(Markup("<pre>{}</pre>").format(_unslack(m.group(1)).strip("\n"))),
        text,
        flags=re.S,
    )
    text = re.sub(
        r"`([^`\n]+)`", lambda m: hole(Markup("<code>{}</code>").format(_unslack(m[1]))), text
    )
    html = str(escape(emojify(_unslack(text))))
    for pattern, tag in _SPANS:
        html = pattern.sub(rf"<{tag}>\1</{tag}>", html)
    lines = []
    for line in html.split("\n"):
        quoted = line.startswith("&gt;")
        line = line.removeprefix("&gt;").removeprefix(" ") if quoted else line
        lines.append(f'<span class="quote">{line}</span>' if quoted else line + "<br>")
    html = "".join(lines).removesuffix("<br>")
    return Markup(_HOLES.sub(lambda m: str(holes[int(m.group(1))]), html))


def text(obj: dict[str, Any] | None, reader: Reader) -> Markup:
    """A text object: mrkdwn parsed, plain_text shown as written (emoji codes drawn)."""
    if not obj:
        return Markup("")
    if obj.get("type") == "mrkdwn":
        return mrkdwn(str(obj.get("text", "")), reader)
    return escape(emojify(str(obj.get("text", ""))))


def _box(label: Markup | str, kind: str, empty: bool = False) -> Markup:
    css = f"box {kind}" + (" empty" if empty else "")
    return Markup('<span class="{}">{}</span>').format(css, label)


def _option_label(element: dict[str, Any], reader: Reader) -> tuple[Markup, bool]:
    chosen = element.get("initial_option")
    if chosen:
        return text(chosen.get("text"), reader), False
    return text(element.get("placeholder"), reader) or Markup("Select an item"), True


def element(el: dict[str, Any], reader: Reader) -> Markup:
    """An interactive element as it sits in a block."""
    kind = el.get("type")
    if kind == "button":
        css = "btn " + str(el.get("style") or "")
        return Markup('<span class="{}">{}</span>').format(
            css.strip(), text(el.get("text"), reader)
        )
    if kind in ("static_select", "external_select", "conversations_select", "channels_select"):
        label, empty = _option_label(el, reader)
        return _box(Markup("{} <em>▾</em>").format(label), "select", empty)
    if kind == "users_select":
        user = el.get("initial_user")
        who = escape("@" + reader.name(user)) if user else text(el.get("placeholder"), reader)
        return _box(Markup("{} <em>▾</em>").format(who or "Select a person"), "select", not user)
    if kind == "datepicker":
        day = el.get("initial_date")
        when = escape(day) if day else text(el.get("placeholder"), reader)
        return _box(Markup("📅 {}").format(when or "Select a date"), "date", not day)
    if kind == "datetimepicker":
        at = el.get("initial_date_time")
        moment = datetime.fromtimestamp(at, reader.tz) if at else None
        shown = format_datetime(moment, "short", locale=reader.language) if moment else ""
        return _box(Markup("📅 {}").format(shown or "Select a date and time"), "date", not at)
    if kind == "plain_text_input":
        value = el.get("initial_value") or text(el.get("placeholder"), reader)
        css = "text-field multi" if el.get("multiline") else "text-field"
        return _box(value, css, not el.get("initial_value"))
    if kind in ("checkboxes", "radio_buttons"):
        chosen = {o.get("value") for o in el.get("initial_options") or []}
        if el.get("initial_option"):
            chosen.add(el["initial_option"].get("value"))
        marks = ("☑", "☐") if kind == "checkboxes" else ("◉", "○")
        rows = [
            Markup('<span class="choice">{} {}</span>').format(
                marks[0] if o.get("value") in chosen else marks[1], text(o.get("text"), reader)
            )
            for o in el.get("options", [])
        ]
        return Markup('<span class="choices">{}</span>').format(Markup("").join(rows))
    if kind == "overflow":
        return Markup('<span class="btn overflow">⋯</span>')
    if kind == "image":
        return Markup('<span class="image small" title="{0}">🖼</span>').format(el.get("alt_text"))
    return Markup('<span class="unknown">unknown element: {}</span>').format(kind)


def _rich(block: dict[str, Any], reader: Reader) -> Markup:
    parts: list[Markup] = []
    for part in block.get("elements", []):
        if part.get("type") in ("rich_text_section", "rich_text_preformatted", "rich_text_quote"):
            parts.append(_rich(part, reader))
        elif part.get("type") == "rich_text_list":
            items = [
                Markup("<li>{}</li>").format(_rich(i, reader)) for i in part.get("elements", [])
            ]
            parts.append(Markup("<ul>{}</ul>").format(Markup("").join(items)))
        elif part.get("type") == "text":
            shown = escape(part.get("text", ""))
            style = part.get("style") or {}
            for key, tag in (("bold", "b"), ("italic", "i"), ("strike", "s"), ("code", "code")):
                if style.get(key):
                    shown = Markup(f"<{tag}>{{}}</{tag}>").format(shown)
            parts.append(shown)
        elif part.get("type") == "user":
            parts.append(_token("@" + part.get("user_id", ""), reader))
        elif part.get("type") == "emoji":
            parts.append(escape(EMOJI.get(part.get("name", ""), ":" + part.get("name", "") + ":")))
        elif part.get("type") == "link":
            parts.append(_token(part.get("url", "") + "|" + part.get("text", ""), reader))
    return Markup("").join(parts)


def block(b: dict[str, Any], reader: Reader) -> Markup:
    kind = b.get("type")
    if kind == "header":
        return Markup('<div class="header">{}</div>').format(text(b.get("text"), reader))
    if kind == "divider":
        return Markup('<hr class="divider">')
    if kind == "section":
        body = Markup('<div class="text">{}</div>').format(text(b.get("text"), reader))
        if b.get("fields"):
            cells = [Markup("<div>{}</div>").format(text(f, reader)) for f in b["fields"]]
            body += Markup('<div class="fields">{}</div>').format(Markup("").join(cells))
        side = element(b["accessory"], reader) if b.get("accessory") else Markup("")
        return Markup('<div class="section"><div>{}</div><div class="side">{}</div></div>').format(
            body, side
        )
    if kind == "context":
        parts = [
            element(e, reader) if e.get("type") == "image" else text(e, reader)
            for e in b.get("elements", [])
        ]
        return Markup('<div class="context">{}</div>').format(Markup(" ").join(parts))
    if kind == "actions":
        parts = [element(e, reader) for e in b.get("elements", [])]
        return Markup('<div class="actions">{}</div>').format(Markup("").join(parts))
    if kind == "input":
        words = FRAME.get(reader.language, FRAME["en"])["optional"]
        optional = (
            Markup(' <span class="optional">{}</span>').format(words) if b.get("optional") else ""
        )
        hint = b.get("hint")
        return Markup(
            '<div class="input"><label>{}{}</label>{}<div class="hint">{}</div></div>'
        ).format(text(b.get("label"), reader), optional, element(b.get("element") or {}, reader),
                 text(hint, reader) if hint else "")  # fmt: skip
    if kind == "image":
        title = text(b.get("title"), reader) if b.get("title") else escape(b.get("alt_text", ""))
        return Markup('<div class="image">🖼 {}</div>').format(title)
    if kind == "rich_text":
        return Markup('<div class="text">{}</div>').format(_rich(b, reader))
    return Markup('<div class="unknown">unknown block: {}</div>').format(kind)


def blocks(items: Sequence[dict[str, Any]], reader: Reader) -> Markup:
    return Markup("").join(block(b, reader) for b in items)


@dataclass(frozen=True)
class Post:
    """One message in a conversation: who wrote it, when, and its payload (text, blocks)."""

    author: str
    at: datetime
    payload: dict[str, Any]
    app: bool = True


def _body(payload: dict[str, Any], reader: Reader) -> Markup:
    if payload.get("blocks"):
        return blocks(payload["blocks"], reader)
    return Markup('<div class="text">{}</div>').format(mrkdwn(str(payload.get("text", "")), reader))


def page(
    title: str,
    reader: Reader,
    *,
    place: str = "",
    posts: Sequence[Post] = (),
    view: dict[str, Any] | None = None,
) -> str:
    """One self-contained HTML page: a conversation (`posts` under `place`), or a `view`
    (a modal, or the Home tab)."""

    def shown(p: Post) -> dict[str, Any]:
        return {
            "author": p.author,
            "app": p.app,
            "letter": p.author[:1].upper(),
            "time": format_time(p.at.astimezone(reader.tz), "short", locale=reader.language),
            "body": _body(p.payload, reader),
        }

    view = view or {}
    frame = FRAME.get(reader.language, FRAME["en"])
    return PAGE.render(
        lang=reader.language,
        title=title,
        css=Markup(CSS),
        kind=view.get("type", "message"),
        place=place,
        posts=[shown(p) for p in posts],
        view_title=text(view.get("title"), reader),
        close=text(view.get("close"), reader) or (frame["cancel"] if view.get("submit") else ""),
        frame=frame,
        submit=text(view.get("submit"), reader),
        content=blocks(view.get("blocks", []), reader),
    )
