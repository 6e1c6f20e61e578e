"""People as Slack knows them (users.info): display name, time zone, locale — kept in the
database for a day, so that a digest of 2,000 owners does not ask Slack 2,000 times, and
known to every replica — and the language each person chose, which wins over Slack's."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlmodel import Session

from bot.text import Mrkdwn, clip, mention
from rituals.db import Database
from rituals.models import Person as Stored
from rituals.store import people

log = logging.getLogger(__name__)

FRESH = timedelta(days=1)  # what Slack said is asked again after a day
# What this process remembers, read again from the database after a while: a language
# chosen through another replica shows within minutes.
REMEMBERED = timedelta(minutes=10)
LIST_FROM = 20  # this many people to learn at once: users.list rather than users.info each
LIST_PAGES = 100  # of 200 people: a workspace of 20,000


@dataclass(frozen=True)
class Person:
    id: str
    name: str  # the display name, else the real name, else the id
    zone: ZoneInfo
    locale: str | None  # e.g. "fr-FR", when Slack says
    language: str | None = None  # the one the person chose (`/checkin language fr`)


class People:
    """`person(user)`: from memory, else the database (fresh for a day), else users.info —
    whose answer is written to the database by a thread of its own, never inside the
    caller's transaction."""

    def __init__(self, client: WebClient, default_zone: ZoneInfo, database: Database | None = None):
        self.client = client
        self.default_zone = default_zone
        self.database = database
        self._known: dict[str, tuple[Person, datetime]] = {}
        self._lock = threading.Lock()
        self._to_write: queue.Queue[Stored] = queue.Queue()
        self._writer: threading.Thread | None = None

    def person(self, user: str) -> Person:
        now = datetime.now(UTC)
        with self._lock:
            known = self._known.get(user)
        if known is not None and now - known[1] < REMEMBERED:
            return known[0]
        row = self._row(user)
        if row is not None and row.fetched_at is not None and now - row.fetched_at < FRESH:
            found = Person(user, row.name or user, self._zone(row.zone), row.locale, row.language)
        else:
            found = self._ask(user, now, row.language if row is not None else None)
        with self._lock:
            self._known[user] = (found, now)
        return found

    def zone(self, user: str) -> ZoneInfo:
        return self.person(user).zone

    def name(self, user: str) -> str:
        return self.person(user).name

    def named(self, user: str) -> Mrkdwn:
        """The person by name, notifying nobody: for channel posts."""
        return clip(self.name(user), 80)

    @staticmethod
    def mentioned(user: str) -> Mrkdwn:
        """The person notified: only where the message asks them to act now."""
        return mention(user)

    def chose(self, user: str, language: str | None) -> None:
        """The person's own choice of language is now `language` (None: Slack's again)."""
        with self._lock:
            known = self._known.pop(user, None)
        if known is not None:
            person = known[0]
            with self._lock:
                self._known[user] = (
                    Person(person.id, person.name, person.zone, person.locale, language),
                    known[1],
                )

    def _row(self, user: str) -> Stored | None:
        if self.database is None:
            return None
        try:
            with self.database.read() as session:
                return session.get(Stored, user)
        except Exception:  # the database away: Slack still knows
            return None

    def prefetch(self, users: Collection[str]) -> None:
        """Know `users` before a fan-out: those kept in the database in one query, and when
        many are unknown or stale, users.list page by page (hundreds a call) rather than a
        users.info each — Slack allows about a hundred of those a minute."""
        now = datetime.now(UTC)
        with self._lock:
            wanted = [
                u
                for u in set(users)
                if u and (u not in self._known or now - self._known[u][1] >= REMEMBERED)
            ]
        rows = self._rows(wanted)
        stale = []
        for user in wanted:
            row = rows.get(user)
            if row is not None and row.fetched_at is not None and now - row.fetched_at < FRESH:
                self._keep(
                    Person(user, row.name or user, self._zone(row.zone), row.locale, row.language),
                    now,
                )
            else:
                stale.append(user)
        if len(stale) >= LIST_FROM:
            chosen = {u: rows[u].language for u in stale if u in rows}
            self._list(set(stale), chosen, now)

    def _rows(self, users: list[str]) -> dict[str, Stored]:
        if self.database is None or not users:
            return {}
        try:
            with self.database.read() as session:
                return people.rows(session=session, users=users)
        except Exception:  # the database away: Slack still knows
            return {}

    def _list(self, missing: set[str], chosen: dict[str, str | None], now: datetime) -> None:
        cursor = None
        for _ in range(LIST_PAGES):
            try:
                page = self.client.users_list(limit=200, include_locale=True, cursor=cursor)
            except (SlackApiError, KeyError, TypeError, ValueError) as exc:
                log.warning("users.list failed (%s): asking person by person", _error(exc))
                return
            for found in page.get("members") or []:
                user = found.get("id")
                if user in missing:
                    missing.discard(user)
                    self._keep(self._from_slack(found, now, chosen.get(user)), now)
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not missing or not cursor:
                return

    def _keep(self, person: Person, now: datetime) -> None:
        with self._lock:
            self._known[person.id] = (person, now)

    def _ask(self, user: str, now: datetime, language: str | None) -> Person:
        try:
            found = self.client.users_info(user=user, include_locale=True)["user"]
        except (SlackApiError, KeyError, TypeError, ValueError) as exc:
            log.warning("users.info %s failed (%s): using the defaults", user, _error(exc))
            return Person(user, user, self.default_zone, None, language)
        return self._from_slack(found, now, language)

    def _from_slack(self, found: dict[str, Any], now: datetime, language: str | None) -> Person:
        """The person as users.info or users.list describes them; kept in the database."""
        user = str(found.get("id"))
        profile = found.get("profile") or {}
        name = profile.get("display_name") or found.get("real_name") or found.get("name") or user
        zone, locale = self._zone(found.get("tz")), found.get("locale")
        person = Person(user, str(name), zone, locale, language)
        self._remember(Stored(user=user, name=person.name[:200], zone=found.get("tz"),
                              locale=person.locale, fetched_at=now))  # fmt: skip
        return person

    def _remember(self, row: Stored) -> None:
        if self.database is None:
            return
        self._to_write.put(row)
        with self._lock:
            if self._writer is None or not self._writer.is_alive():
                self._writer = threading.Thread(target=self._write, name="people", daemon=True)
                self._writer.start()

    def _write(self) -> None:
        """Write what Slack said, a batch per transaction; a race with another replica
        writing the same person runs again (`Database.run`)."""
        assert self.database is not None
        while True:
            try:
                batch = [self._to_write.get(timeout=1)]
            except queue.Empty:
                return
            while len(batch) < 500:
                try:
                    batch.append(self._to_write.get_nowait())
                except queue.Empty:
                    break

            def keep(session: Session, batch: list[Stored] = batch) -> None:
                people.keep(session=session, rows=batch)

            try:
                self.database.run(keep)
            except Exception as exc:
                log.warning(
                    "could not keep what Slack said of %d people: %s",
                    len(batch),
                    type(exc).__name__,
                )

    def flush(self, timeout: float = 5.0) -> None:
        """Wait for what Slack said to be written (the CLI, before it exits)."""
        writer = self._writer
        if writer is not None:
            writer.join(timeout)

    def _zone(self, name: object) -> ZoneInfo:
        try:
            return ZoneInfo(str(name)) if name else self.default_zone
        except (ZoneInfoNotFoundError, ValueError):
            return self.default_zone


def _error(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error", "error"))
    return type(exc).__name__
