"""The weekly "following" message of the Informed, and their Stop following.

Once a week each Informed person hears what changed on the initiatives they follow since the
last such message; nothing changed, nothing sent. It is an unsolicited DM: within the noise
budget it goes on its own; past it (the person already had their prompt and reminder this
week), it is folded into the next message they get anyway, as one line."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from bot.blocks import following as blocks
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import Queued, enqueue_rows
from bot.delivery.payloads import post
from bot.people import People
from bot.readers import Readers
from bot.services.forms import tell
from bot.settings import Settings
from bot.work import SetFollowing
from rituals.db import Database
from rituals.following import (
    Followed,
    decision_changes,
    escalation_changes,
    news,
    status_changes,
)
from rituals.models import Person
from rituals.periods import quarter_of, week_of
from rituals.registry import Ritual, RunResult
from rituals.store import following, notices, outbox, runs

WEEK = timedelta(days=7)


class FollowingRitual:
    def __init__(
        self, database: Database, settings: Settings, readers: Readers, people: People
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people

    def run(self, *, now: datetime, committee: str | None = None) -> RunResult:
        tz = self.settings.tz
        period = week_of(now, tz)
        with self.database.write() as session:
            since = following.last_run(session=session, ritual=Ritual.FOLLOWING, before=now)
            first = runs.note(
                session=session, ritual=Ritual.FOLLOWING, period=period, committee="", now=now
            )
            since = since or now - WEEK  # since the last one; a week for the first
            queued = self._tell(session, period, since, now, committee) if first else 0
        return RunResult(Ritual.FOLLOWING, period, queued, first)

    def _tell(
        self, session: Session, period: str, since: datetime, now: datetime, committee: str | None
    ) -> int:
        found = following.informed_of(session=session, quarter=quarter_of(now, self.settings.tz))
        found = [i for i in found if committee is None or i.committee == committee]
        ids = [i.id for i in found if i.id is not None]
        window: dict[str, Any] = {
            "session": session,
            "initiative_ids": ids,
            "since": since,
            "until": now,
        }
        changes = [
            *status_changes(
                following.statuses(session=session, initiative_ids=ids, until=now),
                since=since,
                until=now,
            ),
            *decision_changes(following.decisions(**window), since=since, until=now),
            *escalation_changes(following.escalations(**window), since=since, until=now),
        ]
        followed = [Followed(i.id or 0, i.title, tuple(i.informed)) for i in found]
        everyone = sorted({p for i in followed for p in i.informed})
        stopped = following.stopped(session=session, people=everyone)
        heard = news(followed, changes, stopped=stopped)
        if not heard:
            return 0
        people = [item.person for item in heard]
        self.people.prefetch(set(people))
        sent = outbox.unsolicited_of(session=session, people=people, week=period)
        budget = self.settings.config.noise.weekly_dms
        queued: list[Queued] = []
        folded = []
        for item in heard:
            words = self.readers.of_user(item.person)
            key = keys.following(period, item.person)
            if sent.get(item.person, 0) >= budget:
                text = blocks.folded(words, item)
                folded.append(
                    {
                        "person": item.person,
                        "kind": "following",
                        "key": key,
                        "text": text,
                        "created_at": now,
                    }
                )
                continue
            message = blocks.message(words, item, since=since)
            queued.append(Queued(key, post(item.person, message), noise=(item.person, period)))
        notices.fold_many(session=session, rows=folded)
        return len(enqueue_rows(session, queued, now=now))


class Following:
    """Stop following / Follow again: a preference of the person, stored."""

    def __init__(self, readers: Readers) -> None:
        self.readers = readers

    def set(self, session: Session, work: SetFollowing, job: Job) -> None:
        stored = session.get(Person, work.user) or Person(user=work.user)
        stored.following = work.following
        session.add(stored)
        words = self.readers.of_user(work.user)
        told = blocks.told(words, following=work.following)
        tell(session, job, work.user, work.response_url, told)
