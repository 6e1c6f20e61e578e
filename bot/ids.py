"""Action and callback ids, and the typed values carried by buttons and modals."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Action(StrEnum):
    CHECKIN_UPDATE = "checkin_update"
    CHECKIN_NO_CHANGE = "checkin_no_change"
    CHECKIN_SKIP = "checkin_skip"
    CHECKIN_CORRECT = "checkin_correct"
    CHECKIN_CHOOSE = "checkin_choose"
    MODAL_INITIATIVE = "checkin_modal_initiative"


class Callback(StrEnum):
    CHECKIN_MODAL = "checkin_modal"


class Command(StrEnum):
    CHECKIN = "/checkin"


class PromptRef(BaseModel):
    """Which initiative and period a check-in button is about."""

    model_config = ConfigDict(frozen=True)

    i: int
    p: str

    def dump(self) -> str:
        return self.model_dump_json()


class ChoiceRef(BaseModel):
    """A pending free-text answer, and the initiative its author picked for it."""

    model_config = ConfigDict(frozen=True)

    a: int
    i: int

    def dump(self) -> str:
        return self.model_dump_json()


class ModalState(BaseModel):
    """The check-in modal's private_metadata."""

    model_config = ConfigDict(frozen=True)

    initiatives: list[int]
    period: str
    source: str = "modal"

    def dump(self) -> str:
        return self.model_dump_json()
