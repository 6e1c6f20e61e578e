"""*Record as check-in*, on any message: the message Slack hands over (its author, text and
place) is stored as work; whether the clicker wrote it is the service's to decide."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Shortcut
from bot.listeners.base import Listening, guarded, user_of
from bot.work import RecordMessage


def register(app: App, listening: Listening) -> None:
    @guarded
    def record(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        message = body["message"]
        written_by_app = bool(message.get("bot_id") or message.get("subtype") == "bot_message")
        work = RecordMessage(
            user=user_of(body),
            author=None if written_by_app else message.get("user"),
            channel=str(body["channel"]["id"]),
            ts=str(message["ts"]),
            text=str(message.get("text") or ""),
            clicked_at=str(body.get("action_ts") or message["ts"]),
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.shortcut(Shortcut.RECORD_CHECKIN.value)(record)
