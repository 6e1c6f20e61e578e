"""Escalations, open and resolved; and what the daily scan reads and writes, in a constant
number of statements whatever the number of initiatives (column reads, executemany writes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy import select as columns
from sqlmodel import Session, col, select

from rituals.models import CheckIn, CheckinPrompt, Escalation, Initiative


def open_for(*, session: Session, initiative_ids: Sequence[int]) -> list[Escalation]:
    if not initiative_ids:
        return []
    return list(
        session.exec(
            select(Escalation).where(
                col(Escalation.initiative_id).in_(list(initiative_ids)),
                col(Escalation.resolved_at).is_(None),
            )
        )
    )


def accountable_for(
    *, session: Session, user: str, limit: int
) -> list[tuple[Escalation, Initiative]]:
    """Open escalations of the initiatives `user` is accountable for, highest level first."""
    rows = session.exec(
        select(Escalation, Initiative)
        .join(Initiative, col(Initiative.id) == col(Escalation.initiative_id))
        .where(col(Escalation.resolved_at).is_(None), Initiative.accountable == user)
        .order_by(col(Escalation.level).desc(), col(Escalation.opened_at))
        .limit(limit)
    )
    return list(rows)


@dataclass(slots=True)
class Scanned:
    """An initiative as the scan judges and shows it."""

    id: int | None
    title: str
    owner: str
    accountable: str | None
    committee: str | None
    status: str | None
    due: date | None


@dataclass(slots=True)
class Standing:
    """An open escalation as the scan reads it."""

    id: int
    initiative_id: int
    cause: str
    level: int
    notified_level: int
    opened_at: datetime
    raised_at: datetime


@dataclass(slots=True)
class Asked:
    initiative_id: int
    period: str
    skipped: bool


@dataclass(slots=True)
class Answered:
    """A current answer, as the scan judges it and the escalation messages recall it."""

    initiative_id: int
    period: str
    status: str | None
    progress: int | None
    blockers: str | None


def scanned(*, session: Session, quarter: str) -> list[Scanned]:
    """The quarter's initiatives, by id."""
    rows = session.execute(
        columns(
            col(Initiative.id),
            col(Initiative.title),
            col(Initiative.owner),
            col(Initiative.accountable),
            col(Initiative.committee),
            col(Initiative.status),
            col(Initiative.due),
        )
        .where(col(Initiative.quarter) == quarter)
        .order_by(col(Initiative.id))
    )
    return [Scanned(*row) for row in rows]


def standing(*, session: Session) -> list[Standing]:
    """The open escalations."""
    rows = session.execute(
        columns(
            col(Escalation.id),
            col(Escalation.initiative_id),
            col(Escalation.cause),
            col(Escalation.level),
            col(Escalation.notified_level),
            col(Escalation.opened_at),
            col(Escalation.raised_at),
        ).where(
            col(Escalation.resolved_at).is_(None),
            col(Escalation.initiative_id).is_not(None),  # a decision's: rituals.decisions
        )
    )
    return [Standing(*row) for row in rows if row[0] is not None]


def asked_in(*, session: Session, quarter: str, periods: Sequence[str]) -> list[Asked]:
    """The prompts of the quarter's initiatives in `periods`."""
    rows = session.execute(
        columns(
            col(CheckinPrompt.initiative_id),
            col(CheckinPrompt.period),
            col(CheckinPrompt.skipped_at).is_not(None),
        )
        .join(Initiative, col(Initiative.id) == col(CheckinPrompt.initiative_id))
        .where(col(Initiative.quarter) == quarter, col(CheckinPrompt.period).in_(list(periods)))
    )
    return [Asked(i, period, bool(skipped)) for i, period, skipped in rows]


def answered_in(*, session: Session, quarter: str, periods: Sequence[str]) -> list[Answered]:
    """The current answers of the quarter's initiatives in `periods`, oldest period first."""
    rows = session.execute(
        columns(
            col(CheckIn.initiative_id),
            col(CheckIn.period),
            col(CheckIn.status),
            col(CheckIn.progress),
            col(CheckIn.blockers),
        )
        .join(Initiative, col(Initiative.id) == col(CheckIn.initiative_id))
        .where(
            col(Initiative.quarter) == quarter,
            col(CheckIn.period).in_(list(periods)),
            col(CheckIn.is_current),
        )
        .order_by(col(CheckIn.period))
    )
    return [Answered(*row) for row in rows]


def open_many(*, session: Session, rows: list[dict[str, Any]]) -> None:
    """New escalations, in one executemany. Two scans at once cannot both open one: the
    database refuses the second open escalation of an initiative and cause."""
    if rows:
        session.execute(insert(Escalation), rows)


def change_many(*, session: Session, rows: list[dict[str, Any]]) -> None:
    """Changes by primary key (each row: `id` and the columns to set), one executemany per
    set of columns changed."""
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        shapes.setdefault(tuple(sorted(row)), []).append(row)
    for same in shapes.values():
        session.execute(update(Escalation), same)
