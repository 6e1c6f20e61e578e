"""The rituals the bot runs: one enum, one spec each. Settings, the CLI, the scheduler and the
catch-up on start all read this list; adding a ritual starts here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal
from zoneinfo import ZoneInfo

from rituals.periods import month_of, previous, quarter_of, week_of

PeriodKind = Literal["week", "month", "quarter", "day"]


class Ritual(StrEnum):
    CHECKIN = "checkin"
    REMINDER = "reminder"
    DIGEST = "digest"
    ESCALATION = "escalation"
    ARBITRATION = "arbitration"
    REVIEW = "review"
    FOLLOWING = "following"
    CONSULT = "consult"
    NUDGE = "nudge"


def day_of(now: datetime, tz: ZoneInfo) -> str:
    return now.astimezone(tz).date().isoformat()


def _previous_quarter(now: datetime, tz: ZoneInfo) -> str:
    return previous(quarter_of(now, tz))


_PERIOD_OF: dict[PeriodKind, Callable[[datetime, ZoneInfo], str]] = {
    "week": week_of,
    "month": month_of,
    "quarter": _previous_quarter,  # the review looks back at the quarter that just ended
    "day": day_of,
}


@dataclass(frozen=True)
class RitualSpec:
    """How a ritual runs.

    - `cadence`: its default time, as operators write cadences (`monday 09:00`);
    - `period`: what one run covers; a second run for the same period sends nothing new;
    - `per_committee`: one run (and one run key) per committee, or one for the workspace;
    - `catch_up`: run once on start when its last time passed while the bot was down;
    - `local_time`: with `checkin_local_time`, each person at the ritual's hour in their zone.
    """

    ritual: Ritual
    cadence: str
    period: PeriodKind
    per_committee: bool
    catch_up: bool
    local_time: bool = False
    summary: str = ""

    def period_of(self, now: datetime, tz: ZoneInfo) -> str:
        return _PERIOD_OF[self.period](now, tz)


SPECS: dict[Ritual, RitualSpec] = {
    spec.ritual: spec
    for spec in (
        RitualSpec(
            Ritual.CHECKIN,
            "monday 09:00",
            "week",
            per_committee=False,
            catch_up=True,
            local_time=True,
            summary="each owner is asked for the week's update",
        ),
        RitualSpec(
            Ritual.REMINDER,
            "wednesday 09:00",
            "week",
            per_committee=False,
            catch_up=True,
            local_time=True,
            summary="one nudge to those who have not answered",
        ),
        RitualSpec(
            Ritual.DIGEST,
            "friday 16:00",
            "week",
            per_committee=True,
            catch_up=True,
            summary="each committee reads its week",
        ),
        RitualSpec(
            Ritual.ESCALATION,
            "daily 08:00",
            "day",
            per_committee=False,
            catch_up=False,
            summary="what is silent, late, off track or blocked climbs the ladder",
        ),
        RitualSpec(
            Ritual.ARBITRATION,
            "first tuesday 10:00",
            "month",
            per_committee=True,
            catch_up=True,
            summary="the queued requests put to each committee as polls",
        ),
        RitualSpec(
            Ritual.REVIEW,
            "quarterly first monday 09:00",
            "quarter",
            per_committee=True,
            catch_up=True,
            summary="the quarter that ended, to each committee",
        ),
        RitualSpec(
            Ritual.FOLLOWING,
            "friday 15:00",
            "week",
            per_committee=False,
            catch_up=True,
            summary="each Informed person hears what changed on what they follow",
        ),
        RitualSpec(
            Ritual.CONSULT,
            "cron 0 * * * *",
            "day",
            per_committee=False,
            catch_up=False,
            summary="polls whose consult round ended open, with what the Consulted said",
        ),
        RitualSpec(
            Ritual.NUDGE,
            "cron 30 * * * *",
            "day",
            per_committee=False,
            catch_up=False,
            summary="one nudge to who has not voted, a working day before a poll closes",
        ),
    )
}
NAMES = tuple(ritual.value for ritual in Ritual)


@dataclass(frozen=True)
class RunResult:
    """What one run of a ritual did: its period, the messages it queued, whether it was the
    period's first run (a second one only does what was missing)."""

    ritual: str
    period: str
    queued: int
    first_run: bool


def spec_of(name: str | Ritual) -> RitualSpec:
    """The spec of a ritual by name; ValueError naming the rituals otherwise."""
    try:
        return SPECS[Ritual(name)]
    except ValueError:
        raise ValueError(f'unknown ritual "{name}"; the rituals are {", ".join(NAMES)}') from None
