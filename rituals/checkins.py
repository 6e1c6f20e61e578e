"""Who owes a check-in and who answers in their stead, what an answer means, and how answers
are stored with their history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from rituals.models import Absence, CheckIn, Initiative
from rituals.parse import ParsedUpdate
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


def answer_from_text(parsed: ParsedUpdate, last: CheckIn | None) -> Answer:
    """A free-text update; an unstated status stays what it was."""
    status = parsed.status or (Status(last.status) if last and last.status else None)
    return Answer(
        status=status,
        progress=parsed.progress,
        kpi_value=parsed.kpi_value,
        blockers=parsed.blockers,
        decision_request=parsed.decision_request,
        highlights=parsed.highlights,
    )


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
    """Who is asked about an initiative this week: its owner, their deputy, or nobody (the
    owner is away with nobody standing in: the week is excused)."""

    initiative: Initiative
    recipient: str | None

    @property
    def excused(self) -> bool:
        return self.recipient is None


def plan_prompts(
    initiatives: Iterable[Initiative],
    *,
    quarter: str,
    asked: set[int],
    away: Mapping[str, Absence],
) -> list[PromptPlan]:
    """The quarter's initiatives not done and not yet asked this week, each with who is asked."""
    plans = []
    for initiative in initiatives:
        if initiative.quarter != quarter or initiative.status == Status.DONE:
            continue
        if initiative.id in asked:
            continue
        absence = away.get(initiative.owner)
        recipient = initiative.owner if absence is None else absence.deputy
        plans.append(PromptPlan(initiative, recipient))
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
) -> CheckIn:
    """Store an answer as the period's current one; the one it replaces stays as history."""
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
