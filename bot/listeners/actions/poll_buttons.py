"""Poll buttons: a member's vote, the CMO's 'Close now' and 'Record decision'."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.deps import Deps
from bot.ids import Action, PollRef
from bot.poll_modal import open_decision_modal
from bot.polls import cast_vote, close_now


def register(app: App, deps: Deps) -> None:
    render = deps.renderer.render

    def private(respond: Respond, name: str, **context: Any) -> None:
        respond(response_type="ephemeral", replace_original=False, **render(name, **context))

    def vote(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        ref = PollRef.model_validate_json(body["actions"][0]["value"])

        def work() -> None:
            outcome = cast_vote(deps, poll_id=ref.a, voter=body["user"]["id"], option=ref.o)
            if outcome.kind != "unknown":
                private(
                    respond,
                    "vote_outcome",
                    outcome=outcome.kind,
                    committee=outcome.committee,
                    option=chr(ord("A") + ref.o),
                )

        deps.after_ack(work, on_error=lambda: private(respond, "notice", reason="error"))

    def close(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        ref = PollRef.model_validate_json(body["actions"][0]["value"])

        def work() -> None:
            outcome = close_now(deps, poll_id=ref.a, user=body["user"]["id"])
            if outcome in ("not_cmo", "already"):
                private(respond, "poll_notice", reason=outcome)

        deps.after_ack(work, on_error=lambda: private(respond, "notice", reason="error"))

    def record(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        ref = PollRef.model_validate_json(body["actions"][0]["value"])
        if not deps.settings.is_cmo(body["user"]["id"]):
            deps.after_ack(lambda: private(respond, "poll_notice", reason="not_cmo"))
            return

        def work() -> None:
            open_decision_modal(deps, trigger_id=body["trigger_id"], poll_id=ref.a)

        deps.after_ack(work, on_error=lambda: private(respond, "notice", reason="error"))

    app.action(re.compile(rf"^{Action.POLL_VOTE.value}_\d+$"))(vote)
    app.action(Action.POLL_CLOSE.value)(close)
    app.action(Action.DECISION_RECORD.value)(record)
