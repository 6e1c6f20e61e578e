"""The check-in form, submitted: read and checked before the answer to Slack (errors are shown
beside their fields), then stored through the inbox."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.blocks import checkin_form
from bot.ids import Callback
from bot.listeners.base import Listening, guarded, user_of
from bot.work import CheckinFormSubmitted


def register(app: App, listening: Listening) -> None:
    @guarded
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> BoltResponse:
        user = user_of(body)
        answer, errors = checkin_form.read(view, listening.readers.of_user(user))
        if answer is None:
            return ack(response_action="errors", errors=errors)
        work = CheckinFormSubmitted(
            user=user,
            initiative_id=answer.initiative_id,
            period=answer.period,
            status=answer.status,
            progress=answer.progress,
            kpi_value=answer.kpi_value,
            blockers=answer.blockers,
            decision_request=answer.decision_request,
            highlights=answer.highlights,
        )
        return listening.submission(ack, body, work, block="status")

    app.view(Callback.CHECKIN_MODAL.value)(submit)
