"""The rows tests start from, written once: initiatives of the quarter and answers; and the
demo's clock, which moves only when the test says so."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from bot.devtools.story import Clock
from rituals.models import CheckIn, Initiative

__all__ = ["Clock", "answer", "initiative", "seed", "seed_many"]

# When the seeded rows were written: before any week the tests look at.
SEEDED = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
DEFAULTS: dict[str, Any] = {
    "quarter": "2026-Q4",
    "kpi_name": "Délai moyen",
    "kpi_unit": "jours",
    "kpi_baseline": 9.0,
    "kpi_target": 5.0,
    "committee": "comex",
    "objective": "Serve customers faster",
    "due": date(2026, 12, 18),
}


def initiative(title: str, owner: str, **fields: Any) -> Initiative:
    return Initiative(
        **(DEFAULTS | {"title": title, "owner": owner} | fields),
        created_at=SEEDED,
        updated_at=SEEDED,
    )


def seed(
    engine: Engine, *rows: tuple[str, str] | dict[str, Any], **defaults: Any
) -> list[Initiative]:
    """Initiatives of this quarter, each `(title, owner)` or a dict of fields."""
    made = []
    for row in rows:
        fields = dict(row) if isinstance(row, dict) else {"title": row[0], "owner": row[1]}
        made.append(initiative(fields.pop("title"), fields.pop("owner"), **(defaults | fields)))
    with Session(engine, expire_on_commit=False) as session:
        session.add_all(made)
        session.commit()
    return made


def seed_many(engine: Engine, owners: Iterable[str], **defaults: Any) -> list[Initiative]:
    """One initiative per owner: `Initiative 0`, `Initiative 1`…"""
    return seed(
        engine,
        *({"title": f"Initiative {n}", "owner": owner} for n, owner in enumerate(owners)),
        **defaults,
    )


def answer(initiative_id: int, period: str, *, at: datetime = SEEDED, **fields: Any) -> CheckIn:
    """A current answer as if the owner gave it by message."""
    values: dict[str, Any] = {"source": "message", "author": "U0OWNER01", "submitted_at": at}
    return CheckIn(initiative_id=initiative_id, period=period, **(values | fields))
