"""The outbox worker: sends queued messages to Slack at a steady pace, nothing lost, nothing twice.

Rate limits are honoured twice over: a token bucket paces calls below the configured rate,
and a 429's Retry-After pauses all sending. Transient failures (5xx, timeouts) are retried
with backoff; permanent ones (`channel_not_found`…) are recorded and not retried. A row is
claimed with a lease just before it is sent, so replicas sharing PostgreSQL never send it twice,
and a crashed worker's rows are picked up again when the lease ends.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import Engine, or_, update
from sqlmodel import Session, col, select

from rituals.models import OutboxMessage

log = logging.getLogger(__name__)

TRANSIENT_ERRORS = {
    "ratelimited",
    "internal_error",
    "fatal_error",
    "service_unavailable",
    "request_timeout",
    "team_added_to_org",
}
IDLE_WAIT = 30.0
BATCH = 200


Renderer = Callable[[Session, dict[str, Any]], dict[str, Any]]
"""Draws a message's content at send time (a poll's live tally), from the row's payload."""


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


@dataclass(frozen=True)
class Outcome:
    """What Slack said to one call."""

    ok: bool
    error: str | None = None
    retry_after: float | None = None
    transient: bool = False
    body: dict[str, Any] | None = None


class SlackSender:
    """POSTs Web API calls as JSON with httpx; turns every answer into an Outcome."""

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

    def call(self, method: str, payload: dict[str, Any]) -> Outcome:
        try:
            response = self.client.post(method, json=payload)
        except httpx.TransportError as exc:
            return Outcome(ok=False, error=type(exc).__name__, transient=True)
        if response.status_code == 429:
            retry = _seconds(response.headers.get("Retry-After"))
            return Outcome(ok=False, error="ratelimited", retry_after=retry, transient=True)
        if response.status_code >= 500:
            return Outcome(ok=False, error=f"http_{response.status_code}", transient=True)
        try:
            body = response.json()
        except ValueError:
            return Outcome(ok=False, error=f"http_{response.status_code}", transient=True)
        if body.get("ok"):
            return Outcome(ok=True, body=body)
        error = str(body.get("error", "unknown_error"))
        return Outcome(ok=False, error=error, transient=error in TRANSIENT_ERRORS, body=body)

    def close(self) -> None:
        self.client.close()


def _seconds(value: str | None) -> float:
    try:
        return max(1.0, float(value or 1))
    except ValueError:
        return 1.0


class DeliveryWorker:
    """Sends due outbox rows; `start()` runs it in a thread, `drain()` until nothing is left."""

    def __init__(
        self,
        *,
        engine: Engine,
        sender: SlackSender,
        rate: float,
        burst: int,
        max_attempts: int = 8,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.renderers: dict[str, Renderer] = {}
        self.engine = engine
        self.sender = sender
        self.bucket = TokenBucket(rate, burst)
        # a claim outlives any single call, so no other replica can take a row mid-send
        self.lease = timedelta(seconds=max(60.0, 3 * sender.timeout))
        self.max_attempts = max_attempts
        self.now = now or (lambda: datetime.now(UTC))
        self.stats = {"sent": 0, "failed": 0, "retried": 0, "ratelimited": 0}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._passes = threading.Condition()
        self._started = 0  # passes begun
        self._idle_pass = 0  # the last pass that ended with nothing pending

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="delivery", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            with self._passes:
                self._started += 1
                this_pass = self._started
            idle = False
            try:
                self.deliver_due()
                idle = self._pending_count() == 0
                pause = self._seconds_to_next() or IDLE_WAIT
            except Exception:
                log.exception("delivery pass failed; retrying shortly")
                pause = 5.0
            with self._passes:
                if idle:
                    self._idle_pass = this_pass
                self._passes.notify_all()
            self._wake.wait(timeout=pause)

    def settle(self, timeout: float = 10.0) -> bool:
        """Wait for a pass of the running worker, begun after this call, that leaves
        nothing pending (a pass already under way may have counted before the last write)."""
        with self._passes:
            target = self._started + 1
        self.wake()
        with self._passes:
            return self._passes.wait_for(lambda: self._idle_pass >= target, timeout=timeout)

    def drain(self, timeout: float = 600.0) -> int:
        """Deliver until no row is pending (retries included); the pending count left."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.deliver_due()
            left = self._pending_count()
            if not left:
                return 0
            pause = self._seconds_to_next()
            if pause is not None:
                self._stop.wait(min(pause, max(0.0, deadline - time.monotonic())))
        return self._pending_count()

    def deliver_due(self) -> int:
        """One pass over the rows due now; the number delivered."""
        delivered = 0
        while not self._stop.is_set():
            rows = self._due_rows()
            if not rows:
                return delivered
            for row_id in rows:
                # wait for our turn before claiming, so a claim only ever covers one call
                if not self._await_turn():
                    break
                if self._claim(row_id):
                    delivered += self._deliver(row_id)
        return delivered

    def _await_turn(self) -> bool:
        """Wait until the pace allows a call; False when the worker is stopping."""
        while not self._stop.is_set():
            wait = self.bucket.wait_time()
            if wait <= 0:
                return True
            self._stop.wait(wait)
        return False

    def _due_rows(self) -> list[int]:
        now = self.now()
        with Session(self.engine) as session:
            ids = session.exec(
                select(OutboxMessage.id)
                .where(
                    OutboxMessage.state == "pending",
                    col(OutboxMessage.next_attempt_at) <= now,
                    or_(
                        col(OutboxMessage.claimed_until).is_(None),
                        col(OutboxMessage.claimed_until) < now,
                    ),
                )
                .order_by(col(OutboxMessage.id))
                .limit(BATCH)
            ).all()
        return [i for i in ids if i is not None]

    def _claim(self, row_id: int) -> bool:
        now = self.now()
        with Session(self.engine) as session:
            result = session.execute(
                update(OutboxMessage)
                .where(
                    col(OutboxMessage.id) == row_id,
                    col(OutboxMessage.state) == "pending",
                    or_(
                        col(OutboxMessage.claimed_until).is_(None),
                        col(OutboxMessage.claimed_until) < now,
                    ),
                )
                .values(claimed_until=now + self.lease)
            )
            session.commit()
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def _deliver(self, row_id: int) -> int:
        with Session(self.engine, expire_on_commit=False) as session:
            row = session.get(OutboxMessage, row_id)
            assert row is not None
            payload = self._resolved_payload(session, row)
            if payload is None:
                session.commit()
                return 0
            try:
                outcome = self._send(row.method, payload)
            except BaseException:
                row.claimed_until = None
                session.add(row)
                session.commit()
                raise
            self._record(row, outcome)
            session.add(row)
            session.commit()
            return 1 if outcome.ok else 0

    def _resolved_payload(self, session: Session, row: OutboxMessage) -> dict[str, Any] | None:
        """The payload with the referred message filled in and, for a row that names a
        renderer, its content drawn now from the latest data; None when it must wait or fail."""
        payload = self._referred(session, row)
        if payload is None or "render" not in payload:
            return payload
        render = self.renderers[payload.pop("render")]
        return {**payload, **render(session, payload)}

    def _referred(self, session: Session, row: OutboxMessage) -> dict[str, Any] | None:
        payload = dict(row.payload)
        if not row.refers_to:
            return payload
        parent = session.exec(
            select(OutboxMessage).where(OutboxMessage.key == row.refers_to)
        ).first()
        if parent is None or parent.state == "failed":
            row.state, row.claimed_until = "failed", None
            row.last_error = f"parent {row.refers_to} not delivered"
            session.add(row)
            self.stats["failed"] += 1
            return None
        if parent.state != "sent":
            row.claimed_until = None
            row.next_attempt_at = self.now() + timedelta(seconds=1)
            session.add(row)
            return None
        payload["channel"] = parent.channel
        payload["thread_ts" if row.method == "chat.postMessage" else "ts"] = parent.ts
        return payload

    def _send(self, method: str, payload: dict[str, Any]) -> Outcome:
        self.bucket.take()
        outcome = self.sender.call(method, payload)
        if outcome.retry_after is not None:
            self.stats["ratelimited"] += 1
            self.bucket.pause(outcome.retry_after)
        return outcome

    def _record(self, row: OutboxMessage, outcome: Outcome) -> None:
        now = self.now()
        row.claimed_until = None
        if outcome.ok:
            body = outcome.body or {}
            row.state, row.sent_at, row.last_error = "sent", now, None
            row.ts = body.get("ts") or body.get("message_ts") or row.payload.get("ts")
            row.channel = body.get("channel") or row.payload.get("channel")
            self.stats["sent"] += 1
            return
        if outcome.retry_after is not None:
            row.next_attempt_at = now + timedelta(seconds=outcome.retry_after)
            return
        row.attempts += 1
        row.last_error = outcome.error
        if outcome.transient and row.attempts < self.max_attempts:
            backoff = min(2**row.attempts, 300) * (0.75 + random.random() / 2)
            row.next_attempt_at = now + timedelta(seconds=backoff)
            self.stats["retried"] += 1
            log.warning(
                "outbox %s: %s, retry %d in %.0fs", row.key, outcome.error, row.attempts, backoff
            )
            return
        row.state = "failed"
        self.stats["failed"] += 1
        log.warning("outbox %s failed for good: %s", row.key, outcome.error)

    def _pending_count(self) -> int:
        with Session(self.engine) as session:
            return len(
                session.exec(select(OutboxMessage.id).where(OutboxMessage.state == "pending")).all()
            )

    def _seconds_to_next(self) -> float | None:
        """Seconds until the next pending row is due; None when nothing is pending."""
        with Session(self.engine) as session:
            nxt = session.exec(
                select(OutboxMessage.next_attempt_at)
                .where(OutboxMessage.state == "pending")
                .order_by(col(OutboxMessage.next_attempt_at))
                .limit(1)
            ).first()
        if nxt is None:
            return None
        return max(0.05, min(IDLE_WAIT, (nxt - self.now()).total_seconds()))
