"""What the weekly "following" message reads: the initiatives with Informed people, what
changed on them, who stopped following, and when the last one was sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from rituals.models import CheckIn, Decision, Escalation, Initiative, Person, RitualRun

CHUNK = 1000


def informed_of(*, session: Session, quarter: str) -> list[Initiative]:
    """The quarter's initiatives that name Informed people."""
    rows = session.exec(select(Initiative).where(Initiative.quarter == quarter))
    return [i for i in rows if i.informed]


def stopped(*, session: Session, people: Sequence[str]) -> set[str]:
    """Those of `people` who clicked Stop following."""
    found: set[str] = set()
    wanted = list(people)
    for start in range(0, len(wanted), CHUNK):
        rows = session.exec(
            select(Person.user).where(
                col(Person.user).in_(wanted[start : start + CHUNK]),
                col(Person.following).is_(False),
            )
        )
        found.update(rows)
    return found


def last_run(*, session: Session, ritual: str, before: datetime) -> datetime | None:
    """When the ritual last ran before `before`."""
    return session.exec(
        select(RitualRun.ran_at)
        .where(RitualRun.ritual == ritual, col(RitualRun.ran_at) < before)
        .order_by(col(RitualRun.ran_at).desc())
    ).first()


def statuses(
    *, session: Session, initiative_ids: Sequence[int], until: datetime
) -> list[tuple[int, str, datetime]]:
    """(initiative, status, submitted_at) of every answer with a status before `until`."""
    if not initiative_ids:
        return []
    rows = session.exec(
        select(CheckIn.initiative_id, CheckIn.status, CheckIn.submitted_at).where(
            col(CheckIn.initiative_id).in_(list(initiative_ids)),
            col(CheckIn.status).is_not(None),
            col(CheckIn.submitted_at) < until,
        )
    )
    return [(i, s, at) for i, s, at in rows if s]


def decisions(
    *, session: Session, initiative_ids: Sequence[int], since: datetime, until: datetime
) -> list[tuple[int, str, datetime]]:
    if not initiative_ids:
        return []
    rows = session.exec(
        select(Decision.initiative_id, Decision.decision, Decision.decided_at).where(
            col(Decision.initiative_id).in_(list(initiative_ids)),
            col(Decision.decided_at) >= since,
            col(Decision.decided_at) < until,
        )
    )
    return [(i, text, at) for i, text, at in rows if i is not None]


def escalations(
    *, session: Session, initiative_ids: Sequence[int], since: datetime, until: datetime
) -> list[tuple[int, str, datetime, datetime | None]]:
    """(initiative, cause, opened, resolved) of escalations opened or resolved in the window."""
    if not initiative_ids:
        return []
    opened = (col(Escalation.opened_at) >= since) & (col(Escalation.opened_at) < until)
    resolved = (col(Escalation.resolved_at) >= since) & (col(Escalation.resolved_at) < until)
    rows = session.exec(
        select(
            Escalation.initiative_id, Escalation.cause, Escalation.opened_at, Escalation.resolved_at
        ).where(col(Escalation.initiative_id).in_(list(initiative_ids)), opened | resolved)
    )
    # initiative_id is None only for a decision's escalation, which the IN above leaves out
    return [(i, cause, at, done) for i, cause, at, done in rows if i is not None]
