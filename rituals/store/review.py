"""What the quarterly review reads: a quarter's initiatives and everything about them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from rituals.models import CheckIn, CheckinPrompt, Decision, Escalation, Initiative


@dataclass(frozen=True)
class QuarterRows:
    initiatives: list[Initiative]
    checkins: list[CheckIn]
    prompts: list[CheckinPrompt]
    decisions: list[Decision]
    escalations: list[Escalation]


def quarter_rows(*, session: Session, quarter: str, start: datetime, end: datetime) -> QuarterRows:
    """Five queries, whatever the roadmap's size."""
    ids = select(col(Initiative.id)).where(Initiative.quarter == quarter)
    return QuarterRows(
        initiatives=list(session.exec(select(Initiative).where(Initiative.quarter == quarter))),
        checkins=list(
            session.exec(
                select(CheckIn).where(col(CheckIn.initiative_id).in_(ids), col(CheckIn.is_current))
            )
        ),
        prompts=list(
            session.exec(select(CheckinPrompt).where(col(CheckinPrompt.initiative_id).in_(ids)))
        ),
        decisions=list(
            session.exec(
                select(Decision).where(
                    col(Decision.decided_at) >= start, col(Decision.decided_at) < end
                )
            )
        ),
        escalations=list(
            session.exec(select(Escalation).where(col(Escalation.initiative_id).in_(ids)))
        ),
    )
