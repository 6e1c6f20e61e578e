"""I'm back, on the Home tab: the absence ends, as with `/checkin back`."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action
from bot.listeners.base import Listening, guarded, user_of
from bot.work import DeclareAbsence


def register(app: App, listening: Listening) -> None:
    @guarded
    def back(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        work = DeclareAbsence(user=user_of(body), until=None, response_url=body.get("response_url"))
        return listening.click(ack, body, work)

    app.action(Action.ABSENCE_BACK.value)(back)
