"""The check-in form, submitted: read and checked before the answer to Slack (errors are shown
beside their fields), then stored through the inbox."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.blocks import checkin_form
from bot.blocks.checkin_form import FormAnswer as Read
from bot.ids import Callback
from bot.listeners.base import Listening, guarded, user_of
from bot.work import CheckinFormSubmitted, FormAnswer


def _given(answer: Read) -> FormAnswer:
    return FormAnswer(
        initiative_id=answer.initiative_id,
        status=answer.status,
        progress=answer.progress,
        kpi_value=answer.kpi_value,
        blockers=answer.blockers,
        decision_request=answer.decision_request,
        highlights=answer.highlights,
    )


def register(app: App, listening: Listening) -> None:
    @guarded
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> BoltResponse:
        user = user_of(body)
        answer, errors = checkin_form.read(view, listening.readers.of_user(user))
        if answer is None:
            return ack(response_action="errors", errors=errors)
        work = CheckinFormSubmitted(
            user=user, period=answer.period, answers=(_given(answer),), correction=answer.correction
        )
        return listening.submission(ack, body, work, block="status")

    @guarded
    def submit_all(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> BoltResponse:
        user = user_of(body)
        answers, errors = checkin_form.read_all(view, listening.readers.of_user(user))
        if answers is None:
            return ack(response_action="errors", errors=errors)
        if not answers:
            return ack()  # nothing given: nothing to store
        work = CheckinFormSubmitted(
            user=user, period=answers[0].period, answers=tuple(_given(a) for a in answers)
        )
        first = next(iter((view.get("state") or {}).get("values") or {"status": 0}))
        return listening.submission(ack, body, work, block=first)

    app.view(Callback.CHECKIN_MODAL.value)(submit)
    app.view(Callback.CHECKIN_ALL_MODAL.value)(submit_all)
