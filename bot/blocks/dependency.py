"""Dependencies between initiatives: the question to the provider's owner (Accept / Refuse per
dependency), the refusal form, the answers, the alert when a provider is in trouble."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from slack_sdk.models.blocks import PlainTextInputElement

from bot.blocks import kit
from bot.blocks.arbitrate import field
from bot.ids import Action, Callback, DependencyRef
from bot.text import Mrkdwn, clip
from bot.words import Words

TITLE, REASON = 150, 1000
MAX_ASKED = 20  # per message: 1 + 2 blocks each stays well under 50


@dataclass(frozen=True)
class Asked:
    """One dependency put to the provider's owner."""

    dependency_id: int
    dependent: str  # title
    dependent_owner: str  # user id
    provider: str  # title
    needed_by: date | None


def question(words: Words, asked: Sequence[Asked], *, who: Callable[[str], Mrkdwn]) -> kit.Message:
    """One DM: every dependency on the person's initiatives, each with Accept and Refuse."""
    blocks: list[Any] = [kit.section(words.md("dependency-ask-intro"))]
    for item in asked[:MAX_ASKED]:
        about = dict(
            dependent=clip(item.dependent, TITLE),
            owner=who(item.dependent_owner),
            provider=clip(item.provider, TITLE),
        )
        if item.needed_by is not None:
            text = words.md("dependency-ask-item-by", day=item.needed_by, **about)
        else:
            text = words.md("dependency-ask-item", **about)
        ref = DependencyRef(d=item.dependency_id)
        blocks.append(kit.section(text))
        blocks.append(
            kit.actions(
                kit.button(
                    words.text("dependency-accept"), Action.DEPENDENCY_ACCEPT, ref, style="primary"
                ),
                kit.button(words.text("dependency-refuse"), Action.DEPENDENCY_REFUSE, ref),
                block_id=f"dependency-{item.dependency_id}",
            )
        )
    return kit.message(words.md("dependency-ask-fallback"), *blocks)


def said(text: Mrkdwn) -> kit.Message:
    """A one-sentence answer to the person who clicked."""
    return kit.message(text, kit.section(text))


def refusal_form(
    words: Words, *, dependency_id: int, dependent: str, provider: str
) -> dict[str, Any]:
    intro = words.md(
        "dependency-form-intro", dependent=clip(dependent, TITLE), provider=clip(provider, TITLE)
    )
    return kit.modal(
        Callback.DEPENDENCY_REFUSAL_MODAL,
        title=words.text("dependency-form-title"),
        submit=words.text("dependency-form-save"),
        close=words.text("dependency-form-cancel"),
        metadata=DependencyRef(d=dependency_id),
        blocks=[
            kit.section(intro),
            kit.input_block(
                "reason",
                words.text("dependency-form-reason"),
                PlainTextInputElement(action_id="value", multiline=True, max_length=REASON),
                optional=True,
            ),
        ],
    )


def read_refusal(view: dict[str, Any]) -> tuple[int, str | None]:
    """The dependency a submitted refusal form is about, and the reason given (or None)."""
    ref = DependencyRef.model_validate_json(view.get("private_metadata") or "{}")
    reason = field(view, "reason")
    return ref.d, reason[:REASON] if reason else None


def alert(
    words: Words,
    *,
    dependent: str,
    provider: str,
    owner: Mrkdwn,
    trouble: str,
    needed_by: date | None,
) -> kit.Message:
    """The dependent initiative is at risk through its provider: why, in one sentence."""
    text = words.md(
        "dependency-alert",
        dependent=clip(dependent, TITLE),
        provider=clip(provider, TITLE),
        owner=owner,
        trouble=trouble,
        day=needed_by or "",
    )
    return kit.message(text, kit.section(text))
