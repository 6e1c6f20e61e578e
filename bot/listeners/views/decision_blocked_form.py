"""What blocks a decision, submitted: a short reason, stored through the inbox."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.blocks.arbitrate import field
from bot.ids import Callback, DecisionRef
from bot.listeners.base import Listening, guarded, user_of
from bot.work import FollowDecision

REASON = 500


def register(app: App, listening: Listening) -> None:
    @guarded
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> BoltResponse:
        user = user_of(body)
        reason = (field(view, "reason") or "").strip()
        if not reason:
            words = listening.readers.of_user(user)
            return ack(
                response_action="errors",
                errors={"reason": words.text("decision-blocked-form-error")},
            )
        work = FollowDecision(
            user=user,
            decision_id=DecisionRef.model_validate_json(view.get("private_metadata") or "{}").d,
            done=False,
            blocked=reason[:REASON],
        )
        return listening.submission(ack, body, work, block="reason")

    app.view(Callback.DECISION_BLOCKED_MODAL.value)(submit)
