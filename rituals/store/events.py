"""What was already read: Slack's event and message ids, and the latest version of a DM."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from rituals.models import MessageVersion, ProcessedEvent


def first_time(*, session: Session, keys: Sequence[str], now: datetime) -> bool:
    """Record these keys; False when one was already handled."""
    if session.exec(select(ProcessedEvent).where(col(ProcessedEvent.key).in_(list(keys)))).first():
        return False
    for key in keys:
        session.add(ProcessedEvent(key=key, received_at=now))
    session.flush()
    return True


def version_of(*, session: Session, channel: str, ts: str) -> MessageVersion | None:
    return session.get(MessageVersion, (channel, ts))


def keep_version(
    *, session: Session, channel: str, ts: str, version: str, author: str, text: str
) -> bool:
    """Remember `version` of the message unless a later one was read; whether it is the latest."""
    known = session.get(MessageVersion, (channel, ts))
    if known is not None and float(known.version) >= float(version):
        return False
    if known is None:
        known = MessageVersion(channel=channel, ts=ts, version=version, author=author, text=text)
    known.version, known.text = version, text
    session.add(known)
    session.flush()
    return True
