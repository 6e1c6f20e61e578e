"""The /arbitrate form, submitted: checked before the answer to Slack, then the poll opened
through the inbox — the same use case as the command."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.blocks import arbitrate
from bot.ids import Callback
from bot.listeners.base import Listening, guarded, user_of
from bot.work import OpenPoll


def register(app: App, listening: Listening) -> None:
    settings = listening.settings

    @guarded
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> BoltResponse:
        user = user_of(body)
        words = listening.readers.of_user(user)
        if not settings.is_cmo(user):
            return ack(response_action="errors", errors=arbitrate.not_cmo_errors(words))
        form, errors = arbitrate.read(
            view, words, committees=list(settings.config.committees), now=listening.clock.now()
        )
        if form is None:
            return ack(response_action="errors", errors=errors)
        work = OpenPoll(
            user=user,
            committee=form.committee,
            question=form.question,
            options=form.options,
            deadline=form.deadline,
            anonymous=form.anonymous,
            hidden=form.hidden,
            context=form.context,
            initiative_id=form.initiative_id,
            channel=form.state.channel,
            response_url=form.state.response_url,
            origin="modal",
        )
        return listening.submission(ack, body, work, block="question")

    app.view(Callback.ARBITRATE_MODAL.value)(submit)
