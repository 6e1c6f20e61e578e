"""The check-in modal, submitted: validated before ack (errors shown in the form), then stored."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.answers import Answers
from bot.checkin_modal import ModalInput
from bot.deps import Deps
from bot.ids import Callback


def register(app: App, deps: Deps) -> None:
    answers = Answers(deps)
    messages = deps.renderer.render("modal_errors")

    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        form = ModalInput(view)
        answer = form.answer(messages)
        if answer is None:
            ack(response_action="errors", errors=form.errors)
            return
        ack()
        deps.after_ack(
            lambda: answers.submitted(
                user=body["user"]["id"],
                initiative_id=form.initiative_id(),
                period=form.state.period,
                answer=answer,
            )
        )

    app.view(Callback.CHECKIN_MODAL.value)(submit)
