"""People's names beside their ids, for files and the terminal: the ids stay for machines,
the names (users.info, as kept in the database) are for the people who read them."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from sqlalchemy import Engine
from sqlmodel import Session

from bot.people import People
from rituals.store import people as stored

_SEPARATOR = ";"  # several people in one cell: `U1;U2`
GIVE_UP = 5  # people in a row Slack does not name: the rest is not asked (an export offline)


class Names:
    """`of("U1")` → `Inès Martin`; `of("U1;U2")` → `Inès Martin; Paul Durand`; a person
    Slack never named → "" (the id beside it says who)."""

    def __init__(self, known: Mapping[str, str] | None = None) -> None:
        self.known = dict(known or {})

    def of(self, people: str | None) -> str:
        if not people:
            return ""
        names = [self.known.get(p.strip(), "") for p in people.split(_SEPARATOR) if p.strip()]
        return "; ".join(names) if any(names) else ""

    def label(self, person: str | None) -> str:
        """`Inès Martin (U0INES001)` for the terminal; the id alone when no name is known."""
        if not person:
            return ""
        name = self.of(person)
        return f"{name} ({person})" if name and name != person else person


def load_names(engine: Engine, users: Collection[str], *, people: People | None = None) -> Names:
    """The names kept for `users`; with `people` (a Slack client), those missing are asked
    for, a users.list page or a users.info each, and kept for next time."""
    wanted = {u.strip() for entry in users if entry for u in entry.split(_SEPARATOR) if u.strip()}
    with Session(engine) as session:
        known = stored.names(session=session, users=wanted)
    missing = sorted(wanted - set(known))
    if people is not None and missing:
        people.prefetch(missing)
        unnamed = 0
        for user in missing:
            name = people.name(user)
            if name and name != user:
                known[user], unnamed = name, 0
            else:
                unnamed += 1
            if unnamed >= GIVE_UP:  # Slack away, or these ids are not its: stop asking
                break
        people.flush()
    return Names(known)
