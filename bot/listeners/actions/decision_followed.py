"""A decision to follow up: Done, Not yet with a new date (the date picker), Blocked (opens
the form asking why); and at its review date, Keep or Revisit."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, DecisionRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import FollowDecision, OpenDecisionBlocked, ReviewDecision


def _decision_of(body: dict[str, Any]) -> int | None:
    """The decision a control is about: the button's value, else the picker's block id."""
    action = action_of(body)
    if action.get("value"):
        return DecisionRef.model_validate_json(action["value"]).d
    number = str(action.get("block_id", "")).removeprefix("decision_")
    return int(number) if number.isdigit() else None


def register(app: App, listening: Listening) -> None:
    @guarded
    def followed(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        action = action_of(body)
        work = FollowDecision(
            user=user_of(body),
            decision_id=DecisionRef.model_validate_json(action["value"]).d,
            done=action["action_id"] == Action.DECISION_DONE,
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    @guarded
    def new_date(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        decision_id, picked = _decision_of(body), action_of(body).get("selected_date")
        try:
            due = date.fromisoformat(str(picked))
        except ValueError:
            due = None
        if decision_id is None or due is None:  # cleared, or not ours: nothing to store
            return ack()
        work = FollowDecision(
            user=user_of(body),
            decision_id=decision_id,
            done=False,
            new_due=due,
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    @guarded
    def blocked(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        work = OpenDecisionBlocked(
            user=user_of(body),
            decision_id=DecisionRef.model_validate_json(action_of(body)["value"]).d,
            trigger_id=str(body.get("trigger_id", "")),
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    @guarded
    def reviewed(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        action = action_of(body)
        work = ReviewDecision(
            user=user_of(body),
            decision_id=DecisionRef.model_validate_json(action["value"]).d,
            keep=action["action_id"] == Action.DECISION_KEEP,
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(Action.DECISION_DONE.value)(followed)
    app.action(Action.DECISION_NOT_YET.value)(followed)
    app.action(Action.DECISION_NEW_DATE.value)(new_date)
    app.action(Action.DECISION_BLOCKED.value)(blocked)
    app.action(Action.DECISION_KEEP.value)(reviewed)
    app.action(Action.DECISION_REVISIT.value)(reviewed)
