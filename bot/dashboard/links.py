"""Links from Slack to the dashboard: with `public_url` configured and the dashboard set up,
digests, escalations, the review and the Home tab carry one context line to the matching
page — a line in a message already sent, never a message of its own."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import quote

from bot.blocks import kit
from bot.settings import Settings
from bot.text import link
from bot.words import Words


def page_url(settings: Settings, path: str) -> str | None:
    """The dashboard's address of `path` ("/committees/comex"), or None when it is not served."""
    base = settings.config.public_url
    if not base or not settings.client_id or settings.client_secret is None:
        return None
    return base.rstrip("/") + quote(path, safe="/?=&")


def committee_url(settings: Settings, committee: str) -> str | None:
    return page_url(settings, f"/committees/{committee}")


def initiative_url(settings: Settings, initiative_id: int | None) -> str | None:
    return None if initiative_id is None else page_url(settings, f"/initiatives/{initiative_id}")


def line(words: Words, url: str) -> kit.ContextBlock:
    return kit.context(
        words.md("dashboard-links", link=link(url, words.text("dashboard-link-label")))
    )


def with_link(message: kit.Message, words: Words, url: str | None) -> kit.Message:
    """`message` with a last context line to `url` (as it is without a url, or without room)."""
    if url is None or len(message.blocks) >= kit.MESSAGE_BLOCKS:
        return message
    return replace(message, blocks=(*message.blocks, line(words, url)))


def home_with_link(view: dict[str, Any], words: Words, url: str | None) -> dict[str, Any]:
    """A Home view with the line to the dashboard before its footer, room allowing."""
    blocks = list(view.get("blocks") or [])
    if url is None or len(blocks) >= kit.VIEW_BLOCKS:
        return view
    blocks.insert(max(len(blocks) - 1, 0), line(words, url).to_dict())
    return {**view, "blocks": blocks}
