"""`/checkin`: the check-in modal for the caller's initiatives."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond

from bot.checkin_modal import open_modal
from bot.deps import Deps
from bot.ids import Command


def register(app: App, deps: Deps) -> None:
    def private(respond: Respond, reason: str) -> None:
        respond(response_type="ephemeral", **deps.renderer.render("notice", reason=reason))

    def checkin(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()

        def work() -> None:
            if not open_modal(deps, trigger_id=command["trigger_id"], user=command["user_id"]):
                private(respond, "no_initiatives")

        deps.after_ack(work, on_error=lambda: private(respond, "error"))

    app.command(Command.CHECKIN.value)(checkin)
