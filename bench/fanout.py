"""Benchmark (a): the weekly check-in fanned out to N owners through the outbox, against a
stand-in Slack that allows 20 chat.postMessage per second with a burst of 20.

    python bench/fanout.py [--owners 2000]

Prints the wall time against the floor (N − burst) / rate, and messages lost, duplicated
and 429s received."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import environ_for, owners, seed
from bot.app import build
from bot.devtools.standin import SlackStandIn
from bot.settings import load_settings

RATE, BURST = 20, 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--owners", type=int, default=2000)
    args = parser.parse_args()
    people = owners(args.owners)
    with SlackStandIn(users=people, rate_limits={"chat.postMessage": (RATE, BURST)}) as standin:
        bot = build(load_settings(environ_for(standin, rate=RATE, burst=BURST)))
        seed(bot.database.engine, people)
        now = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))
        started = time.perf_counter()
        result = bot.rituals.run("checkin", now=now)
        queued_at = time.perf_counter()
        left = bot.delivery.drain()
        wall = time.perf_counter() - started
        posts = standin.calls("chat.postMessage")
        throttled = [c for c in standin.calls("chat.postMessage", all=True) if c.status == 429]
    per_owner = Counter(c.params["channel"] for c in posts)
    floor = (args.owners - BURST) / RATE
    print(f"fan-out of the check-in to {args.owners} owners, stand-in limit {RATE}/s burst {BURST}")
    print(f"  queued {result.queued} prompts in {queued_at - started:.2f} s (one transaction)")
    print(
        f"  wall time {wall:.1f} s; floor {floor:.1f} s; ratio {wall / floor:.3f} "
        f"({(wall / floor - 1) * 100:+.1f}% over the floor)"
    )
    print(
        f"  delivered {len(per_owner)}; lost {args.owners - len(per_owner)}; "
        f"duplicates {sum(n - 1 for n in per_owner.values())}; pending {left}; "
        f"429s received {len(throttled)}"
    )


if __name__ == "__main__":
    main()
