"""What a committee's weekly digest reads: a constant number of column reads, joined to the
committee's initiatives of the quarter rather than listing their ids, whatever its size."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row
from sqlalchemy import select as columns
from sqlmodel import Session, col, select

from rituals.models import (
    Arbitration,
    CheckIn,
    CheckinPrompt,
    Decision,
    Escalation,
    Initiative,
    KpiReading,
)

Rows = Sequence[Row[*tuple[Any, ...]]]


def _of(quarter: str, committee: str) -> ColumnElement[bool]:
    return (col(Initiative.quarter) == quarter) & (col(Initiative.committee) == committee)


def initiatives(*, session: Session, quarter: str, committee: str) -> Rows:
    """(id, title, owner, status, kpi_target, kpi_unit) of the committee's initiatives, by id."""
    query = columns(
        col(Initiative.id),
        col(Initiative.title),
        col(Initiative.owner),
        col(Initiative.status),
        col(Initiative.kpi_target),
        col(Initiative.kpi_unit),
    )
    return session.execute(query.where(_of(quarter, committee)).order_by(col(Initiative.id))).all()


def answers(*, session: Session, quarter: str, committee: str, periods: Sequence[str]) -> Rows:
    """(initiative_id, period, status, progress, kpi_value, blockers, author) of the current
    answers."""
    query = columns(
        col(CheckIn.initiative_id),
        col(CheckIn.period),
        col(CheckIn.status),
        col(CheckIn.progress),
        col(CheckIn.kpi_value),
        col(CheckIn.blockers),
        col(CheckIn.author),
    ).join(Initiative, col(Initiative.id) == col(CheckIn.initiative_id))
    return session.execute(
        query.where(
            _of(quarter, committee), col(CheckIn.period).in_(list(periods)), col(CheckIn.is_current)
        )
    ).all()


def skipped(*, session: Session, quarter: str, committee: str, period: str) -> Rows:
    """(initiative_id, recipient) of the week's prompts skipped: by the person asked, or for
    nobody (recipient "": the owner away, nobody standing in)."""
    query = columns(col(CheckinPrompt.initiative_id), col(CheckinPrompt.recipient)).join(
        Initiative, col(Initiative.id) == col(CheckinPrompt.initiative_id)
    )
    return session.execute(
        query.where(
            _of(quarter, committee),
            col(CheckinPrompt.period) == period,
            col(CheckinPrompt.skipped_at).is_not(None),
        )
    ).all()


def open_escalations(*, session: Session, quarter: str, committee: str) -> Rows:
    """(title, cause, level) of the committee's open escalations, oldest first."""
    query = columns(col(Initiative.title), col(Escalation.cause), col(Escalation.level)).join(
        Initiative, col(Initiative.id) == col(Escalation.initiative_id)
    )
    return session.execute(
        query.where(_of(quarter, committee), col(Escalation.resolved_at).is_(None)).order_by(
            col(Escalation.id)
        )
    ).all()


def readings(*, session: Session, quarter: str, committee: str, periods: Sequence[str]) -> Rows:
    """(initiative_id, period, value, error) of the KPIs read from sources, oldest first."""
    query = columns(
        col(KpiReading.initiative_id),
        col(KpiReading.period),
        col(KpiReading.value),
        col(KpiReading.error),
    ).join(Initiative, col(Initiative.id) == col(KpiReading.initiative_id))
    return session.execute(
        query.where(_of(quarter, committee), col(KpiReading.period).in_(list(periods))).order_by(
            col(KpiReading.period), col(KpiReading.id)
        )
    ).all()


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
