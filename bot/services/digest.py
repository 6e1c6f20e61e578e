"""The weekly digest ritual: per committee, a top message in its channel and what needs
attention in its thread, from a constant number of queries whatever the committee's size.
People are named, not mentioned: a digest pings nobody."""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import datetime

from sqlmodel import Session

from bot.blocks import digest as blocks
from bot.delivery import keys
from bot.delivery.outbox import enqueue
from bot.delivery.payloads import post
from bot.people import People
from bot.readers import Readers
from bot.services.kpi_fetch import fetch_readings
from bot.settings import Settings
from bot.text import slack_date
from rituals.db import Database
from rituals.digest import TREND_PERIODS, Answered, Digest, build_digest, line_of
from rituals.escalation import Thresholds
from rituals.periods import bounds, quarter_of, recent_weeks, week_of
from rituals.registry import Ritual, RunResult
from rituals.store import checkins, digest, initiatives, runs


class DigestRitual:
    def __init__(
        self, database: Database, settings: Settings, readers: Readers, people: People
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people

    def run(self, *, now: datetime, committee: str | None = None) -> RunResult:
        tz = self.settings.tz
        period, quarter = week_of(now, tz), quarter_of(now, tz)
        with self.database.read() as session:
            sourced = initiatives.with_source(session=session, quarter=quarter)
        if sourced:  # KPI sources first: a failure is noted in the digest, never blocks it
            fetch_readings(
                engine=self.database.engine,
                initiatives=sourced,
                period=period,
                now=now,
                environ=os.environ,
            )
        queued, first = 0, False
        with self.database.write() as session:
            for name in [committee] if committee else list(self.settings.config.committees):
                if not runs.note(
                    session=session, ritual=Ritual.DIGEST, period=period, committee=name, now=now
                ):
                    continue
                first = True
                found = self.committee_digest(session, name, now=now)
                if found.lines:  # a committee with no initiative this quarter gets no noise
                    queued += self.post(session, found, now)
        return RunResult(Ritual.DIGEST, period, queued, first)

    def committee_digest(self, session: Session, committee: str, *, now: datetime) -> Digest:
        tz = self.settings.tz
        period = week_of(now, tz)
        weeks = recent_weeks(period, TREND_PERIODS)
        mine = initiatives.of_quarter(
            session=session, quarter=quarter_of(now, tz), committee=committee
        )
        ids = [i.id for i in mine if i.id is not None]
        answers: dict[int, dict[str, Answered]] = defaultdict(dict)
        for c in checkins.of_periods(session=session, initiative_ids=ids, periods=weeks):
            answers[c.initiative_id][c.period] = Answered(
                c.status, c.progress, c.kpi_value, c.blockers
            )
        readings = {
            r.initiative_id: (r.period, r.value, r.error)
            for r in digest.readings(session=session, initiative_ids=ids, periods=weeks)
            if r.period == period or r.value is not None
        }
        lines = [
            line_of(
                initiative_id=i.id or 0,
                title=i.title,
                owner=i.owner,
                status=i.status,
                kpi_target=i.kpi_target,
                kpi_unit=i.kpi_unit,
                answers=answers[i.id or 0],
                period=period,
                reading=readings.get(i.id or 0),
            )
            for i in mine
        ]
        start, end = bounds(period, tz)
        return build_digest(
            committee,
            period,
            lines,
            escalations=[
                (i.title, e.cause, e.level)
                for e, i in digest.open_escalations(session=session, initiative_ids=ids)
            ],
            decisions=[
                (d.question, "deferred" if d.deferred else d.decision)
                for d in digest.decisions_between(
                    session=session, committee=committee, start=start, end=end
                )
            ],
            open_polls=[
                (p.question, slack_date(p.deadline))
                for p in digest.open_polls(session=session, committee=committee)
            ],
        )

    def post(self, session: Session, found: Digest, now: datetime) -> int:
        """Queue the top message and its thread; the number of messages."""
        words = self.readers.of_committee(found.committee)
        posts = blocks.digest_posts(
            words,
            found,
            who=self.people.named,
            thresholds=Thresholds(**self.settings.config.escalation.model_dump()),
        )
        channel = self.settings.config.committees[found.committee].channel
        top = keys.digest(found.period, found.committee)
        enqueue(session, top, post(channel, posts.top), now=now)
        for number, reply in enumerate(posts.thread, start=1):
            enqueue(
                session,
                keys.digest(found.period, found.committee, number),
                post(None, reply),
                now=now,
                refers_to=top,
            )
        return 1 + len(posts.thread)
