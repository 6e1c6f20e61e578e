"""Writing to the outbox: each Slack message a ritual or an answer causes, keyed once."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from rituals.models import OutboxMessage


def enqueue(
    session: Session,
    key: str,
    payload: dict[str, Any],
    *,
    method: str = "chat.postMessage",
    refers_to: str | None = None,
    initiative_id: int | None = None,
    not_before: datetime | None = None,
) -> bool:
    """Add a message unless its key is already there; True when added.

    The caller's transaction commits it together with the records that caused it."""
    if session.exec(select(OutboxMessage.id).where(OutboxMessage.key == key)).first():
        return False
    row = OutboxMessage(
        key=key, method=method, payload=payload, refers_to=refers_to, initiative_id=initiative_id
    )
    if not_before is not None:
        row.next_attempt_at = not_before
    session.add(row)
    return True


def message_of(session: Session, *, channel: str, ts: str) -> OutboxMessage | None:
    """The outbox row that became the Slack message (channel, ts)."""
    return session.exec(
        select(OutboxMessage).where(OutboxMessage.ts == ts, OutboxMessage.channel == channel)
    ).first()


def row_of_key(session: Session, key: str) -> OutboxMessage | None:
    return session.exec(select(OutboxMessage).where(OutboxMessage.key == key)).first()
