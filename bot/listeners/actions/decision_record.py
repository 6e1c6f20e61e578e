"""Record decision, on a closed poll's message to the CMO: the decision form."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, PollRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import OpenDecisionForm


def register(app: App, listening: Listening) -> None:
    @guarded
    def record(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        ref = PollRef.model_validate_json(action_of(body)["value"])
        work = OpenDecisionForm(
            user=user_of(body),
            trigger_id=body["trigger_id"],
            poll_id=ref.a,
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(Action.DECISION_RECORD.value)(record)
