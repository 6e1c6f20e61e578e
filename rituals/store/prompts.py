"""Check-in prompts: who was asked for which initiative and week, skipped or reminded."""

from __future__ import annotations

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from rituals.models import CheckinPrompt
from rituals.store import checkins


def asked(*, session: Session, period: str) -> set[int]:
    return set(
        session.exec(select(CheckinPrompt.initiative_id).where(CheckinPrompt.period == period))
    )


def asked_pairs(*, session: Session, period: str) -> set[tuple[int, str]]:
    """(initiative, recipient) of the period's prompts: co-owners are each asked; an excused
    initiative has the recipient ""."""
    rows = session.exec(
        select(CheckinPrompt.initiative_id, CheckinPrompt.recipient).where(
            CheckinPrompt.period == period
        )
    )
    return {(initiative_id, recipient) for initiative_id, recipient in rows}


def of(
    *, session: Session, initiative_id: int, period: str, recipient: str | None = None
) -> CheckinPrompt | None:
    """The initiative's prompt of the period: `recipient`'s own when there are several
    (co-owners are each asked)."""
    rows = session.exec(
        select(CheckinPrompt).where(
            CheckinPrompt.initiative_id == initiative_id, CheckinPrompt.period == period
        )
    ).all()
    return next((r for r in rows if r.recipient == recipient), rows[0] if rows else None)


def with_key(*, session: Session, key: str) -> list[CheckinPrompt]:
    """The prompts (one per initiative) that a person's prompt message asks."""
    return list(
        session.exec(
            select(CheckinPrompt)
            .where(CheckinPrompt.message_key == key)
            .order_by(col(CheckinPrompt.id))
        )
    )


def unanswered(*, session: Session, period: str) -> list[CheckinPrompt]:
    """Prompts of the period with no answer, not skipped and not yet reminded."""
    answered = checkins.answered(session=session, period=period)
    prompts = session.exec(
        select(CheckinPrompt).where(
            CheckinPrompt.period == period,
            col(CheckinPrompt.skipped_at).is_(None),
            col(CheckinPrompt.reminded_at).is_(None),
        )
    )
    return [prompt for prompt in prompts if prompt.initiative_id not in answered]


def of_periods(
    *, session: Session, initiative_ids: list[int], periods: list[str]
) -> list[CheckinPrompt]:
    if not initiative_ids:
        return []
    return list(
        session.exec(
            select(CheckinPrompt).where(
                col(CheckinPrompt.initiative_id).in_(initiative_ids),
                col(CheckinPrompt.period).in_(periods),
            )
        )
    )


def add_many(*, session: Session, rows: list[CheckinPrompt]) -> None:
    """Insert the rows in one statement (an executemany), whatever their number."""
    if rows:
        session.execute(insert(CheckinPrompt), [row.model_dump(exclude={"id"}) for row in rows])


def count_by_key(*, session: Session, keys: list[str]) -> dict[str, int]:
    """How many initiatives each prompt message (by key) asks about."""
    counts: dict[str, int] = {}
    for start in range(0, len(keys), 1000):
        rows = session.exec(
            select(CheckinPrompt.message_key, func.count())
            .where(col(CheckinPrompt.message_key).in_(keys[start : start + 1000]))
            .group_by(col(CheckinPrompt.message_key))
        )
        counts.update({key: int(count) for key, count in rows})
    return counts
