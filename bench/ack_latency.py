"""Benchmark (b): acknowledgement latency of `/checkin` and of a check-in button at 20
concurrent requests, for ritualbot and for a bare Bolt app serving the same requests
(same HTTP server, same machine, same run, each app in a process of its own), as a ratio.

    python bench/ack_latency.py [--requests 400] [--concurrency 20]

Both apps run in production mode: ack first, the work after (process_before_response off)."""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bench.common import environ_for, owners, percentile, seed
from bot.app import build
from bot.devtools.simulate import sign
from bot.devtools.standin import SlackStandIn
from bot.ids import PromptRef
from bot.settings import load_settings
from bot.web.app import WebApp
from bot.web.server import ServerThread, make_server
from tests.slackbot import SECRET


class Port:
    """A server in another process, by its port."""

    def __init__(self, port: int) -> None:
        self.port = port


class RemoteStandIn:
    """The stand-in's address, as seen from the process that talks to it."""

    token = "xoxb-standin"

    def __init__(self, url: str) -> None:
        self.url = url


def bare_bolt(standin: RemoteStandIn) -> App:
    app = App(
        client=WebClient(token=standin.token, base_url=standin.url),
        signing_secret=SECRET,
        token_verification_enabled=False,
    )

    def just_ack(ack: Ack) -> None:
        ack()

    app.command("/checkin")(just_ack)
    app.action("checkin_no_change")(just_ack)
    return app


def command_body(user: str, n: int) -> tuple[bytes, str]:
    form = {
        "token": "t",
        "team_id": "T0STANDIN",
        "channel_id": f"D{user}",
        "user_id": user,
        "command": "/checkin",
        "text": "",
        "api_app_id": "A0RITUAL1",
        "response_url": f"http://127.0.0.1:9/response/{n}",
        "trigger_id": f"{n}.1.t",
    }
    return urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"


def button_body(user: str, n: int, initiative_id: int) -> tuple[bytes, str]:
    payload = {
        "type": "block_actions",
        "user": {"id": user, "team_id": "T0STANDIN"},
        "api_app_id": "A0RITUAL1",
        "token": "t",
        "trigger_id": f"{n}.2.t",
        "container": {
            "type": "message",
            "message_ts": f"1764000000.{n:06d}",
            "channel_id": f"D{user}",
            "is_ephemeral": False,
        },
        "team": {"id": "T0STANDIN"},
        "channel": {"id": f"D{user}"},
        "response_url": f"http://127.0.0.1:9/response/b{n}",
        "actions": [
            {
                "action_id": "checkin_no_change",
                "block_id": "b",
                "type": "button",
                "value": PromptRef(i=initiative_id, p="2026-W48").dump(),
                "action_ts": "1.2",
            }
        ],
    }
    return urllib.parse.urlencode(
        {"payload": json.dumps(payload)}
    ).encode(), "application/x-www-form-urlencoded"


def load(port: int, bodies: list[tuple[bytes, str]], concurrency: int) -> list[float]:
    clients = [httpx.Client(base_url=f"http://127.0.0.1:{port}") for _ in range(concurrency)]

    def one(index: int) -> float:
        body, content_type = bodies[index]
        stamp = int(time.time())
        started = time.perf_counter()
        response = clients[index % concurrency].post(
            "/slack/events",
            content=body,
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": str(stamp),
                "X-Slack-Signature": sign(body, stamp, SECRET),
            },
        )
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, response.text
        return elapsed

    with ThreadPoolExecutor(concurrency) as pool:
        timings = list(pool.map(one, range(len(bodies))))
    for client in clients:
        client.close()
    return timings


def _serve_standin(people: dict[str, dict], connection) -> None:  # in a child process
    with SlackStandIn(users=people) as standin:
        connection.send(standin.url)
        connection.recv()  # until the parent says stop


def _serve_bare(url: str, connection) -> None:  # in a child process: its own interpreter
    from rituals.db import make_engine

    server = ServerThread(
        make_server(
            WebApp(bare_bolt(RemoteStandIn(url)), make_engine("sqlite://"), signing_secret=SECRET),
            host="127.0.0.1",
            port=0,
        )
    ).start()
    connection.send(server.port)
    connection.recv()  # until the parent says stop
    server.stop()


def main() -> None:
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "queue depth" is the load
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    people = owners(50)
    users = list(people)
    # Slack is another machine in production: the stand-in runs in its own process, so its
    # work is not counted against the bot that calls it.
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.Process(target=_serve_standin, args=(people, child), daemon=True)
    process.start()
    standin = RemoteStandIn(parent.recv())
    try:
        bot = build(load_settings(environ_for(standin)))
        seed(bot.database.engine, people)
        ours = ServerThread(make_server(bot.web(bot.bolt()), host="127.0.0.1", port=0)).start()
        # the bare app in a process of its own: it shares neither ritualbot's interpreter
        # (its lock) nor its workers
        bare_end, bare_child = multiprocessing.Pipe()
        bare_process = multiprocessing.Process(
            target=_serve_bare, args=(standin.url, bare_child), daemon=True
        )
        bare_process.start()
        bare = Port(bare_end.recv())
        bot.start()
        results: dict[tuple[str, str], list[float]] = {}
        kinds = {
            "/checkin": lambda n: command_body(users[n % len(users)], n),
            "button": lambda n: button_body(users[n % len(users)], n, n % len(users) + 1),
        }
        load(ours.port, [kinds["/checkin"](n) for n in range(40)], args.concurrency)  # warm up
        load(bare.port, [kinds["/checkin"](n) for n in range(40)], args.concurrency)
        for round_ in range(args.rounds):
            for kind, make in kinds.items():
                for name, server in (("bare Bolt", bare), ("ritualbot", ours)):
                    offset = round_ * args.requests
                    bodies = [make(offset + n) for n in range(args.requests)]
                    results.setdefault((kind, name), []).extend(
                        load(server.port, bodies, args.concurrency)
                    )
        ours.stop()
        bare_end.send("stop")
        bare_process.join(timeout=10)
        bot.stop()
    finally:
        parent.send("stop")
        process.join(timeout=10)
    print(
        f"acknowledgement latency at {args.concurrency} concurrent requests, "
        f"{args.requests * args.rounds} requests per app and kind"
    )
    for kind in kinds:
        p50 = {name: percentile(results[(kind, name)], 50) for name in ("bare Bolt", "ritualbot")}
        for name in ("bare Bolt", "ritualbot"):
            timings = results[(kind, name)]
            print(
                f"  {kind:<9} {name:<10} p50 {p50[name] * 1000:6.1f} ms  "
                f"p99 {percentile(timings, 99) * 1000:6.1f} ms"
            )
        ratio = p50["ritualbot"] / p50["bare Bolt"]
        print(f"  {kind:<9} ratio p50 ritualbot / bare Bolt = {ratio:.2f}")


if __name__ == "__main__":
    main()
