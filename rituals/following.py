"""What the Informed of an initiative hear once a week: what changed on the initiatives they
follow since the last "following" message — a status that moved, a decision taken, an
escalation opened or resolved. Nothing changed: nothing to say. Plain data in and out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ChangeKind(StrEnum):
    STATUS = "status"
    DECISION = "decision"
    OPENED = "opened"  # an escalation opened
    RESOLVED = "resolved"  # an escalation resolved


@dataclass(frozen=True)
class Followed:
    """An initiative as its Informed follow it."""

    id: int
    title: str
    informed: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    """One thing that changed on an initiative: `before`/`after` are statuses, `text` the
    decision, `cause` the escalation's."""

    initiative_id: int
    kind: ChangeKind
    at: datetime
    before: str | None = None
    after: str | None = None
    text: str | None = None
    cause: str | None = None


@dataclass(frozen=True)
class FollowingNews:
    """What one person hears: each initiative they follow that changed, with its changes."""

    person: str
    initiatives: tuple[tuple[Followed, tuple[Change, ...]], ...]


def status_changes(
    answers: Iterable[tuple[int, str, datetime]], *, since: datetime, until: datetime
) -> list[Change]:
    """A status that moved in [since, until): the one known at `since` against the latest
    given before `until`. `answers` are (initiative, status, submitted_at)."""
    by_initiative: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
    for initiative_id, status, at in answers:
        if at < until:
            by_initiative[initiative_id].append((at, status))
    changes = []
    for initiative_id, given in by_initiative.items():
        given.sort()
        before = [status for at, status in given if at < since]
        after_at, after = given[-1]
        was = before[-1] if before else None
        if after_at >= since and after != was:
            changes.append(Change(initiative_id, ChangeKind.STATUS, after_at, was, after))
    return changes


def escalation_changes(
    escalations: Iterable[tuple[int, str, datetime, datetime | None]],
    *,
    since: datetime,
    until: datetime,
) -> list[Change]:
    """Escalations opened or resolved in [since, until); each is (initiative, cause, opened,
    resolved). One opened and resolved within the window is both."""
    changes = []
    for initiative_id, cause, opened, resolved in escalations:
        if since <= opened < until:
            changes.append(Change(initiative_id, ChangeKind.OPENED, opened, cause=cause))
        if resolved is not None and since <= resolved < until:
            changes.append(Change(initiative_id, ChangeKind.RESOLVED, resolved, cause=cause))
    return changes


def decision_changes(
    decisions: Iterable[tuple[int, str, datetime]], *, since: datetime, until: datetime
) -> list[Change]:
    """Decisions about an initiative taken in [since, until): (initiative, decision, at)."""
    return [
        Change(initiative_id, ChangeKind.DECISION, at, text=text)
        for initiative_id, text, at in decisions
        if since <= at < until
    ]


def news(
    followed: Sequence[Followed],
    changes: Iterable[Change],
    *,
    stopped: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[FollowingNews]:
    """Per Informed person who did not stop following, the initiatives of theirs that
    changed, by title, each change in time order; a person with no change is left out."""
    by_initiative: Mapping[int, list[Change]] = defaultdict(list)
    for change in changes:
        by_initiative[change.initiative_id].append(change)
    heard: dict[str, list[tuple[Followed, tuple[Change, ...]]]] = defaultdict(list)
    for initiative in sorted(followed, key=lambda i: (i.title.casefold(), i.id)):
        changed = tuple(sorted(by_initiative.get(initiative.id, []), key=lambda c: c.at))
        if not changed:
            continue
        for person in dict.fromkeys(initiative.informed):
            if person and person not in stopped:
                heard[person].append((initiative, changed))
    return [FollowingNews(person, tuple(items)) for person, items in sorted(heard.items())]
