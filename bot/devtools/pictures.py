"""The demo's scenes as HTML pages (`ritualbot demo --html DIR`): what a person sees in Slack
at a moment of the story, drawn from the bot's own Block Kit, and an index linking them."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from bot.devtools.frame import CSS
from bot.devtools.render import Post, Reader, page
from bot.text import escape

_INDEX = Environment(autoescape=True).from_string(
    """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>ritualbot: what people see</title>
<style>{{ css }} li{margin:8px 0}</style></head><body><main>
<div class="header">What people see in Slack</div>
<p class="context">Drawn from the bot's own Block Kit during <code>ritualbot demo</code>.</p>
<ol>{% for scene in scenes %}
<li><a href="{{ scene.slug }}.html">{{ scene.title }}</a><br>
<span class="context">{{ scene.caption }}</span></li>{% endfor %}
</ol></main></body></html>
"""
)


@dataclass(frozen=True)
class Scene:
    slug: str  # the page's file name, without .html
    title: str
    caption: str  # who sees it, and when
    html: str


def said(author: str, at: datetime, words: str) -> Post:
    """What a person wrote, as Slack hands it over (its three control characters escaped)."""
    return Post(author, at, {"text": escape(words)}, app=False)


def bot_post(at: datetime, payload: dict[str, Any]) -> Post:
    return Post("ritualbot", at, copy.deepcopy(payload))


class Album:
    """The scenes taken during one demo run, in story order."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.scenes: list[Scene] = []

    def conversation(
        self, slug: str, title: str, caption: str, *, place: str, posts: Sequence[Post]
    ) -> None:
        html = page(title, self.reader, place=place, posts=posts)
        self.scenes.append(Scene(slug, title, caption, html))

    def view(self, slug: str, title: str, caption: str, view: dict[str, Any]) -> None:
        html = page(title, self.reader, view=copy.deepcopy(view))
        self.scenes.append(Scene(slug, title, caption, html))

    def write(self, folder: Path) -> list[Path]:
        """Each scene as `slug.html` in `folder` (created if needed), and `index.html`."""
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for scene in self.scenes:
            path = folder / f"{scene.slug}.html"
            path.write_text(scene.html, encoding="utf-8")
            written.append(path)
        index = _INDEX.render(lang=self.reader.language, css=Markup(CSS), scenes=self.scenes)
        (folder / "index.html").write_text(index, encoding="utf-8")
        return [*written, folder / "index.html"]
