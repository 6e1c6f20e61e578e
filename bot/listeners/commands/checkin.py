"""`/checkin`: the check-in modal for the caller's initiatives; `/checkin away until DATE
[@deputy]` declares an absence, `/checkin back` ends it."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond

from bot.checkin_modal import open_modal
from bot.deps import Deps
from bot.ids import Command
from rituals.absence import AwayRequest, declare_absence, parse_away
from rituals.db import in_transaction


def register(app: App, deps: Deps) -> None:
    render = deps.renderer.render

    def private(respond: Respond, name: str, **context: Any) -> None:
        respond(response_type="ephemeral", **render(name, **context))

    def record_absence(user: str, away: AwayRequest) -> None:
        in_transaction(
            deps.engine,
            lambda session: declare_absence(
                session, user=user, until=away.until, deputy=away.deputy
            ),
        )

    def checkin(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        text = (command.get("text") or "").strip()
        user = command["user_id"]
        if text:
            away = parse_away(text)
            today = deps.clock().astimezone(deps.settings.tz).date()
            if away is None or (away.until is not None and away.until < today):
                ack(response_type="ephemeral", **render("absence", outcome="bad", text=text))
                return
            record_absence(user, away)
            outcome = "back" if away.until is None else "away"
            ack(response_type="ephemeral", **render("absence", outcome=outcome, away=away))
            return
        ack()

        def work() -> None:
            if not open_modal(deps, trigger_id=command["trigger_id"], user=user):
                private(respond, "notice", reason="no_initiatives")

        deps.after_ack(work, on_error=lambda: private(respond, "notice", reason="error"))

    app.command(Command.CHECKIN.value)(checkin)
