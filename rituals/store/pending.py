"""Free-text answers waiting for their author to say which initiative they are about."""

from __future__ import annotations

from sqlmodel import Session, col, select

from rituals.models import PendingAnswer


def of_message(*, session: Session, channel: str, ts: str) -> PendingAnswer | None:
    return session.exec(
        select(PendingAnswer).where(
            PendingAnswer.channel == channel,
            PendingAnswer.message_ts == ts,
            col(PendingAnswer.resolved_at).is_(None),
        )
    ).first()
