"""Notices folded into a person's next message rather than sent on their own."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from rituals.models import FoldedNotice

CHUNK = 1000  # people per IN (…)


def fold(*, session: Session, person: str, kind: str, key: str, text: str, now: datetime) -> bool:
    """Keep the notice for the person's next message; False when it was folded before."""
    if session.exec(select(FoldedNotice.id).where(FoldedNotice.key == key)).first():
        return False
    session.add(FoldedNotice(person=person, kind=kind, key=key, text=text, created_at=now))
    return True


def fold_many(*, session: Session, rows: list[dict[str, Any]]) -> None:
    """`fold` each (`rows`: person, kind, key, text, created_at), in one statement whatever
    their number: a key folded before, or twice in `rows`, is kept once."""
    if not rows:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = FoldedNotice.__table__  # type: ignore[attr-defined]
    session.execute(dialect.insert(table).on_conflict_do_nothing(index_elements=["key"]), rows)


def take(*, session: Session, person: str, into: str, limit: int = 10) -> list[str]:
    """The person's waiting notices, oldest first, marked as riding on `into`."""
    waiting = list(
        session.exec(
            select(FoldedNotice)
            .where(FoldedNotice.person == person, col(FoldedNotice.folded_into).is_(None))
            .order_by(col(FoldedNotice.id))
            .limit(limit)
        )
    )
    for notice in waiting:
        notice.folded_into = into
        session.add(notice)
    return [notice.text for notice in waiting]


def take_all(*, session: Session, into: dict[str, str], limit: int = 10) -> None:
    """Each person's waiting notices (of `into`: person -> the key of their next message),
    marked as riding on it, in a few statements whatever the number of people."""
    taken: dict[str, int] = {}
    marked: list[dict[str, Any]] = []
    people = list(into)
    for start in range(0, len(people), CHUNK):
        rows = session.exec(
            select(FoldedNotice.id, FoldedNotice.person)
            .where(col(FoldedNotice.person).in_(people[start : start + CHUNK]))
            .where(col(FoldedNotice.folded_into).is_(None))
            .order_by(col(FoldedNotice.id))
        )
        for notice_id, person in rows:
            if taken.get(person, 0) < limit:
                taken[person] = taken.get(person, 0) + 1
                marked.append({"id": notice_id, "folded_into": into[person]})
    if marked:  # by primary key, one executemany
        session.execute(update(FoldedNotice), marked)


def riding_on(*, session: Session, into: str) -> list[str]:
    """The notices that ride on the message queued under `into`, oldest first."""
    return list(
        session.exec(
            select(FoldedNotice.text)
            .where(FoldedNotice.folded_into == into)
            .order_by(col(FoldedNotice.id))
        )
    )
