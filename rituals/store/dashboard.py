"""What the dashboard's pages read: a quarter's initiatives, their answers, open escalations
and polls; and the sign-in's `state` spent once (a row of processed_event)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from rituals.models import (
    Arbitration,
    CheckIn,
    Decision,
    Dependency,
    Escalation,
    Initiative,
    ProcessedEvent,
)

STATE_PREFIX = "oidc-state:"


def quarter_initiatives(*, session: Session, quarter: str) -> list[Initiative]:
    query = select(Initiative).where(Initiative.quarter == quarter)
    return list(session.exec(query.order_by(col(Initiative.committee), col(Initiative.title))))


def answers(
    *, session: Session, initiative_ids: Sequence[int], history: bool = False
) -> list[CheckIn]:
    """The current answers of these initiatives (with `history`, the replaced ones too),
    oldest first."""
    if not initiative_ids:
        return []
    query = select(CheckIn).where(col(CheckIn.initiative_id).in_(list(initiative_ids)))
    if not history:
        query = query.where(col(CheckIn.is_current))
    return list(session.exec(query.order_by(col(CheckIn.period), col(CheckIn.submitted_at))))


def open_escalations(*, session: Session, initiative_ids: Sequence[int]) -> list[Escalation]:
    if not initiative_ids:
        return []
    query = select(Escalation).where(
        col(Escalation.initiative_id).in_(list(initiative_ids)),
        col(Escalation.resolved_at).is_(None),
    )
    return list(
        session.exec(query.order_by(col(Escalation.level).desc(), col(Escalation.opened_at)))
    )


def open_polls(*, session: Session, committees: Sequence[str]) -> list[Arbitration]:
    if not committees:
        return []
    query = select(Arbitration).where(
        col(Arbitration.committee).in_(list(committees)), col(Arbitration.closed_at).is_(None)
    )
    return list(session.exec(query.order_by(col(Arbitration.deadline))))


def decisions_of(*, session: Session, initiative_id: int) -> list[Decision]:
    query = select(Decision).where(Decision.initiative_id == initiative_id)
    return list(session.exec(query.order_by(col(Decision.decided_at).desc())))


def dependencies_of(
    *, session: Session, initiative_id: int
) -> tuple[list[tuple[Dependency, Initiative]], list[tuple[Dependency, Initiative]]]:
    """What the initiative depends on (providers), and what depends on it (dependents)."""
    providers = select(Dependency, Initiative).where(
        Dependency.dependent_id == initiative_id, Dependency.provider_id == Initiative.id
    )
    dependents = select(Dependency, Initiative).where(
        Dependency.provider_id == initiative_id, Dependency.dependent_id == Initiative.id
    )
    return (
        [(d, i) for d, i in session.exec(providers)],
        [(d, i) for d, i in session.exec(dependents)],
    )


def dependencies_around(
    *, session: Session, initiative_ids: Sequence[int]
) -> list[tuple[Dependency, Initiative, Initiative]]:
    """Dependencies with either end among these initiatives: (link, dependent, provider)."""
    if not initiative_ids:
        return []
    ids = list(initiative_ids)
    query = select(Dependency).where(
        col(Dependency.dependent_id).in_(ids) | col(Dependency.provider_id).in_(ids)
    )
    links = list(session.exec(query))
    ends = {n for d in links for n in (d.dependent_id, d.provider_id)}
    found = {i.id: i for i in session.exec(select(Initiative).where(col(Initiative.id).in_(ends)))}
    return [
        (d, found[d.dependent_id], found[d.provider_id])
        for d in links
        if d.dependent_id in found and d.provider_id in found
    ]


def spend_state(*, session: Session, state: str, now: datetime) -> bool:
    """True the first time `state` is spent; False for a replay (on any replica)."""
    key = (STATE_PREFIX + state)[:120]
    if session.get(ProcessedEvent, key) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(ProcessedEvent(key=key, received_at=now))
    except IntegrityError:
        return False
    return True
