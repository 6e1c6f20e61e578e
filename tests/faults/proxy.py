"""A TCP proxy in front of PostgreSQL that a test cuts and restores: cut, every connection
through it drops and new ones are refused, as when the database server goes away;
partitioned, nothing gets through any more and nothing says so (connections are accepted,
every byte is dropped), as when the network between them fails; restored, it forwards again
on the same port."""

from __future__ import annotations

import socket
import threading
from contextlib import suppress

from sqlalchemy.engine import make_url


class TcpProxy:
    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self._listener: socket.socket | None = None
        self._pairs: set[tuple[socket.socket, socket.socket]] = set()
        self._changed = threading.Condition()
        self._up = True  # what the test asked for
        self._asked = self._applied = 0  # orders given, and carried out by the accepting thread
        self._stop = threading.Event()
        self._partitioned = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="db-proxy", daemon=True)

    def start(self) -> TcpProxy:
        self._listener = self._listen(0)
        self.port = self._listener.getsockname()[1]
        self._thread.start()
        return self

    def url(self, database_url: str) -> str:
        """`database_url` with its host and port replaced by the proxy's."""
        url = make_url(database_url).set(host="127.0.0.1", port=self.port)
        return url.render_as_string(hide_password=False)

    def cut(self) -> None:
        """Drop every connection and refuse new ones; returns once that is so."""
        self._order(up=False)
        with self._changed:
            pairs, self._pairs = self._pairs, set()
        for pair in pairs:
            for end in pair:
                _close(end)

    def partition(self) -> None:
        """Drop every byte, both ways, on every connection, old and new."""
        self._partitioned.set()

    def restore(self) -> None:
        """Forward again, on the same port; returns once it listens. The connections a
        partition silenced are closed: what was sent on them is lost."""
        if self._partitioned.is_set():
            self._partitioned.clear()
            self.cut()
        self._order(up=True)

    def stop(self) -> None:
        self.cut()
        self._stop.set()
        self._thread.join(5)

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _order(self, *, up: bool) -> None:
        with self._changed:
            self._up = up
            self._asked += 1
            asked = self._asked
            if not self._changed.wait_for(lambda: self._applied >= asked, timeout=5):
                raise RuntimeError("the proxy did not follow the order")

    # -- the accepting thread: the only one that opens and closes the listener ------------

    def _accept(self) -> None:
        while not self._stop.is_set():
            with self._changed:
                up, asked = self._up, self._asked
            if up and self._listener is None:
                self._listener = self._listen(self.port)
            elif not up and self._listener is not None:
                _close(self._listener)
                self._listener = None
            with self._changed:
                self._applied = asked
                self._changed.notify_all()
            if self._listener is None:
                self._stop.wait(0.02)
                continue
            try:
                client, _ = self._listener.accept()
            except OSError:  # the accept timed out
                continue
            self._forward(client)
        if self._listener is not None:
            _close(self._listener)

    def _listen(self, port: int) -> socket.socket:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(64)
        listener.settimeout(0.02)
        return listener

    def _forward(self, client: socket.socket) -> None:
        client.settimeout(None)
        if self._partitioned.is_set():
            server = client  # nothing behind it: what the client sends is read and dropped
        else:
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                return
            server.settimeout(None)
        with self._changed:
            self._pairs.add((client, server))
        ends = [(client, server), (server, client)] if server is not client else [(client, client)]
        for source, sink in ends:
            threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        with suppress(OSError):
            while data := source.recv(65536):
                if not self._partitioned.is_set() and sink is not source:
                    sink.sendall(data)
        _close(source)
        _close(sink)


def _close(end: socket.socket) -> None:
    with suppress(OSError):
        end.shutdown(socket.SHUT_RDWR)
    with suppress(OSError):
        end.close()
