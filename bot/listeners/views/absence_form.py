"""The "I'm away" form, submitted: a day from today on, and an optional deputy."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Callback
from bot.listeners.base import Listening, guarded, user_of
from bot.work import DeclareAbsence


def register(app: App, listening: Listening) -> None:
    @guarded
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> BoltResponse:
        user = user_of(body)
        values = (view.get("state") or {}).get("values") or {}
        until_text = ((values.get("until") or {}).get("value") or {}).get("selected_date")
        deputy = ((values.get("deputy") or {}).get("value") or {}).get("selected_user")
        until = date.fromisoformat(until_text) if until_text else None
        if until is None or until < listening.today():
            text = listening.readers.of_user(user).text("absence-past")
            return ack(response_action="errors", errors={"until": text})
        work = DeclareAbsence(user=user, until=until, deputy=deputy or None)
        return listening.submission(ack, body, work, block="until")

    app.view(Callback.ABSENCE_MODAL.value)(submit)
