"""The consult round before a poll: the message asking a Consulted person their view, its
form, and their views as the poll shows them under its question."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from slack_sdk.models.blocks import PlainTextInputElement

from bot.blocks import kit
from bot.ids import Action, Callback, ConsultRef
from bot.text import Mrkdwn, clip, fit, md, slack_date
from bot.words import Words

TITLE, QUESTION, OPTION, NAME, VIEWS = 150, 500, 100, 80, 2400
VIEW_CHARACTERS = 1000


def ask(
    words: Words,
    *,
    poll_id: int,
    who: Mrkdwn,
    committee: str,
    title: str,
    question: str,
    options: Sequence[str],
    opens: datetime,
) -> kit.Message:
    said = words.md(
        "consult-ask",
        who=who,
        committee=clip(committee, NAME),
        title=clip(title, TITLE),
        opens=slack_date(opens),
    )
    listed = md(" · ").join(clip(option, OPTION) for option in options)
    button = kit.button(words.text("consult-button"), Action.CONSULT_VIEW, ConsultRef(a=poll_id))
    return kit.Message(
        said,
        (
            kit.section(said),
            kit.context(
                words.md("consult-question", question=clip(question, QUESTION)),
                words.md("consult-options", options=listed),
            ),
            kit.actions(button, block_id="consult"),
        ),
    )


def form(words: Words, *, poll_id: int, question: str) -> dict[str, object]:
    return kit.modal(
        Callback.CONSULT_MODAL,
        title=words.text("consult-form-title"),
        submit=words.text("consult-form-submit"),
        close=words.text("consult-form-cancel"),
        metadata=ConsultRef(a=poll_id),
        blocks=[
            kit.section(words.md("consult-question", question=clip(question, QUESTION))),
            kit.input_block(
                "view",
                words.text("consult-form-label"),
                PlainTextInputElement(
                    action_id="value", multiline=True, max_length=VIEW_CHARACTERS
                ),
            ),
        ],
    )


def views(
    words: Words, said: Sequence[tuple[str, str | None]], who: Callable[[str], Mrkdwn]
) -> Mrkdwn:
    """*Consulted:* then one line per person, by name: their view, or that they gave none."""
    budget = max(40, VIEWS // max(1, len(said)))
    lines = [
        words.md("consult-view", name=fit(who(user), NAME), view=clip(view, budget))
        if view
        else words.md("consult-silent", name=fit(who(user), NAME))
        for user, view in said
    ]
    return words.md("consult-views") + "\n" + md("\n").join(lines)


def told(words: Words, *, taken: bool) -> kit.Message:
    said = words.md("consult-thanks" if taken else "consult-closed")
    return kit.message(said, kit.section(said))
