"""Benchmark: 500 votes from 50 members on 10 polls at 20 concurrent requests, against the
running bot in production mode (ack first, work after) and a stand-in Slack.

    python bench/votes.py [--members 50] [--polls 10] [--concurrency 20] [--database-url URL]

Prints: votes stored vs sent, whether every poll message shows the right tally, the
acknowledgement latency (p50, p99), and the chat.update calls per vote."""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session, select

from bench.common import environ_for, percentile
from bot.app import build
from bot.devtools.simulate import sign
from bot.devtools.standin import SlackStandIn
from bot.ids import PollRef
from bot.settings import load_settings
from bot.web.server import ServerThread, make_server
from rituals.arbitration import default_deadline
from rituals.models import Vote
from tests.slackbot import SECRET


def click(user: str, poll_id: int, option: int, n: int, response_url: str) -> bytes:
    payload = {
        "type": "block_actions", "user": {"id": user, "team_id": "T0STANDIN"},
        "api_app_id": "A0RITUAL1", "token": "t", "trigger_id": f"{n}.9.t",
        "container": {"type": "message", "message_ts": "1.2", "channel_id": "C0BENCH01"},
        "team": {"id": "T0STANDIN"}, "channel": {"id": "C0BENCH01"},
        "response_url": response_url,
        "actions": [{"action_id": f"poll_vote_{option}", "block_id": "b", "type": "button",
                     "value": PollRef(a=poll_id, o=option).dump(), "action_ts": "1.2"}],
    }  # fmt: skip
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


def main() -> None:
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--polls", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    members = [f"U0V{n:06d}" for n in range(args.members)]
    rng = random.Random(7)
    with SlackStandIn() as standin:
        env = environ_for(standin, rate=50, burst=50, database_url=args.database_url)
        config = Path(env["RITUALBOT_CONFIG"])
        config.write_text(
            config.read_text() + f'\n[committees.bench]\nchannel = "C0BENCH01"\n'
            f"members = {json.dumps(members)}\n"
        )
        bot = build(load_settings(env))
        server = ServerThread(make_server(bot.web(bot.bolt()), host="127.0.0.1", port=0)).start()
        bot.start()
        now = bot.now()
        polls = [
            bot.database.run(lambda s, n=n: bot.polls.open_poll(
                s, committee="bench", question=f"Question {n}?", options=["A", "B", "C"],
                created_by="U0CMO0001", now=now, deadline=default_deadline(now, hours=48)))
            for n in range(args.polls)
        ]  # fmt: skip
        bot.delivery.settle(30)
        standin.reset()
        ballots = [(m, p.id, rng.randrange(3)) for p in polls for m in members]
        rng.shuffle(ballots)
        clients = [
            httpx.Client(base_url=f"http://127.0.0.1:{server.port}")
            for _ in range(args.concurrency)
        ]

        def vote(index: int) -> float:
            user, poll_id, option = ballots[index]
            body = click(user, poll_id or 0, option, index, standin.response_url(f"v{index}"))
            stamp = int(time.time())
            started = time.perf_counter()
            response = clients[index % args.concurrency].post(
                "/slack/events",
                content=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-Slack-Request-Timestamp": str(stamp),
                    "X-Slack-Signature": sign(body, stamp, SECRET),
                },
            )
            assert response.status_code == 200
            return time.perf_counter() - started

        started = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            timings = list(pool.map(vote, range(len(ballots))))
        sent = time.perf_counter() - started
        bot.inbox.settle(120)
        bot.delivery.settle(120)
        with Session(bot.database.engine) as session:
            stored = Counter((v.arbitration_id, v.option) for v in session.exec(select(Vote)))
        expected = Counter((p, o) for _, p, o in ballots)
        shown_right = 0
        for poll in polls:
            message = standin.messages("C0BENCH01")
            [drawn] = [
                m for m in message if m["text"].endswith(f"Question {poll.id - polls[0].id}?")
            ]
            counts = [
                int(b["text"]["text"].split("*")[3])
                for b in drawn["blocks"]
                if b.get("accessory", {}).get("action_id", "").startswith("poll_vote")
            ]
            shown_right += counts == [expected[(poll.id, o)] for o in range(3)]
        updates = len(standin.calls("chat.update"))
        for client in clients:
            client.close()
        server.stop()
        bot.stop()
    store = (args.database_url or "sqlite").split(":")[0].split("+")[0]
    print(
        f"{len(ballots)} votes from {args.members} members on {args.polls} polls, "
        f"{args.concurrency} concurrent requests, sent in {sent:.1f} s ({store})"
    )
    print(
        f"  votes stored {sum(stored.values())} of {len(ballots)}; "
        f"stored tally right: {stored == expected}; poll messages showing the right tally: "
        f"{shown_right} of {args.polls}"
    )
    print(
        f"  acknowledgement p50 {percentile(timings, 50) * 1000:.1f} ms, "
        f"p99 {percentile(timings, 99) * 1000:.1f} ms"
    )
    print(f"  chat.update calls {updates}: {updates / len(ballots):.3f} per vote")


if __name__ == "__main__":
    main()
