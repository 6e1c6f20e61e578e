"""The WSGI app served by waitress, in a thread of its own for `serve` and the tests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


def make_server(web: Callable[..., Any], *, host: str, port: int, threads: int = 16) -> Any:
    """A waitress server (production WSGI); `.run()` serves, `.close()` stops."""
    from waitress.server import create_server

    from bot.web.slack import MAX_BODY

    return create_server(
        web,
        host=host,
        port=port,
        threads=threads,
        ident="ritualbot",
        max_request_body_size=MAX_BODY,
    )


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
