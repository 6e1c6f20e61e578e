"""Full list, on a digest's top message: every initiative of the committee, privately."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, DigestRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import OpenDigestList


def register(app: App, listening: Listening) -> None:
    @guarded
    def full_list(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        ref = DigestRef.model_validate_json(action_of(body)["value"])
        work = OpenDigestList(
            user=user_of(body),
            trigger_id=body["trigger_id"],
            committee=ref.c,
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(Action.DIGEST_LIST.value)(full_list)
