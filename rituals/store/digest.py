"""What a committee's weekly digest reads: a constant number of queries, whatever its size."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from rituals.models import Arbitration, Decision, Escalation, Initiative, KpiReading


def open_escalations(
    *, session: Session, initiative_ids: Sequence[int]
) -> list[tuple[Escalation, Initiative]]:
    if not initiative_ids:
        return []
    return list(
        session.exec(
            select(Escalation, Initiative)
            .join(Initiative, col(Initiative.id) == col(Escalation.initiative_id))
            .where(
                col(Escalation.initiative_id).in_(list(initiative_ids)),
                col(Escalation.resolved_at).is_(None),
            )
        )
    )


def decisions_between(
    *, session: Session, committee: str, start: datetime, end: datetime
) -> list[Decision]:
    return list(
        session.exec(
            select(Decision).where(
                Decision.committee == committee,
                col(Decision.decided_at) >= start,
                col(Decision.decided_at) < end,
            )
        )
    )


def open_polls(*, session: Session, committee: str) -> list[Arbitration]:
    return list(
        session.exec(
            select(Arbitration).where(
                Arbitration.committee == committee, col(Arbitration.closed_at).is_(None)
            )
        )
    )


def readings(
    *, session: Session, initiative_ids: Sequence[int], periods: Sequence[str]
) -> list[KpiReading]:
    if not initiative_ids:
        return []
    return list(
        session.exec(
            select(KpiReading)
            .where(
                col(KpiReading.initiative_id).in_(list(initiative_ids)),
                col(KpiReading.period).in_(list(periods)),
            )
            .order_by(col(KpiReading.period))
        )
    )
