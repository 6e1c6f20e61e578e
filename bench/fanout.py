"""Benchmark (a): the weekly check-in fanned out through the outbox, the bot in its DEFAULT
configuration (it is not told Slack's limit: it learns it), against stand-ins allowing 2, 5,
20 and 50 chat.postMessage a second with a burst of 20.

    python bench/fanout.py                     # every part below (~8 minutes)
    python bench/fanout.py --rates 20 --skip-receipts --skip-replicas

1. Per rate: wall time against the floor (owners − burst) / rate, 429s received, messages
   lost and sent twice. The owners per rate make a floor of ~100 s (2,000 at most).
2. People first: during a 2,000-owner fan-out at 20 a second, owners answer by DM (a signed
   request to the running bot); the time from each answer to its receipt reaching Slack.
3. Two replicas on one database (PostgreSQL when RITUALBOT_BENCH_POSTGRES_URL is set, else
   SQLite) fan out together against a stand-in allowing 20 a second: the busiest second
   Slack saw, 429s, lost and sent twice."""

from __future__ import annotations

import argparse
import os
import statistics
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
from tests.slackbot import running_bot

BURST = 20
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))


def fan_out(rate: float, count: int) -> None:
    people = owners(count)
    limits = {"chat.postMessage": (rate, BURST)}
    with SlackStandIn(users=people, rate_limits=limits) as standin:
        bot = build(load_settings(environ_for(standin, default_delivery=True)))
        seed(bot.database.engine, people)
        started = time.perf_counter()
        result = bot.rituals.run("checkin", now=MONDAY)
        left = bot.delivery.drain(timeout=3600)
        wall = time.perf_counter() - started
        sent = Counter(c.params["channel"] for c in standin.calls("chat.postMessage"))
        limited = sum(1 for c in standin.calls("chat.postMessage", all=True) if c.status == 429)
        learned = bot.delivery.paces["chat.postMessage"].rate
        bot.stop()
    floor = (count - BURST) / rate
    print(
        f"  {rate:>4g}/s  {count:>5} owners  queued {result.queued:>5}  wall {wall:7.1f} s  "
        f"floor {floor:7.1f} s  ratio {wall / floor:5.3f}  429s {limited:>3}  "
        f"lost {count - len(sent)}  twice {sum(n - 1 for n in sent.values())}  "
        f"pending {left}  pace learned {learned:.1f}/s"
    )


def receipts_during_fan_out(count: int = 2000, rate: float = 20, answers: int = 8) -> None:
    people = owners(count)
    limits = {"chat.postMessage": (rate, BURST)}
    with SlackStandIn(users=people, rate_limits=limits) as standin:
        environ = environ_for(standin, default_delivery=True)
        with running_bot(environ, standin, clock=lambda: MONDAY) as bot:
            seed(bot.engine, people)
            bot.core.rituals.run("checkin", now=MONDAY)
            waits = []
            for n in range(answers):
                standin.wait_for(lambda calls, n=n: len(calls) >= (n + 1) * count // (answers + 2))
                owner = sorted(people)[-1 - n]  # the last prompted: they answer from their DM
                asked = time.monotonic()
                bot.dm(owner, "green 60%")
                channel = standin.dm_channel(owner)
                standin.wait_for(
                    lambda calls, channel=channel: any(
                        c.response.get("channel") == channel and "Update recorded" in str(c.params)
                        for c in calls
                    ),
                    timeout=60,
                )
                waits.append(time.monotonic() - asked)
            behind = count - len(standin.calls("chat.postMessage"))
    print(
        f"  {answers} answers during a {count}-owner fan-out at {rate:g}/s: receipt after "
        f"median {statistics.median(waits):.2f} s, max {max(waits):.2f} s "
        f"(the fan-out still had ~{behind} prompts to send at the end)"
    )


def two_replicas(count: int = 1000, rate: float = 20) -> None:
    people = owners(count)
    limits = {"chat.postMessage": (rate, BURST)}
    url = os.environ.get("RITUALBOT_BENCH_POSTGRES_URL")
    with SlackStandIn(users=people, rate_limits=limits) as standin:
        environ = environ_for(standin, database_url=url, default_delivery=True)
        replicas = [build(load_settings(environ)), build(load_settings(environ))]
        seed(replicas[0].database.engine, people)
        started = time.perf_counter()
        replicas[0].rituals.run("checkin", now=MONDAY)
        for replica in replicas:
            replica.delivery.start()
        standin.wait_for(lambda calls: len(calls) >= count, timeout=3600)
        wall = time.perf_counter() - started
        calls = standin.calls("chat.postMessage", all=True)
        for replica in replicas:
            replica.stop()
    taken = sorted(c.at for c in calls if c.status == 200)
    busiest = max(
        sum(1 for t in taken[i : i + 200] if t < start + 1) for i, start in enumerate(taken)
    )
    sent = Counter(c.params["channel"] for c in calls if c.status == 200)
    store = "PostgreSQL" if url else "SQLite"
    print(
        f"  two replicas on {store}, {count} owners at {rate:g}/s: wall {wall:.1f} s "
        f"(floor {(count - BURST) / rate:.1f} s); busiest second {busiest} calls taken "
        f"(Slack allows {rate:g} + a burst of {BURST}); "
        f"429s {sum(c.status == 429 for c in calls)}; "
        f"lost {count - len(sent)}; twice {sum(n - 1 for n in sent.values())}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--rates", type=float, nargs="*", default=[2, 5, 20, 50])
    parser.add_argument(
        "--owners", type=int, default=None, help="owners per rate (default: a ~100 s floor)"
    )
    parser.add_argument("--skip-receipts", action="store_true")
    parser.add_argument("--skip-replicas", action="store_true")
    args = parser.parse_args()
    print(f"1. fan-out with the default configuration; stand-in burst {BURST}")
    for rate in args.rates:
        fan_out(rate, args.owners or min(2000, int(100 * rate) + BURST))
    if not args.skip_receipts:
        print("2. people first: receipts during a fan-out")
        receipts_during_fan_out()
    if not args.skip_replicas:
        print("3. two replicas sharing one pace")
        two_replicas()


if __name__ == "__main__":
    main()
