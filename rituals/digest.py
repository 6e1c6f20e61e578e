"""The weekly digest of a committee: every initiative's line, what changed, what is missing.

Pure data: the caller reads the check-ins and passes them in; `bot/blocks/digest.py`
turns a `Digest` into Slack messages. An owner who skipped the week or is away is not missing:
each line says why no answer came (`Silence`), and only real silence counts as missing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rituals.periods import previous, recent_weeks
from rituals.status import Status

BARS = "▁▂▃▄▅▆▇█"
FLAT = "▄"  # every known value the same
TREND_PERIODS = 8
# Worst first, so the committee reads what needs it before what goes well.
STATUS_ORDER: tuple[str, ...] = (
    Status.OFF_TRACK.value,
    Status.AT_RISK.value,
    Status.ON_TRACK.value,
    Status.DONE.value,
)
NO_STATUS = "none"


def sparkline(values: Sequence[float | None]) -> str:
    """One bar per value, ▁ for the lowest known value and █ for the highest.

    An unknown value (None, NaN, infinite) is a gap, " "; known values all equal are all ▄.
    """
    known = [value for value in values if value is not None and math.isfinite(value)]
    low, high = (min(known), max(known)) if known else (0.0, 0.0)
    # In halves: the span of two huge floats would overflow to infinity.
    span = high / 2 - low / 2
    bars = []
    for value in values:
        if value is None or not math.isfinite(value):
            bars.append(" ")
        elif high == low:
            bars.append(FLAT)
        else:
            bars.append(BARS[int((value / 2 - low / 2) / span * (len(BARS) - 1) + 0.5)])
    return "".join(bars)


def kpi_trend(
    values: Mapping[str, float | None], period: str, count: int = TREND_PERIODS
) -> tuple[float | None, ...]:
    """The KPI of the `count` weeks ending with `period`, oldest first; None where unknown."""
    return tuple(values.get(week) for week in recent_weeks(period, count))


class Silence(StrEnum):
    """Why an initiative has no answer this week: the owner said they skip it, the owner is
    away, or nothing came (the only one the digest calls missing)."""

    SKIPPED = "skipped"
    AWAY = "away"
    MISSING = "missing"


def silence_of(*, answered: bool, skipped: bool = False, away: bool = False) -> Silence | None:
    """None when answered; a skip the owner (or their deputy) clicked wins over an absence."""
    if answered:
        return None
    if skipped:
        return Silence.SKIPPED
    return Silence.AWAY if away else Silence.MISSING


def status_key(status: str | None) -> str:
    """The key a status is counted under: one of STATUS_ORDER, or "none" (absent or unknown)."""
    return status if status in STATUS_ORDER else NO_STATUS


@dataclass(frozen=True)
class InitiativeLine:
    """One initiative as the digest shows it, for the period of the digest."""

    initiative_id: int
    title: str
    owner: str
    status: str | None
    previous_status: str | None
    progress: int | None
    kpi_value: float | None
    kpi_target: float | None
    kpi_unit: str
    trend: tuple[float | None, ...]  # the KPI over the last 8 periods, oldest first
    blockers: str | None
    answered: bool  # the owner answered this period
    kpi_error: str | None = None  # why the KPI source could not be read this week
    excused: Silence | None = None  # unanswered for a reason: SKIPPED or AWAY
    answered_by: str | None = None  # who gave the answer shown, when not the owner
    through: tuple[str, ...] = ()  # titles of the providers in trouble it depends on

    @property
    def silence(self) -> Silence | None:
        """Why there is no answer this period; None when there is one."""
        if self.answered:
            return None
        return self.excused if self.excused in (Silence.SKIPPED, Silence.AWAY) else Silence.MISSING

    @property
    def changed(self) -> bool:
        """The status differs from last period's, both being known."""
        known = self.status is not None and self.previous_status is not None
        return known and self.status != self.previous_status

    @property
    def trend_line(self) -> str:
        """The trend as a sparkline, or "" when no value of it is known."""
        line = sparkline(self.trend)
        return line if line.strip() else ""


@dataclass(frozen=True)
class Digest:
    """A committee's digest for one period.

    `open_polls` holds (question, deadline text): the deadline is mrkdwn the bot wrote
    (e.g. `slack_date`), shown as is; every other text is the users' and gets escaped.
    """

    committee: str
    period: str
    lines: tuple[InitiativeLine, ...]
    counts: dict[str, int] = field(hash=False)
    changed: tuple[InitiativeLine, ...]
    missing: tuple[InitiativeLine, ...]  # no answer and no reason: the owners owe one
    escalations: tuple[tuple[str, str, int], ...]  # (initiative title, cause, level)
    decisions: tuple[tuple[str, str], ...]  # (question, decision) of the week
    open_polls: tuple[tuple[str, str], ...]  # (question, deadline text)
    skipped: tuple[InitiativeLine, ...] = ()  # the owner skipped the week
    away: tuple[InitiativeLine, ...] = ()  # the owner is away this week


def _order(line: InitiativeLine) -> tuple[int, str, int]:
    key = status_key(line.status)
    rank = STATUS_ORDER.index(key) if key in STATUS_ORDER else len(STATUS_ORDER)
    return rank, line.title.casefold(), line.initiative_id


def build_digest(
    committee: str,
    period: str,
    lines: Iterable[InitiativeLine],
    *,
    escalations: Iterable[tuple[str, str, int]] = (),
    decisions: Iterable[tuple[str, str]] = (),
    open_polls: Iterable[tuple[str, str]] = (),
) -> Digest:
    """Sort the lines (off track, at risk, on track, done, no status; then by title) and
    count them. Each initiative appears once: a repeated id is a caller's error."""
    ordered = tuple(sorted(lines, key=_order))
    seen = Counter(line.initiative_id for line in ordered)
    repeated = sorted(key for key, times in seen.items() if times > 1)
    if repeated:
        raise ValueError(f"initiatives listed more than once in the digest: {repeated}")
    tally = Counter(status_key(line.status) for line in ordered)
    return Digest(
        committee=committee,
        period=period,
        lines=ordered,
        counts={key: tally[key] for key in (*STATUS_ORDER, NO_STATUS)},
        changed=tuple(line for line in ordered if line.changed),
        missing=tuple(line for line in ordered if line.silence is Silence.MISSING),
        skipped=tuple(line for line in ordered if line.silence is Silence.SKIPPED),
        away=tuple(line for line in ordered if line.silence is Silence.AWAY),
        escalations=tuple((title, cause, level) for title, cause, level in escalations),
        decisions=tuple((question, decision) for question, decision in decisions),
        open_polls=tuple((question, deadline) for question, deadline in open_polls),
    )


@dataclass(frozen=True)
class Answered:
    """What the digest needs of an answer."""

    status: str | None
    progress: int | None
    kpi_value: float | None
    blockers: str | None
    author: str | None = None  # who gave it: an owner, a co-owner or a deputy


def line_of(
    *,
    initiative_id: int,
    title: str,
    owner: str,
    status: str | None,
    kpi_target: float | None,
    kpi_unit: str,
    answers: Mapping[str, Answered],
    period: str,
    reading: tuple[str, float | None, str | None] | None = None,
    skipped: bool = False,
    away: bool = False,
) -> InitiativeLine:
    """One initiative's line for the digest of `period`: this week's answer, else the latest;
    the KPI read from its source this week wins over the owner's (`reading` is (period,
    value, error)); the trend is the owners' KPI values of the last weeks. `skipped`: the
    week's prompt was skipped; `away`: an absence of the owner excuses the week."""
    latest = answers[max(answers)] if answers else None
    now, before = answers.get(period), answers.get(previous(period))
    shown = now or latest
    fetched = reading if reading is not None and reading[0] == period else None
    kpi = fetched[1] if fetched is not None and fetched[1] is not None else None
    return InitiativeLine(
        initiative_id=initiative_id,
        title=title,
        owner=owner,
        status=shown.status if shown else status,
        previous_status=before.status if before else None,
        progress=latest.progress if latest else None,
        kpi_value=kpi if kpi is not None else (latest.kpi_value if latest else None),
        kpi_target=kpi_target,
        kpi_unit=kpi_unit,
        trend=kpi_trend({p: a.kpi_value for p, a in answers.items()}, period),
        blockers=latest.blockers if latest else None,
        answered=now is not None,
        kpi_error=fetched[2] if fetched is not None else None,
        excused=_excuse(silence_of(answered=now is not None, skipped=skipped, away=away)),
        answered_by=shown.author if shown and shown.author not in (None, "", owner) else None,
    )


def _excuse(silence: Silence | None) -> Silence | None:
    return silence if silence in (Silence.SKIPPED, Silence.AWAY) else None
