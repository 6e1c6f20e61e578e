"""How fast the outbox may call Slack: a token bucket, paused by a 429's Retry-After.

Time is a parameter (`Clock`), so tests of Retry-After run without waiting in real time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime


class Clock:
    """The real clock: monotonic seconds for pacing, UTC for stored times, interruptible waits."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Wait up to `seconds` or until `event` is set; whether it was set."""
        return event.wait(max(0.0, seconds))


class TokenBucket:
    """At most `burst` calls at once, refilled at `rate` per second."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens = float(burst)
        self.stamp = clock()

    def wait_time(self) -> float:
        now = self.clock()
        if now < self.stamp:  # paused by a 429
            return self.stamp - now
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self) -> None:
        self.tokens -= 1

    def pause(self, seconds: float) -> None:
        """Slack said wait: send nothing for `seconds`, then resume at the steady rate
        without a burst, leaving Slack's own bucket its reserve."""
        self.stamp = self.clock() + seconds
        self.tokens = 0
