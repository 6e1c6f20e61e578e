"""Who sees which decisions: a CMO every one; anyone else those of the committees they sit
on and those about the initiatives they own or are accountable for."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Sight:
    """What one person may see of the decision log."""

    user: str
    everything: bool = False  # a CMO
    committees: tuple[str, ...] = ()  # the committees they sit on, by name

    @property
    def sees_committees(self) -> bool:
        return self.everything or bool(self.committees)


def sight_of(user: str, *, cmos: Collection[str], members: Mapping[str, Collection[str]]) -> Sight:
    """`user`'s sight, from the configuration's CMOs and committee members (name → ids)."""
    if user in cmos:
        return Sight(user, everything=True, committees=tuple(members))
    return Sight(user, committees=tuple(name for name, ids in members.items() if user in ids))
