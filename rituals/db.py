"""The database: engine, sessions, write transactions and schema migrations (Alembic).

Writes go through `Database.write()` (or `run()`, which retries a transaction that lost a race
on a unique key): on SQLite they take the write lock when they begin (`BEGIN IMMEDIATE`), so
concurrent writers queue instead of failing half-way; hooks run after each commit (the
delivery workers wake on them).

SQLite lets one writer at a time: within a process, writers take turns at a gate, woken the
moment it frees, with the intake (a write bounded by `timeout_ms`, answering Slack) first —
SQLite's own busy wait polls, and lets a writer starve behind a stream of others.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
T = TypeVar("T")
BUSY_TIMEOUT_MS = 30_000
CommitHook = Callable[[dict[str, Any]], None]


def make_engine(url: str, *, connect_timeout: float = 2.0) -> Engine:
    """An engine for SQLite (WAL, busy timeout, foreign keys) or PostgreSQL (psycopg 3).

    On PostgreSQL a server that stops answering (a network cut, not a refusal) is noticed
    within about two seconds — connecting, and on a connection in use (TCP keepalives and
    `tcp_user_timeout`) — so that the intake can still tell Slack "not now" inside its three
    seconds instead of hanging."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith("sqlite"):
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=20,
            connect_args={
                "connect_timeout": max(1, int(connect_timeout)),
                "keepalives": 1,
                "keepalives_idle": 5,
                "keepalives_interval": 1,
                "keepalives_count": 2,
                "tcp_user_timeout": 2500,  # ms unacknowledged before the connection fails
            },
        )
    memory = url in ("sqlite://", "sqlite:///:memory:")
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
    if memory:
        kwargs["poolclass"] = StaticPool
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is off: `_sqlite_begin` says BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    options = connection.get_execution_options()
    timeout = int(options.get("busy_timeout_ms", BUSY_TIMEOUT_MS))
    connection.exec_driver_sql(f"PRAGMA busy_timeout={timeout}")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get("writes") else "BEGIN")


MIGRATION_LOCK = 7_262_001  # the PostgreSQL advisory lock replicas take turns on


def migrate(engine: Engine) -> tuple[str | None, str | None]:
    """Bring the schema to the latest revision (creates it on an empty database); (the
    revision before, the revision after). Replicas starting at once take turns: on
    PostgreSQL an advisory lock held by the migrating transaction, on SQLite the write lock
    taken at its start; the second finds the schema up to date."""
    logging.getLogger("alembic").setLevel(logging.WARNING)
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.execution_options(writes=True).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
        before = MigrationContext.configure(connection).get_current_revision()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        after = MigrationContext.configure(connection).get_current_revision()
    return before, after


def head_revision() -> str | None:
    """The latest revision this version of the code knows."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None: never migrated)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def ping(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:
        return False
    return True


class _Gate:
    """One SQLite writer at a time in this process; urgent writers (the intake) go before
    every other writer waiting."""

    def __init__(self) -> None:
        self._turn = threading.Condition()
        self._writing = False
        self._urgent = 0

    @contextmanager
    def held(self, *, urgent: bool, timeout_ms: int) -> Iterator[None]:
        with self._turn:
            self._urgent += urgent
            try:
                free = self._turn.wait_for(
                    lambda: not self._writing and (urgent or not self._urgent),
                    timeout=timeout_ms / 1000,
                )
            finally:
                self._urgent -= urgent
            if not free:
                raise OperationalError(
                    "BEGIN IMMEDIATE", None, Exception("database is locked (by this process)")
                )
            self._writing = True
        try:
            yield
        finally:
            with self._turn:
                self._writing = False
                self._turn.notify_all()


_GATES: weakref.WeakKeyDictionary[Engine, _Gate] = weakref.WeakKeyDictionary()
_GATES_LOCK = threading.Lock()


def _gate_of(engine: Engine) -> _Gate:
    with _GATES_LOCK:
        gate = _GATES.get(engine)
        if gate is None:
            gate = _GATES[engine] = _Gate()
        return gate


def retryable(exc: BaseException) -> bool:
    """A transaction that lost a race and may simply run again on what is committed now."""
    if isinstance(exc, IntegrityError):
        return True
    if isinstance(exc, OperationalError | DBAPIError):
        code = getattr(getattr(exc, "orig", None), "sqlstate", None)
        return code in ("40001", "40P01") or "database is locked" in str(exc)
    return False


class Database:
    """Sessions on one engine; write transactions tell the commit hooks what they wrote."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"
        self._hooks: list[CommitHook] = []

    def on_commit(self, hook: CommitHook) -> None:
        """`hook(session.info)` after every committed write transaction."""
        self._hooks.append(hook)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self, *, timeout_ms: int | None = None) -> Iterator[Session]:
        """A transaction committed whole, or not at all; `timeout_ms` bounds the wait for
        locks (the inbox must answer Slack within its 3 seconds)."""
        written: dict[str, Any] = {}
        if not self.sqlite:
            with self._session(timeout_ms, written) as session:
                yield session
        else:
            started = time.monotonic()
            urgent, bound = timeout_ms is not None, timeout_ms or BUSY_TIMEOUT_MS
            with _gate_of(self.engine).held(urgent=urgent, timeout_ms=bound):
                left = bound - int((time.monotonic() - started) * 1000)  # for other processes
                with self._session(max(50, left) if urgent else None, written) as session:
                    yield session
        for hook in self._hooks:
            try:
                hook(written)
            except Exception:
                log.exception("commit hook failed")

    @contextmanager
    def _session(self, timeout_ms: int | None, written: dict[str, Any]) -> Iterator[Session]:
        """The transaction; once committed, `written` holds its session's info."""
        options: dict[str, Any] = {"writes": True}
        if timeout_ms is not None:
            options["busy_timeout_ms"] = timeout_ms
        bind = self.engine.execution_options(**options)
        with Session(bind, expire_on_commit=False) as session:
            try:
                if timeout_ms is not None and not self.sqlite:
                    session.execute(text(f"SET LOCAL statement_timeout = {int(timeout_ms)}"))
                    session.execute(text(f"SET LOCAL lock_timeout = {int(timeout_ms)}"))
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            written.update(session.info)

    def run(self, work: Callable[[Session], T], *, attempts: int = 8) -> T:
        """`work` in a write transaction, run again when it lost a race (two answers for one
        initiative at the same instant, a serialization failure, SQLite's lock)."""
        for attempt in range(1, attempts + 1):
            try:
                with self.write() as session:
                    return work(session)
            except Exception as exc:
                if attempt == attempts or not retryable(exc):
                    raise
                time.sleep(min(0.5, 0.01 * 2**attempt) * random.random())
        raise AssertionError("unreachable")


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A write transaction on `engine` (for scripts and tests; services use a Database)."""
    with Database(engine).write() as session:
        yield session
