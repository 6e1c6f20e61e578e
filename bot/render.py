"""Every word the bot says comes from prompts/: Jinja2 templates rendered to Block Kit."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

PACKAGED_PROMPTS = Path(__file__).resolve().parent.parent / "prompts"

BUTTON_TEXT_MAX = 75
SECTION_TEXT_MAX = 3000
MESSAGE_TEXT_MAX = 4000


def escape_mrkdwn(value: object) -> str:
    """Slack's three control characters, so user text shows as written and pings nobody."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _quoted(value: object) -> str:
    """User text as a JSON string inside a mrkdwn field."""
    return _json(escape_mrkdwn("" if value is None else value))


def _plain(value: object, limit: int = SECTION_TEXT_MAX) -> str:
    """A JSON string for a plain_text field, shortened to Slack's limit."""
    return _json(shorten("" if value is None else str(value), limit))


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def slack_date(moment: datetime, fmt: str = "{date_short_pretty} {time}") -> str:
    """A time each reader sees in their own time zone, with a UTC fallback."""
    fallback = moment.strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(moment.timestamp())}^{fmt}|{fallback}>"


def _number(value: float | int | None, language: str) -> str:
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    if language == "fr":
        text = text.replace(",", " ").replace(".", ",")
    return text


class Renderer:
    """Renders `prompts/<language>/<name>.json.j2`; an operator's folder wins over ours."""

    def __init__(self, language: str, prompts_dir: Path | None = None) -> None:
        loaders = [FileSystemLoader(str(prompts_dir))] if prompts_dir else []
        loaders.append(FileSystemLoader(str(PACKAGED_PROMPTS)))
        self.language = language
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters.update(
            q=_quoted,
            plain=_plain,
            json=_json,
            mrkdwn=escape_mrkdwn,
            num=lambda value: _number(value, language),
            slack_date=slack_date,
        )

    def render(self, name: str, **context: Any) -> Any:
        """The template's JSON, parsed: a message ({text, blocks}) or a view."""
        template = self.env.get_template(f"{self.language}/{name}.json.j2")
        source = template.render(**context)
        try:
            return json.loads(source)
        except json.JSONDecodeError as exc:
            raise ValueError(
                f"prompts/{self.language}/{name}.json.j2 is not valid JSON: {exc}"
            ) from exc
