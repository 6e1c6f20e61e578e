"""Typed Block Kit pieces (slack_sdk's models) with Slack's limits enforced where they are built.

Mrkdwn texts take `Mrkdwn` only (people's text is escaped on the way, see `bot.text`) and are
fitted to their limit; plain texts are shortened; button values are typed models, serialised
once. `Message` and `modal`/`home` refuse more blocks than Slack takes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.blocks.block_elements import BlockElement, InputInteractiveElement
from slack_sdk.models.views import View

from bot.ids import Action, Callback
from bot.text import Mrkdwn, fit, md, plain, stored

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
SECTION_TEXT = 3000
FIELD_TEXT = 2000
HEADER_TEXT = 150
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
OPTION_TEXT = 75
FALLBACK_TEXT = 4000
MODAL_TITLE = 24
LABEL_TEXT = 2000
CONTEXT_ELEMENTS = 10
ACTIONS_ELEMENTS = 25
SELECT_OPTIONS = 100
METADATA = 3000
# Not documented: chat.postMessage answers msg_blocks_too_long past ~12,000-13,000 characters
# of text in all (slackapi/bolt-js#2509, #2867); what a message may hold, with a margin.
MESSAGE_TEXT_TOTAL = 10_000


class TooBig(ValueError):
    """A message or view holds more than Slack takes: a bug in its builder."""


def text_md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=fit(md(text), SECTION_TEXT))


def section(
    text: str, *, accessory: BlockElement | None = None, block_id: str | None = None
) -> SectionBlock:
    """A section of mrkdwn (people's text escaped), fitted to 3000 characters."""
    return SectionBlock(
        text=MarkdownTextObject(text=fit(md(text), SECTION_TEXT)),
        accessory=accessory,
        block_id=block_id,
    )


def fields(*texts: str) -> SectionBlock:
    return SectionBlock(fields=[MarkdownTextObject(text=fit(md(t), FIELD_TEXT)) for t in texts])


def context(*texts: str) -> ContextBlock:
    shown = [MarkdownTextObject(text=fit(md(t), SECTION_TEXT)) for t in texts if t]
    if not 1 <= len(shown) <= CONTEXT_ELEMENTS:
        raise TooBig(f"a context takes 1 to {CONTEXT_ELEMENTS} elements, not {len(shown)}")
    return ContextBlock(elements=shown)


def header(text: str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=plain(text, HEADER_TEXT), emoji=True))


def divider() -> DividerBlock:
    return DividerBlock()


def value_of(value: BaseModel | str) -> str:
    dumped = value if isinstance(value, str) else value.model_dump_json(exclude_defaults=True)
    if len(dumped) > BUTTON_VALUE:
        raise TooBig(f"a button value has {len(dumped)} characters, more than {BUTTON_VALUE}")
    return dumped


def button(
    label: str,
    action: Action | str,
    value: BaseModel | str = "",
    *,
    style: str | None = None,
    confirm: ConfirmObject | None = None,
) -> ButtonElement:
    return ButtonElement(
        text=PlainTextObject(text=plain(label, BUTTON_TEXT), emoji=True),
        action_id=str(action),
        value=value_of(value) if value != "" else None,
        style=style,
        confirm=confirm,
    )


def confirm(title: str, text: str, yes: str, no: str) -> ConfirmObject:
    return ConfirmObject(
        title=PlainTextObject(text=plain(title, 100)),
        text=PlainTextObject(text=plain(text, 300)),
        confirm=PlainTextObject(text=plain(yes, 30)),
        deny=PlainTextObject(text=plain(no, 30)),
    )


def actions(*elements: BlockElement, block_id: str | None = None) -> ActionsBlock:
    if not 1 <= len(elements) <= ACTIONS_ELEMENTS:
        raise TooBig(f"an actions block takes 1 to {ACTIONS_ELEMENTS} elements")
    return ActionsBlock(elements=list(elements), block_id=block_id)  # type: ignore[arg-type]


def option(label: str, value: str) -> Option:
    return Option(text=PlainTextObject(text=plain(label, OPTION_TEXT), emoji=True), value=value)


def options(pairs: Iterable[tuple[str, str]]) -> list[Option]:
    """(label, value) pairs as select options, at most the 100 a select takes."""
    return [option(label, value) for label, value in list(pairs)[:SELECT_OPTIONS]]


def input_block(
    block_id: str,
    label: str,
    element: InputInteractiveElement,
    *,
    optional: bool = False,
    hint: str | None = None,
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=PlainTextObject(text=plain(label, LABEL_TEXT), emoji=True),
        element=element,
        optional=optional,
        hint=PlainTextObject(text=plain(hint, LABEL_TEXT)) if hint else None,
    )


def placeholder(text: str) -> PlainTextObject:
    return PlainTextObject(text=plain(text, 150))


@dataclass(frozen=True)
class Message:
    """A message's fallback text (notifications, escaped) and its blocks, within Slack's limits."""

    text: Mrkdwn
    blocks: tuple[Block, ...] = ()

    def __post_init__(self) -> None:
        if len(self.blocks) > MESSAGE_BLOCKS:
            raise TooBig(f"{len(self.blocks)} blocks, more than {MESSAGE_BLOCKS} per message")
        if not self.text.strip():
            raise TooBig("a message needs a fallback text for notifications")

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {"text": fit(md(self.text), FALLBACK_TEXT)}
        if self.blocks:
            body["blocks"] = [block.to_dict() for block in self.blocks]
        return body


def message(text: str, *blocks: Block) -> Message:
    return Message(md(text), tuple(blocks))


def modal(
    callback: Callback,
    *,
    title: str,
    blocks: Sequence[Block],
    submit: str | None = None,
    close: str | None = None,
    metadata: BaseModel | None = None,
) -> dict[str, Any]:
    """A modal view as the Web API takes it."""
    if len(blocks) > VIEW_BLOCKS:
        raise TooBig(f"{len(blocks)} blocks, more than {VIEW_BLOCKS} per modal")
    private = metadata.model_dump_json(exclude_defaults=True) if metadata is not None else None
    if private is not None and len(private) > METADATA:
        raise TooBig(f"private_metadata has {len(private)} characters, more than {METADATA}")
    view = View(
        type="modal",
        callback_id=str(callback),
        title=PlainTextObject(text=plain(title, MODAL_TITLE)),
        submit=PlainTextObject(text=plain(submit, MODAL_TITLE)) if submit else None,
        close=PlainTextObject(text=plain(close, MODAL_TITLE)) if close else None,
        blocks=list(blocks),
        private_metadata=private,
    )
    return dict(view.to_dict())


def home(blocks: Sequence[Block]) -> dict[str, Any]:
    """A Home tab view, cut to the 100 blocks Slack takes."""
    return dict(View(type="home", blocks=list(blocks)[:VIEW_BLOCKS]).to_dict())


def first_text(message: Message) -> Mrkdwn:
    """The words of a message's first section (what a folded notice keeps of it)."""
    for block in message.blocks:
        if isinstance(block, SectionBlock) and block.text is not None:
            return stored(block.text.text)  # built by `section`: mrkdwn already
    return message.text


def text_size(blocks: Iterable[Block]) -> int:
    """Characters of text in `blocks`, as Slack counts them against a message's total."""
    return sum(_text_size(block.to_dict()) for block in blocks)


def _text_size(value: Any, key: str | None = None) -> int:
    if isinstance(value, dict):
        return sum(_text_size(item, k) for k, item in value.items())
    if isinstance(value, list):
        return sum(_text_size(item, key) for item in value)
    return len(value) if isinstance(value, str) and key == "text" else 0


class Room:
    """What a message still holds: blocks and characters of text (builders fill it in turn
    and stop, saying what they left out, where it is full)."""

    def __init__(self, blocks: int = MESSAGE_BLOCKS, chars: int = MESSAGE_TEXT_TOTAL) -> None:
        self.blocks, self.chars = blocks, chars

    def spend(self, blocks: Sequence[Block], *, chars: int = 0) -> None:
        """Room kept for `blocks` (and `chars` more), whatever comes next."""
        self.blocks -= len(blocks)
        self.chars -= text_size(blocks) + chars

    def take(self, blocks: Sequence[Block]) -> bool:
        """Whether `blocks` fit; if they do, their room is taken."""
        size = text_size(blocks)
        if len(blocks) > self.blocks or size > self.chars:
            return False
        self.blocks -= len(blocks)
        self.chars -= size
        return True


def merge(messages: Sequence[Message]) -> list[Message]:
    """Several messages to one person as few: their blocks in turn, as many as a message
    holds, the rest in the next one; none left out."""
    merged: list[Message] = []
    blocks: list[Block] = []
    room, first = Room(), messages[0].text if messages else md("")
    for message in messages:
        more = [divider(), *message.blocks] if blocks else list(message.blocks)
        if not room.take(more) and blocks:
            merged.append(Message(first, tuple(blocks)))
            blocks, room, first = [], Room(), message.text
            more = list(message.blocks)
            room.take(more)
        blocks += more
    if blocks:
        merged.append(Message(first, tuple(blocks)))
    return merged
