"""Cadences → ritual jobs: APScheduler 3 in the serve process, plus a catch-up on start.

APScheduler fires each ritual at its cadence in the workspace time zone (stable job ids,
coalescing, a misfire grace). A bot that was down over a ritual's time runs it once when it
comes back: on start, each ritual whose last scheduled time fell within the grace window and
whose period has no recorded run is run then. Runs are keyed in the database, so this is
safe with several replicas.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from bot.deps import Deps
from bot.jobs import JOBS, PERIOD_OF, has_run, run_ritual
from bot.polls import close_due
from bot.triggers import trigger_for

log = logging.getLogger(__name__)

MISFIRE_GRACE = timedelta(hours=24)


class RitualScheduler:
    def __init__(self, deps: Deps, rituals: tuple[str, ...] = tuple(JOBS)) -> None:
        self.deps = deps
        self.rituals = rituals
        self.scheduler = BackgroundScheduler(
            timezone=deps.settings.tz,
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": int(MISFIRE_GRACE.total_seconds()),
            },
        )

    def start(self) -> None:
        tz = self.deps.settings.tz
        for name in self.rituals:
            self.scheduler.add_job(
                self.fire,
                trigger=trigger_for(self.deps.settings.cadence(name), tz),
                args=[name],
                id=f"ritual:{name}",
                name=f"ritual {name}",
                replace_existing=True,
            )
        self.scheduler.add_job(
            self.close_polls, "interval", minutes=1, id="close-polls", replace_existing=True
        )
        if self.deps.settings.config.checkin_local_time:
            # each owner is asked at the ritual's hour in their own zone: look every hour
            for name in ("checkin", "reminder"):
                self.scheduler.add_job(
                    self.fire,
                    "interval",
                    hours=1,
                    args=[name],
                    id=f"ritual:{name}:local",
                    replace_existing=True,
                )
        self.scheduler.start()
        self.scheduler.add_job(self.catch_up, id="catch-up", replace_existing=True)

    def close_polls(self) -> None:
        """Polls close at their deadline, stored in the database: a restart loses none."""
        closed = close_due(self.deps, now=self.deps.clock())
        if closed:
            log.info("closed %d poll(s) at their deadline", closed)

    def stop(self) -> None:
        self.scheduler.shutdown(wait=False)

    def fire(self, name: str) -> None:
        result = run_ritual(self.deps, name, now=self.deps.clock())
        log.info("ritual %s %s: %d messages queued", name, result.period, result.queued)

    def catch_up(self, now: datetime | None = None) -> list[str]:
        """Run, once, each ritual missed within the grace window; the names run."""
        now = now or self.deps.clock()
        close_due(self.deps, now=now)
        missed = []
        for name in self.rituals:
            if name not in PERIOD_OF:
                continue  # a daily scan simply runs at its next time
            last = previous_fire(self.deps, name, now)
            if last is not None and not has_run(self.deps, name, at=last):
                log.info("ritual %s was due at %s and did not run: running it now", name, last)
                run_ritual(self.deps, name, now=last)
                missed.append(name)
        return missed


def previous_fire(deps: Deps, name: str, now: datetime) -> datetime | None:
    """The ritual's last scheduled time in (now − grace, now], if any."""
    trigger = trigger_for(deps.settings.cadence(name), deps.settings.tz)
    last = None
    fire = trigger.get_next_fire_time(None, now - MISFIRE_GRACE)
    while fire is not None and fire <= now:
        last = fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    return last
