"""What the web dashboard shows and to whom. Who sees an initiative: a CMO, a member of its
committee, or a person named on it (owner or co-owner, accountable, consulted, informed). What the
portfolio counts: statuses per committee, their trend week by week over the quarter, what is
overdue, which decisions fall due. Pure: rows and `today` in, plain data out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from rituals.digest import NO_STATUS, STATUS_ORDER
from rituals.models import CheckIn, Decision, Initiative
from rituals.periods import bounds, following, week_of
from rituals.status import Status
from rituals.visibility import Sight

STATUSES: tuple[str, ...] = (*STATUS_ORDER, NO_STATUS)
DUE_SOON = timedelta(days=14)  # decisions whose follow-up falls due within this are "due"


def named_on(initiative: Initiative, user: str) -> bool:
    named = {initiative.owner, *initiative.co_owners, initiative.accountable}
    named |= {*initiative.consulted, *initiative.informed}
    return user in named


def may_see(sight: Sight, initiative: Initiative) -> bool:
    return (
        sight.everything
        or (initiative.committee or "") in sight.committees
        or named_on(initiative, sight.user)
    )


def may_see_committee(sight: Sight, committee: str) -> bool:
    return sight.everything or committee in sight.committees


def visible(sight: Sight, initiatives: Iterable[Initiative]) -> list[Initiative]:
    return [i for i in initiatives if may_see(sight, i)]


def status_of(value: str | None) -> str:
    return value if value in {s.value for s in Status} else NO_STATUS


def statuses(initiatives: Iterable[Initiative], answers: Iterable[CheckIn]) -> dict[int, str]:
    """Each initiative's status: its latest current answer's, else the one it was given."""
    found = {i.id: status_of(i.status) for i in initiatives if i.id is not None}
    latest: dict[int, str] = {}
    for answer in sorted(answers, key=lambda a: a.period):
        if answer.is_current and answer.status and answer.initiative_id in found:
            latest[answer.initiative_id] = answer.status
    return found | {key: status_of(value) for key, value in latest.items()}


def counts(initiatives: Iterable[Initiative], status: Mapping[int, str]) -> dict[str, Counter[str]]:
    """Statuses per committee ("" for none), committees in name order."""
    found: dict[str, Counter[str]] = {}
    for initiative in initiatives:
        key = status.get(initiative.id or 0, NO_STATUS)
        found.setdefault(initiative.committee or "", Counter())[key] += 1
    return dict(sorted(found.items()))


def quarter_weeks(quarter: str, now: datetime, tz: ZoneInfo) -> list[str]:
    """The ISO weeks of `quarter` up to `now`'s, oldest first (all of them once it ended)."""
    start, end = bounds(quarter, tz)
    last = week_of(min(now, end - timedelta(seconds=1)), tz)
    week, weeks = week_of(start, tz), list[str]()
    if now < start:
        return weeks
    while True:
        weeks.append(week)
        if week == last or len(weeks) > 16:
            return weeks
        week = following(week)


@dataclass(frozen=True)
class WeekCount:
    week: str
    counts: Counter[str]  # status → initiatives in it that week (their latest answer so far)


def trend(
    weeks: Sequence[str], initiatives: Iterable[Initiative], checkins: Iterable[CheckIn]
) -> list[WeekCount]:
    """Each week, how many initiatives stood in each status, by their latest answer up to it."""
    ids = [i.id for i in initiatives if i.id is not None]
    answers: dict[int, dict[str, str]] = {}
    for checkin in checkins:
        if checkin.is_current and checkin.status:
            answers.setdefault(checkin.initiative_id, {})[checkin.period] = checkin.status
    latest: dict[int, str] = {}
    found = []
    for week in weeks:
        for initiative_id in ids:
            said = answers.get(initiative_id, {}).get(week)
            if said is not None:
                latest[initiative_id] = said
        found.append(WeekCount(week, Counter(status_of(latest.get(i)) for i in ids)))
    return found


def overdue(
    initiatives: Iterable[Initiative], status: Mapping[int, str], today: date
) -> list[Initiative]:
    """Past their due date and not done, the longest overdue first."""
    late = [
        i
        for i in initiatives
        if i.due is not None and i.due < today and status.get(i.id or 0) != Status.DONE.value
    ]
    return sorted(late, key=lambda i: (i.due or today, i.title))


def decision_state(decision: Decision) -> str:
    """`deferred`, `done` (reported carried out) or `open`."""
    if decision.deferred:
        return "deferred"
    return "done" if decision.carried_out else "open"


def decisions_due(decisions: Iterable[Decision], today: date) -> list[Decision]:
    """Open decisions whose follow-up is due within two weeks or already late, soonest first."""
    due = [
        d
        for d in decisions
        if decision_state(d) == "open" and d.due is not None and d.due <= today + DUE_SOON
    ]
    return sorted(due, key=lambda d: (d.due or today, d.id or 0))
