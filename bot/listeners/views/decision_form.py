"""The Record decision form, submitted: checked (a CMO's, and well filled), then stored
through the inbox."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.blocks import decision
from bot.ids import Callback
from bot.listeners.base import Listening, guarded, user_of
from bot.work import RecordDecision

NOT_CMO = "poll-notice-not-cmo"


def register(app: App, listening: Listening) -> None:
    @guarded
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> BoltResponse:
        user = user_of(body)
        words = listening.readers.of_user(user)
        if not listening.settings.is_cmo(user):  # a forged or stale form: nothing stored
            return ack(response_action="errors", errors={"decision": words.text(NOT_CMO)})
        form, errors = decision.read(view, words, today=listening.today())
        if form is None:
            return ack(response_action="errors", errors=errors)
        work = RecordDecision(
            user=user,
            poll_id=form.poll_id,
            option=form.option,
            rationale=form.rationale,
            follow_up_owner=form.follow_up,
            due=form.due,
            review_on=form.review_on,
            supersedes_id=form.supersedes,
        )
        return listening.submission(ack, body, work, block="decision")

    app.view(Callback.DECISION_MODAL.value)(submit)
