"""How much the bot said to each person, week by week: the unsolicited DMs the noise budget
counts, and the times a channel post mentioned them (notified them in front of others).
What `ritualbot noise report` shows, and what the quiet benchmark checks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PersonWeeks:
    """One person's DMs and mentions, in the order of the report's weeks."""

    person: str
    dms: tuple[int, ...]
    mentions: tuple[int, ...]

    @property
    def most(self) -> int:
        """The most unsolicited DMs the person got in one week."""
        return max(self.dms, default=0)

    @property
    def busiest(self) -> int:
        """The index of the week with the most DMs (the latest of equals)."""
        return max(range(len(self.dms)), key=lambda n: (self.dms[n], n)) if self.dms else 0


@dataclass(frozen=True)
class NoiseReport:
    weeks: tuple[str, ...]
    budget: int
    people: tuple[PersonWeeks, ...]  # the closest to the budget first
    mentions_by_kind: dict[str, int]

    @property
    def over(self) -> list[PersonWeeks]:
        """Those given more than the budget in some week (an escalation merged past it)."""
        return [p for p in self.people if p.most > self.budget]


def noise_report(
    dms: Iterable[tuple[str, str]],
    mentions: Iterable[tuple[str, str, str]],
    *,
    weeks: Sequence[str],
    budget: int,
) -> NoiseReport:
    """`dms` are (person, week) of each unsolicited DM; `mentions` (person, week, kind) of
    each mention in a channel post. Weeks outside `weeks` are left out."""
    shown = set(weeks)
    sent = Counter((p, w) for p, w in dms if w in shown)
    named: Counter[tuple[str, str]] = Counter()
    kinds: Counter[str] = Counter()
    for person, week, kind in mentions:
        if week in shown:
            named[(person, week)] += 1
            kinds[kind] += 1
    everyone = {p for p, _ in sent} | {p for p, _ in named}
    people = [
        PersonWeeks(
            person,
            tuple(sent[(person, w)] for w in weeks),
            tuple(named[(person, w)] for w in weeks),
        )
        for person in everyone
    ]
    people.sort(key=lambda p: (-p.most, -sum(p.dms), -sum(p.mentions), p.person))
    return NoiseReport(tuple(weeks), budget, tuple(people), dict(kinds.most_common()))
