"""The owner of several initiatives says which one a free-text answer is about."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, ChoiceRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import ChooseInitiative


def register(app: App, listening: Listening) -> None:
    @guarded
    def choose(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        choice = ChoiceRef.model_validate_json(action_of(body)["value"])
        work = ChooseInitiative(
            user=user_of(body),
            pending_id=choice.a,
            initiative_id=choice.i,
            channel=body["container"]["channel_id"],
            message_ts=body["container"]["message_ts"],
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(re.compile(rf"^{Action.CHECKIN_CHOOSE.value}_\d+$"))(choose)
