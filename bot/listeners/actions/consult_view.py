"""Give my view, on the message asking a Consulted person before a poll opens: the form."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, ConsultRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import OpenConsultForm


def register(app: App, listening: Listening) -> None:
    @guarded
    def open_form(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        work = OpenConsultForm(
            user=user_of(body),
            poll_id=ConsultRef.model_validate_json(action_of(body)["value"]).a,
            trigger_id=str(body.get("trigger_id") or ""),
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(Action.CONSULT_VIEW.value)(open_form)
