"""The HTTP surface as one WSGI app: `POST /slack/events` (checked at the door, then Bolt),
`GET /healthz`."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.web.slack import MAX_BODY, Refusal, signed, well_formed
from rituals.db import ping

log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]


class WebApp:
    def __init__(self, app: App, engine: Any, *, signing_secret: str) -> None:
        self.slack = SlackRequestHandler(app, path="/slack/events")
        self.engine = engine
        self.secret = signing_secret

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or "/"
        if path == "/healthz":
            healthy = ping(self.engine)
            body = b"ok\n" if healthy else b"database unreachable\n"
            return _answer(start_response, 200 if healthy else 503, body)
        if path == "/slack/events":
            return self._slack(environ, start_response)
        return _answer(start_response, 404, b"not found\n")

    def _slack(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":
            return _answer(start_response, 405, b"POST only\n")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            return self._refuse(start_response, Refusal(413 if length > 0 else 400, "body size"))
        body = environ["wsgi.input"].read(length) if length else b""
        refusal = signed(
            body,
            environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
            environ.get("HTTP_X_SLACK_SIGNATURE"),
            self.secret,
        ) or well_formed(body, environ.get("CONTENT_TYPE") or "")
        if refusal is not None:
            return self._refuse(start_response, refusal)
        inner = dict(environ)
        inner["wsgi.input"] = io.BytesIO(body)
        try:
            return self.slack(inner, start_response)
        except Exception as exc:  # a payload Bolt cannot route: Slack never sends it
            log.warning("Slack request refused: Bolt could not read it (%s)", type(exc).__name__)
            return _answer(start_response, 400, b"")

    @staticmethod
    def _refuse(start_response: StartResponse, refusal: Refusal) -> Iterable[bytes]:
        log.warning("Slack request refused (%d): %s", refusal.status, refusal.reason)
        return _answer(start_response, refusal.status, b"")


def _answer(start_response: StartResponse, status: int, body: bytes) -> Iterable[bytes]:
    reasons = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found"}
    reasons |= {405: "Method Not Allowed", 413: "Content Too Large", 503: "Service Unavailable"}
    start_response(
        f"{status} {reasons.get(status, 'Error')}",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]
