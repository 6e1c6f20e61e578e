"""The 'I'm away' form of a check-in prompt: the absence stored, the owner told."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_bolt import Ack, App
from sqlmodel import Session

from bot.deps import Deps
from bot.ids import Callback
from bot.outbox import enqueue
from rituals.absence import AwayRequest, declare_absence
from rituals.db import in_transaction


def register(app: App, deps: Deps) -> None:
    render = deps.renderer.render

    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = view.get("state", {}).get("values", {})
        until_text = values.get("until", {}).get("value", {}).get("selected_date")
        deputy = values.get("deputy", {}).get("value", {}).get("selected_user")
        today = deps.clock().astimezone(deps.settings.tz).date()
        until = date.fromisoformat(until_text) if until_text else None
        if until is None or until < today:
            ack(
                response_action="errors",
                errors={"until": render("absence", outcome="past")["text"]},
            )
            return
        ack()
        user = body["user"]["id"]
        away = AwayRequest(until=until, deputy=deputy)

        def work(session: Session) -> None:
            declare_absence(session, user=user, until=until, deputy=deputy)
            told = render("absence", outcome="away", away=away)
            enqueue(
                session,
                f"away:{user}:{until}:{deputy}:{deps.clock().timestamp()}",
                {"channel": user, **told},
            )

        def store() -> None:
            in_transaction(deps.engine, work)
            deps.delivery.wake()

        deps.after_ack(store)

    app.view(Callback.ABSENCE_MODAL.value)(submit)
