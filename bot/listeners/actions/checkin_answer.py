"""No change, and Skip this week, on a check-in prompt."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, PromptRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import PromptAnswer


def register(app: App, listening: Listening) -> None:
    @guarded
    def answer(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        action = action_of(body)
        ref = PromptRef.model_validate_json(action["value"])
        work = PromptAnswer(
            user=user_of(body),
            initiative_id=ref.i,
            period=ref.p,
            skip=action["action_id"] == Action.CHECKIN_SKIP,
            channel=body["container"]["channel_id"],
            message_ts=body["container"]["message_ts"],
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(Action.CHECKIN_NO_CHANGE.value)(answer)
    app.action(Action.CHECKIN_SKIP.value)(answer)
