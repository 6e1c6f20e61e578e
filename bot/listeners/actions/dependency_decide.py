"""Accept / Refuse, on the question to a provider's owner about a dependency."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, DependencyRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import DecideDependency


def register(app: App, listening: Listening) -> None:
    @guarded
    def decide(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        action = action_of(body)
        work = DecideDependency(
            user=user_of(body),
            dependency_id=DependencyRef.model_validate_json(action["value"]).d,
            accept=action["action_id"] == Action.DEPENDENCY_ACCEPT,
            trigger_id=body.get("trigger_id"),
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(Action.DEPENDENCY_ACCEPT.value)(decide)
    app.action(Action.DEPENDENCY_REFUSE.value)(decide)
