"""Absences: the "I'm away" form, and what the owner is told."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from slack_sdk.models.blocks import DatePickerElement, UserSelectElement

from bot.blocks import kit
from bot.ids import Callback
from bot.text import mention
from bot.words import Words


def form(words: Words, *, until: date) -> dict[str, Any]:
    return kit.modal(
        Callback.ABSENCE_MODAL,
        title=words.text("absence-form-title"),
        submit=words.text("absence-form-save"),
        close=words.text("absence-form-cancel"),
        blocks=[
            kit.section(words.md("absence-form-intro")),
            kit.input_block(
                "until",
                words.text("absence-form-until"),
                DatePickerElement(action_id="value", initial_date=until.isoformat()),
            ),
            kit.input_block(
                "deputy",
                words.text("absence-form-deputy"),
                UserSelectElement(action_id="value"),
                optional=True,
            ),
        ],
    )


def told(
    words: Words, *, until: date | None, deputy: str | None, since: date | None = None
) -> kit.Message:
    """The owner's absence stored (or ended, with `until` None); `since`: the first day away
    when it is not today."""
    # The deputy is named so that the owner sees who stands in; it is their own DM.
    named = {"deputy": mention(deputy)} if deputy else {}
    suffix = "-deputy" if deputy else ""
    if until is None:
        text = words.md("absence-back")
    elif since is not None and since == until:
        text = words.md(f"absence-away-day{suffix}", day=until, **named)
    elif since is not None:
        text = words.md(f"absence-away-from{suffix}", since=since, until=until, **named)
    else:
        text = words.md(f"absence-away{suffix}", until=until, **named)
    return kit.message(text, kit.section(text))


REFUSALS = {"bad": "absence-bad", "past": "absence-past-command"}


def refused(words: Words, reason: Literal["bad", "past"]) -> kit.Message:
    """`/checkin away …` that cannot be read, or names a day gone by: what was wrong and how
    to write it."""
    text = words.md(REFUSALS[reason])
    return kit.message(text, kit.section(text))
