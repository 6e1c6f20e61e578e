"""The decision log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from rituals.decisions import CAUSE
from rituals.models import ArbitrationRequest, CheckinPrompt, Decision, Escalation, Initiative
from rituals.visibility import Sight

FOLLOW_UPS = 2  # decisions asked about in one prompt, newest first


def open_for(*, session: Session, initiative_ids: Sequence[int]) -> dict[int, list[Decision]]:
    """Decisions about these initiatives not yet reported carried out, newest first."""
    if not initiative_ids:
        return {}
    found: dict[int, list[Decision]] = {}
    rows = session.exec(
        select(Decision)
        .where(
            col(Decision.initiative_id).in_(list(initiative_ids)), col(Decision.deferred).is_(False)
        )
        .where(col(Decision.carried_out).is_(None) | col(Decision.carried_out).is_(False))
        .where(col(Decision.id).not_in(_superseding()))
        .order_by(col(Decision.decided_at).desc())
    )
    for decision in rows:
        assert decision.initiative_id is not None
        found.setdefault(decision.initiative_id, []).append(decision)
    return {key: value[:FOLLOW_UPS] for key, value in found.items()}


def of_poll(*, session: Session, poll_id: int) -> Decision | None:
    return session.exec(select(Decision).where(Decision.arbitration_id == poll_id)).first()


def recent(
    *, session: Session, limit: int, committees: Sequence[str] | None = None
) -> list[Decision]:
    query = select(Decision)
    if committees is not None:
        query = query.where(col(Decision.committee).in_(list(committees)))
    return list(session.exec(query.order_by(col(Decision.decided_at).desc()).limit(limit)))


def visible(*, session: Session, sight: Sight, limit: int) -> tuple[list[Decision], int]:
    """The most recent decisions `sight` takes in, newest first, and how many it takes in all."""
    query = select(Decision)
    if not sight.everything:
        theirs = select(Initiative.id).where(
            or_(col(Initiative.owner) == sight.user, col(Initiative.accountable) == sight.user)
        )
        query = query.where(
            or_(
                col(Decision.committee).in_(list(sight.committees)),
                col(Decision.initiative_id).in_(theirs),
            )
        )
    ordered = query.order_by(col(Decision.decided_at).desc(), col(Decision.id).desc())
    rows = list(session.exec(ordered.limit(limit)))
    if len(rows) < limit:
        return rows, len(rows)
    counted = select(func.count()).select_from(query.subquery())
    return rows, int(session.exec(counted).one())


def between(
    *, session: Session, start: datetime, end: datetime, committee: str | None = None
) -> list[Decision]:
    query = select(Decision).where(
        col(Decision.decided_at) >= start, col(Decision.decided_at) < end
    )
    if committee is not None:
        query = query.where(Decision.committee == committee)
    return list(session.exec(query.order_by(col(Decision.decided_at))))


def _superseding() -> Any:
    """The ids of the decisions another one supersedes."""
    return select(Decision.supersedes_id).where(col(Decision.supersedes_id).is_not(None))


def superseded_by(*, session: Session, ids: Sequence[int]) -> dict[int, int]:
    """Of these decisions, those superseded: their id → the id of the one superseding them."""
    if not ids:
        return {}
    rows = session.exec(
        select(Decision.supersedes_id, Decision.id).where(
            col(Decision.supersedes_id).in_(list(ids))
        )
    )
    return {old: new for old, new in rows if old is not None and new is not None}


def commitments(*, session: Session) -> list[Decision]:
    """Decisions the daily scan looks at: followed up and not done, or awaiting review."""
    followed = (
        col(Decision.follow_up_owner).is_not(None)
        & col(Decision.deferred).is_(False)
        & (col(Decision.carried_out).is_(None) | col(Decision.carried_out).is_(False))
    )
    reviewing = col(Decision.review_on).is_not(None) & col(Decision.reviewed_at).is_(None)
    query = select(Decision).where(followed | reviewing).order_by(col(Decision.id))
    return list(session.exec(query))


def followed_by(*, session: Session, person: str, until: date) -> list[Decision]:
    """The decisions `person` follows up that are due by `until`, not done, not superseded."""
    query = (
        select(Decision)
        .where(
            Decision.follow_up_owner == person,
            col(Decision.deferred).is_(False),
            col(Decision.due).is_not(None),
            col(Decision.due) <= until,
            col(Decision.carried_out).is_(None) | col(Decision.carried_out).is_(False),
            col(Decision.id).not_in(_superseding()),
        )
        .order_by(col(Decision.due), col(Decision.id))
    )
    return list(session.exec(query))


def of_committee(*, session: Session, committee: str, limit: int) -> list[Decision]:
    """The committee's latest decisions, newest first (what a new one may supersede)."""
    query = (
        select(Decision)
        .where(Decision.committee == committee, col(Decision.deferred).is_(False))
        .order_by(col(Decision.decided_at).desc(), col(Decision.id).desc())
        .limit(limit)
    )
    return list(session.exec(query))


def escalations_open(*, session: Session) -> list[Escalation]:
    """The open escalations of decisions past their due date."""
    query = select(Escalation).where(
        col(Escalation.decision_id).is_not(None), col(Escalation.resolved_at).is_(None)
    )
    return list(session.exec(query.order_by(col(Escalation.id))))


def resolve(*, session: Session, decision_id: int, now: datetime, resolution: str) -> None:
    """Close the decision's open escalation, if any (done, a new date, superseded), and take
    it off the committee's queue while it is not on an agenda yet."""
    for waiting in session.exec(
        select(ArbitrationRequest).where(
            ArbitrationRequest.decision_id == decision_id,
            col(ArbitrationRequest.arbitration_id).is_(None),
        )
    ):
        session.delete(waiting)
    for escalation in session.exec(
        select(Escalation).where(
            Escalation.decision_id == decision_id,
            Escalation.cause == CAUSE,
            col(Escalation.resolved_at).is_(None),
        )
    ):
        escalation.resolved_at, escalation.resolution = now, resolution
        session.add(escalation)


def queue_request(
    *, session: Session, decision: Decision, text: str, user: str, now: datetime
) -> ArbitrationRequest:
    """Put the decision on its committee's arbitration queue, once while it waits there."""
    waiting = session.exec(
        select(ArbitrationRequest).where(
            ArbitrationRequest.decision_id == decision.id,
            col(ArbitrationRequest.arbitration_id).is_(None),
        )
    ).first()
    request = waiting or ArbitrationRequest(
        committee=decision.committee,
        initiative_id=None,  # a decision's own request: never merged with its initiative's
        decision_id=decision.id,
        requested_by=user,
        text=text,
        created_at=now,
    )
    request.text = text
    session.add(request)
    return request


def prompted(*, session: Session, period: str, people: Sequence[str]) -> set[str]:
    """Of `people`, those who have a check-in prompt in `period`."""
    if not people:
        return set()
    rows = session.exec(
        select(CheckinPrompt.recipient).where(
            CheckinPrompt.period == period, col(CheckinPrompt.recipient).in_(list(people))
        )
    )
    return set(rows)


def prompt_sent_at(*, session: Session, period: str, person: str) -> datetime | None:
    """When `person`'s prompt of `period` was queued (its first row), if they have one."""
    rows = session.exec(
        select(CheckinPrompt.created_at)
        .where(CheckinPrompt.period == period, CheckinPrompt.recipient == person)
        .order_by(col(CheckinPrompt.created_at))
        .limit(1)
    )
    return rows.first()
