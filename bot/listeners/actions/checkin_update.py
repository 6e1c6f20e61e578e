"""Update (a prompt), Correct (a receipt), Check in now (Home), Update now (an escalation):
the check-in form, opened on that initiative and week."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, PromptRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import OpenCheckinForm


def register(app: App, listening: Listening) -> None:
    @guarded
    def update(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        ref = PromptRef.model_validate_json(action_of(body)["value"])
        work = OpenCheckinForm(
            user=user_of(body),
            trigger_id=body["trigger_id"],
            response_url=body.get("response_url"),
            initiative_id=ref.i,
            period=ref.p,
            correction=ref.c,
        )
        return listening.click(ack, body, work)

    app.action(Action.CHECKIN_UPDATE.value)(update)
    app.action(Action.CHECKIN_CORRECT.value)(update)
