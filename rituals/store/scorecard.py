"""What the scorecard reads: the health indicators' readings, and the KPIs of the quarter's
initiatives that name a perspective (their owners' answers and their sources' readings)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row
from sqlalchemy import select as columns
from sqlmodel import Session, col, delete, select

from rituals.models import CheckIn, IndicatorReading, Initiative, KpiReading

Rows = Sequence[Row[*tuple[Any, ...]]]


def readings(
    *, session: Session, names: Collection[str], until: datetime
) -> dict[str, list[IndicatorReading]]:
    """Each indicator's readings at or before `until`, oldest first."""
    found: dict[str, list[IndicatorReading]] = {name: [] for name in names}
    if not names:
        return found
    query = (
        select(IndicatorReading)
        .where(col(IndicatorReading.name).in_(list(names)), col(IndicatorReading.at) <= until)
        .order_by(col(IndicatorReading.at), col(IndicatorReading.id))
    )
    for reading in session.exec(query):
        found[reading.name].append(reading)
    return found


def replace_period(
    *, session: Session, names: Collection[str], period: str, added: Sequence[IndicatorReading]
) -> None:
    """The sources' readings of `period` for `names`, instead of those stored before."""
    if names:
        session.exec(
            delete(IndicatorReading)
            .where(col(IndicatorReading.name).in_(list(names)))
            .where(col(IndicatorReading.period) == period)
            .where(col(IndicatorReading.origin) == "source")
        )
    session.add_all(added)


def _of(quarter: str, committee: str | None) -> ColumnElement[bool]:
    chosen = (col(Initiative.quarter) == quarter) & col(Initiative.perspective).is_not(None)
    return chosen if committee is None else chosen & (col(Initiative.committee) == committee)


def initiatives(*, session: Session, quarter: str, committee: str | None = None) -> Rows:
    """(id, title, perspective, kpi_name, kpi_unit, kpi_baseline, kpi_target) of the quarter's
    initiatives that name a perspective, by id."""
    query = columns(
        col(Initiative.id),
        col(Initiative.title),
        col(Initiative.perspective),
        col(Initiative.kpi_name),
        col(Initiative.kpi_unit),
        col(Initiative.kpi_baseline),
        col(Initiative.kpi_target),
    )
    return session.execute(query.where(_of(quarter, committee)).order_by(col(Initiative.id))).all()


def kpi_values(
    *, session: Session, quarter: str, periods: Sequence[str], committee: str | None = None
) -> list[tuple[int, str, float, bool]]:
    """(initiative_id, period, value, read) of those initiatives' KPI values in `periods`:
    the owners' current answers (read False) and their sources' readings (read True)."""
    answered = (
        columns(
            col(CheckIn.initiative_id),
            col(CheckIn.period),
            col(CheckIn.kpi_value),
        )
        .join(Initiative, col(Initiative.id) == col(CheckIn.initiative_id))
        .where(_of(quarter, committee), col(CheckIn.is_current))
        .where(col(CheckIn.kpi_value).is_not(None), col(CheckIn.period).in_(list(periods)))
    )
    read = (
        columns(
            col(KpiReading.initiative_id),
            col(KpiReading.period),
            col(KpiReading.value),
        )
        .join(Initiative, col(Initiative.id) == col(KpiReading.initiative_id))
        .where(_of(quarter, committee), col(KpiReading.value).is_not(None))
        .where(col(KpiReading.period).in_(list(periods)))
    )
    rows = [(i, period, value, False) for i, period, value in session.execute(answered).all()]
    rows += [(i, period, value, True) for i, period, value in session.execute(read).all()]
    return sorted(rows, key=lambda row: (row[0], row[1], row[3]))
