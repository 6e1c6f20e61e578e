"""Carried out / Not yet, on a decision about the owner's initiative."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, DecisionRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import FollowDecision


def register(app: App, listening: Listening) -> None:
    @guarded
    def followed(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        action = action_of(body)
        work = FollowDecision(
            user=user_of(body),
            decision_id=DecisionRef.model_validate_json(action["value"]).d,
            done=action["action_id"] == Action.DECISION_DONE,
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(Action.DECISION_DONE.value)(followed)
    app.action(Action.DECISION_NOT_YET.value)(followed)
