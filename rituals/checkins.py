"""Who owes a check-in and who answers in their stead, what an answer means, and how answers
are stored with their history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

from rituals.models import Absence, CheckIn, Initiative
from rituals.owners import owners_of
from rituals.reading import Field, Part
from rituals.status import Status
from rituals.store import checkins


@dataclass(frozen=True)
class Answer:
    """The fields of one check-in, whatever way it came in."""

    status: Status | None = None
    progress: int | None = None
    kpi_value: float | None = None
    blockers: str | None = None
    decision_request: str | None = None
    highlights: str | None = None


@dataclass(frozen=True)
class Reading:
    """What one part of a message lets the bot store, and what it must ask first."""

    answer: Answer
    kept_status: bool  # no status said: the last one kept
    asked: dict[str, list[str]]  # field → the candidates to offer as buttons


def answer_of(part: Part, last: CheckIn | None) -> Reading:
    """The sure fields of a part as an answer; an uncertain field is stored as nothing and
    asked about; an unstated status keeps the last one (it was not said to change)."""
    kept = part.status.sure and part.status.value is None and bool(last and last.status)
    status = part.status.value if part.status.sure else None
    if kept and last is not None and last.status:
        status = Status(last.status)
    asked = {
        name: [str(c) for c in field.candidates]
        for name, field in (("status", part.status), ("progress", part.progress), ("kpi", part.kpi))
        if _asked(field)
    }
    if "progress_or_kpi" in part.questions:
        asked.pop("progress", None)
        asked.pop("kpi", None)
        asked["progress_or_kpi"] = [part.progress.said or part.kpi.said or ""]
    answer = Answer(
        status=status,
        progress=part.progress.value if part.progress.sure else None,
        kpi_value=part.kpi.value if part.kpi.sure else None,
        blockers=part.blockers,
        decision_request=part.decision,
        highlights=_comment(part),
    )
    return Reading(answer, kept, asked)


def _comment(part: Part) -> str | None:
    """What is left of the owner's words as a comment, unless it is just the whole text."""
    if part.highlights is None:
        return None
    same = " ".join(part.highlights.split()).casefold() == " ".join(part.text.split()).casefold()
    return None if same else part.highlights


def _asked(field: Field[Any]) -> bool:
    return not field.sure


def repeat_last(last: CheckIn) -> Answer:
    """'No change': the last answer again, without its one-off decision request."""
    return Answer(
        status=Status(last.status) if last.status else None,
        progress=last.progress,
        kpi_value=last.kpi_value,
        blockers=last.blockers,
    )


@dataclass(frozen=True)
class PromptPlan:
    """Who is asked about an initiative this week: an owner (each co-owner is asked), their
    deputy, or nobody (every owner is away with nobody standing in: the week is excused).
    `owner`: the owner the recipient answers for."""

    initiative: Initiative
    recipient: str | None
    owner: str = ""

    @property
    def excused(self) -> bool:
        return self.recipient is None

    @property
    def stands_for(self) -> str:
        return self.owner or self.initiative.owner


def plan_prompts(
    initiatives: Iterable[Initiative],
    *,
    quarter: str,
    asked: set[int] | set[tuple[int, str]],
    away: Mapping[str, Absence],
) -> list[PromptPlan]:
    """The quarter's initiatives not done, each with who is asked and not yet asked this
    week: one plan per co-owner (or their deputy), each person once per initiative.
    `asked`: the initiatives asked, or (initiative, recipient) pairs; an excused initiative
    has the recipient ""."""
    plans = []
    for initiative in initiatives:
        if initiative.quarter != quarter or initiative.status == Status.DONE:
            continue
        if initiative.id in asked or (initiative.id, "") in asked:
            continue
        recipients: dict[str, str] = {}  # recipient -> the owner they answer for
        for owner in owners_of(initiative):
            absence = away.get(owner)
            recipient = owner if absence is None else absence.deputy
            if recipient is not None:
                recipients.setdefault(recipient, owner)
        if not recipients:
            plans.append(PromptPlan(initiative, None, initiative.owner))
        for recipient, owner in recipients.items():
            if (initiative.id, recipient) not in asked:
                plans.append(PromptPlan(initiative, recipient, owner))
    return plans


def record_checkin(
    *,
    session: Session,
    initiative: Initiative,
    period: str,
    answer: Answer,
    source: str,
    author: str,
    now: datetime,
    raw_text: str | None = None,
    channel: str | None = None,
    message_ts: str | None = None,
    asked: dict[str, list[str]] | None = None,
    corrected: bool = False,
) -> CheckIn:
    """Store an answer as the period's current one; the one it replaces stays as history.
    `asked`: the fields the owner is asked about before they are stored; `corrected`: the
    owner corrected how the bot had read them."""
    assert initiative.id is not None
    checkins.retire(session=session, initiative_id=initiative.id, period=period)
    checkin = CheckIn(
        initiative_id=initiative.id,
        period=period,
        status=answer.status.value if answer.status else None,
        progress=answer.progress,
        kpi_value=answer.kpi_value,
        blockers=_clean(answer.blockers),
        decision_request=_clean(answer.decision_request),
        highlights=_clean(answer.highlights),
        raw_text=_clean(raw_text),
        source=source,
        author=author,
        submitted_at=now,
        channel=channel,
        message_ts=message_ts,
        asked=asked or {},
        corrected=corrected,
    )
    session.add(checkin)
    if answer.status is not None and initiative.status != answer.status.value:
        initiative.status = answer.status.value
        initiative.updated_at = now
        session.add(initiative)
    session.flush()
    return checkin


def _clean(text: str | None) -> str | None:
    """Text as PostgreSQL takes it: no NUL byte (and no lone surrogate), never a lost answer."""
    if text is None:
        return None
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
