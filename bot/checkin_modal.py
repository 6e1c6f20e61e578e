"""Opening the check-in modal and reading it back."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from bot.answers import owned_initiatives
from bot.deps import Deps
from bot.ids import ModalState
from rituals.absence import may_answer
from rituals.checkins import Answer, last_checkin
from rituals.models import Initiative
from rituals.periods import quarter_of, week_of
from rituals.status import Status


def open_modal(
    deps: Deps,
    *,
    trigger_id: str,
    user: str,
    initiative_id: int | None = None,
    period: str | None = None,
) -> bool:
    """Open the modal on one initiative (or the caller's first); False when they own none."""
    now = deps.clock()
    tz = deps.settings.tz
    with Session(deps.engine) as session:
        today = now.astimezone(tz).date()
        owned = owned_initiatives(session, user=user, quarter=quarter_of(now, tz), today=today)
        chosen = session.get(Initiative, initiative_id) if initiative_id else None
        mine = chosen is not None and may_answer(session, chosen, user=user, today=today)
        if chosen is not None and mine and chosen not in owned:
            owned.insert(0, chosen)
        if chosen is None or not mine:
            chosen = owned[0] if owned else None
        if chosen is None or chosen.id is None:
            return False
        last = last_checkin(session=session, initiative_id=chosen.id)
        period = period or week_of(now, tz)
        view = deps.renderer.render(
            "checkin_modal",
            initiative=chosen,
            choices=[{"id": i.id, "title": i.title} for i in owned],
            period=period,
            last=last.model_dump() if last else None,
            metadata=ModalState(initiatives=[i.id for i in owned if i.id], period=period).dump(),
        )
    deps.client.views_open(trigger_id=trigger_id, view=view)
    return True


class ModalInput:
    """The modal's state values, validated: the answer, or errors by block for Slack."""

    def __init__(self, view: dict[str, Any]) -> None:
        self.values: dict[str, dict[str, Any]] = view.get("state", {}).get("values", {})
        self.state = ModalState.model_validate_json(view.get("private_metadata") or "{}")
        self.errors: dict[str, str] = {}

    def _value(self, block: str) -> Any:
        element = self.values.get(block, {}).get("value", {})
        if "selected_option" in element:
            option = element["selected_option"]
            return option["value"] if option else None
        value = element.get("value")
        return value.strip() if isinstance(value, str) and value.strip() else None

    def initiative_id(self) -> int:
        chosen = self._value("initiative")
        return int(chosen) if chosen else self.state.initiatives[0]

    def answer(self, messages: dict[str, str]) -> Answer | None:
        status = self._value("status")
        progress = self._number("progress", messages["progress"], integer=True)
        kpi = self._number("kpi", messages["kpi"])
        if status not in {s.value for s in Status}:
            self.errors["status"] = messages["status"]
        if self.errors:
            return None
        return Answer(
            status=Status(status),
            progress=int(progress) if progress is not None else None,
            kpi_value=kpi,
            blockers=self._value("blockers"),
            decision_request=self._value("decision"),
            highlights=self._value("highlights"),
        )

    def _number(self, block: str, message: str, *, integer: bool = False) -> float | None:
        raw = self._value(block)
        if raw is None:
            return None
        try:
            number = float(str(raw).replace(",", "."))
        except ValueError:
            self.errors[block] = message
            return None
        if integer and not (0 <= number <= 100 and number == int(number)):
            self.errors[block] = message
            return None
        return number
