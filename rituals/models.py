"""The stored records: roadmap, check-ins, prompts, polls, decisions, escalations, the inbox
and outbox, ritual runs. Every business time is given by the caller (`now`), never the clock.

Past 300 lines: every table in one module, so Alembic's autogenerate and the
models-vs-migrations test see the whole schema at once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Dialect, Index, UniqueConstraint, text
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite and PostgreSQL alike."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store aware UTC times")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Initiative(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("quarter", "title", name="uq_initiative_quarter_title"),)

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    objective: str = ""
    kpi_name: str = ""
    kpi_unit: str = ""
    kpi_baseline: float | None = None
    kpi_target: float | None = None
    owner: str = Field(index=True, max_length=32)
    accountable: str | None = Field(default=None, max_length=32)
    consulted: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    informed: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # The owners after `owner` (`owner = a;b` in the roadmap): each prompted, either answers.
    co_owners: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]")
    )
    committee: str | None = Field(default=None, index=True, max_length=80)
    due: date | None = None
    quarter: str = Field(index=True, max_length=7)
    status: str | None = Field(default=None, max_length=16)
    kpi_source: str | None = None  # a URL answering JSON or CSV, with #path or #cell
    perspective: str | None = Field(default=None, max_length=40)  # of the scorecard: "costs"…
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class CheckIn(SQLModel, table=True):
    """One answer. The current answer of an (initiative, period) has is_current=True; the
    answers it replaced stay as history with is_current=False."""

    __tablename__ = "checkin"
    __table_args__ = (
        Index(
            "uq_checkin_current",
            "initiative_id",
            "period",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    period: str = Field(max_length=8, index=True)
    status: str | None = Field(default=None, max_length=16)
    progress: int | None = None
    kpi_value: float | None = None
    highlights: str | None = None
    blockers: str | None = None
    decision_request: str | None = None
    raw_text: str | None = None
    source: str = Field(max_length=16)
    author: str = Field(max_length=32)
    submitted_at: datetime = Field(sa_type=UTCDateTime)
    is_current: bool = True
    channel: str | None = Field(default=None, max_length=32)
    message_ts: str | None = Field(default=None, max_length=32, index=True)
    # The fields the bot asks the owner about before it stores them: field → candidates.
    asked: dict[str, list[str]] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default="{}")
    )
    corrected: bool = False  # the owner corrected, in the form, how the bot had read them


class CheckinPrompt(SQLModel, table=True):
    """The DM asking an owner for an initiative's update in a period."""

    __tablename__ = "checkin_prompt"
    # One per initiative, period and person asked: co-owners are each asked.
    __table_args__ = (
        UniqueConstraint("initiative_id", "period", "recipient", name="uq_prompt_period"),
    )

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    period: str = Field(max_length=8, index=True)
    owner: str = Field(max_length=32)
    recipient: str = Field(default="", max_length=32, index=True)  # the owner, or their deputy
    message_key: str = Field(max_length=200, index=True)  # the recipient's prompt of the week
    created_at: datetime = Field(sa_type=UTCDateTime)
    skipped_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reminded_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class PendingAnswer(SQLModel, table=True):
    """A free-text DM from an owner of several initiatives, waiting for them to say which."""

    __tablename__ = "pending_answer"

    id: int | None = Field(default=None, primary_key=True)
    author: str = Field(max_length=32)
    channel: str = Field(max_length=32)
    message_ts: str = Field(max_length=32)
    period: str = Field(max_length=8)
    text: str
    # The initiatives to choose from (the author's this week, or those of the prompt replied to).
    choices: list[int] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]")
    )
    created_at: datetime = Field(sa_type=UTCDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class OutboxMessage(SQLModel, table=True):
    """A Slack Web API call to make, written with the records that caused it.

    `refers_to` names another row's key: its message is the thread (chat.postMessage)
    or the message to edit (chat.update), known only once that row is delivered."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_noise", "person", "week"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200, unique=True)
    method: str = Field(default="chat.postMessage", max_length=40)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    refers_to: str | None = Field(default=None, max_length=200)
    initiative_id: int | None = Field(default=None, index=True)
    state: str = Field(default="pending", max_length=12, index=True)
    lane: int = Field(default=1)  # 0: replies to a person's action, sent first; 1: rituals
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_type=UTCDateTime)
    claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = None
    channel: str | None = Field(default=None, max_length=32)
    ts: str | None = Field(default=None, max_length=32, index=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # An unsolicited DM counts against its person's weekly budget of such DMs.
    person: str | None = Field(default=None, max_length=32)
    week: str | None = Field(default=None, max_length=8)
    # The ritual run that queued it ("checkin:2026-W48"): its failures are reported and
    # sent again when the ritual runs again for that period.
    run: str | None = Field(default=None, max_length=64, index=True)
    limited_since: datetime | None = Field(default=None, sa_type=UTCDateTime)  # 429 after 429


class DeliveryLease(SQLModel, table=True):
    """Which worker sends to Slack (one at a time, whatever the number of replicas, so that
    together they keep to Slack's rate), until when, and the pace it learned per method,
    handed to the next one."""

    __tablename__ = "delivery_lease"

    name: str = Field(primary_key=True, max_length=32)
    holder: str = Field(default="", max_length=64)
    until: datetime = Field(sa_type=UTCDateTime)
    # method -> [calls per second, burst], as last learned
    paces: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(sa_type=UTCDateTime)


class RitualRun(SQLModel, table=True):
    __tablename__ = "ritual_run"
    __table_args__ = (UniqueConstraint("ritual", "period", "committee", name="uq_ritual_run"),)

    id: int | None = Field(default=None, primary_key=True)
    ritual: str = Field(max_length=20)
    period: str = Field(max_length=8)
    committee: str = Field(default="", max_length=80)
    ran_at: datetime = Field(sa_type=UTCDateTime)


class ProcessedEvent(SQLModel, table=True):
    """Slack event ids (and message ids) already handled: Slack redelivers up to 3 times."""

    __tablename__ = "processed_event"

    key: str = Field(primary_key=True, max_length=120)
    received_at: datetime = Field(sa_type=UTCDateTime)


class Arbitration(SQLModel, table=True):
    """A question put to a committee as a poll, open until its deadline or closed by a CMO."""

    id: int | None = Field(default=None, primary_key=True)
    committee: str = Field(max_length=80, index=True)
    question: str
    options: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    context: str | None = None
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", index=True)
    anonymous: bool = False
    origin: str = Field(default="command", max_length=16)
    created_by: str = Field(max_length=32)
    created_at: datetime = Field(sa_type=UTCDateTime)
    deadline: datetime = Field(sa_type=UTCDateTime, index=True)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    closed_by: str | None = Field(default=None, max_length=32)
    message_key: str = Field(default="", max_length=200)
    # While the initiative's Consulted are asked their view: the poll opens then (or sooner,
    # once all have answered); None once it is open.
    consult_until: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    # Polls a committee trusts: the tally shown only once closed; the secret ballot's key
    # (votes are stored under HMAC(key, voter)), destroyed at close; the committee's quorum
    # when it opened; when its non-voters got their one nudge.
    hidden: bool = False
    ballot_secret: str | None = Field(default=None, max_length=64)
    quorum: float | None = None
    nudged_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Consultation(SQLModel, table=True):
    """A Consulted person asked their view before a poll about their initiative opens."""

    __table_args__ = (UniqueConstraint("arbitration_id", "user", name="uq_consultation_user"),)

    id: int | None = Field(default=None, primary_key=True)
    arbitration_id: int = Field(foreign_key="arbitration.id", index=True)
    user: str = Field(max_length=32)
    view: str | None = None  # what they said; None while they have not answered
    asked_at: datetime = Field(sa_type=UTCDateTime)
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Vote(SQLModel, table=True):
    """A member's current choice in a poll: one per member, changed in place. In a secret
    ballot `voter` is the keyed hash of the member (`rituals.ballot`), and `voted_at` the
    poll's opening, so that neither names nor times tie a vote to a person."""

    __table_args__ = (UniqueConstraint("arbitration_id", "voter", name="uq_vote_voter"),)

    id: int | None = Field(default=None, primary_key=True)
    arbitration_id: int = Field(foreign_key="arbitration.id", index=True)
    voter: str = Field(max_length=32)
    option: int
    voted_at: datetime = Field(sa_type=UTCDateTime)


class ArbitrationRequest(SQLModel, table=True):
    """An owner's 'a decision is needed', queued for the committee's next monthly agenda."""

    __tablename__ = "arbitration_request"

    id: int | None = Field(default=None, primary_key=True)
    committee: str = Field(max_length=80, index=True)
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", index=True)
    decision_id: int | None = Field(default=None, foreign_key="decision.id", index=True)
    checkin_id: int | None = Field(default=None, foreign_key="checkin.id")
    requested_by: str = Field(max_length=32)
    text: str
    created_at: datetime = Field(sa_type=UTCDateTime)
    arbitration_id: int | None = Field(default=None, foreign_key="arbitration.id", index=True)


class Decision(SQLModel, table=True):
    """The decision log: what a committee decided, why, who follows up and by when."""

    id: int | None = Field(default=None, primary_key=True)
    arbitration_id: int | None = Field(default=None, foreign_key="arbitration.id", unique=True)
    committee: str = Field(max_length=80, index=True)
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", index=True)
    question: str
    decision: str
    option: int | None = None
    deferred: bool = False
    rationale: str = ""
    decided_by: str = Field(max_length=32)
    follow_up_owner: str | None = Field(default=None, max_length=32)
    due: date | None = None
    tally: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    decided_at: datetime = Field(sa_type=UTCDateTime, index=True)
    carried_out: bool | None = None
    carried_out_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # a commitment: when the committee checks it still holds, what it replaces, what blocks it
    review_on: date | None = None
    supersedes_id: int | None = Field(default=None, foreign_key="decision.id", index=True)
    blocked_reason: str | None = None
    blocked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reviewed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    review_outcome: str | None = Field(default=None, max_length=12)  # keep, revisit
    no_quorum: bool = False  # its poll did not reach the committee's quorum


class Escalation(SQLModel, table=True):
    """A cause that keeps an initiative off course, climbing the RACI ladder until it goes.

    One open escalation per initiative and cause, enforced by the database: two scans at
    the same instant (two replicas) cannot open it twice."""

    __table_args__ = (
        Index(
            "uq_escalation_open",
            "initiative_id",
            "cause",
            unique=True,
            sqlite_where=text("resolved_at IS NULL"),
            postgresql_where=text("resolved_at IS NULL"),
        ),
        Index(
            "uq_escalation_decision_open",
            "decision_id",
            "cause",
            unique=True,
            sqlite_where=text("resolved_at IS NULL"),
            postgresql_where=text("resolved_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    # an initiative's, or (initiative_id None) a decision's past its due date
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", index=True)
    decision_id: int | None = Field(default=None, foreign_key="decision.id", index=True)
    cause: str = Field(max_length=24)  # silent, overdue, off_track, blocked
    level: int = 1  # 1 owner, 2 accountable, 3 escalation channel + CMOs + committee queue
    opened_at: datetime = Field(sa_type=UTCDateTime)
    raised_at: datetime = Field(sa_type=UTCDateTime)
    notified_level: int = 0
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    resolution: str | None = Field(default=None, max_length=40)


class Absence(SQLModel, table=True):
    """An owner away until a date; a deputy, if named, gets their prompts meanwhile."""

    id: int | None = Field(default=None, primary_key=True)
    user: str = Field(max_length=32, index=True)
    since: date  # the day it was declared, in the workspace's zone: it excuses weeks from then
    until: date
    deputy: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(sa_type=UTCDateTime)


class KpiReading(SQLModel, table=True):
    """A KPI value fetched from the initiative's source, beside the owners' answers."""

    __tablename__ = "kpi_reading"

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    period: str = Field(max_length=8, index=True)
    value: float | None = None
    error: str | None = None
    fetched_at: datetime = Field(sa_type=UTCDateTime)


class InboxItem(SQLModel, table=True):
    """Work Slack was told we have (a 200): written before the answer, done at least once.

    `key` is Slack's own identifier (event id, trigger id), so a retry or a replay is the same
    row; the work and the row's `done` state commit together, so it takes effect once."""

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_due", "state", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200, unique=True)
    kind: str = Field(max_length=40)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    state: str = Field(default="pending", max_length=12)  # pending, done, parked
    attempts: int = 0
    last_error: str | None = None
    received_at: datetime = Field(sa_type=UTCDateTime)
    next_attempt_at: datetime = Field(sa_type=UTCDateTime)
    claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    done_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class MessageVersion(SQLModel, table=True):
    """The latest version of an owner's DM the bot has read: edits can arrive out of order,
    or before the message itself; only a newer version is applied."""

    __tablename__ = "message_version"

    channel: str = Field(primary_key=True, max_length=32)
    ts: str = Field(primary_key=True, max_length=32)
    version: str = Field(max_length=32)  # the ts of the message, or of its latest edit
    author: str = Field(max_length=32)
    text: str


class Person(SQLModel, table=True):
    """What Slack says of a person (users.info), kept so that names, zones and languages
    are known without asking again; and the language they chose, which wins."""

    user: str = Field(primary_key=True, max_length=32)
    name: str = Field(default="", max_length=200)
    zone: str | None = Field(default=None, max_length=64)
    locale: str | None = Field(default=None, max_length=16)
    language: str | None = Field(default=None, max_length=8)  # chosen with /checkin language
    following: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    fetched_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class FoldedNotice(SQLModel, table=True):
    """What a person would have been sent on its own, past their weekly budget of unsolicited
    DMs: it rides on the next message they get anyway (their reminder, their next prompt)."""

    __tablename__ = "folded_notice"

    id: int | None = Field(default=None, primary_key=True)
    person: str = Field(max_length=32, index=True)
    kind: str = Field(max_length=24)  # escalation, …
    key: str = Field(max_length=200, unique=True)  # what it is about: folded once
    text: str  # mrkdwn, in the person's language
    created_at: datetime = Field(sa_type=UTCDateTime)
    folded_into: str | None = Field(default=None, max_length=200)  # the outbox key it rode on


class Dependency(SQLModel, table=True):
    """An initiative needing another of its quarter (`depends_on` in the roadmap), maybe by a
    date: the provider's owner is asked once to accept or refuse it; a provider in trouble is
    told to the dependent's owner and both accountables once per change (`last_alert`)."""

    __table_args__ = (UniqueConstraint("dependent_id", "provider_id", name="uq_dependency"),)

    id: int | None = Field(default=None, primary_key=True)
    dependent_id: int = Field(foreign_key="initiative.id", index=True)
    provider_id: int = Field(foreign_key="initiative.id", index=True)
    needed_by: date | None = None
    state: str = Field(default="proposed", max_length=12)  # proposed, accepted, refused
    created_at: datetime = Field(sa_type=UTCDateTime)
    asked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # the question queued
    decided_by: str | None = Field(default=None, max_length=32)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reason: str | None = None  # why it was refused, as its owner wrote it
    last_alert: str | None = Field(default=None, max_length=16)  # the trouble last told
    alerted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class IndicatorReading(SQLModel, table=True):
    """A value of a health indicator (`[indicators.NAME]` of the TOML) as of `at`: read from
    its source before a digest, or set by a CMO (`ritualbot indicator set`). The history
    gives the trend; the latest reading at or before a moment is its value then."""

    __tablename__ = "indicator_reading"
    __table_args__ = (Index("ix_indicator_reading_name_at", "name", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80)
    at: datetime = Field(sa_type=UTCDateTime)  # when the value holds
    value: float | None = None
    error: str | None = None  # why the source could not be read ("HTTP 404", "timeout")
    origin: str = Field(default="source", max_length=16)  # source, cli
    period: str | None = Field(default=None, max_length=8)  # the digest's week, for a source
    recorded_at: datetime = Field(sa_type=UTCDateTime)
