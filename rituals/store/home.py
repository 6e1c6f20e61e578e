"""What a person's Home tab shows: a fixed number of queries, whatever the roadmap's size.
Each list comes with how many there are in all (a count only when the list is cut)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import String, cast, func, or_
from sqlmodel import Session, col, select

from rituals.models import (
    Arbitration,
    ArbitrationRequest,
    CheckIn,
    CheckinPrompt,
    Decision,
    Escalation,
    Initiative,
    Vote,
)
from rituals.store import polls
from rituals.store.initiatives import not_done

T = TypeVar("T")
Page = tuple[list[Any], int]


def page(session: Session, statement: Any, limit: int) -> Page:
    """The first `limit` rows of `statement`, and how many it has in all."""
    rows = list(session.exec(statement.limit(limit)))
    if len(rows) < limit:
        return rows, len(rows)
    counted = select(func.count()).select_from(statement.order_by(None).subquery())
    return rows, int(session.exec(counted).one())


def owned(*, session: Session, user: str, quarter: str, limit: int) -> Page:
    return page(
        session,
        select(Initiative)
        .where(
            or_(  # owned, or co-owned (a quoted id in the JSON list matches that id only)
                col(Initiative.owner) == user,
                cast(col(Initiative.co_owners), String).contains(f'"{user}"'),
            ),
            Initiative.quarter == quarter,
        )
        .order_by(col(Initiative.title), col(Initiative.id)),
        limit,
    )


def owed_prompts(*, session: Session, user: str, week: str, limit: int) -> Page:
    """Titles of this week's check-ins `user` was asked and has not answered nor skipped."""
    answered = (
        select(CheckIn.id)
        .where(
            CheckIn.initiative_id == CheckinPrompt.initiative_id,
            CheckIn.period == CheckinPrompt.period,
            col(CheckIn.is_current),
        )
        .exists()
    )
    return page(
        session,
        select(Initiative.title)
        .join(CheckinPrompt, col(CheckinPrompt.initiative_id) == col(Initiative.id))
        .where(
            CheckinPrompt.owner == user,
            CheckinPrompt.period == week,
            col(CheckinPrompt.skipped_at).is_(None),
            ~answered,
        )
        .order_by(col(Initiative.title)),
        limit,
    )


def polls_to_vote(*, session: Session, user: str, committees: Sequence[str], limit: int) -> Page:
    voted = select(Vote.id).where(Vote.arbitration_id == Arbitration.id, Vote.voter == user)
    secretly = polls.voted_in_secret(session=session, committees=committees, voter=user)
    return page(
        session,
        select(Arbitration)
        .where(
            col(Arbitration.committee).in_(list(committees)),
            col(Arbitration.closed_at).is_(None),
            ~voted.exists(),
            col(Arbitration.id).not_in(secretly),
        )
        .order_by(col(Arbitration.deadline), col(Arbitration.id)),
        limit,
    )


def accountable_escalations(*, session: Session, user: str, limit: int) -> Page:
    return page(
        session,
        select(Escalation, Initiative)
        .join(Initiative, col(Initiative.id) == col(Escalation.initiative_id))
        .where(col(Escalation.resolved_at).is_(None), Initiative.accountable == user)
        .order_by(col(Escalation.level).desc(), col(Escalation.opened_at)),
        limit,
    )


def counts_by_committee(
    *, session: Session, quarter: str
) -> dict[str | None, dict[str | None, int]]:
    counts: dict[str | None, dict[str | None, int]] = {}
    for committee, status, count in session.exec(
        select(Initiative.committee, Initiative.status, func.count())
        .where(Initiative.quarter == quarter)
        .group_by(col(Initiative.committee), col(Initiative.status))
    ):
        counts.setdefault(committee, {})[status] = count
    return counts


def overdue(*, session: Session, today: date, limit: int) -> Page:
    return page(
        session,
        select(Initiative)
        .where(col(Initiative.due) < today, not_done())
        .order_by(col(Initiative.due), col(Initiative.title)),
        limit,
    )


def queue(*, session: Session, limit: int) -> Page:
    return page(
        session,
        select(ArbitrationRequest, Initiative)
        .join(Initiative, col(Initiative.id) == col(ArbitrationRequest.initiative_id))
        .where(col(ArbitrationRequest.arbitration_id).is_(None))
        .order_by(col(ArbitrationRequest.created_at), col(ArbitrationRequest.id)),
        limit,
    )


def recent_decisions(*, session: Session, limit: int) -> list[Decision]:
    return list(
        session.exec(select(Decision).order_by(col(Decision.decided_at).desc()).limit(limit))
    )


def reading(*, session: Session, since: datetime, until: datetime) -> tuple[int, int]:
    """(answers written as a message, corrections of how the bot read them) submitted in
    [since, until): how often the reader gets an owner wrong."""
    found = session.exec(
        select(CheckIn.source, CheckIn.corrected, func.count())
        .where(col(CheckIn.submitted_at) >= since, col(CheckIn.submitted_at) < until)
        .where(col(CheckIn.source).in_(["message", "modal"]))
        .group_by(col(CheckIn.source), col(CheckIn.corrected))
    )
    written = corrected = 0
    for source, was_corrected, count in found:
        written += count if source == "message" else 0
        corrected += count if was_corrected else 0
    return written, corrected
