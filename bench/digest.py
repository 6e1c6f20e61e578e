"""Benchmark: the weekly digest of one committee of 2,000 initiatives with 12 weeks of
history, and the escalation scan over 10,000 initiatives.

    python bench/digest.py [--initiatives 2000] [--weeks 12] [--scan 10000]

Prints the time to build and render, the SQL statements issued (constant, not one per
initiative), and the messages produced."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, insert
from sqlmodel import Session

from bench.common import environ_for
from bot.app import build
from bot.devtools.standin import SlackStandIn
from bot.services.digest import DigestRitual
from bot.settings import load_settings
from rituals.models import CheckIn, CheckinPrompt, Initiative
from rituals.periods import recent_weeks, week_of

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 12, 18, 16, 0, tzinfo=PARIS)  # a Friday of 2026-W51


def seed(engine, count: int, weeks: list[str], committee: str, answered: bool) -> None:
    with Session(engine) as session:
        start = len(session.exec(Initiative.__table__.select()).all())  # type: ignore[attr-defined]
        session.execute(insert(Initiative), [
            {"title": f"{committee} initiative {n}", "owner": f"U{n % 500:08d}",
             "quarter": "2026-Q4", "committee": committee, "kpi_name": "Lead time",
             "kpi_unit": "days", "kpi_target": 5.0, "consulted": [], "informed": [],
             "created_at": NOW, "updated_at": NOW}
            for n in range(count)
        ])  # fmt: skip
        ids = range(start + 1, start + count + 1)
        session.execute(insert(CheckinPrompt), [
            {"initiative_id": i, "period": w, "owner": f"U{i % 500:08d}",
             "message_key": f"checkin:{w}:initiative:{i}", "created_at": NOW}
            for i in ids for w in weeks
        ])  # fmt: skip
        if answered:
            session.execute(insert(CheckIn), [
                {"initiative_id": i, "period": w,
                 "status": ("on_track", "at_risk", "off_track")[(i + k) % 3],
                 "progress": (k * 8) % 100, "kpi_value": 9.0 - k * 0.3 + (i % 7) / 10,
                 "blockers": "supplier" if i % 11 == 0 else None, "source": "message",
                 "author": f"U{i % 500:08d}", "submitted_at": NOW, "is_current": True}
                for i in ids for k, w in enumerate(weeks) if (i + k) % 5
            ])  # fmt: skip
        session.commit()


def count_statements(engine) -> list[str]:
    statements: list[str] = []
    event.listen(
        engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_: statements.append(statement),
    )
    return statements


def main() -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--initiatives", type=int, default=2000)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--scan", type=int, default=10000)
    args = parser.parse_args()
    weeks = recent_weeks(week_of(NOW, PARIS), args.weeks)
    with SlackStandIn() as standin:
        bot = build(load_settings(environ_for(standin)))
        engine = bot.database.engine
        ritual = DigestRitual(bot.database, bot.settings, bot.readers, bot.people)
        started = time.perf_counter()
        seed(engine, args.initiatives, weeks, "comex", answered=True)
        seeded = time.perf_counter() - started
        statements = count_statements(engine)
        started = time.perf_counter()
        with Session(engine) as session:
            digest = ritual.committee_digest(session, "comex", now=NOW)
            built = time.perf_counter() - started
            queries = len(statements)
            messages = ritual.post(session, digest, NOW)
            rendered = time.perf_counter() - started
            session.rollback()
        print(
            f"digest of {args.initiatives} initiatives with {args.weeks} weeks of history "
            f"(seeded in {seeded:.1f} s)"
        )
        print(
            f"  built in {built:.2f} s with {queries} SQL statements; built and rendered in "
            f"{rendered:.2f} s; {messages} messages (1 top + {messages - 1} in the thread)"
        )

        seed(engine, args.scan - args.initiatives, weeks[-3:], "opscom", answered=False)
        statements.clear()
        started = time.perf_counter()
        result = bot.rituals.run("escalation", now=NOW + timedelta(days=4))
        elapsed = time.perf_counter() - started
        print(
            f"escalation scan over {args.scan} initiatives: {elapsed:.2f} s, "
            f"{len(statements)} SQL statements; {result.queued} messages queued"
        )
        statements.clear()
        started = time.perf_counter()
        again = bot.rituals.run("escalation", now=NOW + timedelta(days=5))
        elapsed = time.perf_counter() - started
        print(
            f"  the next day's scan, nothing new: {elapsed:.2f} s, {len(statements)} SQL "
            f"statements; {again.queued} messages queued"
        )
        bot.stop()


if __name__ == "__main__":
    main()
