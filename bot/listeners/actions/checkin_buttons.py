"""The buttons of check-in prompts, receipts and the 'which initiative?' question."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.answers import Answers
from bot.checkin_modal import open_modal
from bot.deps import Deps
from bot.ids import Action, ChoiceRef, PromptRef


def register(app: App, deps: Deps) -> None:
    answers = Answers(deps)

    def private(respond: Respond, reason: str) -> None:
        notice = deps.renderer.render("notice", reason=reason)
        respond(response_type="ephemeral", replace_original=False, **notice)

    def update(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        ref = PromptRef.model_validate_json(body["actions"][0]["value"])

        def work() -> None:
            opened = open_modal(
                deps,
                trigger_id=body["trigger_id"],
                user=body["user"]["id"],
                initiative_id=ref.i,
                period=ref.p,
            )
            if not opened:
                private(respond, "no_initiatives")

        deps.after_ack(work, on_error=lambda: private(respond, "error"))

    def no_change_or_skip(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        action = body["actions"][0]
        deps.after_ack(
            lambda: answers.button(
                user=body["user"]["id"],
                ref=PromptRef.model_validate_json(action["value"]),
                skip=action["action_id"] == Action.CHECKIN_SKIP,
                channel=body["container"]["channel_id"],
                message_ts=body["container"]["message_ts"],
            ),
            on_error=lambda: private(respond, "error"),
        )

    def choose(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        deps.after_ack(
            lambda: answers.chosen(
                user=body["user"]["id"],
                choice=ChoiceRef.model_validate_json(body["actions"][0]["value"]),
                channel=body["container"]["channel_id"],
                message_ts=body["container"]["message_ts"],
            ),
            on_error=lambda: private(respond, "error"),
        )

    def away(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        today = deps.clock().astimezone(deps.settings.tz).date()
        view = deps.renderer.render("absence_modal", until=(today + timedelta(days=7)).isoformat())

        def work() -> None:
            deps.client.views_open(trigger_id=body["trigger_id"], view=view)

        deps.after_ack(work, on_error=lambda: private(respond, "error"))

    app.action(Action.CHECKIN_UPDATE.value)(update)
    app.action(Action.CHECKIN_AWAY.value)(away)
    app.action(Action.CHECKIN_CORRECT.value)(update)
    app.action(Action.CHECKIN_NO_CHANGE.value)(no_change_or_skip)
    app.action(Action.CHECKIN_SKIP.value)(no_change_or_skip)
    app.action(re.compile(rf"^{Action.CHECKIN_CHOOSE.value}_\d+$"))(choose)
