"""Ritual runs, keyed by (ritual, period, committee): a second run sends nothing new."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from rituals.models import RitualRun


def note(*, session: Session, ritual: str, period: str, committee: str, now: datetime) -> bool:
    """Record the run; False when this (ritual, period, committee) ran before."""
    exists = session.exec(
        select(RitualRun.id).where(
            RitualRun.ritual == ritual, RitualRun.period == period, RitualRun.committee == committee
        )
    ).first()
    if exists:
        return False
    session.add(RitualRun(ritual=ritual, period=period, committee=committee, ran_at=now))
    session.flush()
    return True


def has_run(*, session: Session, ritual: str, period: str) -> bool:
    query = select(RitualRun.id).where(RitualRun.ritual == ritual, RitualRun.period == period)
    return session.exec(query).first() is not None
