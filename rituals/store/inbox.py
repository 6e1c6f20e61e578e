"""The inbox's rows: Slack's requests stored before they are answered, done once."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from rituals.models import InboxItem


def add(
    *,
    session: Session,
    key: str,
    kind: str,
    payload: dict[str, Any],
    received_at: datetime,
    now: datetime,
) -> bool:
    """Store the request unless its key is there already (a retry, a replay); whether it was.

    `received_at` is the business time of the request; `now` the clock the workers use."""
    values = dict(
        key=key,
        kind=kind,
        payload=payload,
        state="pending",
        attempts=0,
        received_at=received_at,
        next_attempt_at=now,
    )
    dialect = session.get_bind().dialect.name
    table = InboxItem.__table__  # type: ignore[attr-defined]
    if dialect == "postgresql":
        statement: Any = postgresql.insert(table).values(**values).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(table).values(**values).on_conflict_do_nothing()
    else:  # pragma: no cover - the two dialects ritualbot supports are above
        statement = insert(table).values(**values)
    return bool(session.execute(statement).rowcount)  # type: ignore[attr-defined]


def due(*, session: Session, now: datetime, limit: int) -> list[int]:
    ids = session.exec(
        select(InboxItem.id)
        .where(
            InboxItem.state == "pending",
            col(InboxItem.next_attempt_at) <= now,
            or_(col(InboxItem.claimed_until).is_(None), col(InboxItem.claimed_until) < now),
        )
        .order_by(col(InboxItem.id))
        .limit(limit)
    ).all()
    return [i for i in ids if i is not None]


def claim(*, session: Session, row_id: int, now: datetime, until: datetime) -> bool:
    result = session.execute(
        update(InboxItem)
        .where(
            col(InboxItem.id) == row_id,
            col(InboxItem.state) == "pending",
            or_(col(InboxItem.claimed_until).is_(None), col(InboxItem.claimed_until) < now),
        )
        .values(claimed_until=until)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def failed(
    *, session: Session, row_id: int, error: str, retry_at: datetime, park_after: int
) -> InboxItem | None:
    """Count a failed attempt; park the row with its error once it failed `park_after` times."""
    row = session.get(InboxItem, row_id)
    if row is None or row.state != "pending":
        return row
    row.attempts += 1
    row.last_error = error[:2000]
    row.claimed_until = None
    row.next_attempt_at = retry_at
    if row.attempts >= park_after:
        row.state = "parked"
    session.add(row)
    return row


def pending_count(*, session: Session) -> int:
    return int(
        session.exec(
            select(func.count()).select_from(InboxItem).where(InboxItem.state == "pending")
        ).one()
    )


def next_due(*, session: Session) -> datetime | None:
    return session.exec(
        select(InboxItem.next_attempt_at)
        .where(InboxItem.state == "pending")
        .order_by(col(InboxItem.next_attempt_at))
        .limit(1)
    ).first()


def listed(*, session: Session, states: tuple[str, ...]) -> list[InboxItem]:
    return list(
        session.exec(
            select(InboxItem).where(col(InboxItem.state).in_(states)).order_by(col(InboxItem.id))
        )
    )


def retry(*, session: Session, keys: list[str] | None, now: datetime) -> int:
    """Parked rows (all, or those of `keys`) back to pending; how many."""
    query = update(InboxItem).where(col(InboxItem.state) == "parked")
    if keys:
        query = query.where(col(InboxItem.key).in_(keys))
    result = session.execute(
        query.values(state="pending", attempts=0, next_attempt_at=now, claimed_until=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def forget_voter(*, session: Session, key: str, payload: dict[str, Any]) -> None:
    """Replace the payload of the row `key` (a secret ballot's vote, done in this transaction)
    with one that names neither the voter nor their choice."""
    row = session.exec(select(InboxItem).where(InboxItem.key == key)).first()
    if row is not None:
        row.payload = payload
        session.add(row)
