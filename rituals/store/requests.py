"""Owners' requests for a decision, queued for their committee's next monthly agenda."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from rituals.models import ArbitrationRequest


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
