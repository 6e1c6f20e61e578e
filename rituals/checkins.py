"""Who owes a check-in, what an answer means, and how answers are stored with history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from rituals.models import CheckIn, CheckinPrompt, Initiative
from rituals.parse import ParsedUpdate
from rituals.status import Status


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


def prompt_due(initiatives: Sequence[Initiative], quarter: str) -> list[Initiative]:
    """The initiatives whose owners are asked this period: this quarter's, not done."""
    return [
        initiative
        for initiative in initiatives
        if initiative.quarter == quarter and initiative.status != Status.DONE
    ]


def last_checkin(*, session: Session, initiative_id: int) -> CheckIn | None:
    return session.exec(
        select(CheckIn)
        .where(CheckIn.initiative_id == initiative_id, col(CheckIn.is_current))
        .order_by(col(CheckIn.period).desc())
        .limit(1)
    ).first()


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
    for previous in session.exec(
        select(CheckIn).where(
            CheckIn.initiative_id == initiative.id,
            CheckIn.period == period,
            col(CheckIn.is_current),
        )
    ):
        previous.is_current = False
        session.add(previous)
    session.flush()
    checkin = CheckIn(
        initiative_id=initiative.id,
        period=period,
        status=answer.status.value if answer.status else None,
        progress=answer.progress,
        kpi_value=answer.kpi_value,
        blockers=answer.blockers,
        decision_request=answer.decision_request,
        highlights=answer.highlights,
        raw_text=raw_text,
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


def answered_initiatives(*, session: Session, period: str) -> set[int]:
    rows = session.exec(
        select(CheckIn.initiative_id).where(CheckIn.period == period, col(CheckIn.is_current))
    )
    return set(rows)


def unanswered_prompts(*, session: Session, period: str) -> list[CheckinPrompt]:
    """Prompts of the period with no answer, not skipped and not yet reminded."""
    answered = answered_initiatives(session=session, period=period)
    prompts = session.exec(
        select(CheckinPrompt).where(
            CheckinPrompt.period == period,
            col(CheckinPrompt.skipped_at).is_(None),
            col(CheckinPrompt.reminded_at).is_(None),
        )
    )
    return [prompt for prompt in prompts if prompt.initiative_id not in answered]
