"""The pace of a Web API method against a model of Slack's bucket (a rate and a burst, 429
with a whole-second Retry-After when empty), in simulated time: it learns what Slack allows
from the 429s, never calls during a Retry-After, never passes its ceiling, and a second
separates two posts in one channel."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pytest

from bot.delivery.pacing import Pace, Spacing


@dataclass
class SlackBucket:
    rate: float
    burst: int
    tokens: float = field(init=False)
    last: float = 0.0

    def __post_init__(self) -> None:
        self.tokens = float(self.burst)

    def call(self, at: float) -> float | None:
        """None when Slack takes the call, else its Retry-After."""
        self.tokens = min(self.burst, self.tokens + (at - self.last) * self.rate)
        self.last = at
        if self.tokens >= 1:
            self.tokens -= 1
            return None
        return float(max(1, math.ceil((1 - self.tokens) / self.rate)))


@dataclass
class Run:
    took: float  # seconds for every call to be taken
    limited: list[tuple[float, float]]  # (when, Retry-After) of each 429
    calls: list[tuple[float, bool]]  # (when, taken) of each call
    rates: list[float]  # the pace after each call


def send(calls: int, slack: SlackBucket, *, ceiling: float = 100.0, latency: float = 0.004) -> Run:
    now = 0.0
    pace = Pace(ceiling, lambda: now)
    run = Run(0.0, [], [], [])
    taken = 0
    while taken < calls:
        wait = pace.wait_time()
        if wait > 0:
            now += wait
            continue
        pace.take()
        retry_after = slack.call(now)
        run.calls.append((now, retry_after is None))
        now += latency
        if retry_after is None:
            pace.succeeded()
            taken += 1
        else:
            run.limited.append((now, retry_after))
            pace.limited(retry_after)
        run.rates.append(pace.rate)
    run.took = now
    return run


@pytest.mark.parametrize(("rate", "calls"), [(2, 200), (5, 500), (20, 2000), (50, 2000)])
def test_the_pace_learns_what_slack_allows_and_keeps_close_to_it(rate: float, calls: int) -> None:
    burst = 20
    run = send(calls, SlackBucket(rate, burst))
    floor = (calls - burst) / rate  # Slack's burst at once, then its rate, never a 429
    assert run.took <= 1.10 * floor, f"{run.took:.1f}s against a floor of {floor:.1f}s"
    assert len(run.limited) <= run.took / 5, "a 429 every few seconds at most"


def test_nothing_is_called_during_a_retry_after() -> None:
    run = send(300, SlackBucket(5, 10))
    assert run.limited, "Slack never said 429: the test tests nothing"
    for when, retry_after in run.limited:
        during = [at for at, _ in run.calls if when <= at < when + retry_after]
        assert during == [], f"called {len(during)} times during a Retry-After of {retry_after}s"


def test_the_pace_never_passes_its_ceiling_even_when_slack_allows_more() -> None:
    run = send(500, SlackBucket(1000, 1000), ceiling=10)
    assert max(run.rates) <= 10 and run.limited == []
    assert run.took == pytest.approx(50, rel=0.02), "500 calls at 10 a second"


def test_a_pace_handed_over_starts_where_the_last_one_was() -> None:
    now = 0.0
    pace = Pace(100, lambda: now, start=19.4, burst=20)
    assert pace.rate == 19.4 and pace.burst == 20
    sent = 0
    while now < 1.0:
        wait = pace.wait_time()
        if wait > 0:
            now += wait
            continue
        pace.take()
        pace.succeeded()
        sent += 1
    assert sent in (19, 20), "it goes at the pace it was handed, not the ceiling"


def test_posts_in_one_channel_are_a_second_apart_dms_are_not_held() -> None:
    now = 0.0
    post = "chat.postMessage"
    spacing = Spacing(lambda: now)
    spacing.sent(post, "C0COMEX01")
    assert spacing.wait_time(post, "C0COMEX01") == 1.0
    assert spacing.wait_time(post, "C0OPSCOM1") == 0.0
    assert spacing.wait_time(post, "D0OWNER01") == 0.0
    now = 0.4
    assert spacing.wait_time(post, "C0COMEX01") == pytest.approx(0.6)
    now = 1.0
    assert spacing.wait_time(post, "C0COMEX01") == 0.0


def test_ephemerals_and_edits_in_a_channel_are_not_spaced() -> None:
    """Thirty votes in a poll's channel: thirty ephemerals and a redraw, not thirty seconds."""
    spacing = Spacing(lambda: 0.0)
    spacing.sent("chat.postMessage", "C0COMEX01")
    spacing.sent("chat.postEphemeral", "C0COMEX01")
    assert spacing.wait_time("chat.postEphemeral", "C0COMEX01") == 0.0
    assert spacing.wait_time("chat.update", "C0COMEX01") == 0.0
    assert spacing.wait_time("chat.postMessage", "C0COMEX01") == 1.0
