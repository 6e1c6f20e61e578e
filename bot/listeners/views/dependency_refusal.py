"""The refusal form of a dependency, submitted: stored through the inbox."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from slack_bolt import Ack, App, BoltResponse

from bot.blocks import dependency
from bot.ids import Callback
from bot.listeners.base import Listening, guarded, user_of
from bot.work import RefuseDependency


def register(app: App, listening: Listening) -> None:
    @guarded
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> BoltResponse:
        user = user_of(body)
        try:
            dependency_id, reason = dependency.read_refusal(view)
        except ValidationError:  # a forged or stale form: nothing stored
            words = listening.readers.of_user(user)
            return ack(response_action="errors", errors={"reason": words.text("dependency-gone")})
        work = RefuseDependency(user=user, dependency_id=dependency_id, reason=reason)
        return listening.submission(ack, body, work, block="reason")

    app.view(Callback.DEPENDENCY_REFUSAL_MODAL.value)(submit)
