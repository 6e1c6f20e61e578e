"""Stop following / Follow again, on the Informed's weekly "following" message."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import SetFollowing


def register(app: App, listening: Listening) -> None:
    @guarded
    def following(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        work = SetFollowing(
            user=user_of(body),
            following=action_of(body)["action_id"] == Action.FOLLOWING_START,
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(Action.FOLLOWING_STOP.value)(following)
    app.action(Action.FOLLOWING_START.value)(following)
