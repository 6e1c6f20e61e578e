"""`ritualbot serve [--socket]`: the bot, its workers and its scheduler, until SIGTERM.

At start it asks Slack whether the bot token is good (`auth.test`) and refuses a bad one in
one line; the other checks of `ritualbot doctor` (scopes, channels, people) run in the
background and log what is wrong without stopping the start. Socket Mode serves `/healthz`,
`/readyz` and `/metrics` over HTTP on PORT all the same.

On SIGTERM (or Ctrl-C) it stops taking requests, lets the inbox and the outbox finish the
work under way, hands the rest back for the next start, and exits within a bounded time."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from typing import Any

from bot.checks import slack as slack_checks
from bot.cli.errors import Unready, UsageError
from bot.settings import Settings

log = logging.getLogger(__name__)


def serve(args: argparse.Namespace, settings: Settings) -> int:
    if args.socket and settings.app_token is None:
        raise UsageError("SLACK_APP_TOKEN: required in Socket Mode (an app-level token, xapp-…)")
    identity = _token(settings)
    from bot.app import build

    bot = build(settings)
    app = bot.bolt(socket_mode=args.socket)
    scheduler = bot.scheduler()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    bot.start()
    scheduler.start()
    if identity is not None:
        threading.Thread(
            target=_look, args=(settings, identity), name="checks", daemon=True
        ).start()
    surfaces: list[Any] = []
    try:
        if args.socket:
            surfaces.append(_status(bot, args, settings))
            surfaces.append(_socket(app, settings))
        else:
            surfaces.append(_http(bot, app, args, settings))
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        log.info("stopping: no new requests; finishing the work under way")
        for close in reversed(surfaces):
            close()
        scheduler.stop()
        bot.stop()
    return 0


def _token(settings: Settings) -> slack_checks.Identity | None:
    """Who the token is; Unready when Slack refuses it. A Slack that cannot be reached is
    logged and does not stop the start (the bot retries what it sends)."""
    if settings.bot_token is None:
        return None  # said by the Bolt app, naming the variable
    raw = settings.bot_token.get_secret_value()
    slack = slack_checks.Slack(settings.slack_api_url, raw, timeout=10)
    try:
        check, identity = slack_checks.token(slack, raw)
    except slack_checks.Unreachable as exc:
        log.warning("Slack is unreachable, the token is not checked: %s", exc)
        return None
    finally:
        slack.close()
    if identity is None:
        raise Unready(f"{check.detail}; {check.fix}")
    if not check.ok:
        log.warning("%s", check.sentence())
    return identity


def _look(settings: Settings, identity: slack_checks.Identity) -> None:
    """The rest of the doctor's Slack checks, in the background: each problem logged."""
    from bot.cli.doctor import startup_problems

    raw = settings.bot_token.get_secret_value() if settings.bot_token else ""
    slack = slack_checks.Slack(settings.slack_api_url, raw)
    try:
        scopes = slack_checks.scopes(identity)
        problems = [scopes] if not scopes.ok else []
        problems += list(startup_problems(slack, identity, settings))
    except Exception as exc:  # only a warning: the bot runs whatever this finds
        log.warning("start checks stopped: %s", type(exc).__name__)
        return
    finally:
        slack.close()
    for problem in problems:
        log.warning("start check: %s", problem.sentence())
    if problems:
        log.warning(
            "%d problem(s) found at start: `ritualbot doctor` tells them all", len(problems)
        )


def _http(bot: Any, app: Any, args: argparse.Namespace, settings: Settings) -> Any:
    from bot.web.server import ServerThread, make_server

    # `--port 0` asks for any free port: the line below says which one it got
    port = settings.port if args.port is None else args.port
    server = ServerThread(make_server(bot.web(app), host=args.host, port=port))
    server.start()
    print(f"ritualbot listening on http://{args.host}:{server.port}/slack/events", flush=True)
    return server.stop


def _status(bot: Any, args: argparse.Namespace, settings: Settings) -> Any:
    """Socket Mode's HTTP side: health, readiness and metrics (no Slack route)."""
    from bot.checks.ready import Readiness
    from bot.web.app import WebApp
    from bot.web.server import ServerThread, make_server

    token = settings.bot_token.get_secret_value() if settings.bot_token else None
    engine = bot.database.engine
    readiness = Readiness(engine, slack_url=settings.slack_api_url, token=token)
    web = WebApp(None, engine, signing_secret="", readiness=readiness, dashboard=bot.dashboard())
    port = settings.port if args.port is None else args.port
    server = ServerThread(make_server(web, host=args.host, port=port, threads=4))
    server.start()
    print(
        f"ritualbot listening on http://{args.host}:{server.port}/ for /healthz, /readyz, "
        "/metrics and the dashboard; Slack over Socket Mode",
        flush=True,
    )
    return server.stop


def _socket(app: Any, settings: Settings) -> Any:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    assert settings.app_token is not None  # checked before anything started
    handler = SocketModeHandler(app, settings.app_token.get_secret_value())
    handler.connect()
    return handler.close
