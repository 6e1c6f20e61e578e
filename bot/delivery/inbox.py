"""The inbox: what Slack was told we have is in the database before Slack hears it.

A listener hands its typed `Work` to `Intake.accept`, one short insert keyed by Slack's own
identifier (a retry or a replay is the same row); only then does Slack get its 200. The
`InboxWorker` does the work from the row, at least once: the work's effects and the row's
`done` commit together, so each takes effect once. A row that keeps failing is parked with
its error (`ritualbot inbox list`, `ritualbot inbox retry`). Unfinished rows are taken up on
start and by any replica.

Past 300 lines by a few: the intake and its worker share the row's life cycle (accepted,
claimed, done, parked) and are kept together on purpose.
"""

from __future__ import annotations

import enum
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from bot import metrics
from bot.delivery.pacing import Clock
from bot.work import Work
from rituals.db import Database, retryable
from rituals.models import InboxItem
from rituals.store import inbox

log = logging.getLogger(__name__)

RACES = 8  # a transaction that lost a race runs again up to this many times, then fails
INTAKE_TIMEOUT_MS = 1500  # inside Slack's 3 seconds, with room for the answer
LEASE = timedelta(minutes=2)
PARK_AFTER = 5
RETRY_AFTER = 2.0  # seconds, doubled at random, before a failed item is tried again
SECOND = timedelta(seconds=1)
IDLE_WAIT = 1.0
UNAVAILABLE = timedelta(seconds=0.5)  # between tries while the database is away


class Accepted(enum.Enum):
    STORED = "stored"
    DUPLICATE = "duplicate"  # Slack's retry, or a replay: already stored
    FAILED = "failed"  # the database could not take it: do not tell Slack it is done


@dataclass(frozen=True)
class Job:
    """The inbox row a piece of work came from: its key names the replies, and
    `received_at` is the business time of the work (not when it was processed)."""

    key: str
    received_at: datetime


Handler = Callable[[Session, Any, Job], None]


class Intake:
    """Stores work before the answer to Slack, within a bounded time."""

    def __init__(self, database: Database, clock: Clock, now: Callable[[], datetime]) -> None:
        self.database = database
        self.clock = clock
        self.now = now  # business time, which `received_at` records

    def accept(self, key: str, work: Work) -> Accepted:
        try:
            with self.database.write(timeout_ms=INTAKE_TIMEOUT_MS) as session:
                stored = inbox.add(
                    session=session,
                    key=key,
                    kind=work.kind,
                    payload=work.model_dump(mode="json"),
                    received_at=self.now(),
                    now=self.clock.now(),
                )
                session.info["inbox"] = stored
        except Exception as exc:
            log.error("inbox: could not store %s (%s): %s", work.kind, key, _short(exc))
            return Accepted.FAILED
        return Accepted.STORED if stored else Accepted.DUPLICATE


class InboxWorker:
    """Does the inbox's work in a few threads; `settle()` waits until nothing is left."""

    def __init__(self, database: Database, clock: Clock, *, threads: int = 2) -> None:
        self.database = database
        self.clock = clock
        self.handlers: dict[str, Handler] = {}
        self.threads = threads
        self.stats = {"done": 0, "failed": 0, "parked": 0}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._workers: list[threading.Thread] = []
        self._changed = threading.Condition()
        self._busy = 0
        self._unsure: dict[int, datetime] = {}  # claims whose commit went unanswered
        database.on_commit(lambda info: self.wake() if info.get("inbox") else None)

    def handle(self, kind: str, handler: Handler) -> None:
        self.handlers[kind] = handler

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._stop.clear()
        self._workers = [
            threading.Thread(target=self._loop, name=f"inbox-{n}", daemon=True)
            for n in range(self.threads)
        ]
        for thread in self._workers:
            thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the work under way and stop; what is left stays for the next start."""
        self._stop.set()
        self._wake.set()
        for thread in self._workers:
            thread.join(timeout=timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                worked = self.work_once()
            except OperationalError as exc:  # the database is away: one line, no traceback
                log.warning("inbox: database unavailable (%s); retrying shortly", _short(exc))
                worked = False
            except Exception:
                log.exception("inbox pass failed; retrying shortly")
                worked = False
            if not worked:
                with self._changed:
                    self._changed.notify_all()
                self.clock.wait(self._wake, self._pause())

    def _pause(self) -> float:
        try:
            with self.database.read() as session:
                nxt = inbox.next_due(session=session)
        except Exception:
            return IDLE_WAIT
        if nxt is None:
            return IDLE_WAIT
        return max(0.02, min(IDLE_WAIT, (nxt - self.clock.now()).total_seconds()))

    def work_once(self) -> bool:
        """Claim and do one due row; whether there was one."""
        if self._unsure and self._resume():
            return True
        now = self.clock.now()
        until = now + LEASE
        with self.database.read() as session:
            candidates = inbox.due(session=session, now=now, limit=self.threads * 2)
        for row_id in candidates:
            # busy from before the claim: settle() never sees a claimed row as neither
            # due nor being worked on
            with self._changed:
                self._busy += 1
            try:
                try:
                    with self.database.write() as session:
                        taken = inbox.claim(session=session, row_id=row_id, now=now, until=until)
                except OperationalError:
                    # the database went away: the claim may be made with its answer lost
                    with self._changed:
                        self._unsure[row_id] = until
                    raise
                if taken:
                    self._do(row_id, until=until)
                    return True
            finally:
                with self._changed:
                    self._busy -= 1
                    self._changed.notify_all()
        return False

    def _resume(self) -> bool:
        """Do a row whose claim's answer was lost when the database went away, if the claim
        was made (the row holds that lease): now, instead of once the lease ends."""
        with self._changed:
            unsure = dict(self._unsure)
        for row_id, until in unsure.items():
            with self.database.read() as session:  # the database still away: next pass
                row = session.get(InboxItem, row_id)
            with self._changed:
                if self._unsure.pop(row_id, None) is None:
                    continue  # the other thread has it
                self._busy += 1
            try:
                if row is not None and row.state == "pending" and row.claimed_until == until:
                    self._do(row_id, until=until)
                    return True
            finally:
                with self._changed:
                    self._busy -= 1
                    self._changed.notify_all()
        return False

    def _do(self, row_id: int, *, until: datetime) -> None:
        """Do the claimed row: a transaction that lost a race runs again a few times; while
        the database is away, the row is held (its lease is ours `until`) and done as soon
        as it is back, instead of waiting for the lease to end."""
        error: Exception | None = None
        races, pause = 0, 0.0
        while True:
            try:
                with self.database.write() as session:
                    self._run(session, row_id)
                self.stats["done"] += 1
                metrics.INBOX.labels("done").inc()
                return
            except Exception as exc:
                error = exc
                if retryable(exc) and races < RACES:
                    races += 1
                    pause = min(0.5, 0.01 * 2**races) * random.random()
                elif isinstance(exc, OperationalError) and self.clock.now() < until - UNAVAILABLE:
                    if pause != UNAVAILABLE.total_seconds():  # said once, not every half second
                        log.warning("inbox %s: database unavailable, held: %s", row_id, _short(exc))
                    pause = UNAVAILABLE.total_seconds()
                else:
                    break
                if self.clock.wait(self._stop, pause):
                    break  # stopping: the row is taken up again when its lease ends
        assert error is not None
        self._failed(row_id, error)

    def _run(self, session: Session, row_id: int) -> None:
        row = session.get(InboxItem, row_id)
        if row is None or row.state != "pending":
            return
        handler = self.handlers.get(row.kind)
        if handler is None:
            raise LookupError(f"no handler for {row.kind}")
        work = Work.load(row.kind, row.payload)
        handler(session, work, Job(row.key, row.received_at))
        row.state, row.done_at, row.claimed_until = "done", self.clock.now(), None
        session.add(row)

    def _failed(self, row_id: int, error: Exception) -> None:
        if isinstance(error, OperationalError):
            # The database went away: not the work's fault; it is taken up when the lease ends.
            log.warning("inbox %s: database unavailable (%s)", row_id, _short(error))
            return
        log.error("inbox %s failed: %s", row_id, _short(error), exc_info=error)
        self.stats["failed"] += 1
        metrics.INBOX.labels("failed").inc()
        try:
            with self.database.write() as session:
                row = inbox.failed(
                    session=session,
                    row_id=row_id,
                    error=f"{type(error).__name__}: {error}",
                    retry_at=self.clock.now() + RETRY_AFTER * (1 + random.random()) * SECOND,
                    park_after=PARK_AFTER,
                )
                if row is not None and row.state == "parked":
                    self.stats["parked"] += 1
                    metrics.INBOX.labels("parked").inc()
                    log.error("inbox %s parked after %d attempts", row.key, row.attempts)
        except Exception as exc:
            log.warning("inbox %s: could not record the failure: %s", row_id, _short(exc))

    def settle(self, timeout: float = 10.0) -> bool:
        """Wait until no row is due and none is being worked on."""
        deadline = self.clock.monotonic() + timeout
        self.wake()
        while self.clock.monotonic() < deadline:
            # due first, then busy: a row claimed in between was counted busy before its claim
            due = self._due_now()
            with self._changed:
                busy = self._busy + len(self._unsure)
            if not due and not busy:
                return True
            with self._changed:
                self._changed.wait(timeout=0.05)
        return False

    def drain(self, timeout: float = 60.0) -> bool:
        """Do every due row in this thread (for the CLI and scripts with no running worker)."""
        deadline = self.clock.monotonic() + timeout
        while self.clock.monotonic() < deadline:
            if not self.work_once():
                return not self._due_now()
        return False

    def _due_now(self) -> bool:
        with self.database.read() as session:
            return bool(inbox.due(session=session, now=self.clock.now(), limit=1))


def _short(exc: BaseException) -> str:
    """One line: the error's class and the first line of its message."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:300]}" if text else type(exc).__name__
