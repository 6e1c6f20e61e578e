"""The outbox's rows: written with their cause, claimed and sent by the delivery worker."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, update
from sqlmodel import Session, col, select

from rituals.models import OutboxMessage


def add(
    *,
    session: Session,
    key: str,
    method: str,
    payload: dict[str, Any],
    now: datetime,
    refers_to: str | None = None,
    initiative_id: int | None = None,
    lane: int = 1,
    due_at: datetime | None = None,
) -> bool:
    """Queue a row unless one with `key` exists; whether it was queued. `now` is the
    business time of its cause; `due_at`, when the worker may send it (its clock)."""
    if session.exec(select(OutboxMessage.id).where(OutboxMessage.key == key)).first():
        return False
    session.add(
        OutboxMessage(
            key=key,
            method=method,
            payload=payload,
            refers_to=refers_to,
            initiative_id=initiative_id,
            lane=lane,
            created_at=now,
            next_attempt_at=due_at or now,
        )
    )
    return True


def by_key(*, session: Session, key: str) -> OutboxMessage | None:
    return session.exec(select(OutboxMessage).where(OutboxMessage.key == key)).first()


def of_message(*, session: Session, channel: str, ts: str) -> OutboxMessage | None:
    """The row that became the Slack message (channel, ts)."""
    return session.exec(
        select(OutboxMessage).where(OutboxMessage.ts == ts, OutboxMessage.channel == channel)
    ).first()


def waiting(*, session: Session, prefix: str, lock: bool = False) -> int | None:
    """A row of `prefix` not yet claimed: a redraw waiting to be drawn. With `lock`, the row
    stays locked until the caller's transaction commits (PostgreSQL), so the worker cannot
    draw it from data that misses the caller's change."""
    query = select(OutboxMessage.id).where(
        col(OutboxMessage.key).startswith(prefix),
        OutboxMessage.state == "pending",
        col(OutboxMessage.claimed_until).is_(None),
    )
    return session.exec(query.with_for_update() if lock else query).first()


def due(*, session: Session, now: datetime, limit: int) -> list[int]:
    """Pending rows due now and not claimed, replies to people first, then oldest first."""
    ids = session.exec(
        select(OutboxMessage.id)
        .where(
            OutboxMessage.state == "pending",
            col(OutboxMessage.next_attempt_at) <= now,
            or_(col(OutboxMessage.claimed_until).is_(None), col(OutboxMessage.claimed_until) < now),
        )
        .order_by(col(OutboxMessage.lane), col(OutboxMessage.id))
        .limit(limit)
    ).all()
    return [i for i in ids if i is not None]


def claim(*, session: Session, row_id: int, now: datetime, until: datetime) -> bool:
    """Take the row for one send; False when another worker has it (or it is not pending)."""
    result = session.execute(
        update(OutboxMessage)
        .where(
            col(OutboxMessage.id) == row_id,
            col(OutboxMessage.state) == "pending",
            or_(col(OutboxMessage.claimed_until).is_(None), col(OutboxMessage.claimed_until) < now),
        )
        .values(claimed_until=until)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def release(*, session: Session, ids: list[int]) -> None:
    session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.id).in_(ids), col(OutboxMessage.state) == "pending")
        .values(claimed_until=None)
    )


def pending_count(*, session: Session) -> int:
    return int(
        session.exec(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state == "pending")
        ).one()
    )


def next_due(*, session: Session) -> datetime | None:
    return session.exec(
        select(OutboxMessage.next_attempt_at)
        .where(OutboxMessage.state == "pending")
        .order_by(col(OutboxMessage.next_attempt_at))
        .limit(1)
    ).first()


def listed(*, session: Session, states: tuple[str, ...]) -> list[OutboxMessage]:
    return list(
        session.exec(
            select(OutboxMessage)
            .where(col(OutboxMessage.state).in_(states))
            .order_by(col(OutboxMessage.id))
        )
    )


def retry(*, session: Session, keys: list[str] | None, now: datetime) -> int:
    """Failed rows (all, or those of `keys`) back to pending, to be sent once more; how many."""
    query = update(OutboxMessage).where(col(OutboxMessage.state) == "failed")
    if keys:
        query = query.where(col(OutboxMessage.key).in_(keys))
    result = session.execute(
        query.values(state="pending", attempts=0, next_attempt_at=now, claimed_until=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
