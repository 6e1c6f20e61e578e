"""`/decisions`: the recent decisions the caller may see, privately; `/decisions help`: what
it shows."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.blocks import usage
from bot.ids import Command
from bot.listeners.base import Listening, guarded
from bot.work import ListDecisions


def register(app: App, listening: Listening) -> None:
    @guarded
    def decisions(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        user = str(body["user_id"])
        if usage.asks(str(body.get("text") or "")):
            words = listening.readers.of_user(user)
            return ack(response_type="ephemeral", **usage.usage(words, "decisions").payload())
        work = ListDecisions(user=user, response_url=body.get("response_url"))
        return listening.command(ack, body, work)

    app.command(Command.DECISIONS.value)(decisions)
