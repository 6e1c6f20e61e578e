"""The HTTP surface: `POST /slack/events` for Bolt, `GET /healthz`, served by waitress."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import Engine

from rituals.db import ping

StartResponse = Callable[..., Any]


class WebApp:
    """A WSGI app: Slack's requests go to Bolt, health checks to the database."""

    def __init__(self, app: App, engine: Engine) -> None:
        self.slack = SlackRequestHandler(app, path="/slack/events")
        self.engine = engine

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            healthy = ping(self.engine)
            status = "200 OK" if healthy else "503 Service Unavailable"
            body = b"ok\n" if healthy else b"database unreachable\n"
            start_response(
                status, [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))]
            )
            return [body]
        return self.slack(environ, start_response)


def make_server(web: WebApp, *, host: str, port: int, threads: int = 16) -> Any:
    """A waitress server (production WSGI); `.run()` serves, `.close()` stops."""
    from waitress.server import create_server

    return create_server(web, host=host, port=port, threads=threads, ident="ritualbot")


class ServerThread:
    """Serves a waitress server from a thread until `stop()`: for `serve` and the tests."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="http", daemon=True)

    @property
    def port(self) -> int:
        return int(self.server.effective_port)

    def start(self) -> ServerThread:
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.server.asyncore.loop(timeout=0.05, map=self.server._map, use_poll=True, count=1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for channel in list(self.server._map.values()):
            channel.close()
        self.server.task_dispatcher.shutdown()
