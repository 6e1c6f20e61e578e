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
    CHECKIN_AWAY = "checkin_away"
    POLL_VOTE = "poll_vote"
    POLL_CLOSE = "poll_close"
    DECISION_RECORD = "decision_record"
    DECISION_DONE = "decision_done"
    DECISION_NOT_YET = "decision_not_yet"


class Callback(StrEnum):
    CHECKIN_MODAL = "checkin_modal"
    ARBITRATE_MODAL = "arbitrate_modal"
    DECISION_MODAL = "decision_modal"
    ABSENCE_MODAL = "absence_modal"


class Command(StrEnum):
    CHECKIN = "/checkin"
    ARBITRATE = "/arbitrate"
    DECISIONS = "/decisions"


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


class PollRef(BaseModel):
    """A poll and, for a vote button, the option (-1 for the poll itself)."""

    model_config = ConfigDict(frozen=True)

    a: int
    o: int = -1

    def dump(self) -> str:
        return self.model_dump_json()


class DecisionRef(BaseModel):
    """A decision of the log, for its follow-up buttons."""

    model_config = ConfigDict(frozen=True)

    d: int

    def dump(self) -> str:
        return self.model_dump_json()


class PollModalState(BaseModel):
    """The /arbitrate modal's private_metadata: where it was opened."""

    model_config = ConfigDict(frozen=True)

    channel: str
    response_url: str | None = None

    def dump(self) -> str:
        return self.model_dump_json()
