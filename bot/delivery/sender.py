"""Calls to Slack over HTTP (httpx): Web API methods and response URLs, each answer an Outcome."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

TRANSIENT_ERRORS = frozenset(
    {
        "ratelimited",
        "internal_error",
        "fatal_error",
        "service_unavailable",
        "request_timeout",
        "team_added_to_org",
    }
)


@dataclass(frozen=True)
class Outcome:
    """What Slack said to one call."""

    ok: bool
    error: str | None = None
    retry_after: float | None = None
    transient: bool = False
    body: dict[str, Any] | None = None


class SlackSender:
    """POSTs Web API calls as JSON; response URLs as JSON too."""

    def __init__(
        self,
        *,
        base_url: str,
        token: str,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.timeout = timeout
        self.client = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
            transport=transport,
        )
        self.hooks = httpx.Client(timeout=timeout, transport=transport)

    def call(self, method: str, payload: dict[str, Any]) -> Outcome:
        try:
            response = self.client.post(method, json=payload)
        except httpx.TransportError as exc:
            return Outcome(ok=False, error=type(exc).__name__, transient=True)
        except (httpx.HTTPError, httpx.InvalidURL, ValueError, TypeError) as exc:
            return Outcome(ok=False, error=type(exc).__name__)  # it never will go: recorded
        return self._outcome(response)

    def respond(self, url: str, payload: dict[str, Any]) -> Outcome:
        """A response URL answers `ok` as text, or an error status."""
        try:
            response = self.hooks.post(url, json=payload)
        except httpx.TransportError as exc:
            return Outcome(ok=False, error=type(exc).__name__, transient=True)
        except (httpx.HTTPError, httpx.InvalidURL, ValueError, TypeError) as exc:
            return Outcome(ok=False, error=type(exc).__name__)  # a URL that cannot be called
        if response.status_code < 300:
            return Outcome(ok=True, body={})
        if response.status_code in (404, 410):
            return Outcome(ok=False, error="expired_url")
        return self._outcome(response)

    def _outcome(self, response: httpx.Response) -> Outcome:
        if response.status_code == 429:
            retry = _seconds(response.headers.get("Retry-After"))
            return Outcome(ok=False, error="ratelimited", retry_after=retry, transient=True)
        if response.status_code >= 500:
            return Outcome(ok=False, error=f"http_{response.status_code}", transient=True)
        try:
            body = response.json()
        except ValueError:
            return Outcome(ok=False, error=f"http_{response.status_code}", transient=True)
        if not isinstance(body, dict):
            return Outcome(ok=False, error=f"http_{response.status_code}", transient=True)
        if body.get("ok"):
            return Outcome(ok=True, body=body)
        error = str(body.get("error", "unknown_error"))
        return Outcome(ok=False, error=error, transient=error in TRANSIENT_ERRORS, body=body)

    def close(self) -> None:
        self.client.close()
        self.hooks.close()


def _seconds(value: str | None) -> float:
    try:
        return max(1.0, float(value or 1))
    except ValueError:
        return 1.0
