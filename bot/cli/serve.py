"""`ritualbot serve [--socket]`: the bot, its workers and its scheduler, until SIGTERM.

On SIGTERM (or Ctrl-C) it stops taking requests, lets the inbox and the outbox finish the
work under way, hands the rest back for the next start, and exits within a bounded time."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from typing import Any

from bot.cli.errors import UsageError
from bot.settings import Settings

log = logging.getLogger(__name__)


def serve(args: argparse.Namespace, settings: Settings) -> int:
    if args.socket and settings.app_token is None:
        raise UsageError("SLACK_APP_TOKEN: required in Socket Mode (an app-level token, xapp-…)")
    from bot.app import build

    bot = build(settings)
    app = bot.bolt(socket_mode=args.socket)
    scheduler = bot.scheduler()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    bot.start()
    scheduler.start()
    surface: Any = None
    try:
        surface = _socket(app, settings) if args.socket else _http(bot, app, args, settings)
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        log.info("stopping: no new requests; finishing the work under way")
        if surface is not None:
            surface()
        scheduler.stop()
        bot.stop()
    return 0


def _http(bot: Any, app: Any, args: argparse.Namespace, settings: Settings) -> Any:
    from bot.web.server import ServerThread, make_server

    # `--port 0` asks for any free port: the line below says which one it got
    port = settings.port if args.port is None else args.port
    server = ServerThread(make_server(bot.web(app), host=args.host, port=port))
    server.start()
    print(f"ritualbot listening on http://{args.host}:{server.port}/slack/events", flush=True)
    return server.stop


def _socket(app: Any, settings: Settings) -> Any:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    assert settings.app_token is not None  # checked before anything started
    handler = SocketModeHandler(app, settings.app_token.get_secret_value())
    handler.connect()
    return handler.close
