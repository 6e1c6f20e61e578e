"""The HTTP surface as one WSGI app: `POST /slack/events` (checked at the door, then Bolt),
`GET /healthz` (liveness: the process answers), `GET /readyz` (the database, its schema and
the token: 200 or 503, one line per check), `GET /metrics` (Prometheus' text format) and,
when it is set up, the dashboard's pages and sign-in (bot/dashboard/).

In Socket Mode the same app serves without the Slack route (`app=None`)."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot import metrics
from bot.checks.ready import Readiness
from bot.web.slack import MAX_BODY, Refusal, signed, well_formed

log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]


class WebApp:
    def __init__(
        self,
        app: App | None,
        engine: Any,
        *,
        signing_secret: str,
        readiness: Readiness | None = None,
        dashboard: Any = None,  # bot.dashboard.Dashboard: its pages and sign-in, when set up
    ) -> None:
        self.dashboard = dashboard
        self.slack = None if app is None else SlackRequestHandler(app, path="/slack/events")
        self.engine = engine
        self.secret = signing_secret
        if readiness is None:  # the token of the Bolt app's client, if there is one
            client = app.client if app is not None else None
            readiness = Readiness(
                engine,
                slack_url=client.base_url if client is not None else None,
                token=client.token if client is not None else None,
            )
        self.readiness = readiness
        self.metrics = metrics.Metrics(engine)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or "/"
        if path == "/healthz":
            return _answer(start_response, 200, b"ok\n")
        if path == "/readyz":
            checks = self.readiness.checks()
            ready = all(check.ok for check in checks)
            body = "".join(f"{check.name}: {check.detail}\n" for check in checks).encode()
            return _answer(start_response, 200 if ready else 503, body)
        if path == "/metrics":
            return _answer(start_response, 200, self.metrics.text(), metrics.CONTENT_TYPE)
        if path == "/slack/events" and self.slack is not None:
            started = time.perf_counter()
            try:
                return self._slack(environ, start_response)
            finally:
                metrics.ACK_SECONDS.observe(time.perf_counter() - started)
        if self.dashboard is not None and self.dashboard.handles(path):
            return self.dashboard(environ, start_response)
        return _answer(start_response, 404, b"not found\n")

    def _slack(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        assert self.slack is not None
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


def _answer(
    start_response: StartResponse,
    status: int,
    body: bytes,
    content_type: str = "text/plain; charset=utf-8",
) -> Iterable[bytes]:
    reasons = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found"}
    reasons |= {405: "Method Not Allowed", 413: "Content Too Large", 503: "Service Unavailable"}
    start_response(
        f"{status} {reasons.get(status, 'Error')}",
        [("Content-Type", content_type), ("Content-Length", str(len(body)))],
    )
    return [body]
