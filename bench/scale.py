"""Benchmark: the big work at 10,000 initiatives, on SQLite and PostgreSQL.

    python bench/scale.py [--initiatives 10000] [--weeks 12] [--postgres-url URL]

A roadmap of that many initiatives (owners with 1 to 6 each, two committees of thousands)
with `--weeks` weeks of answers, then two silent weeks; then, as the days come: the first
escalation scan (every initiative escalates), the Monday check-in enqueue, the next day's
scan, the Friday digest, `export checkins` with its history, and the next Monday's scan
(every escalation raised to the accountable). Each figure with its wall time and the SQL
statements it issued (those of the thread doing the work); the export's peak memory is the
real CLI's, `python -m bot export checkins --history > /dev/null`, run in a subprocess.

PostgreSQL: `--postgres-url` (default: $RITUALBOT_TEST_POSTGRES_URL) names a server; a
database of its own is created there and dropped afterwards."""

from __future__ import annotations

import argparse
import io
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, create_engine, event, insert, text
from sqlalchemy.engine import make_url

from bench.common import environ_for
from bot.app import Bot, build
from bot.delivery import keys
from bot.devtools.standin import SlackStandIn
from bot.settings import load_settings
from rituals.models import CheckIn, CheckinPrompt, Initiative
from rituals.periods import recent_weeks, week_of

ROOT = Path(__file__).resolve().parent.parent
PARIS = ZoneInfo("Europe/Paris")
MONDAY = datetime(2026, 12, 14, 8, 0, tzinfo=PARIS)  # 2026-W51, the daily scan's hour
SEEDED = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
SHARES = (1, 2, 3, 1, 4, 2, 6, 1, 3, 5)  # initiatives per owner, in turn: 2.8 on average
ACCOUNTABLES = [f"U0ACCT{n:03d}" for n in range(200)]
COMMITTEES = ("comex", "opscom")
T = TypeVar("T")


def owners_of(count: int) -> list[str]:
    """The owner of each of `count` initiatives: owners with 1 to 6 initiatives each."""
    owners: list[str] = []
    person = 0
    while len(owners) < count:
        owners.extend([f"U{person:08d}"] * SHARES[person % len(SHARES)])
        person += 1
    return owners[:count]


def seed(engine: Engine, count: int, answered: list[str], silent: list[str]) -> None:
    """`count` initiatives answered each week of `answered` (one in ten answered twice,
    the first answer kept as history), then prompted and silent the weeks of `silent`."""
    owners = owners_of(count)
    rows: list[dict[str, Any]] = [
        {"title": f"Initiative {n}", "owner": owner, "accountable": ACCOUNTABLES[n % 200],
         "committee": COMMITTEES[n % 2], "quarter": "2026-Q4", "objective": "Serve faster",
         "kpi_name": "Lead time", "kpi_unit": "days", "kpi_baseline": 9.0, "kpi_target": 5.0,
         "consulted": [], "informed": [], "created_at": SEEDED, "updated_at": SEEDED}
        for n, owner in enumerate(owners)
    ]  # fmt: skip
    with engine.begin() as connection:
        connection.execute(insert(Initiative), rows)
        ids = [i for (i,) in connection.execute(text("SELECT id FROM initiative ORDER BY id"))]
        pairs = list(zip(ids, owners, strict=True))
        for week in [*answered, *silent]:
            connection.execute(insert(CheckinPrompt), [
                {"initiative_id": i, "period": week, "owner": owner, "recipient": owner,
                 "message_key": keys.prompt(week, owner), "created_at": SEEDED}
                for i, owner in pairs
            ])  # fmt: skip
        for k, week in enumerate(answered):
            connection.execute(insert(CheckIn), [
                {"initiative_id": i, "period": week, "status": "on_track", "progress": 30,
                 "kpi_value": 7.0, "blockers": None, "raw_text": "orange 20%", "source": "message",
                 "author": owner, "submitted_at": SEEDED + timedelta(weeks=k), "is_current": False,
                 "asked": {}, "corrected": False}
                for i, owner in pairs if i % 10 == 0
            ])  # fmt: skip
            connection.execute(insert(CheckIn), [
                {"initiative_id": i, "period": week,
                 "status": ("on_track", "at_risk", "off_track")[(i + k) % 3],
                 "progress": (k * 8) % 100, "kpi_value": 9.0 - k * 0.3 + (i % 7) / 10,
                 "blockers": "supplier late" if i % 11 == 0 else None,
                 "raw_text": "vert 40% kpi 6.5", "source": "message", "author": owner,
                 "submitted_at": SEEDED + timedelta(weeks=k, hours=2), "is_current": True,
                 "asked": {}, "corrected": False}
                for i, owner in pairs
            ])  # fmt: skip


class Statements:
    """The SQL statements the calling thread issues on `engine`, while `counting()`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.count = 0
        self._thread = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: object) -> None:
        if threading.get_ident() == self._thread:
            self.count += 1

    def measure(self, work: Callable[[], T]) -> tuple[T, float, int]:
        """`work()`, its wall time and its statements."""
        self.count, self._thread = 0, threading.get_ident()
        started = time.perf_counter()
        try:
            result = work()
        finally:
            self._thread = 0
        return result, time.perf_counter() - started, self.count


def cli_export(environ: dict[str, str], *args: str) -> tuple[float, int]:
    """Wall time and peak resident memory (MB) of the real CLI's export, to /dev/null."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen(
            [sys.executable, "-m", "bot", "export", "checkins", *args],
            cwd=ROOT,
            env={**os.environ, **environ},
            stdout=sink,
            stderr=subprocess.PIPE,
        )
        _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    error = child.stderr.read().decode() if child.stderr else ""
    if status != 0:
        raise RuntimeError(f"export failed ({status}): {error}")
    return elapsed, usage.ru_maxrss // 1024


def in_process_export(bot: Bot, history: bool) -> int:
    """The export as the CLI writes it, here to a sink; the bytes written."""
    from bot.services import exports

    class Sink(io.TextIOBase):
        written = 0

        def write(self, chunk: str) -> int:
            self.written += len(chunk)
            return len(chunk)

    sink = Sink()
    rows = exports.checkin_records(bot.database.engine, history=history)
    exports.write(rows, exports.CHECKIN_COLUMNS, sink, fmt="csv")
    return sink.written


def line(label: str, elapsed: float, statements: int, extra: str = "") -> None:
    print(f"  {label:<44} {elapsed:6.2f} s {statements:6d} statements{extra}", flush=True)


def run(name: str, url: str, count: int, weeks: int) -> None:
    period = week_of(MONDAY, PARIS)
    history = recent_weeks(period, weeks + 3)
    answered, silent = history[:weeks], history[weeks:-1]
    users = {o: {"real_name": f"Owner {o[1:]}", "email": f"{o}@example.com"}
             for o in set(owners_of(count)) | set(ACCOUNTABLES)}  # fmt: skip
    with SlackStandIn(users=users) as standin:
        environ = environ_for(standin, database_url=url)
        bot = build(load_settings(environ))
        try:
            started = time.perf_counter()
            seed(bot.database.engine, count, answered, silent)
            seeded = time.perf_counter() - started
            owners = len(set(owners_of(count)))
            print(
                f"{name}: {count} initiatives of {owners} owners, {weeks} weeks answered then "
                f"{len(silent)} silent (seeded in {seeded:.1f} s)",
                flush=True,
            )
            measure = Statements(bot.database.engine).measure
            rituals = bot.rituals

            result, elapsed, statements = measure(lambda: rituals.run("escalation", now=MONDAY))
            line("first escalation scan (every one escalates)", elapsed, statements,
                 f", {result.queued} messages queued")  # fmt: skip
            at = MONDAY + timedelta(hours=1)
            result, elapsed, statements = measure(lambda: rituals.run("checkin", now=at))
            line("check-in enqueue", elapsed, statements, f", {result.queued} prompts queued")
            at = MONDAY + timedelta(days=1)
            result, elapsed, statements = measure(lambda: rituals.run("escalation", now=at))
            line("the next day's scan (nothing new)", elapsed, statements,
                 f", {result.queued} messages queued")  # fmt: skip
            at = MONDAY + timedelta(days=4, hours=8)
            result, elapsed, statements = measure(lambda: rituals.run("digest", now=at))
            line(f"digest ({len(COMMITTEES)} committees)", elapsed, statements,
                 f", {result.queued} messages queued")  # fmt: skip
            for flag in (False, True):
                written, elapsed, statements = measure(lambda h=flag: in_process_export(bot, h))
                label = "export checkins" + (" --history" if flag else "") + ", in process"
                line(label, elapsed, statements, f", {written / 1e6:.1f} MB of CSV")
            for args in ((), ("--history",)):
                elapsed, peak = cli_export(environ, *args)
                label = " ".join(("python -m bot export checkins", *args))
                print(f"  {label:<44} {elapsed:6.2f} s, peak {peak} MB resident", flush=True)
            at = MONDAY + timedelta(weeks=1)
            result, elapsed, statements = measure(lambda: rituals.run("escalation", now=at))
            line("a week later: every one raised", elapsed, statements,
                 f", {result.queued} messages queued")  # fmt: skip
        finally:
            bot.stop()


@contextmanager
def postgres_database(server: str) -> Iterator[str]:
    """A database of its own on `server`, dropped afterwards."""
    name = f"ritualbot_scale_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--initiatives", type=int, default=10000)
    parser.add_argument("--weeks", type=int, default=12, help="weeks of answers (default: 12)")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("RITUALBOT_TEST_POSTGRES_URL"),
        help="a PostgreSQL server (default: $RITUALBOT_TEST_POSTGRES_URL; none: SQLite only)",
    )
    parser.add_argument("--only", choices=("sqlite", "postgres"), default=None)
    args = parser.parse_args()
    if args.only != "postgres":
        with tempfile.TemporaryDirectory(prefix="ritualbot-scale-") as folder:
            run("SQLite", f"sqlite:///{folder}/scale.db", args.initiatives, args.weeks)
    if args.only == "sqlite":
        return
    if not args.postgres_url:
        print("PostgreSQL: skipped (no --postgres-url, no $RITUALBOT_TEST_POSTGRES_URL)")
        return
    with postgres_database(args.postgres_url) as url:
        run("PostgreSQL", url, args.initiatives, args.weeks)


if __name__ == "__main__":
    main()
