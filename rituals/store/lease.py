"""The delivery lease: taken, renewed and handed back by the sending worker."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from rituals.models import DeliveryLease


def lead(
    *, session: Session, name: str, holder: str, now: datetime, until: datetime
) -> DeliveryLease | None:
    """Take or renew the lease `name` for `holder` until `until`, if free, ended or already
    its; the row (with the paces learned so far), or None when another holds it."""
    row = session.exec(
        select(DeliveryLease).where(DeliveryLease.name == name).with_for_update()
    ).first()
    if row is None:
        row = DeliveryLease(name=name, holder=holder, until=until, paces={}, updated_at=now)
    elif row.holder != holder and row.until > now:
        return None
    row.holder, row.until = holder, until
    session.add(row)
    return row


def remember(
    *, session: Session, name: str, holder: str, paces: dict[str, Any], now: datetime
) -> None:
    """Keep the paces learned, for the next holder; only while `holder` holds the lease."""
    row = session.get(DeliveryLease, name)
    if row is not None and row.holder == holder:
        row.paces, row.updated_at = paces, now
        session.add(row)


def release(*, session: Session, name: str, holder: str, now: datetime) -> None:
    """Hand the lease back at once: another worker may send now."""
    row = session.get(DeliveryLease, name)
    if row is not None and row.holder == holder:
        row.until = now
        session.add(row)
