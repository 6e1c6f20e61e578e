"""An owner says whether a decision about their initiative has been carried out."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond

from bot.deps import Deps
from bot.ids import Action
from rituals.db import in_transaction
from rituals.models import Decision


def register(app: App, deps: Deps) -> None:
    def answer(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        action = body["actions"][0]
        done = action["action_id"] == Action.DECISION_DONE
        user = body["user"]["id"]

        def work() -> None:
            def store(session: Any) -> Decision | None:
                decision = session.get(Decision, int(action["value"]))
                if decision is None:
                    return None
                decision.carried_out = done
                decision.carried_out_at = deps.clock() if done else None
                session.add(decision)
                return decision

            decision = in_transaction(deps.engine, store)
            if decision is not None:
                respond(
                    response_type="ephemeral",
                    replace_original=False,
                    **deps.renderer.render(
                        "decision_followed", done=done, decision=decision, user=user
                    ),
                )

        deps.after_ack(work)

    app.action(Action.DECISION_DONE.value)(answer)
    app.action(Action.DECISION_NOT_YET.value)(answer)
