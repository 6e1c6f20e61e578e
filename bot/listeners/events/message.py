"""Direct messages: an owner's answer, or an edit of one. The bot's own messages, other
channels and other subtypes are acknowledged and left alone."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltResponse

from bot.listeners.base import Listening, guarded
from bot.work import DirectMessage, MessageEdited

ANSWERS = (None, "file_share", "thread_broadcast")


def register(app: App, listening: Listening) -> None:
    @guarded
    def on_message(body: dict[str, Any], event: dict[str, Any]) -> BoltResponse | None:
        if event.get("channel_type") not in (None, "im") or event.get("bot_id"):
            return None
        subtype = event.get("subtype")
        if subtype == "message_changed":
            return _edited(listening, body, event)
        if subtype not in ANSWERS or not event.get("user"):
            return None
        thread_ts = event.get("thread_ts")
        work = DirectMessage(
            user=event["user"],
            channel=event["channel"],
            ts=event["ts"],
            thread_ts=thread_ts if thread_ts != event["ts"] else None,
            text=str(event.get("text") or ""),
        )
        return listening.event(body, work)

    app.event("message")(on_message)


def _edited(
    listening: Listening, body: dict[str, Any], event: dict[str, Any]
) -> BoltResponse | None:
    message = event.get("message") or {}
    if message.get("bot_id") or not message.get("user"):
        return None
    if (message.get("text") or "") == ((event.get("previous_message") or {}).get("text") or ""):
        return None  # an unfurl or a reaction, not an edit of the words
    thread_ts = message.get("thread_ts")
    work = MessageEdited(
        user=message["user"],
        channel=event["channel"],
        ts=message["ts"],
        version=str(
            (message.get("edited") or {}).get("ts") or event.get("event_ts") or message["ts"]
        ),
        thread_ts=thread_ts if thread_ts != message["ts"] else None,
        text=str(message.get("text") or ""),
    )
    return listening.event(body, work)
