"""The WSGI app served by waitress, in a thread of its own for `serve` and the tests."""

from __future__ import annotations

import threading
import time
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
        self._closing = threading.Event()  # asked to stop taking connections
        self._closed = threading.Event()  # the listening socket is closed
        self._thread = threading.Thread(target=self._loop, name="http", daemon=True)

    @property
    def port(self) -> int:
        return int(self.server.effective_port)

    def start(self) -> ServerThread:
        self._thread.start()
        return self

    def _loop(self) -> None:
        from waitress import wasyncore

        while not self._stop.is_set():
            if self._closing.is_set() and not self._closed.is_set():
                # the loop's own thread closes the listener: the map is only changed here
                self.server.accepting = False
                wasyncore.dispatcher.close(self.server)
                self._closed.set()
            self.server.asyncore.loop(timeout=0.05, map=self.server._map, use_poll=True, count=1)

    def stop(self, grace: float = 5.0) -> None:
        """Stop taking connections (new ones are refused at once), let the requests under
        way be answered for up to `grace` seconds, then close what is left."""
        if self._thread.is_alive():
            self._closing.set()
            self._closed.wait(timeout=1)
            deadline = time.monotonic() + grace
            while self._busy() and time.monotonic() < deadline:
                time.sleep(0.02)
        self._stop.set()
        self._thread.join(timeout=5)
        for channel in list(self.server._map.values()):
            channel.close()
        self.server.task_dispatcher.shutdown()

    def _busy(self) -> bool:
        """Whether a request is read but not yet answered, or an answer not yet sent."""
        channels = list(self.server.active_channels.values())
        return any(channel.requests or channel.total_outbufs_len for channel in channels)
