"""The /arbitrate modal and the 'Record decision' modal, submitted."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.deps import Deps
from bot.ids import Callback, PollModalState
from bot.outbox import enqueue
from bot.poll_modal import read_arbitrate_modal, read_decision_modal
from bot.polls import open_poll, record_decision
from rituals.db import in_transaction


def register(app: App, deps: Deps) -> None:
    render = deps.renderer.render
    settings = deps.settings

    def arbitrate(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = body["user"]["id"]
        if not settings.is_cmo(user):
            ack(response_action="errors", errors={"question": render("poll_errors")["not_cmo"]})
            return
        now = deps.clock()
        form, errors = read_arbitrate_modal(
            view,
            committees=list(settings.config.committees),
            now=now,
            messages=render("poll_errors"),
        )
        if form is None:
            ack(response_action="errors", errors=errors)
            return
        ack()
        state = PollModalState.model_validate_json(view.get("private_metadata") or "{}")

        def work(session: Any) -> None:
            poll = open_poll(
                session,
                deps,
                committee=form.committee,
                question=form.question,
                options=form.options,
                created_by=user,
                now=now,
                deadline=form.deadline,
                anonymous=form.anonymous,
                context=form.context,
                initiative_id=form.initiative_id,
                origin="modal",
            )
            posted = render(
                "arbitrate_posted",
                poll=poll,
                channel=settings.config.committees[form.committee].channel,
            )
            channel = state.channel or user
            enqueue(
                session,
                f"posted:{poll.id}",
                {"channel": channel, "user": user, **posted},
                method="chat.postEphemeral" if state.channel else "chat.postMessage",
            )

        def post() -> None:
            in_transaction(deps.engine, work)
            deps.delivery.wake()

        deps.after_ack(post)

    def decide(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        poll_id, given, errors = read_decision_modal(view, messages=render("poll_errors"))
        if given is None:
            ack(response_action="errors", errors=errors)
            return
        ack()

        def store() -> None:
            record_decision(deps, poll_id=poll_id, user=body["user"]["id"], given=given)

        deps.after_ack(store)

    app.view(Callback.ARBITRATE_MODAL.value)(arbitrate)
    app.view(Callback.DECISION_MODAL.value)(decide)
