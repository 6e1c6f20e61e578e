"""The outbox worker: sends queued messages to Slack, paced, nothing lost, nothing twice.

Replies to people go first (their lane), then the rituals' fan-outs. A token bucket paces
calls and a 429's Retry-After pauses all sending; transient failures (5xx, timeouts) are
retried with backoff; permanent ones (`channel_not_found`…) are recorded. A row is claimed
with a lease just before it is sent, so replicas sharing PostgreSQL never send it twice, and a
crashed worker's rows are taken up again when the lease ends. It wakes when a transaction
that queued something commits.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlmodel import Session

from bot.delivery.pacing import Clock, TokenBucket
from bot.delivery.payloads import PAYLOAD, Payload, Post, Redraw, Respond, Update
from bot.delivery.sender import Outcome, SlackSender
from rituals.db import Database
from rituals.models import OutboxMessage
from rituals.store import outbox

log = logging.getLogger(__name__)

IDLE_WAIT = 2.0  # other replicas' rows are found within this
BATCH = 200

Drawer = Callable[[Session, str], dict[str, Any]]
"""Draws a surface at send time from the latest data: a poll message, a Home tab."""


@dataclass(frozen=True)
class _Later:
    """A row that cannot be sent now: its parent is not sent yet, or `failed` for good."""

    failed: str | None = None


class DeliveryWorker:
    """Sends due outbox rows; `start()` runs it in a thread, `drain()` until nothing is left."""

    def __init__(
        self,
        *,
        database: Database,
        sender: SlackSender,
        rate: float,
        burst: int,
        max_attempts: int = 8,
        clock: Clock | None = None,
    ) -> None:
        self.database = database
        self.sender = sender
        self.clock = clock or Clock()
        self.bucket = TokenBucket(rate, burst, self.clock.monotonic)
        # a claim outlives any single call, so no other replica can take a row mid-send
        self.lease = timedelta(seconds=max(60.0, 3 * sender.timeout))
        self.max_attempts = max_attempts
        self.drawers: dict[str, Drawer] = {}
        self.stats = {"sent": 0, "failed": 0, "retried": 0, "ratelimited": 0}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._passes = threading.Condition()
        self._started = 0  # passes begun
        self._idle_pass = 0  # the last pass that ended with nothing pending
        database.on_commit(lambda info: self.wake() if info.get("outbox") else None)

    # -- running ------------------------------------------------------------------------

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="delivery", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the call under way, hand back nothing claimed, and stop."""
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            with self._passes:
                self._started += 1
                this_pass = self._started
            idle = False
            try:
                self.deliver_due()
                idle = self._pending() == 0
                pause = self._seconds_to_next() or IDLE_WAIT
            except Exception:
                log.exception("delivery pass failed; retrying shortly")
                pause = 2.0
            with self._passes:
                if idle:
                    self._idle_pass = this_pass
                self._passes.notify_all()
            self.clock.wait(self._wake, pause)

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
        deadline = self.clock.monotonic() + timeout
        while self.clock.monotonic() < deadline:
            self.deliver_due()
            left = self._pending()
            if not left:
                return 0
            pause = self._seconds_to_next()
            if pause is not None:
                remaining = max(0.0, deadline - self.clock.monotonic())
                self.clock.wait(self._stop, min(pause, remaining))
        return self._pending()

    # -- one pass -----------------------------------------------------------------------

    def deliver_due(self) -> int:
        """One pass over the rows due now; the number delivered."""
        delivered = 0
        while not self._stop.is_set():
            with self.database.read() as session:
                rows = outbox.due(session=session, now=self.clock.now(), limit=BATCH)
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
            self.clock.wait(self._stop, wait)
        return False

    def _claim(self, row_id: int) -> bool:
        now = self.clock.now()
        with self.database.write() as session:
            return outbox.claim(session=session, row_id=row_id, now=now, until=now + self.lease)

    def _deliver(self, row_id: int) -> int:
        """Read what to send, send it, record what Slack said: no transaction stays open
        across the call (SQLite could not take the write afterwards)."""
        with self.database.read() as session:
            row = session.get(OutboxMessage, row_id)
            assert row is not None
            call = self._call_of(session, row)
        if isinstance(call, _Later):
            with self.database.write() as session:
                self._postpone(session, row_id, call)
            return 0
        try:
            outcome = self._send(*call)
        except BaseException:
            with self.database.write() as session:
                outbox.release(session=session, ids=[row_id])
            raise
        with self.database.write() as session:
            row = session.get(OutboxMessage, row_id)
            assert row is not None
            self._record(row, outcome)
            session.add(row)
        return 1 if outcome.ok else 0

    def _call_of(
        self, session: Session, row: OutboxMessage
    ) -> tuple[str, dict[str, Any], str | None] | _Later:
        """(method or "response_url", parameters, url) of the row; _Later when it must wait
        for the message it refers to, or fail with it."""
        payload: Payload = PAYLOAD.validate_python(row.payload)
        parent = None
        if row.refers_to:
            parent = outbox.by_key(session=session, key=row.refers_to)
            if parent is None or parent.state == "failed":
                return _Later(failed=f"parent {row.refers_to} not delivered")
            if parent.state != "sent":
                return _Later()
        if isinstance(payload, Respond):
            body: dict[str, Any] = {"response_type": "ephemeral", "text": payload.text}
            body |= {"blocks": payload.blocks, "replace_original": payload.replace_original}
            return "response_url", body, payload.url
        if isinstance(payload, Redraw):
            drawn = self.drawers[payload.surface](session, payload.ref)
            if payload.surface == "home":
                return "views.publish", {"user_id": payload.ref, **drawn}, None
            return "chat.update", {**self._where(parent, "ts"), **drawn}, None
        params = payload.model_dump(exclude={"kind"}, exclude_none=True)
        if not params.get("blocks"):
            params.pop("blocks", None)
        if isinstance(payload, Post) and parent is not None:
            params |= self._where(parent, "thread_ts")
        elif isinstance(payload, Update) and parent is not None:
            params |= self._where(parent, "ts")
        return row.method, params, None

    @staticmethod
    def _where(parent: OutboxMessage | None, ts_key: str) -> dict[str, Any]:
        if parent is None:
            return {}
        return {"channel": parent.channel, ts_key: parent.ts}

    def _postpone(self, session: Session, row_id: int, later: _Later) -> None:
        """Wait a second for the parent message, or fail with it."""
        row = session.get(OutboxMessage, row_id)
        if row is None:
            return
        row.claimed_until = None
        if later.failed:
            row.state, row.last_error = "failed", later.failed
            self.stats["failed"] += 1
        else:
            row.next_attempt_at = self.clock.now() + timedelta(seconds=1)
        session.add(row)

    def _send(self, method: str, params: dict[str, Any], url: str | None) -> Outcome:
        self.bucket.take()
        if url is not None:
            outcome = self.sender.respond(url, params)
        else:
            outcome = self.sender.call(method, params)
        if outcome.retry_after is not None:
            self.stats["ratelimited"] += 1
            self.bucket.pause(outcome.retry_after)
        return outcome

    def _record(self, row: OutboxMessage, outcome: Outcome) -> None:
        now = self.clock.now()
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

    def _pending(self) -> int:
        with self.database.read() as session:
            return outbox.pending_count(session=session)

    def _seconds_to_next(self) -> float | None:
        """Seconds until the next pending row is due; None when nothing is pending."""
        with self.database.read() as session:
            nxt = outbox.next_due(session=session)
        if nxt is None:
            return None
        return max(0.05, min(IDLE_WAIT, (nxt - self.clock.now()).total_seconds()))
