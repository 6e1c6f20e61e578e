"""How fast the outbox may call Slack: a pace per Web API method that learns what Slack
allows, a second between two posts in one channel, and time as a parameter (`Clock`), so
that tests of Retry-After run without waiting in real time.

Slack does not say its limits before they are hit: a method answers 429 with a Retry-After
once its bucket is empty. So each method's pace starts at the configured ceiling (Slack's
burst is there to be used), and on a 429 it waits as told, then estimates the rate Slack
took — the calls it accepted since the previous 429, when that was recent; else the pace of
a few seconds before — and resumes just under it, with the burst Slack's bucket saved up
during the wait. It then probes upward, slowly at first, never past halfway to the lowest
pace that met a 429, and moves that bound up after a quiet while. Measured by
`bench/fanout.py` against stand-ins allowing 2 to 50 calls a second.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime

UNDER = 0.97  # resume this far under the estimate
RECENT = 3.0  # seconds: a 429 this soon after the last one measures Slack's rate directly
FIRST_STEP, LAST_STEP = 0.01, 0.2  # a probe's first and largest rise per second
SETTLE = 10.0  # seconds quiet at the bound before it moves up
SLOWEST = 0.2  # calls per second, whatever Slack says
CHANNEL_GAP = 1.0  # seconds between two posts in one channel (Slack's rule for channels)


class Clock:
    """The real clock: monotonic seconds for pacing, UTC for stored times, interruptible waits."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Wait up to `seconds` or until `event` is set; whether it was set."""
        return event.wait(max(0.0, seconds))


class Pace:
    """The pace of one Web API method: `wait_time()` before a call, `take()` as it goes,
    then `succeeded()` or `limited(retry_after)` with what Slack said."""

    def __init__(
        self,
        ceiling: float,
        clock: Callable[[], float] = time.monotonic,
        *,
        start: float | None = None,
        burst: float | None = None,
        max_burst: float = 20.0,
    ) -> None:
        self.ceiling, self.clock, self.max_burst = ceiling, clock, max_burst
        self.rate = min(ceiling, start or ceiling)
        self.burst = min(max_burst, burst or 1.0)  # what Slack's bucket holds, once learned
        now = clock()
        self.tokens, self.capacity, self.stamp = 1.0, 1.0, now
        self.paused_until = self.started = self.last_probe = self.quiet_since = now
        self.learned = start is not None  # a pace handed over from an earlier leader
        self.first: tuple[int, float] | None = None  # calls and seconds before the first 429
        self.accepted = 0  # calls Slack took since the last 429
        self.last_limited: float | None = now if self.learned else None
        self.step = FIRST_STEP
        self.history: deque[float] = deque([self.rate] * 3, maxlen=3)  # the pace a second ago…
        self.bound = ceiling  # probes stay under it
        self.bad: float | None = None  # the lowest pace that met a 429 lately
        self.limits = 0

    def wait_time(self) -> float:
        now = self.clock()
        if now < self.paused_until:
            return self.paused_until - now
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return 0.0 if self.tokens >= 1 - 1e-9 else (1 - self.tokens) / self.rate

    def take(self) -> None:
        self.tokens -= 1
        if self.tokens < 1:
            self.capacity = 1.0  # the saved-up burst is spent: an even pace from here

    def succeeded(self) -> None:
        self.accepted += 1
        now = self.clock()
        if now - self.last_probe < 1.0:
            return
        self.last_probe = now
        self.history.append(self.rate)
        if self.last_limited is None:
            return  # still at the ceiling: nothing to probe
        if self.bad is not None and self.rate >= self.bound and now - self.quiet_since > SETTLE:
            # quiet at the bound: it is good; halve the way to the pace that met a 429
            gap = self.bad - self.bound
            self.bound = self.bound + gap / 2 if gap > 0.02 * self.bad else self.ceiling
            if self.bound >= self.ceiling:
                self.bad = None
            self.quiet_since = now
        self.rate = min(self.bound, self.ceiling, self.rate * (1 + self.step))
        self.step = min(LAST_STEP, self.step * 2)

    def limited(self, retry_after: float) -> None:
        """Slack said 429: wait `retry_after` seconds, then resume under what it took."""
        now = self.clock()
        self.limits += 1
        failed = self.rate
        if self.last_limited is None:
            self.first = (self.accepted, now - self.started)
            estimate = failed / 2
        else:
            span = now - self.last_limited
            recent = span < RECENT and self.accepted > 0
            estimate = self.accepted / span if recent else self.history[0]
            self.bad = failed if self.bad is None else min(self.bad, failed)
        self.rate = max(SLOWEST, min(self.ceiling, estimate * UNDER))
        self.bound = (
            self.ceiling if self.bad is None else max(self.rate, (self.rate + self.bad) / 2)
        )
        if self.first is not None:
            calls, seconds = self.first
            self.burst = min(self.max_burst, max(1.0, calls - self.rate * seconds))
        self.history.extend([self.rate] * 3)
        self.step = FIRST_STEP
        self.paused_until = self.quiet_since = self.last_probe = now + retry_after
        # what Slack's bucket saves up while we wait, with a margin: sent as soon as it is over
        self.capacity = max(1.0, 0.9 * min(self.burst, self.rate * retry_after))
        self.tokens, self.stamp = self.capacity, self.paused_until
        self.last_limited, self.accepted = now, 0


SPACED = frozenset({"chat.postMessage"})  # a new message in the channel: the 1-a-second rule


class Spacing:
    """At most one post a second in each channel: `wait_time(method, channel)`, then
    `sent(method, channel)`. Only new posts count: an ephemeral or an edit adds no message to
    the channel (a burst of votes is a burst of ephemerals and one redraw in one channel, and
    waits only for the method's pace)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._last: dict[str, float] = {}

    def wait_time(self, method: str, channel: str | None) -> float:
        if method not in SPACED or not channel or channel[:1] not in ("C", "G"):
            return 0.0  # DMs: the method's pace is enough
        last = self._last.get(channel)
        return 0.0 if last is None else max(0.0, last + CHANNEL_GAP - self.clock())

    def sent(self, method: str, channel: str | None) -> None:
        if method in SPACED and channel and channel[:1] in ("C", "G"):
            now = self.clock()
            self._last[channel] = now
            if len(self._last) > 10_000:  # keep only the channels of the last seconds
                self._last = {c: t for c, t in self._last.items() if now - t < CHANNEL_GAP}
