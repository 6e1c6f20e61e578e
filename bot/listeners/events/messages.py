"""Direct messages: an owner's answer, or an edit of one. The bot's own messages are ignored."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.answers import Answers
from bot.deps import Deps

IGNORED_SUBTYPES = {"bot_message", "message_deleted", "channel_join", "channel_leave"}


def register(app: App, deps: Deps) -> None:
    answers = Answers(deps)

    def on_message(body: dict[str, Any], event: dict[str, Any]) -> None:
        if event.get("channel_type") not in (None, "im") or event.get("bot_id"):
            return
        subtype = event.get("subtype")
        if subtype == "message_changed":
            deps.after_ack(lambda: _edited(answers, body, event))
        elif subtype in (None, "file_share", "thread_broadcast") and event.get("user"):
            thread_ts = event.get("thread_ts")
            deps.after_ack(
                lambda: answers.message(
                    keys=[f"event:{body.get('event_id')}", f"msg:{event['channel']}:{event['ts']}"],
                    user=event["user"],
                    channel=event["channel"],
                    ts=event["ts"],
                    thread_ts=thread_ts if thread_ts != event["ts"] else None,
                    text=event.get("text") or "",
                )
            )

    app.event("message")(on_message)


def _edited(answers: Answers, body: dict[str, Any], event: dict[str, Any]) -> None:
    message = event.get("message") or {}
    if message.get("bot_id") or not message.get("user"):
        return
    if (message.get("text") or "") == ((event.get("previous_message") or {}).get("text") or ""):
        return  # an unfurl or a reaction, not an edit of the words
    edited_ts = (message.get("edited") or {}).get("ts", event.get("event_ts", ""))
    answers.edited(
        keys=[
            f"event:{body.get('event_id')}",
            f"edit:{event['channel']}:{message['ts']}:{edited_ts}",
        ],
        user=message["user"],
        channel=event["channel"],
        ts=message["ts"],
        text=message.get("text") or "",
    )
