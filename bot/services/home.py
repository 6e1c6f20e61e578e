"""Each person's App Home: drawn by the outbox when it is sent (after an answer, a vote, an
absence, or when its owner opens the tab), from a fixed number of queries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from bot.blocks import home as blocks
from bot.blocks.home import (
    Away,
    CommitteeCounts,
    LastAnswer,
    Listed,
    Mine,
    MyEscalation,
    MyInitiative,
    OpenPoll,
    Overdue,
    Portfolio,
    Queued,
    RecentDecision,
)
from bot.dashboard.links import home_with_link, page_url
from bot.delivery.inbox import Job
from bot.delivery.outbox import redraw_home
from bot.people import People
from bot.readers import Readers
from bot.services.scorecard import scorecard_in
from bot.settings import Settings
from bot.work import HomeOpened
from rituals.db import Database
from rituals.digest import status_key
from rituals.escalation import Thresholds
from rituals.models import Absence, CheckIn, Decision
from rituals.periods import bounds, quarter_of, week_of
from rituals.store import absences, checkins, decisions, home
from rituals.visibility import sight_of


def _last(answer: CheckIn | None) -> LastAnswer | None:
    if answer is None:
        return None
    return LastAnswer(
        period=answer.period,
        status=answer.status,
        progress=answer.progress,
        kpi_value=answer.kpi_value,
        blockers=answer.blockers,
        decision_request=answer.decision_request,
        highlights=answer.highlights,
    )


class Home:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        readers: Readers,
        people: People,
        now: Callable[[], datetime],
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people
        self.now = now

    def opened(self, session: Session, work: HomeOpened, job: Job) -> None:
        redraw_home(session, work.user, now=job.received_at)

    def draw(self, session: Session, user: str) -> dict[str, Any]:
        """The outbox's drawer of `home` redraws: the view as it stands now."""
        now = self.now()
        tz = self.settings.tz
        week, quarter = week_of(now, tz), quarter_of(now, tz)
        today = now.astimezone(tz).date()
        cmo = self.settings.is_cmo(user)
        mine = self._mine(session, user, week, quarter)
        mine = replace(
            mine,
            away=_away(absences.of_user(session=session, user=user, day=today), today),
            decisions=Listed() if cmo else self._decisions(session, user),  # CMO: the portfolio's
        )
        portfolio = self._portfolio(session, now, quarter) if cmo else None
        words = self.readers.of_user(user)
        scorecard = scorecard_in(session, self.settings, now=now, words=words) if cmo else None
        view = blocks.home_view(
            self.readers.of_user(user),
            mine,
            portfolio,
            week=week,
            quarter=quarter,
            now=now,
            who=self.people.named,
            thresholds=Thresholds(**self.settings.config.escalation.model_dump()),
            scorecard=scorecard,
        )
        return {"view": home_with_link(view, words, page_url(self.settings, "/"))}

    def _mine(self, session: Session, user: str, week: str, quarter: str) -> Mine:
        owned, total = home.owned(
            session=session, user=user, quarter=quarter, limit=blocks.SHOWN_INITIATIVES
        )
        last = checkins.latest_of(session=session, initiative_ids=[i.id for i in owned if i.id])
        committees = [n for n, c in self.settings.config.committees.items() if user in c.members]
        polls, poll_total = home.polls_to_vote(
            session=session, user=user, committees=committees, limit=blocks.SHOWN_POLLS
        )
        prompts, prompt_total = home.owed_prompts(
            session=session, user=user, week=week, limit=blocks.SHOWN_LINES
        )
        escalated, escalated_total = home.accountable_escalations(
            session=session, user=user, limit=blocks.SHOWN_LINES
        )
        channels = {name: c.channel for name, c in self.settings.config.committees.items()}
        return Mine(
            initiatives=Listed(
                tuple(
                    MyInitiative(
                        id=i.id or 0,
                        title=i.title,
                        status=i.status,
                        due=i.due,
                        kpi_name=i.kpi_name,
                        kpi_unit=i.kpi_unit,
                        kpi_target=i.kpi_target,
                        last=_last(last.get(i.id or 0)),
                    )
                    for i in owned
                ),
                total,
            ),
            prompts=Listed(tuple(prompts), prompt_total),
            polls=Listed(
                tuple(
                    OpenPoll(p.committee, p.question, p.deadline, channels.get(p.committee))
                    for p in polls
                ),
                poll_total,
            ),
            escalations=Listed(
                tuple(
                    MyEscalation(i.title, i.owner, e.cause, e.level, e.opened_at, i.due)
                    for e, i in escalated
                ),
                escalated_total,
            ),
        )

    def _decisions(self, session: Session, user: str) -> Listed[RecentDecision]:
        """The recent decisions of the person's committees and initiatives."""
        config = self.settings.config
        members = {name: c.members for name, c in config.committees.items()}
        sight = sight_of(user, cmos=config.cmo, members=members)
        recent, total = decisions.visible(
            session=session, sight=sight, limit=blocks.SHOWN_DECISIONS
        )
        return Listed(tuple(_recent(d) for d in recent), total)

    def _portfolio(self, session: Session, now: datetime, quarter: str) -> Portfolio:
        counts = home.counts_by_committee(session=session, quarter=quarter)
        names = sorted(counts, key=lambda name: (name is None, name or ""))
        shown = names[: blocks.SHOWN_COMMITTEES]
        overdue, overdue_total = home.overdue(
            session=session, today=now.astimezone(self.settings.tz).date(), limit=blocks.SHOWN_LINES
        )
        queued, queued_total = home.queue(session=session, limit=blocks.SHOWN_LINES)
        recent = home.recent_decisions(session=session, limit=blocks.SHOWN_DECISIONS)
        since, until = bounds(quarter, self.settings.tz)
        return Portfolio(
            reading=home.reading(session=session, since=since, until=until),
            committees=Listed(
                tuple(CommitteeCounts(name, _by_key(counts[name])) for name in shown),
                len(names),
            ),
            overdue=Listed(tuple(Overdue(i.title, i.owner, i.due) for i in overdue), overdue_total),
            queue=Listed(
                tuple(Queued(r.committee, i.title, r.text, r.requested_by) for r, i in queued),
                queued_total,
            ),
            decisions=Listed(tuple(_recent(d) for d in recent), len(recent)),
        )


def _recent(decision: Decision) -> RecentDecision:
    d = decision
    return RecentDecision(d.committee, d.question, d.decision, d.deferred, d.decided_at)


def _away(absence: Absence | None, today: date) -> Away | None:
    if absence is None:
        return None
    coming = absence.since > today
    return Away(absence.since, absence.until, absence.deputy, coming=coming)


def _by_key(counts: dict[str | None, int]) -> dict[str, int]:
    found: dict[str, int] = {}
    for status, count in counts.items():
        key = status_key(status)
        found[key] = found.get(key, 0) + count
    return found
