"""The weekly digest ritual: per committee, a top message in its channel and what needs
attention in its thread, from a constant number of queries whatever the committee's size.
People are named, not mentioned: a digest pings nobody. Its Full list button shows every
initiative to whoever clicks, privately in a modal, built from the data of the click's time."""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from dataclasses import replace
from datetime import datetime
from typing import Any

from slack_sdk.errors import SlackApiError
from sqlmodel import Session

from bot.blocks import digest as blocks
from bot.blocks import digest_list
from bot.dashboard.links import committee_url
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import enqueue
from bot.delivery.payloads import post
from bot.people import People
from bot.readers import Readers
from bot.services.dependencies import at_risk_through
from bot.services.forms import Forms, tell
from bot.services.kpi_fetch import fetch_readings
from bot.services.scorecard import read_indicators, scorecard_in
from bot.settings import Settings
from bot.text import slack_date
from bot.work import OpenDigestList, TurnDigestPage
from rituals.absence import excuses
from rituals.db import Database
from rituals.digest import TREND_PERIODS, Answered, Digest, build_digest, line_of
from rituals.escalation import Thresholds
from rituals.periods import bounds, quarter_of, recent_weeks, week_of
from rituals.registry import Ritual, RunResult
from rituals.store import absences, digest, initiatives, runs

log = logging.getLogger(__name__)


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
        # the health indicators too: a source that fails is noted, the digest goes on
        read_indicators(self.database, self.settings, now=now, environ=os.environ)
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
        """The committee's digest of the week of `now`, from column reads whatever its size."""
        tz = self.settings.tz
        period, quarter = week_of(now, tz), quarter_of(now, tz)
        weeks = recent_weeks(period, TREND_PERIODS)
        of: dict[str, Any] = {"session": session, "quarter": quarter, "committee": committee}
        mine = digest.initiatives(**of)
        answers: dict[int, dict[str, Answered]] = defaultdict(dict)
        for initiative_id, week, *answered in digest.answers(**of, periods=weeks):
            answers[initiative_id][week] = Answered(*answered)
        readings = {
            initiative_id: (week, value, error)
            for initiative_id, week, value, error in digest.readings(**of, periods=weeks)
            if week == period or value is not None
        }
        start, end = bounds(period, tz)
        # Why an owner did not answer: a skip clicked, or an absence (the check-in ritual's
        # own excuse, a prompt skipped for nobody, or one covering a day of the week).
        monday = start.astimezone(tz).date()
        skipped: set[int] = set()
        away: set[int] = set()
        for initiative_id, recipient in digest.skipped(**of, period=period):
            (skipped if recipient else away).add(initiative_id)
        absent = {
            a.user
            for a in absences.ending_after(session=session, day=monday)
            if excuses(a.since, a.until, week_start=monday)
        }
        lines = [
            line_of(
                initiative_id=i,
                title=title,
                owner=owner,
                status=status,
                kpi_target=target,
                kpi_unit=unit,
                answers=answers[i],
                period=period,
                reading=readings.get(i),
                skipped=i in skipped,
                away=i in away or owner in absent,
            )
            for i, title, owner, status, target, unit in mine
        ]
        through = at_risk_through(
            session,
            dependent_ids=[line.initiative_id for line in lines],
            today=now.astimezone(tz).date(),
        )
        lines = [replace(line, through=through.get(line.initiative_id, ())) for line in lines]
        return build_digest(
            committee,
            period,
            lines,
            escalations=[tuple(row) for row in digest.open_escalations(**of)],
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
            link=committee_url(self.settings, found.committee),
            scorecard=scorecard_in(
                session, self.settings, now=now, committee=found.committee, words=words
            ),
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


class DigestList:
    """Full list, on a digest's top message: a modal opened with the click's trigger, and
    Previous / Next redrawing that modal (`views.update`: no trigger needed)."""

    def __init__(self, ritual: DigestRitual, forms: Forms) -> None:
        self.ritual = ritual
        self.forms = forms

    def open(self, session: Session, work: OpenDigestList, job: Job) -> None:
        words = self.ritual.readers.of_user(work.user)
        shown = self._view(session, work.user, work.committee, 0, job)
        if shown is None:
            tell(session, job, work.user, work.response_url, digest_list.gone(words))
            return
        self.forms.open(session, job, work.user, work.response_url, work.trigger_id, shown)

    def page(self, session: Session, work: TurnDigestPage, job: Job) -> None:
        """Another page in the same modal. A click inside a modal has no response URL: when
        Slack refuses the update, the modal stays as it was and the log says why."""
        shown = self._view(session, work.user, work.committee, work.page, job)
        if shown is None:
            log.warning("full list of %r asked by %s: no such committee", work.committee, work.user)
            return
        try:
            self.forms.client.views_update(view_id=work.view_id, hash=work.hash, view=shown)
        except SlackApiError as exc:
            error = str(exc.response.get("error", ""))
            log.warning("views.update of the full list for %s refused: %s", work.user, error)

    def _view(
        self, session: Session, user: str, committee: str, page: int, job: Job
    ) -> dict[str, Any] | None:
        """The page, from the data of the click's time (the week it shows is named in it)."""
        if committee not in self.ritual.settings.config.committees:
            return None
        found = self.ritual.committee_digest(session, committee, now=job.received_at)
        words = self.ritual.readers.of_user(user)
        return digest_list.view(words, found, page=page, who=self.ritual.people.named)
