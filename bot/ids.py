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
    CHECKIN_UPDATE_ALL = "checkin_update_all"
    CHECKIN_QUESTION = "checkin_question"  # checkin_question_<n>: the owner answers a question
    POLL_VOTE = "poll_vote"
    POLL_CLOSE = "poll_close"
    DECISION_RECORD = "decision_record"
    DECISION_DONE = "decision_done"
    DECISION_NOT_YET = "decision_not_yet"
    DECISION_NEW_DATE = "decision_new_date"  # Not yet: the date picker of a new due date
    DECISION_BLOCKED = "decision_blocked"  # opens the form asking what blocks it
    DECISION_KEEP = "decision_keep"  # at its review date: the decision still holds
    DECISION_REVISIT = "decision_revisit"  # at its review date: back to the committee's queue
    DIGEST_LIST = "digest_list"  # Full list, on a digest's top message
    DIGEST_PAGE = "digest_page"  # digest_page_previous / digest_page_next, in the full list
    ABSENCE_BACK = "absence_back"  # I'm back, on the Home tab: the absence ends
    FOLLOWING_STOP = "following_stop"  # on the Informed's weekly message
    FOLLOWING_START = "following_start"  # Follow again, on the confirmation
    CONSULT_VIEW = "consult_view"  # Give my view, asked of a Consulted before a poll opens
    DEPENDENCY_ACCEPT = "dependency_accept"  # the provider's owner accepts a dependency
    DEPENDENCY_REFUSE = "dependency_refuse"  # … or refuses it: the reason form opens


class Callback(StrEnum):
    CHECKIN_MODAL = "checkin_modal"
    CHECKIN_ALL_MODAL = "checkin_all_modal"
    ARBITRATE_MODAL = "arbitrate_modal"
    DECISION_MODAL = "decision_modal"
    DECISION_BLOCKED_MODAL = "decision_blocked_modal"
    ABSENCE_MODAL = "absence_modal"
    DIGEST_LIST_MODAL = "digest_list_modal"
    CONSULT_MODAL = "consult_modal"
    DEPENDENCY_REFUSAL_MODAL = "dependency_refusal_modal"


class Command(StrEnum):
    CHECKIN = "/checkin"
    ARBITRATE = "/arbitrate"
    DECISIONS = "/decisions"


class Shortcut(StrEnum):
    """Callback ids of the app's shortcuts (manifest.yml `features.shortcuts`)."""

    RECORD_CHECKIN = "record_checkin"  # on a message: read it as the clicker's check-in


class PromptRef(BaseModel):
    """Which initiative and period a check-in button is about; `c`: the Correct button of a
    receipt (what the owner stores then corrects how the bot read them)."""

    model_config = ConfigDict(frozen=True)

    i: int
    p: str
    c: bool = False

    def dump(self) -> str:
        return self.model_dump_json()


class QuestionRef(BaseModel):
    """The owner's answer to a question of a receipt: field `f` of initiative `i` in period
    `p` is `v`; `r` lists the initiatives the receipt shows, to redraw it."""

    model_config = ConfigDict(frozen=True)

    i: int
    p: str
    f: str  # status, progress, kpi
    v: str
    r: list[int]

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
    correction: bool = False

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


class DigestRef(BaseModel):
    """A committee's full list, and the page of it a button shows."""

    model_config = ConfigDict(frozen=True)

    c: str
    p: int = 0

    def dump(self) -> str:
        return self.model_dump_json()


class DependencyRef(BaseModel):
    """A dependency between initiatives, for its Accept / Refuse buttons and refusal form."""

    model_config = ConfigDict(frozen=True)

    d: int

    def dump(self) -> str:
        return self.model_dump_json()


class ConsultRef(BaseModel):
    """A poll whose Consulted are asked their view (the button, and the form's metadata)."""

    model_config = ConfigDict(frozen=True)

    a: int

    def dump(self) -> str:
        return self.model_dump_json()
