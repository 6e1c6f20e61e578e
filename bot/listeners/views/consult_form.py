"""The Consulted's form, submitted: their view, shown under the poll's question."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Callback, ConsultRef
from bot.listeners.base import Listening, guarded, user_of
from bot.work import GiveView

VIEW_CHARACTERS = 1000


def register(app: App, listening: Listening) -> None:
    @guarded
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> BoltResponse:
        user = user_of(body)
        values = (view.get("state") or {}).get("values") or {}
        said = str(((values.get("view") or {}).get("value") or {}).get("value") or "").strip()
        if not said:
            text = listening.readers.of_user(user).text("consult-form-label")
            return ack(response_action="errors", errors={"view": text})
        ref = ConsultRef.model_validate_json(view.get("private_metadata") or "{}")
        work = GiveView(user=user, poll_id=ref.a, view=said[:VIEW_CHARACTERS])
        return listening.submission(ack, body, work, block="view")

    app.view(Callback.CONSULT_MODAL.value)(submit)
