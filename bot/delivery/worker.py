"""The outbox worker: sends queued messages to Slack, paced, nothing lost, nothing twice.

Replies to people go first (their lane: a reply queued during a fan-out is sent next), then
the rituals' fan-outs. Each Web API method has a pace that learns what Slack allows (see
`pacing`), and a channel gets at most a post a second. Transient failures (5xx, timeouts)
are retried with backoff; permanent ones (`channel_not_found`…) are recorded. One worker
sends at a time, whatever the number of replicas (the delivery lease, in the database), so
that together they keep to Slack's rate; the others stand by and take over within seconds
of it stopping or dying, with the pace it learned. A row is claimed just before it is sent,
so it is never sent twice, and a crashed worker's rows are taken up again when the claim
ends. It wakes when a transaction that queued something commits.

Past 300 lines: the claim, send, classify-the-answer and lease loop read best as one unit;
the pacing maths lives in `pacing.py`, the payloads in `payloads.py`.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from bot import metrics
from bot.delivery import keys
from bot.delivery.pacing import Clock, Pace, Spacing
from bot.delivery.payloads import PAYLOAD, Payload, Post, Redraw, Respond, Update
from bot.delivery.sender import Outcome, SlackSender
from rituals.db import Database
from rituals.models import OutboxMessage
from rituals.store import lease, outbox

log = logging.getLogger(__name__)
# what a secret ballot's receipt keeps once sent: a valid payload that says nothing
_FORGOTTEN: dict[str, Any] = {"kind": "respond", "url": "", "text": ""}

IDLE_WAIT = 2.0  # other replicas' rows are found within this
BATCH = 20  # rows read at a time: a reply to a person waits for no more than these
LEASE = "outbox"
LEASE_FOR = timedelta(seconds=10)  # a dead sender's replicas take over within this
RENEW_BEFORE = timedelta(seconds=6)  # renewed every 4 s or so, a write each time
TURN_CHECK = 2.0  # seconds: a long wait for the pace renews the lease this often
STANDBY_WAIT = 0.5  # a worker not sending looks again this often while rows are pending
REMEMBERED = timedelta(days=1)  # a pace learned longer ago is learned again
GIVE_UP_LIMITED = timedelta(minutes=15)  # a row Slack answers 429 this long fails (retry it)

Drawer = Callable[[Session, str], dict[str, Any] | None]
"""Draws a surface at send time from the latest data: a poll message, a Home tab; None when
it cannot be drawn yet (it is looked at again a second later)."""


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
        self.ceiling = rate  # calls per second per method, at most: the pace learns the rest
        self.burst = burst  # calls sent at once after a pause, at most
        self.paces: dict[str, Pace] = {}
        self.spacing = Spacing(self.clock.monotonic)
        self.holder = uuid.uuid4().hex
        self._lease_until: datetime | None = None  # while this worker is the one sending
        self._learned: dict[str, Any] = {}  # the paces the lease handed over
        self._urgent = threading.Event()  # a reply to a person was queued: look again now
        # a claim outlives any single call, so no other replica can take a row mid-send
        self.lease = timedelta(seconds=max(60.0, 3 * sender.timeout))
        self.max_attempts = max_attempts
        self.drawers: dict[str, Drawer] = {}
        self.on_failed: Callable[[Session, OutboxMessage], None] | None = None
        self.stats = {"sent": 0, "failed": 0, "retried": 0, "ratelimited": 0}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._passes = threading.Condition()
        self._started = 0  # passes begun
        self._idle_pass = 0  # the last pass that ended with nothing pending
        database.on_commit(self._committed)

    # -- running ------------------------------------------------------------------------

    def wake(self) -> None:
        self._wake.set()

    def _committed(self, info: dict[str, Any]) -> None:
        if info.get("outbox_person"):
            self._urgent.set()
        if info.get("outbox"):
            self.wake()

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="delivery", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the call under way, hand back nothing claimed nor the lease, and stop."""
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=timeout)
        self._release()

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
            except OperationalError as exc:  # the database is away: one line, no traceback
                log.warning("delivery paused: database unavailable (%s)", _first_line(exc))
                pause = 2.0
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
                if self._lease_until is None:  # another worker sends: look again shortly
                    pause = max(pause, STANDBY_WAIT)
                remaining = max(0.0, deadline - self.clock.monotonic())
                self.clock.wait(self._stop, min(pause, remaining))
        return self._pending()

    # -- one pass -----------------------------------------------------------------------

    def deliver_due(self) -> int:
        """One pass over the rows due now, if this worker is the one sending; the number
        delivered."""
        delivered = 0
        while not self._stop.is_set() and self._lead():
            self._urgent.clear()
            with self.database.read() as session:
                rows = outbox.due_calls(session=session, now=self.clock.now(), limit=BATCH)
            if not rows:
                return delivered
            for row_id, method in rows:
                if self._urgent.is_set():
                    break  # a reply to a person was queued: it goes next
                # wait for our turn before claiming, so a claim only ever covers one call
                if not self._await_turn(method):
                    break
                if self._claim(row_id):
                    delivered += self._deliver(row_id)
        return delivered

    def _pace(self, method: str) -> Pace:
        pace = self.paces.get(method)
        if pace is None:
            learned = self._learned.get(method)
            start, burst = learned if learned else (None, None)
            pace = Pace(
                self.ceiling, self.clock.monotonic, start=start, burst=burst, max_burst=self.burst
            )
            self.paces[method] = pace
        return pace

    def _await_turn(self, method: str) -> bool:
        """Wait until the method's pace allows a call; False when the worker is stopping."""
        pace = self._pace(method)
        while not self._stop.is_set():
            wait = pace.wait_time()
            if wait <= 0:
                return True
            self.clock.wait(self._stop, min(wait, TURN_CHECK))
            if not self._lead():  # waited past the lease, and another worker took it
                return False
        return False

    # -- the lease: one worker sends ---------------------------------------------------

    def _lead(self) -> bool:
        """Whether this worker is the one sending: it takes the lease when it is free or
        ended, renews it before it ends, and keeps there the paces it learns."""
        now = self.clock.now()
        if self._lease_until is not None and now < self._lease_until - RENEW_BEFORE:
            return True
        try:
            with self.database.write() as session:
                row = lease.lead(
                    session=session, name=LEASE, holder=self.holder, now=now, until=now + LEASE_FOR
                )
                if row is not None and self._lease_until is None:  # taking over: its paces
                    fresh = row.updated_at is not None and now - row.updated_at < REMEMBERED
                    self._learned = dict(row.paces) if fresh else {}
                    self.paces = {}
                elif row is not None:
                    row.paces, row.updated_at = self._learnt(), now
        except Exception as exc:  # the database away, or another worker creating the lease
            log.warning("delivery lease: %s", _first_line(exc))
            row = None
        if row is None:
            if self._lease_until is not None:
                log.info("another worker sends to Slack now")
            self._lease_until = None
            return False
        if self._lease_until is None:
            log.info("this worker sends to Slack")
        self._lease_until = now + LEASE_FOR
        return True

    def _learnt(self) -> dict[str, Any]:
        learned = dict(self._learned)
        for method, pace in self.paces.items():
            if pace.limits or pace.learned:
                learned[method] = [round(pace.rate, 3), round(pace.burst, 1)]
        return learned

    def _release(self) -> None:
        if self._lease_until is None:
            return
        self._lease_until = None
        try:
            with self.database.write() as session:
                now = self.clock.now()
                lease.remember(
                    session=session, name=LEASE, holder=self.holder, paces=self._learnt(), now=now
                )
                lease.release(session=session, name=LEASE, holder=self.holder, now=now)
        except Exception as exc:  # it ends by itself within LEASE_FOR
            log.warning("delivery lease not handed back: %s", type(exc).__name__)

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
            call: tuple[str, dict[str, Any], str | None] | _Later | Outcome
            try:
                call = self._call_of(session, row)
            except OperationalError:
                raise  # the database went away: the claim ends, the row is taken up again
            except Exception as exc:  # a row that cannot be drawn: an attempt, not a stop
                log.exception("outbox %s could not be drawn", row.key)
                call = Outcome(ok=False, error=f"not drawn: {type(exc).__name__}", transient=True)
        if isinstance(call, Outcome):
            with self.database.write() as session:
                row = session.get(OutboxMessage, row_id)
                assert row is not None
                self._record(session, row, call)
            return 0
        if isinstance(call, _Later):
            with self.database.write() as session:
                self._postpone(session, row_id, call)
            return 0
        spaced = self.spacing.wait_time(call[0], call[1].get("channel"))
        if spaced > 0:  # this channel had a post less than a second ago: the others first
            with self.database.write() as session:
                self._postpone(session, row_id, _Later(), seconds=spaced)
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
            self._record(session, row, outcome)
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
            if drawn is None:  # not ready to be drawn yet: a little later
                return _Later()
            if payload.surface == "home":
                return "views.publish", {"user_id": payload.ref, **drawn}, None
            if row.method == "chat.postMessage":  # drawn now, posted where it says
                return row.method, drawn, None
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

    def _postpone(
        self, session: Session, row_id: int, later: _Later, *, seconds: float = 1.0
    ) -> None:
        """Wait a second (for the parent message, or the channel's turn), or fail."""
        row = session.get(OutboxMessage, row_id)
        if row is None:
            return
        row.claimed_until = None
        if later.failed:
            self._fail(session, row, later.failed)
        else:
            row.next_attempt_at = self.clock.now() + timedelta(seconds=seconds)
        session.add(row)

    def _send(self, method: str, params: dict[str, Any], url: str | None) -> Outcome:
        pace = self._pace(method)
        pace.take()
        if url is not None:
            outcome = self.sender.respond(url, params)
        else:
            outcome = self.sender.call(method, params)
        if outcome.retry_after is not None:
            self.stats["ratelimited"] += 1
            metrics.RATELIMITED.labels(method).inc()
            pace.limited(outcome.retry_after)
            log.info(
                "%s: 429, pausing %.0fs; now %.1f a second", method, outcome.retry_after, pace.rate
            )
        elif outcome.ok:
            pace.succeeded()
            self.spacing.sent(method, params.get("channel"))
        return outcome

    def _record(self, session: Session, row: OutboxMessage, outcome: Outcome) -> None:
        now = self.clock.now()
        row.claimed_until = None
        session.add(row)
        if outcome.ok:
            body = outcome.body or {}
            row.state, row.sent_at, row.last_error = "sent", now, None
            row.ts = body.get("ts") or body.get("message_ts") or row.payload.get("ts")
            row.channel = body.get("channel") or row.payload.get("channel")
            row.limited_since = None
            if keys.forgotten_once_sent(row.key):  # a secret ballot's receipt: kept by no one
                row.payload, row.channel, row.ts = dict(_FORGOTTEN), None, None
            self.stats["sent"] += 1
            metrics.SENT.labels(row.method).inc()
            return
        if outcome.retry_after is not None:
            row.limited_since = row.limited_since or now
            if now - row.limited_since < GIVE_UP_LIMITED:
                row.next_attempt_at = now + timedelta(seconds=outcome.retry_after)
                return
            outcome = Outcome(ok=False, error="ratelimited")  # Slack said 429 for too long
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
        self._fail(session, row, outcome.error or "failed")

    def _fail(self, session: Session, row: OutboxMessage, error: str) -> None:
        """The row failed for good: recorded, logged, and told (`on_failed`) in the same
        transaction, so that a report of it is queued once with it."""
        row.state, row.last_error, row.claimed_until = "failed", error, None
        if keys.forgotten_once_sent(row.key):
            row.payload, row.channel = dict(_FORGOTTEN), None
        session.add(row)
        self.stats["failed"] += 1
        metrics.FAILED.labels(row.method).inc()
        log.warning("outbox %s failed for good: %s", row.key, error)
        if self.on_failed is not None:
            self.on_failed(session, row)

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


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__
