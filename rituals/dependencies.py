"""Dependencies between initiatives of a quarter: what the roadmap's `depends_on` may say,
and when a provider in trouble puts the initiatives that need it at risk.

Pure: rows and facts in, errors and alerts out; `today` is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rituals.status import Status


class State(StrEnum):
    """What the provider's owner said of a dependency."""

    PROPOSED = "proposed"  # imported, not answered yet
    ACCEPTED = "accepted"
    REFUSED = "refused"  # and put to the dependent initiative's committee


class Trouble(StrEnum):
    """Why a provider puts what depends on it at risk, worst first."""

    OFF_TRACK = "off_track"
    BLOCKED = "blocked"
    LATE = "late"  # its needed-by date passed and it is not done
    AT_RISK = "at_risk"


@dataclass(frozen=True)
class Need:
    """One dependency as a roadmap cell writes it: `ERP phase 2 @ 2027-01-15`."""

    title: str
    needed_by: date | None = None


@dataclass(frozen=True)
class Wanting:
    """A roadmap row as the checks need it."""

    line: int
    quarter: str
    title: str
    needs: tuple[Need, ...]


def check_needs(rows: Sequence[Wanting]) -> list[tuple[int, str]]:
    """(line, message) for each dependency the file cannot have: on itself, on a title that
    is not in the file for the same quarter, and each cycle (named by its lines)."""
    lines = {(r.quarter, r.title.casefold()): r.line for r in rows if r.title and r.quarter}
    quarters: dict[str, list[str]] = {}
    for quarter, title in lines:
        quarters.setdefault(title, []).append(quarter)
    errors: list[tuple[int, str]] = []
    edges: dict[int, list[int]] = {}
    titles = {r.line: r.title for r in rows}
    for row in rows:
        for need in row.needs:
            folded = need.title.casefold()
            if folded == row.title.casefold():
                errors.append(
                    (row.line, f'depends_on names "{need.title}", this initiative itself')
                )
                continue
            provider = lines.get((row.quarter, folded))
            if provider is not None:
                edges.setdefault(row.line, []).append(provider)
                continue
            elsewhere = sorted(quarters.get(folded, []))
            if elsewhere:
                message = (
                    f'depends_on names "{need.title}", an initiative of {", ".join(elsewhere)}, '
                    f"not of {row.quarter}; a dependency stays within its quarter"
                )
            else:
                message = (
                    f'depends_on names "{need.title}", which is no initiative of {row.quarter} '
                    "in this file; write the title as its row does"
                )
            errors.append((row.line, message))
    for cycle in cycles(edges):
        path = " → ".join(f'line {line} ("{titles[line]}")' for line in [*cycle, cycle[0]])
        errors.append((cycle[0], f"dependency cycle: {path}; remove one of these dependencies"))
    return errors


def cycles(edges: dict[int, list[int]]) -> list[list[int]]:
    """One cycle per group of nodes that reach each other, each from its smallest node."""
    found: list[list[int]] = []
    state: dict[int, int] = {}  # 1 on the path, 2 done
    in_cycle: set[int] = set()
    for start in sorted(edges):
        if state.get(start):
            continue
        path: list[int] = []
        stack = [(start, iter(edges.get(start, [])))]
        state[start] = 1
        path.append(start)
        while stack:
            node, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(target) == 1:
                cycle = path[path.index(target) :]
                if not in_cycle.intersection(cycle):
                    smallest = cycle.index(min(cycle))
                    found.append(cycle[smallest:] + cycle[:smallest])
                in_cycle.update(cycle)
            elif not state.get(target):
                state[target] = 1
                path.append(target)
                stack.append((target, iter(edges.get(target, []))))
    return sorted(found)


@dataclass(frozen=True)
class Provider:
    """What is known today of the initiative depended on."""

    status: str | None
    blocked: bool  # its latest answer reports a blocker
    needed_by: date | None


def trouble_of(provider: Provider, *, today: date) -> Trouble | None:
    """The worst reason the provider puts its dependents at risk today; None when it does not
    (a done provider never does)."""
    if provider.status == Status.DONE:
        return None
    if provider.status == Status.OFF_TRACK:
        return Trouble.OFF_TRACK
    if provider.blocked:
        return Trouble.BLOCKED
    if provider.needed_by is not None and provider.needed_by < today:
        return Trouble.LATE
    if provider.status == Status.AT_RISK:
        return Trouble.AT_RISK
    return None


@dataclass(frozen=True)
class Watched:
    """A dependency as the daily scan sees it: its provider and what was told last."""

    dependency_id: int
    state: str
    provider: Provider
    last_alert: str | None


@dataclass(frozen=True)
class Change:
    """A dependency whose trouble changed: `trouble` to tell (None: cleared, nothing to tell)."""

    dependency_id: int
    trouble: Trouble | None

    @property
    def tells(self) -> bool:
        return self.trouble is not None


def changes(watched: Iterable[Watched], *, today: date) -> list[Change]:
    """The dependencies whose provider's trouble is not the one last told: a new trouble is
    told once; one that went away is cleared, so that the next is told again. A refused
    dependency is the committee's to arbitrate, and is not watched."""
    found = []
    for item in watched:
        if item.state == State.REFUSED:
            continue
        trouble = trouble_of(item.provider, today=today)
        if (trouble.value if trouble else None) != item.last_alert:
            found.append(Change(item.dependency_id, trouble))
    return sorted(found, key=lambda c: c.dependency_id)


def told(*people: str | None) -> list[str]:
    """Who hears of a dependency in trouble, each once, in order: the dependent initiative's
    owner, its accountable, the provider's accountable."""
    return list(dict.fromkeys(p for p in people if p))


def at_risk_through(
    links: Iterable[tuple[int, str, str, Provider]], *, today: date
) -> dict[int, tuple[str, ...]]:
    """Dependent id → the titles of its providers in trouble today, from (dependent id,
    state, provider title, provider) of each dependency; a refused one is not relied on."""
    found: dict[int, list[str]] = {}
    for dependent, state, title, provider in links:
        if state != State.REFUSED and trouble_of(provider, today=today) is not None:
            found.setdefault(dependent, []).append(title)
    return {dependent: tuple(titles) for dependent, titles in found.items()}
