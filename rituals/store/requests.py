"""Owners' requests for a decision, queued for their committee's next monthly agenda."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from rituals.models import ArbitrationRequest

CHUNK = 1000  # ids per IN (…)


def queue(
    *,
    session: Session,
    committee: str,
    initiative_id: int,
    checkin_id: int | None,
    text: str,
    user: str,
    now: datetime,
) -> ArbitrationRequest:
    """Join the queue; a newer request for the same initiative, not yet on an agenda,
    replaces the waiting one."""
    waiting = session.exec(
        select(ArbitrationRequest).where(
            ArbitrationRequest.initiative_id == initiative_id,
            col(ArbitrationRequest.arbitration_id).is_(None),
        )
    ).first()
    request = waiting or ArbitrationRequest(
        committee=committee,
        initiative_id=initiative_id,
        requested_by=user,
        text=text,
        created_at=now,
    )
    request.text, request.checkin_id, request.created_at = text, checkin_id, now
    session.add(request)
    return request


@dataclass(frozen=True)
class Wanted:
    """A request to queue (`queue`, for many)."""

    committee: str
    initiative_id: int
    text: str
    user: str
    checkin_id: int | None = None


def queue_many(*, session: Session, wanted: list[Wanted], now: datetime) -> None:
    """`queue` each, in a few statements whatever their number: a waiting request of the
    same initiative is replaced (of two for one initiative, the later wins)."""
    latest = {item.initiative_id: item for item in wanted}
    ids = list(latest)
    waiting: dict[int, int] = {}
    for start in range(0, len(ids), CHUNK):
        rows = session.exec(
            select(ArbitrationRequest.initiative_id, ArbitrationRequest.id)
            .where(
                col(ArbitrationRequest.initiative_id).in_(ids[start : start + CHUNK]),
                col(ArbitrationRequest.arbitration_id).is_(None),
            )
            .order_by(col(ArbitrationRequest.id))
        )
        for initiative_id, row_id in rows:
            if row_id is not None and initiative_id is not None:
                waiting.setdefault(initiative_id, row_id)
    replaced = [
        {"id": waiting[i], "text": item.text, "checkin_id": item.checkin_id, "created_at": now}
        for i, item in latest.items()
        if i in waiting
    ]
    fresh = [
        {"committee": item.committee, "initiative_id": i, "requested_by": item.user,
         "text": item.text, "checkin_id": item.checkin_id, "created_at": now}
        for i, item in latest.items()
        if i not in waiting
    ]  # fmt: skip
    if replaced:  # by primary key, one executemany
        session.execute(update(ArbitrationRequest), replaced)
    if fresh:
        session.execute(insert(ArbitrationRequest), fresh)


def waiting(*, session: Session, committee: str) -> list[ArbitrationRequest]:
    return list(
        session.exec(
            select(ArbitrationRequest)
            .where(
                ArbitrationRequest.committee == committee,
                col(ArbitrationRequest.arbitration_id).is_(None),
            )
            .order_by(col(ArbitrationRequest.created_at), col(ArbitrationRequest.id))
        )
    )
