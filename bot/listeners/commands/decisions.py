"""`/decisions`: the recent decisions, privately."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Command
from bot.listeners.base import Listening, guarded
from bot.work import ListDecisions


def register(app: App, listening: Listening) -> None:
    @guarded
    def decisions(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        work = ListDecisions(user=str(body["user_id"]), response_url=body.get("response_url"))
        return listening.command(ack, body, work)

    app.command(Command.DECISIONS.value)(decisions)
