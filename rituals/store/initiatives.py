"""Initiatives of the roadmap."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import String, cast, or_
from sqlmodel import Session, col, select

from rituals.models import Initiative
from rituals.status import Status


def not_done() -> Any:
    return col(Initiative.status).is_(None) | (col(Initiative.status) != Status.DONE.value)


def of_quarter(*, session: Session, quarter: str, committee: str | None = None) -> list[Initiative]:
    query = select(Initiative).where(Initiative.quarter == quarter)
    if committee:
        query = query.where(Initiative.committee == committee)
    return list(session.exec(query.order_by(col(Initiative.id))))


def owned_by(*, session: Session, owners: Sequence[str], quarter: str) -> list[Initiative]:
    """The quarter's initiatives, not done, that these people own or co-own, by title."""
    wanted = list(owners)
    co_owned = [
        cast(col(Initiative.co_owners), String).contains(f'"{owner}"') for owner in wanted if owner
    ]
    found = session.exec(
        select(Initiative)
        .where(or_(col(Initiative.owner).in_(wanted), *co_owned), Initiative.quarter == quarter)
        .where(not_done())
        .order_by(col(Initiative.title), col(Initiative.id))
    )
    # the text match only narrows: keep those whose co-owners really hold one of them
    return [i for i in found if i.owner in wanted or set(i.co_owners or []) & set(wanted)]


def get(*, session: Session, initiative_id: int) -> Initiative | None:
    return session.get(Initiative, initiative_id)


def by_ids(*, session: Session, ids: Sequence[int]) -> dict[int, Initiative]:
    if not ids:
        return {}
    rows = session.exec(select(Initiative).where(col(Initiative.id).in_(list(ids))))
    return {row.id: row for row in rows if row.id is not None}


def with_source(*, session: Session, quarter: str) -> list[Initiative]:
    return list(
        session.exec(
            select(Initiative).where(
                Initiative.quarter == quarter, col(Initiative.kpi_source).is_not(None)
            )
        )
    )


def titles(*, session: Session, quarter: str, limit: int = 100) -> list[tuple[int, str]]:
    rows = session.exec(
        select(Initiative.id, Initiative.title)
        .where(Initiative.quarter == quarter)
        .order_by(col(Initiative.title))
        .limit(limit)
    )
    return [(i, title) for i, title in rows if i is not None]


def of_quarters(*, session: Session, quarters: Sequence[str]) -> list[Initiative]:
    return list(session.exec(select(Initiative).where(col(Initiative.quarter).in_(list(quarters)))))


def every(*, session: Session) -> list[Initiative]:
    """The whole roadmap, by quarter, committee and title."""
    return sorted(
        session.exec(select(Initiative)), key=lambda i: (i.quarter, i.committee or "", i.title)
    )
