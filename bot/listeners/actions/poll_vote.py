"""A committee member's vote on a poll."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, PollRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import CastVote


def register(app: App, listening: Listening) -> None:
    @guarded
    def vote(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        ref = PollRef.model_validate_json(action_of(body)["value"])
        work = CastVote(
            user=user_of(body), poll_id=ref.a, option=ref.o, response_url=body.get("response_url")
        )
        return listening.click(ack, body, work)

    app.action(re.compile(rf"^{Action.POLL_VOTE.value}_\d+$"))(vote)
