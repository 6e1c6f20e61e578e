"""What the outbox sends: one typed value per kind of Slack call, stored as JSON.

A row that `refers_to` another row's key takes that message's channel and ts when it is sent
(a thread reply, an edit); a `Redraw` is drawn at send time from the latest data (a poll's
tally, a Home tab), so a burst of changes becomes one call showing the last state.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from bot.blocks.kit import Message


class _Payload(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Post(_Payload):
    """chat.postMessage; without `channel`, in the thread of the message it refers to."""

    kind: Literal["post"] = "post"
    channel: str | None = None
    thread_ts: str | None = None
    text: str
    blocks: list[dict[str, Any]] = Field(default_factory=list)


class Update(_Payload):
    """chat.update of the message it refers to (or of `channel`/`ts`)."""

    kind: Literal["update"] = "update"
    channel: str | None = None
    ts: str | None = None
    text: str
    blocks: list[dict[str, Any]] = Field(default_factory=list)


class Ephemeral(_Payload):
    """chat.postEphemeral: seen only by `user`, in `channel`."""

    kind: Literal["ephemeral"] = "ephemeral"
    channel: str
    user: str
    text: str
    blocks: list[dict[str, Any]] = Field(default_factory=list)


class Respond(_Payload):
    """A private answer through the response_url of a command or a click."""

    kind: Literal["respond"] = "respond"
    url: str
    text: str
    blocks: list[dict[str, Any]] = Field(default_factory=list)
    replace_original: bool = False


class Redraw(_Payload):
    """A surface drawn when it is sent: `poll` (chat.update of the poll message it refers
        to, `ref` the poll id), `home` (views.publish, `ref` the user), `prompt` (a person's
        check-in prompt of the week, posted; `ref` "<period> <person>") or `prompt_edit` (that
        prompt redrawn in place, the message it refers to) or `failures` (a CMO's report of what
    a ritual run could not deliver, posted; `ref` "<cmo> <run>")."""

    kind: Literal["redraw"] = "redraw"
    surface: Literal["poll", "home", "prompt", "prompt_edit", "failures"]
    ref: str


Payload = Annotated[Post | Update | Ephemeral | Respond | Redraw, Field(discriminator="kind")]
PAYLOAD: TypeAdapter[Payload] = TypeAdapter(Payload)

METHODS = {
    "post": "chat.postMessage",
    "update": "chat.update",
    "ephemeral": "chat.postEphemeral",
    "respond": "response_url",
}
REDRAW_METHODS = {
    "poll": "chat.update",
    "home": "views.publish",
    "prompt": "chat.postMessage",
    "prompt_edit": "chat.update",
    "failures": "chat.postMessage",
}


def method_of(payload: Payload) -> str:
    if isinstance(payload, Redraw):
        return REDRAW_METHODS[payload.surface]
    return METHODS[payload.kind]


def post(channel: str | None, message: Message, *, thread_ts: str | None = None) -> Post:
    body = message.payload()
    return Post(
        channel=channel, thread_ts=thread_ts, text=body["text"], blocks=body.get("blocks", [])
    )


def update(message: Message, *, channel: str | None = None, ts: str | None = None) -> Update:
    body = message.payload()
    return Update(channel=channel, ts=ts, text=body["text"], blocks=body.get("blocks", []))


def ephemeral(channel: str, user: str, message: Message) -> Ephemeral:
    body = message.payload()
    return Ephemeral(channel=channel, user=user, text=body["text"], blocks=body.get("blocks", []))


def respond(url: str, message: Message) -> Respond:
    body = message.payload()
    return Respond(url=url, text=body["text"], blocks=body.get("blocks", []))
