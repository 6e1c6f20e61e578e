"""Running a ritual for the period of `now`, whichever service does it; the registry says how."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from bot import metrics
from bot.delivery.outbox import ritual_run
from bot.settings import Settings
from rituals.db import Database
from rituals.registry import Ritual, RunResult, spec_of
from rituals.store import outbox, runs

log = logging.getLogger(__name__)

Job = Callable[..., RunResult]


def run_of(ritual: Ritual | str, period: str) -> str:
    """The name of one run of a ritual, which its messages carry: "checkin:2026-W48"."""
    return f"{Ritual(ritual).value}:{period}"


class UnknownRitual(Exception):
    """A ritual name this version does not run."""


class Rituals:
    def __init__(self, database: Database, settings: Settings, jobs: dict[Ritual, Job]) -> None:
        self.database = database
        self.settings = settings
        self.jobs = jobs
        missing = set(Ritual) - set(jobs)
        if missing:
            raise ValueError(f"no service runs {', '.join(sorted(missing))}")

    def run(self, name: str, *, now: datetime, committee: str | None = None) -> RunResult:
        """Run a ritual once for the period of `now`; a second run for it adds nothing."""
        try:
            ritual = Ritual(name)
        except ValueError:
            raise UnknownRitual(name) from None
        period = spec_of(ritual).period_of(now, self.settings.tz)
        run = run_of(ritual, period)
        started = time.perf_counter()
        try:
            with ritual_run(run):
                result = self.jobs[ritual](now=now, committee=committee)
        except IntegrityError:
            # another replica ran the same ritual at the same moment: its rows stand
            log.info("ritual %s ran elsewhere at the same moment; nothing more to do", name)
            return RunResult(ritual, period, 0, False)
        with self.database.write() as session:  # what failed last time goes once more
            again = outbox.retry_run(session=session, run=run, now=datetime.now(UTC))
            if again:
                session.info["outbox"] = True
                log.info("ritual %s %s: %d failed message(s) sent again", name, period, again)
        metrics.RITUAL_RUNS.labels(ritual.value).inc()
        metrics.RITUAL_SECONDS.labels(ritual.value).observe(time.perf_counter() - started)
        return replace(result, queued=result.queued + again)

    def has_run(self, name: str, *, at: datetime) -> bool:
        """Whether the ritual ran (for any committee) in the period of `at`."""
        period = spec_of(name).period_of(at, self.settings.tz)
        with self.database.read() as session:
            return runs.has_run(session=session, ritual=name, period=period)
