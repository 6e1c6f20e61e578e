"""`/decisions`: the recent decisions, privately."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond
from sqlmodel import Session, col, select

from bot.deps import Deps
from bot.ids import Command
from rituals.models import Decision

RECENT = 10


def register(app: App, deps: Deps) -> None:
    def decisions(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()

        def work() -> None:
            with Session(deps.engine) as session:
                recent = session.exec(
                    select(Decision).order_by(col(Decision.decided_at).desc()).limit(RECENT)
                ).all()
                message = deps.renderer.render("decisions_list", decisions=recent)
            respond(response_type="ephemeral", **message)

        deps.after_ack(
            work,
            on_error=lambda: respond(
                response_type="ephemeral", **deps.renderer.render("notice", reason="error")
            ),
        )

    app.command(Command.DECISIONS.value)(decisions)
