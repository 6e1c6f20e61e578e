"""`users.lookupByEmail` for an import of hundreds of owners: paced by what Slack allows
(the outbox's `Pace`, which learns the rate from the 429s), retried after the Retry-After
Slack gives, each address asked once, and a progress report as it goes."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.delivery.pacing import Pace

log = logging.getLogger(__name__)

CEILING = 20.0  # calls a second at most; Slack's burst is used, then its pace is learned
MAX_LIMITED = 30  # 429s in a row for one address before the import gives up
LONGEST_WAIT = 120.0  # seconds: the most one Retry-After is waited (a longer one: this)
Progress = Callable[[int, int], None]  # (done, total)


class Lookups:
    """`user(email)`: Slack's user object, or raises SlackApiError (`users_not_found`…);
    `prefetch(emails, progress)` asks for them all first, reporting as it goes."""

    def __init__(
        self,
        client: WebClient,
        *,
        ceiling: float = CEILING,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client, self._clock, self._sleep = client, clock, sleep
        self._pace = Pace(ceiling, clock)
        self._known: dict[str, dict[str, Any] | SlackApiError] = {}

    def user(self, email: str) -> dict[str, Any]:
        key = email.casefold()
        if key not in self._known:
            self._known[key] = self._ask(key)
        found = self._known[key]
        if isinstance(found, SlackApiError):
            raise found
        return found

    def prefetch(self, emails: Iterable[str], progress: Progress | None = None) -> None:
        wanted = list(dict.fromkeys(e.casefold() for e in emails if e))
        for done, email in enumerate(wanted, start=1):
            if email not in self._known:
                self._known[email] = self._ask(email)
            if progress is not None:
                progress(done, len(wanted))

    def _ask(self, email: str) -> dict[str, Any] | SlackApiError:
        limited = 0
        while True:
            wait = self._pace.wait_time()
            if wait > 0:
                self._sleep(wait)
                continue
            self._pace.take()
            try:
                user = self._client.users_lookupByEmail(email=email)["user"]
            except SlackApiError as exc:
                retry_after = _retry_after(exc)
                if retry_after is None:
                    if exc.response.get("error") in ("users_not_found", "user_not_found"):
                        self._pace.succeeded()
                        return exc  # an answer: kept, so the address is not asked again
                    raise
                limited += 1
                if limited > MAX_LIMITED:
                    raise
                log.info("users.lookupByEmail: 429, waiting %.0fs", retry_after)
                self._pace.limited(min(retry_after, LONGEST_WAIT))
                continue
            self._pace.succeeded()
            return dict(user)


def _retry_after(exc: SlackApiError) -> float | None:
    """Seconds Slack asks to wait, when the answer was `ratelimited` (a 429); else None."""
    response = exc.response
    if getattr(response, "status_code", None) != 429 and response.get("error") != "ratelimited":
        return None
    headers = {k.lower(): v for k, v in (getattr(response, "headers", None) or {}).items()}
    value = headers.get("retry-after")
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(0.0, float(value)) if value is not None else 1.0
    except ValueError:
        return 1.0
