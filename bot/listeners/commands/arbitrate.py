"""`/arbitrate QUESTION | OPTION | OPTION…`: a CMO puts a question to a committee."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond

from bot.deps import Deps
from bot.ids import Command
from bot.poll_modal import open_arbitrate_modal
from bot.polls import open_poll
from rituals.arbitration import ArbitrationError, default_deadline, parse_arbitrate
from rituals.db import in_transaction


def register(app: App, deps: Deps) -> None:
    render = deps.renderer.render
    settings = deps.settings

    def private(ack: Ack, name: str, **context: Any) -> None:
        ack(response_type="ephemeral", **render(name, **context))

    def arbitrate(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        user, text = command["user_id"], (command.get("text") or "").strip()
        if not settings.is_cmo(user):
            private(ack, "arbitrate_refused")
            return
        committees = list(settings.config.committees)
        if not committees:
            private(ack, "arbitrate_error", code="no_committee", detail={}, text=text)
            return
        channel_committee = settings.committee_of_channel(command.get("channel_id", ""))
        if not text:
            ack()
            deps.after_ack(
                lambda: open_arbitrate_modal(
                    deps,
                    trigger_id=command["trigger_id"],
                    channel=command.get("channel_id", ""),
                    committee=channel_committee,
                ),
                on_error=lambda: respond(
                    response_type="ephemeral", **render("notice", reason="error")
                ),
            )
            return
        try:
            request = parse_arbitrate(
                text,
                committees=committees,
                channel_committee=channel_committee,
                channel_names={c.channel: name for name, c in settings.config.committees.items()},
            )
        except ArbitrationError as error:
            private(ack, "arbitrate_error", code=error.code, detail=error.detail, text=text)
            return
        now = deps.clock()
        deadline = default_deadline(now, hours=settings.config.arbitration.deadline_hours)
        poll = in_transaction(
            deps.engine,
            lambda session: open_poll(
                session,
                deps,
                committee=request.committee,
                question=request.question,
                options=request.options,
                created_by=user,
                now=now,
                deadline=deadline,
            ),
        )
        private(
            ack,
            "arbitrate_posted",
            poll=poll,
            channel=settings.config.committees[request.committee].channel,
        )
        deps.delivery.wake()

    app.command(Command.ARBITRATE.value)(arbitrate)
