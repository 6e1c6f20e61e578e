"""The outbox's rows: written with their cause, claimed and sent by the delivery worker."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, or_, update
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
    person: str | None = None,
    week: str | None = None,
    run: str | None = None,
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
            person=person,
            week=week,
            run=run,
        )
    )
    return True


def existing(*, session: Session, keys: list[str]) -> set[str]:
    """Which of `keys` are queued (or sent) already."""
    found: set[str] = set()
    for start in range(0, len(keys), 1000):
        chunk = keys[start : start + 1000]
        found |= set(
            session.exec(select(OutboxMessage.key).where(col(OutboxMessage.key).in_(chunk)))
        )
    return found


def add_many(*, session: Session, rows: list[OutboxMessage]) -> set[str]:
    """Queue every row whose key is not queued yet, in a few statements whatever their
    number; the keys queued."""
    queued = existing(session=session, keys=[row.key for row in rows])
    fresh = [row for row in rows if row.key not in queued]
    if fresh:  # one executemany, whatever their number
        session.execute(insert(OutboxMessage), [row.model_dump(exclude={"id"}) for row in fresh])
    return {row.key for row in fresh}


def add_rows(*, session: Session, rows: list[dict[str, Any]]) -> set[str]:
    """`add_many` of plain rows, all naming the same columns (the others take their
    defaults): one executemany whatever their number — and their NULLs, which the ORM's bulk
    insert would split into a statement per run of rows alike — without a model object each."""
    queued = existing(session=session, keys=[row["key"] for row in rows])
    fresh = [row for row in rows if row["key"] not in queued]
    if fresh:
        session.execute(insert(OutboxMessage.__table__), fresh)  # type: ignore[attr-defined]
    return {row["key"] for row in fresh}


def unsolicited(*, session: Session, person: str, week: str) -> int:
    """How many unsolicited DMs `person` was sent (or is about to be) in `week`."""
    return int(
        session.exec(
            select(func.count())
            .select_from(OutboxMessage)
            .where(
                OutboxMessage.person == person,
                OutboxMessage.week == week,
                OutboxMessage.state != "failed",
            )
        ).one()
    )


def unsolicited_of(*, session: Session, people: list[str], week: str) -> dict[str, int]:
    """`unsolicited` of each of `people` who got one in `week`, a query per thousand."""
    counts: dict[str, int] = {}
    for start in range(0, len(people), 1000):
        rows = session.exec(
            select(OutboxMessage.person, func.count())
            .where(
                col(OutboxMessage.person).in_(people[start : start + 1000]),
                OutboxMessage.week == week,
                OutboxMessage.state != "failed",
            )
            .group_by(col(OutboxMessage.person))
        )
        counts.update({person: int(count) for person, count in rows if person})
    return counts


def noise_since(*, session: Session, first_week: str) -> list[tuple[str, str, str]]:
    """(person, week, key) of every unsolicited DM from `first_week` on."""
    rows = session.exec(
        select(OutboxMessage.person, OutboxMessage.week, OutboxMessage.key).where(
            col(OutboxMessage.person).is_not(None), col(OutboxMessage.week) >= first_week
        )
    )
    return [(p or "", w or "", k) for p, w, k in rows]


def channel_posts_since(*, session: Session, since: datetime) -> list[OutboxMessage]:
    """Rows posted to channels (not DMs) from `since` on, for the mentions they make."""
    return list(
        session.exec(
            select(OutboxMessage).where(
                col(OutboxMessage.created_at) >= since,
                col(OutboxMessage.method).in_(["chat.postMessage", "chat.update"]),
            )
        )
    )


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


def due_calls(*, session: Session, now: datetime, limit: int) -> list[tuple[int, str]]:
    """(id, method) of the pending rows due now and not claimed, replies to people first,
    then oldest first."""
    rows = session.exec(
        select(OutboxMessage.id, OutboxMessage.method)
        .where(
            OutboxMessage.state == "pending",
            col(OutboxMessage.next_attempt_at) <= now,
            or_(col(OutboxMessage.claimed_until).is_(None), col(OutboxMessage.claimed_until) < now),
        )
        .order_by(col(OutboxMessage.lane), col(OutboxMessage.id))
        .limit(limit)
    ).all()
    return [(i, method) for i, method in rows if i is not None]


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


def last_id(*, session: Session) -> int:
    return int(session.exec(select(func.max(OutboxMessage.id))).one() or 0)


def states_after(*, session: Session, after_id: int) -> dict[str, int]:
    """How many rows queued after `after_id` are in each state (pending, sent, failed)."""
    rows = session.exec(
        select(OutboxMessage.state, func.count())
        .where(col(OutboxMessage.id) > after_id)
        .group_by(col(OutboxMessage.state))
    )
    return {state: int(count) for state, count in rows}


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


def retry_run(*, session: Session, run: str, now: datetime) -> int:
    """The failed rows of a ritual run back to pending (the ritual runs again); how many."""
    result = session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.run) == run, col(OutboxMessage.state) == "failed")
        .values(state="pending", attempts=0, next_attempt_at=now, claimed_until=None)
        .values(limited_since=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def failed_of(*, session: Session, run: str) -> list[OutboxMessage]:
    """The rows of a ritual run that failed for good, in the order they were queued."""
    return list(
        session.exec(
            select(OutboxMessage)
            .where(col(OutboxMessage.run) == run, col(OutboxMessage.state) == "failed")
            .order_by(col(OutboxMessage.id))
        )
    )


def states_of(*, session: Session, run: str) -> dict[str, int]:
    """How many rows of a ritual run are in each state."""
    rows = session.exec(
        select(OutboxMessage.state, func.count())
        .where(col(OutboxMessage.run) == run)
        .group_by(col(OutboxMessage.state))
    )
    return {state: int(count) for state, count in rows}


def retry(*, session: Session, keys: list[str] | None, now: datetime) -> int:
    """Failed rows (all, or those of `keys`) back to pending, to be sent once more; how many."""
    query = update(OutboxMessage).where(col(OutboxMessage.state) == "failed")
    if keys:
        query = query.where(col(OutboxMessage.key).in_(keys))
    result = session.execute(
        query.values(state="pending", attempts=0, next_attempt_at=now, claimed_until=None).values(
            limited_since=None
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
