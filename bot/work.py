"""What people asked of the bot, typed: each listener turns a Slack request into one of these,
the inbox stores it before Slack gets its answer, and a service does it from there.

The field values come from Slack's payload, parsed once; `kind` names the service that does it.

Past 300 lines: one small frozen dataclass per kind of request, all in one place so the
inbox's (de)serialisation sees them all.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, field_validator


class Work(BaseModel):
    """One thing to do, as stored in the inbox."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: ClassVar[str]
    kinds: ClassVar[dict[str, type[Work]]] = {}

    @field_validator("*", mode="before")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        """Text as every database takes it: PostgreSQL refuses NUL bytes and lone surrogates,
        which would otherwise drop an answer that Slack was told we have."""
        if isinstance(value, str):
            return value.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
        if isinstance(value, list | tuple):
            return type(value)(cls._storable(item) for item in value)
        return value

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "kind" in cls.__dict__:
            Work.kinds[cls.kind] = cls

    @classmethod
    def load(cls, kind: str, payload: dict[str, Any]) -> Work:
        return cls.kinds[kind].model_validate(payload)


# -- messages and the Home tab -------------------------------------------------------------


class DirectMessage(Work):
    """An owner wrote to the bot, in its DM or a thread of it."""

    kind = "dm"
    user: str
    channel: str
    ts: str
    thread_ts: str | None = None
    text: str


class MessageEdited(Work):
    """An owner edited a DM; `version` is the edit's time (Slack's `edited.ts`)."""

    kind = "dm_edit"
    user: str
    channel: str
    ts: str
    version: str
    thread_ts: str | None = None
    text: str


class HomeOpened(Work):
    kind = "home_opened"
    user: str


class RecordMessage(Work):
    """*Record as check-in*, the message shortcut: `user` asks that a message they wrote in
    any channel be read as their check-in; `author` wrote it (None: a bot or an app did)."""

    kind = "record_message"
    user: str
    author: str | None
    channel: str
    ts: str
    text: str
    clicked_at: str  # Slack's action_ts
    response_url: str | None = None


# -- the check-in ----------------------------------------------------------------------------


class OpenCheckinForm(Work):
    """Update, Correct, Check in now, Update now, or `/checkin` alone."""

    kind = "open_checkin_form"
    user: str
    trigger_id: str
    response_url: str | None = None
    initiative_id: int | None = None
    period: str | None = None
    correction: bool = False  # from a receipt's Correct: the owner corrects the reading


class OpenCheckinAll(Work):
    """Update all, on a prompt: every initiative of the week in one form."""

    kind = "open_checkin_all"
    user: str
    trigger_id: str
    period: str
    response_url: str | None = None


class PromptAnswer(Work):
    """No change or Skip this week, on a prompt."""

    kind = "prompt_answer"
    user: str
    initiative_id: int
    period: str
    skip: bool
    channel: str
    message_ts: str
    response_url: str | None = None


class ChooseInitiative(Work):
    """Which initiative a pending free-text answer is about."""

    kind = "choose_initiative"
    user: str
    pending_id: int
    initiative_id: int
    channel: str
    message_ts: str
    response_url: str | None = None


class FormAnswer(BaseModel):
    """One initiative's answer in a form."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    initiative_id: int
    status: str
    progress: int | None = None
    kpi_value: float | None = None
    blockers: str | None = None
    decision_request: str | None = None
    highlights: str | None = None


class CheckinFormSubmitted(Work):
    """The check-in form (one initiative) or Update all (several), submitted."""

    kind = "checkin_form"
    user: str
    period: str
    answers: tuple[FormAnswer, ...]
    correction: bool = False


class AnswerQuestion(Work):
    """The owner answered a receipt's question: field `field` of an initiative is `value`."""

    kind = "answer_question"
    user: str
    initiative_id: int
    period: str
    field: str
    value: str
    shown: tuple[int, ...]  # the initiatives of the receipt, to redraw it
    channel: str
    message_ts: str
    response_url: str | None = None


class FollowDecision(Work):
    """Carried out / Not yet, on a decision about the owner's initiative."""

    kind = "follow_decision"
    user: str
    decision_id: int
    done: bool
    response_url: str | None = None
    new_due: date | None = None  # Not yet, with the new date picked
    blocked: str | None = None  # Blocked, and why


class OpenDecisionBlocked(Work):
    """Blocked, on a decision to follow up: the form asking what blocks it."""

    kind = "open_decision_blocked"
    user: str
    decision_id: int
    trigger_id: str
    response_url: str | None = None


class ReviewDecision(Work):
    """Keep / Revisit, on a decision at its review date."""

    kind = "review_decision"
    user: str
    decision_id: int
    keep: bool
    response_url: str | None = None


# -- absences --------------------------------------------------------------------------------


class OpenAbsenceForm(Work):
    kind = "open_absence_form"
    user: str
    trigger_id: str
    response_url: str | None = None


class DeclareAbsence(Work):
    """Away until a day (with a deputy), or back (`until` None)."""

    kind = "absence"
    user: str
    until: date | None
    deputy: str | None = None
    response_url: str | None = None
    since: date | None = None  # the first day away (`/checkin away tomorrow`); None: today


class SetLanguage(Work):
    """`/checkin language fr|en|auto`: the language the bot writes to the person in."""

    kind = "set_language"
    user: str
    language: str | None  # None: their Slack language again
    response_url: str | None = None


# -- arbitration -----------------------------------------------------------------------------


class OpenArbitrateForm(Work):
    kind = "open_arbitrate_form"
    user: str
    trigger_id: str
    channel: str
    committee: str | None = None
    response_url: str | None = None


class OpenPoll(Work):
    """A CMO's question put to a committee, from `/arbitrate` or its form."""

    kind = "open_poll"
    user: str
    committee: str
    question: str
    options: tuple[str, ...]
    deadline: datetime | None = None  # None: the configured delay after it is opened
    anonymous: bool = False
    hidden: bool = False  # the tally shown only once the poll closes
    context: str | None = None
    initiative_id: int | None = None
    channel: str = ""  # where it was asked, for the private answer
    response_url: str | None = None
    origin: str = "command"


class CastVote(Work):
    kind = "vote"
    user: str
    poll_id: int
    option: int
    response_url: str | None = None


class ClosePoll(Work):
    kind = "close_poll"
    user: str
    poll_id: int
    response_url: str | None = None


class OpenDecisionForm(Work):
    kind = "open_decision_form"
    user: str
    trigger_id: str
    poll_id: int
    response_url: str | None = None


class RecordDecision(Work):
    kind = "record_decision"
    user: str
    poll_id: int
    option: int | None  # None: deferred
    rationale: str = ""
    follow_up_owner: str | None = None
    due: date | None = None
    review_on: date | None = None
    supersedes_id: int | None = None


class ListDecisions(Work):
    kind = "list_decisions"
    user: str
    response_url: str | None = None


# -- the digest --------------------------------------------------------------------------------


class OpenDigestList(Work):
    """Full list, on a digest's top message: every initiative of the committee, privately."""

    kind = "open_digest_list"
    user: str
    trigger_id: str
    committee: str
    response_url: str | None = None


class TurnDigestPage(Work):
    """Previous or Next, in the full list's modal: the same modal shows another page."""

    kind = "digest_page"
    user: str
    view_id: str
    hash: str | None = None
    committee: str
    page: int


# -- dependencies between initiatives ------------------------------------------------------


class DecideDependency(Work):
    """The provider's owner clicked Accept, or Refuse (which opens the reason form)."""

    kind = "decide_dependency"
    user: str
    dependency_id: int
    accept: bool
    trigger_id: str | None = None
    response_url: str | None = None


class RefuseDependency(Work):
    """The refusal form, submitted: the reason (optional) and the dependency."""

    kind = "refuse_dependency"
    user: str
    dependency_id: int
    reason: str | None = None


# -- the RACI at work: following, consulting -------------------------------------------------


class SetFollowing(Work):
    """Stop following / Follow again, on the Informed's weekly message."""

    kind = "set_following"
    user: str
    following: bool
    response_url: str | None = None


class OpenConsultForm(Work):
    """Give my view, asked of a Consulted before a poll about their initiative opens."""

    kind = "open_consult_form"
    user: str
    poll_id: int
    trigger_id: str
    response_url: str | None = None


class GiveView(Work):
    """A Consulted person's view, from the form."""

    kind = "give_view"
    user: str
    poll_id: int
    view: str
