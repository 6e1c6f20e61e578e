"""The HTTP server's stop: new connections are refused at once, and a request under way is
still answered (a SIGTERM never cuts what Slack is waiting for, so nothing stored goes
unacknowledged)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

import httpx

from bot.web.server import ServerThread, make_server
from tests.faults.waiting import until


def refused(url: str) -> bool:
    try:
        httpx.get(url, timeout=1)
    except httpx.ConnectError:
        return True
    except httpx.TransportError:
        return False
    return False


def test_stop_answers_the_request_under_way_and_refuses_new_ones() -> None:
    inside, release = threading.Event(), threading.Event()

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        inside.set()
        release.wait(5)  # the request is under way while the server is told to stop
        start_response("200 OK", [("Content-Length", "6")])
        return [b"stored"]

    server = ServerThread(make_server(app, host="127.0.0.1", port=0, threads=2)).start()
    url = f"http://127.0.0.1:{server.port}/slack/events"
    answers: list[httpx.Response] = []
    request = threading.Thread(target=lambda: answers.append(httpx.post(url, timeout=10)))
    request.start()
    assert inside.wait(5)
    stopping = threading.Thread(target=server.stop)
    stopping.start()
    until("new connections are refused", lambda: refused(url), timeout=5)
    release.set()
    request.join(10)
    stopping.join(10)
    assert [(a.status_code, a.text) for a in answers] == [(200, "stored")]
    assert not stopping.is_alive()
