"""People as last seen from Slack (users.info), for names shown without asking Slack."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlmodel import Session, col, select

from rituals.models import Person


def names(*, session: Session, users: Collection[str]) -> dict[str, str]:
    """The display names known for `users` (those never seen are left out)."""
    if not users:
        return {}
    rows = session.exec(select(Person.user, Person.name).where(col(Person.user).in_(list(users))))
    return {user: name for user, name in rows if name}


def rows(*, session: Session, users: Collection[str]) -> dict[str, Person]:
    """The people kept for `users`, by id, a query per thousand."""
    wanted, found = list(users), {}
    for start in range(0, len(wanted), 1000):
        chunk = wanted[start : start + 1000]
        found.update(
            {p.user: p for p in session.exec(select(Person).where(col(Person.user).in_(chunk)))}
        )
    return found


def keep(*, session: Session, rows: Sequence[Person]) -> None:
    """Store what Slack said of each person; the language a person chose is theirs: kept."""
    users = [row.user for row in rows]
    known = {p.user: p for p in session.exec(select(Person).where(col(Person.user).in_(users)))}
    for row in rows:
        stored = known.get(row.user)
        if stored is None:
            stored = known[row.user] = Person(user=row.user)
        stored.name, stored.zone = row.name, row.zone
        stored.locale, stored.fetched_at = row.locale, row.fetched_at
        session.add(stored)
