"""Update all, on a prompt: every initiative of the week in one form."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, PromptRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import OpenCheckinAll


def register(app: App, listening: Listening) -> None:
    @guarded
    def update_all(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        ref = PromptRef.model_validate_json(action_of(body)["value"])
        work = OpenCheckinAll(
            user=user_of(body),
            trigger_id=body["trigger_id"],
            period=ref.p,
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(Action.CHECKIN_UPDATE_ALL.value)(update_all)
