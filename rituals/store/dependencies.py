"""Dependencies between initiatives: written by the roadmap import, answered by the provider's
owner, watched by the daily scan, exported."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from rituals.models import Dependency, Initiative

CHUNK = 1000  # ids per IN (…)

Linked = tuple[Dependency, Initiative, Initiative]  # the dependency, its dependent, its provider


def get(*, session: Session, dependency_id: int) -> Dependency | None:
    return session.get(Dependency, dependency_id)


def sync(
    *,
    session: Session,
    wanted: Mapping[int, Mapping[int, date | None]],
    now: datetime,
) -> tuple[int, int]:
    """Make each dependent's dependencies those of `wanted` (dependent id → provider id →
    needed by): new ones are proposed, a changed date is kept with the answer already given,
    those no longer wanted go. (added, removed)."""
    ids = list(wanted)
    stored: dict[tuple[int, int], Dependency] = {}
    for start in range(0, len(ids), CHUNK):
        rows = session.exec(
            select(Dependency).where(col(Dependency.dependent_id).in_(ids[start : start + CHUNK]))
        )
        stored.update({(d.dependent_id, d.provider_id): d for d in rows})
    added = removed = 0
    for dependent, providers in wanted.items():
        for provider, needed_by in providers.items():
            found = stored.pop((dependent, provider), None)
            if found is None:
                session.add(
                    Dependency(
                        dependent_id=dependent,
                        provider_id=provider,
                        needed_by=needed_by,
                        created_at=now,
                    )
                )
                added += 1
            elif found.needed_by != needed_by:
                found.needed_by = needed_by
                session.add(found)
    for gone in stored.values():
        session.delete(gone)
        removed += 1
    return added, removed


def link(
    *,
    session: Session,
    rows: Sequence[tuple[str, str, Sequence[tuple[str, date | None]] | None]],
    now: datetime,
) -> tuple[int, int]:
    """`sync` from a roadmap's rows: (quarter, title, [(provider title, needed by)], or None
    when the file has no depends_on column, which leaves the row's dependencies alone)."""
    quarters = sorted({quarter for quarter, _, needs in rows if needs is not None})
    if not quarters:
        return 0, 0
    session.flush()  # the initiatives the import created get their ids
    ids = {
        (i.quarter, i.title.casefold()): i.id
        for i in session.exec(select(Initiative).where(col(Initiative.quarter).in_(quarters)))
    }
    wanted: dict[int, dict[int, date | None]] = {}
    for quarter, title, needs in rows:
        dependent = ids.get((quarter, title.casefold()))
        if needs is None or dependent is None:
            continue
        providers = wanted.setdefault(dependent, {})
        for need, needed_by in needs:
            provider = ids.get((quarter, need.casefold()))
            if provider is not None and provider != dependent:
                providers[provider] = needed_by
    return sync(session=session, wanted=wanted, now=now)


def linked(*, session: Session, quarter: str | None = None, unasked: bool = False) -> list[Linked]:
    """Each dependency with its two initiatives (of `quarter`; only those never asked, with
    `unasked`), by dependent then provider title."""
    dependent, provider = aliased(Initiative), aliased(Initiative)
    query = (
        select(Dependency, dependent, provider)
        .join(dependent, col(Dependency.dependent_id) == dependent.id)
        .join(provider, col(Dependency.provider_id) == provider.id)
    )
    if quarter is not None:
        query = query.where(dependent.quarter == quarter)
    if unasked:
        query = query.where(col(Dependency.asked_at).is_(None), Dependency.state == "proposed")
    query = query.order_by(dependent.quarter, dependent.title, provider.title)
    return [(d, a, b) for d, a, b in session.exec(query)]


def of_dependents(*, session: Session, dependent_ids: Sequence[int]) -> list[Linked]:
    """The dependencies of these initiatives, with their providers."""
    if not dependent_ids:
        return []
    dependent, provider = aliased(Initiative), aliased(Initiative)
    found: list[Linked] = []
    ids = list(dependent_ids)
    for start in range(0, len(ids), CHUNK):
        query = (
            select(Dependency, dependent, provider)
            .join(dependent, col(Dependency.dependent_id) == dependent.id)
            .join(provider, col(Dependency.provider_id) == provider.id)
            .where(col(Dependency.dependent_id).in_(ids[start : start + CHUNK]))
            .order_by(provider.title)
        )
        found.extend((d, a, b) for d, a, b in session.exec(query))
    return found
