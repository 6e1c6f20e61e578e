"""The /arbitrate and 'Record decision' modals: opening them, and reading them back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session, col, select

from bot.deps import Deps
from bot.ids import PollModalState, PollRef
from bot.polls import DecisionInput, poll_view
from rituals.arbitration import ArbitrationError, check_deadline, default_deadline, validate_poll
from rituals.models import Arbitration, Initiative
from rituals.periods import quarter_of


def open_arbitrate_modal(
    deps: Deps, *, trigger_id: str, channel: str, committee: str | None
) -> None:
    now = deps.clock()
    settings = deps.settings
    with Session(deps.engine) as session:
        initiatives = session.exec(
            select(Initiative)
            .where(Initiative.quarter == quarter_of(now, settings.tz))
            .order_by(col(Initiative.title))
            .limit(100)
        ).all()
    deadline = default_deadline(now, hours=settings.config.arbitration.deadline_hours)
    view = deps.renderer.render(
        "arbitrate_modal",
        committees=list(settings.config.committees),
        committee=committee or next(iter(settings.config.committees), None),
        deadline=int(deadline.timestamp()),
        initiatives=[{"id": i.id, "title": i.title} for i in initiatives],
        metadata=PollModalState(channel=channel).dump(),
    )
    deps.client.views_open(trigger_id=trigger_id, view=view)


def _value(values: dict[str, Any], block: str) -> Any:
    element = values.get(block, {}).get("value", {})
    for key in ("selected_option", "selected_date_time", "selected_date", "selected_user"):
        if key in element:
            chosen = element[key]
            return chosen.get("value") if isinstance(chosen, dict) else chosen
    text = element.get("value")
    return text.strip() if isinstance(text, str) and text.strip() else None


@dataclass(frozen=True)
class PollForm:
    committee: str
    question: str
    options: tuple[str, ...]
    deadline: datetime
    anonymous: bool
    context: str | None
    initiative_id: int | None


def read_arbitrate_modal(
    view: dict[str, Any], *, committees: list[str], now: datetime, messages: dict[str, str]
) -> tuple[PollForm | None, dict[str, str]]:
    """The form, or the errors to show beside its fields."""
    values = view.get("state", {}).get("values", {})
    errors: dict[str, str] = {}
    lines = [line.strip() for line in (_value(values, "options") or "").splitlines()]
    question, options = _value(values, "question") or "", tuple(line for line in lines if line)
    try:
        question, options = validate_poll(question, options)
    except ArbitrationError as error:
        errors["question" if error.code in ("no_question",) else "options"] = messages[error.code]
    committee = _value(values, "committee")
    if committee not in committees:
        errors["committee"] = messages["unknown_committee"]
    stamp = _value(values, "deadline")
    deadline = datetime.fromtimestamp(int(stamp), UTC) if stamp else None
    try:
        if deadline is None:
            raise ArbitrationError("past_deadline")
        check_deadline(deadline, now=now)
    except ArbitrationError:
        errors["deadline"] = messages["past_deadline"]
    if errors or deadline is None:
        return None, errors
    initiative = _value(values, "initiative")
    return PollForm(
        committee=str(committee),
        question=question,
        options=options,
        deadline=deadline,
        anonymous=_value(values, "visibility") == "anonymous",
        context=_value(values, "context"),
        initiative_id=int(initiative) if initiative else None,
    ), {}


def open_decision_modal(deps: Deps, *, trigger_id: str, poll_id: int) -> bool:
    with Session(deps.engine) as session:
        poll = session.get(Arbitration, poll_id)
        if poll is None:
            return False
        view = deps.renderer.render(
            "decision_modal",
            **poll_view(session, deps.settings, poll),
            metadata=PollRef(a=poll_id).dump(),
        )
    deps.client.views_open(trigger_id=trigger_id, view=view)
    return True


def read_decision_modal(
    view: dict[str, Any], *, messages: dict[str, str]
) -> tuple[int, DecisionInput | None, dict[str, str]]:
    values = view.get("state", {}).get("values", {})
    poll_id = PollRef.model_validate_json(view.get("private_metadata") or "{}").a
    choice = _value(values, "decision")
    errors: dict[str, str] = {}
    if choice is None or not (choice == "deferred" or choice.startswith("option:")):
        errors["decision"] = messages["decision"]
    rationale = _value(values, "rationale") or ""
    due_text = _value(values, "due")
    try:
        due = date.fromisoformat(due_text) if due_text else None
    except ValueError:
        errors["due"] = messages["due"]
        due = None
    if errors or choice is None:
        return poll_id, None, errors
    option = None if choice == "deferred" else int(choice.removeprefix("option:"))
    return poll_id, DecisionInput(option, rationale, _value(values, "follow_up"), due), {}
