"""Slack's requests to a bot in another process: built by LocalBot's own builders (events,
DMs, clicks, commands, forms), signed when they are sent, as Slack signs each delivery.

`Requests` is a LocalBot with no bot behind it: its `post` returns the request instead of
sending it, so every body is exactly the one the whole-app tests send."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from bot.devtools.simulate import LocalBot, sign
from bot.devtools.standin import SlackStandIn
from tests.slackbot import SECRET

SLACK_TIMEOUT = 3.0  # Slack gives up on an answer after three seconds


@dataclass(frozen=True)
class Request:
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)


class Requests(LocalBot):
    """LocalBot's request builders, each returning the `Request` it would have posted."""

    def __init__(self, standin: SlackStandIn) -> None:  # no bot: nothing else is built
        self.standin = standin
        self.secret = SECRET

    def post(  # type: ignore[override]
        self,
        body: bytes,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Request:
        return Request(body, content_type, dict(headers or {}))


@dataclass(frozen=True)
class Outcome:
    """What Slack got back: a status, or none (`reached` False: the connection was refused,
    the request never got to the bot; True: it was cut or timed out after it was sent)."""

    status: int | None
    reached: bool
    body: bytes = b""

    @property
    def ok(self) -> bool:
        return self.status == 200


class Sender:
    """Posts requests to one bot process as Slack does: a new connection each time, a fresh
    signature each delivery, three seconds to answer."""

    def __init__(self, url: str, *, timeout: float = SLACK_TIMEOUT) -> None:
        self.client = httpx.Client(
            base_url=url, timeout=timeout, limits=httpx.Limits(max_keepalive_connections=0)
        )

    def send(self, request: Request, *, retry: int = 0) -> Outcome:
        stamp = int(time.time())
        headers = {
            "Content-Type": request.content_type,
            "X-Slack-Request-Timestamp": str(stamp),
            "X-Slack-Signature": sign(request.body, stamp, SECRET),
            **request.headers,
        }
        if retry:
            headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_error"}
        try:
            response = self.client.post("/slack/events", content=request.body, headers=headers)
        except httpx.ConnectError:
            return Outcome(None, reached=False)
        except httpx.TransportError:
            return Outcome(None, reached=True)
        return Outcome(response.status_code, reached=True, body=response.content)

    def get(self, path: str) -> int | None:
        try:
            return self.client.get(path).status_code
        except httpx.TransportError:
            return None

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Sender:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
