"""Cadences → ritual runs: APScheduler 3 in the serve process, plus a catch-up on start.

APScheduler fires each ritual of the registry at its cadence in the workspace time zone
(stable job ids, coalescing, a misfire grace). A bot that was down over a ritual's time runs
it once when it comes back: on start, each ritual whose spec catches up, whose last time fell
within the grace window and whose period has no recorded run, is run then. Runs are keyed in
the database, so this is safe with several replicas.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from bot.services.rituals import Rituals
from bot.settings import Settings
from bot.triggers import trigger_for
from rituals.registry import SPECS

log = logging.getLogger(__name__)

MISFIRE_GRACE = timedelta(hours=24)


class RitualScheduler:
    def __init__(
        self,
        settings: Settings,
        rituals: Rituals,
        *,
        clock: Callable[[], datetime],
        close_polls: Callable[[datetime], int],
    ) -> None:
        self.settings = settings
        self.rituals = rituals
        self.clock = clock
        self.close_due = close_polls
        self.scheduler = BackgroundScheduler(
            timezone=settings.tz,
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": int(MISFIRE_GRACE.total_seconds()),
            },
        )

    def start(self) -> None:
        tz = self.settings.tz
        for ritual, spec in SPECS.items():
            self.scheduler.add_job(
                self.fire,
                trigger=trigger_for(self.settings.cadence(ritual), tz),
                args=[ritual.value],
                id=f"ritual:{ritual.value}",
                name=f"ritual {ritual.value}",
                replace_existing=True,
            )
            if spec.local_time and self.settings.config.checkin_local_time:
                # each person is asked at the ritual's hour in their own zone: look every hour
                self.scheduler.add_job(
                    self.fire,
                    "interval",
                    hours=1,
                    args=[ritual.value],
                    id=f"ritual:{ritual.value}:local",
                    replace_existing=True,
                )
        self.scheduler.add_job(
            self.close_polls, "interval", minutes=1, id="close-polls", replace_existing=True
        )
        self.scheduler.start()
        self.scheduler.add_job(self.catch_up, id="catch-up", replace_existing=True)

    def close_polls(self) -> None:
        """Polls close at their deadline, stored in the database: a restart loses none."""
        closed = self.close_due(self.clock())
        if closed:
            log.info("closed %d poll(s) at their deadline", closed)

    def stop(self) -> None:
        self.scheduler.shutdown(wait=False)

    def fire(self, name: str) -> None:
        result = self.rituals.run(name, now=self.clock())
        log.info("ritual %s %s: %d message(s) queued", name, result.period, result.queued)

    def catch_up(self, now: datetime | None = None) -> list[str]:
        """Run, once, each ritual missed within the grace window; the names run."""
        now = now or self.clock()
        self.close_due(now)
        missed = []
        for ritual, spec in SPECS.items():
            if not spec.catch_up:
                continue  # a daily scan simply runs at its next time
            last = previous_fire(self.settings, ritual.value, now)
            if last is not None and not self.rituals.has_run(ritual.value, at=last):
                log.info("ritual %s was due at %s and did not run: running it now", ritual, last)
                self.rituals.run(ritual.value, now=last)
                missed.append(ritual.value)
        return missed


def previous_fire(settings: Settings, name: str, now: datetime) -> datetime | None:
    """The ritual's last scheduled time in (now − grace, now], if any."""
    trigger = trigger_for(settings.cadence(name), settings.tz)
    last = None
    fire = trigger.get_next_fire_time(None, now - MISFIRE_GRACE)
    while fire is not None and fire <= now:
        last = fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    return last
