"""I'm away, on a prompt: the absence form."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action
from bot.listeners.base import Listening, guarded, user_of
from bot.work import OpenAbsenceForm


def register(app: App, listening: Listening) -> None:
    @guarded
    def away(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        work = OpenAbsenceForm(
            user=user_of(body), trigger_id=body["trigger_id"], response_url=body.get("response_url")
        )
        return listening.click(ack, body, work)

    app.action(Action.CHECKIN_AWAY.value)(away)
