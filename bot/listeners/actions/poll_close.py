"""A CMO's Close now, on a poll."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, PollRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import ClosePoll


def register(app: App, listening: Listening) -> None:
    @guarded
    def close(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        ref = PollRef.model_validate_json(action_of(body)["value"])
        work = ClosePoll(user=user_of(body), poll_id=ref.a, response_url=body.get("response_url"))
        return listening.click(ack, body, work)

    app.action(Action.POLL_CLOSE.value)(close)
