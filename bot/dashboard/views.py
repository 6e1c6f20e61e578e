"""The dashboard's pages for one signed-in person: load (rituals/store/dashboard.py), let
rituals/dashboard.py decide what they may see and what counts, render the Jinja templates of
prompts/html/dashboard/ (autoescaped) in the reader's language, times in their zone.

Past 300 lines: one view function per page, each small; the queries are in
`rituals/store/dashboard.py` and the charts in `charts.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from babel.dates import format_date, format_time
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bot.blocks.common import status_label
from bot.dashboard.charts import trend_chart
from bot.pages.review import Row, chart, review_page
from bot.people import People
from bot.readers import Readers
from bot.services.review import load_review
from bot.settings import Settings
from bot.words import PACKAGED, Words
from rituals import dashboard as rules
from rituals.db import Database
from rituals.models import CheckIn, Initiative
from rituals.periods import parse_period, quarter_of
from rituals.review import QuarterReview
from rituals.store import dashboard as store
from rituals.store import decisions as decision_store
from rituals.visibility import Sight, sight_of

log = logging.getLogger(__name__)

DECISIONS_SHOWN = 500
STATES = ("open", "done", "deferred")


@dataclass(frozen=True)
class Page:
    status: int
    html: str


class Pages:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        readers: Readers,
        people: People,
        now: Callable[[], datetime],
        scorecard: Callable[[datetime, Words], Any] | None = None,
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people
        self.now = now
        self.scorecard = scorecard
        self.env = Environment(
            loader=FileSystemLoader(PACKAGED / "html"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    # -- who ------------------------------------------------------------------------------

    def sight(self, user: str) -> Sight:
        config = self.settings.config
        members = {name: c.members for name, c in config.committees.items()}
        return sight_of(user, cmos=config.cmo, members=members)

    # -- pages ----------------------------------------------------------------------------

    def portfolio(self, user: str, quarter: str | None = None) -> Page:
        now, tz = self.now(), self.settings.tz
        quarter = _quarter(quarter) or quarter_of(now, tz)
        sight = self.sight(user)
        with self.database.read() as session:
            mine = rules.visible(sight, store.quarter_initiatives(session=session, quarter=quarter))
            ids = [i.id for i in mine if i.id is not None]
            answers = store.answers(session=session, initiative_ids=ids)
            escalations = store.open_escalations(session=session, initiative_ids=ids)
            logged, _ = decision_store.visible(session=session, sight=sight, limit=DECISIONS_SHOWN)
        if not mine and not sight.sees_committees:
            return self.forbidden(user)
        today = now.astimezone(tz).date()
        titles = {i.id: i for i in mine}
        status = rules.statuses(mine, answers)
        weeks = rules.trend(rules.quarter_weeks(quarter, now, tz), mine, answers)
        self.people.prefetch({i.owner for i in mine} | {d.follow_up_owner or "" for d in logged})
        shown = {i.id for i in mine}
        scorecard = self._scorecard(now, user, shown) if sight.sees_committees else None
        return self._render(
            user,
            "portfolio.html.j2",
            title=("dashboard-portfolio-heading", {"quarter": quarter}),
            quarter=quarter,
            counts=rules.counts(mine, status),
            status_of=status,
            statuses=rules.STATUSES,
            trend=trend_chart(weeks),
            overdue=rules.overdue(mine, status, today),
            escalations=[(e, titles.get(e.initiative_id)) for e in escalations],
            due=rules.decisions_due(logged, today),
            seen=set(sight.committees),
            # The scorecard by perspective (bot/services/scorecard.py): None hides it.
            scorecard=scorecard,
        )

    def committee(self, user: str, name: str, quarter: str | None = None) -> Page:
        if name not in self.settings.config.committees:
            return self.not_found(user)
        sight = self.sight(user)
        if not rules.may_see_committee(sight, name):
            return self.forbidden(user)
        now, tz = self.now(), self.settings.tz
        quarter = _quarter(quarter) or quarter_of(now, tz)
        review = load_review(self.database, quarter, tz=tz)
        with self.database.read() as session:
            theirs = [
                i
                for i in store.quarter_initiatives(session=session, quarter=quarter)
                if i.committee == name
            ]
            ids = [i.id for i in theirs if i.id is not None]
            answers = store.answers(session=session, initiative_ids=ids)
            latest = _latest(answers)
            escalations = store.open_escalations(session=session, initiative_ids=ids)
            polls = store.open_polls(session=session, committees=[name])
            links = store.dependencies_around(session=session, initiative_ids=ids)
        links = [
            (d, dependent, provider)
            for d, dependent, provider in links
            if rules.may_see(sight, dependent) and rules.may_see(sight, provider)
        ]
        self.people.prefetch({i.owner for i in theirs})
        reviewed = {r.initiative_id: r for r in review.committees.get(name, [])}
        rows = [(i, latest.get(i.id or 0), _row(reviewed.get(i.id or 0))) for i in theirs]
        escalated: dict[int, int] = {}
        for escalation in escalations:
            if escalation.initiative_id is not None:  # a decision's escalation has none
                escalated[escalation.initiative_id] = escalated.get(escalation.initiative_id, 0) + 1
        return self._render(
            user,
            "committee.html.j2",
            title=("dashboard-committee-heading", {"committee": name}),
            committee=name,
            quarter=quarter,
            rows=rows,
            status_of=rules.statuses(theirs, answers),
            escalated=escalated,
            escalations=[
                (e, next((i for i in theirs if i.id == e.initiative_id), None)) for e in escalations
            ],
            polls=polls,
            dependencies=links,
            decisions=[d for d in review.decisions if d.committee == name],
        )

    def initiative(self, user: str, initiative_id: int) -> Page:
        with self.database.read() as session:
            found = session.get(Initiative, initiative_id)
            if found is None:
                return self.not_found(user)
            if not rules.may_see(self.sight(user), found):
                return self.forbidden(user)
            history = store.answers(session=session, initiative_ids=[initiative_id], history=True)
            escalations = store.open_escalations(session=session, initiative_ids=[initiative_id])
            decided = store.decisions_of(session=session, initiative_id=initiative_id)
            needs, needed = store.dependencies_of(session=session, initiative_id=initiative_id)
            sight = self.sight(user)  # a linked initiative the reader may not see is not named
            needs = [(d, i) for d, i in needs if rules.may_see(sight, i)]
            needed = [(d, i) for d, i in needed if rules.may_see(sight, i)]
        review = load_review(self.database, found.quarter, tz=self.settings.tz)
        reviewed = next(
            (r for rows in review.committees.values() for r in rows if r.initiative_id == found.id),
            None,
        )
        self.people.prefetch({found.owner, found.accountable or "", *(a.author for a in history)})
        return self._render(
            user,
            "initiative.html.j2",
            title=("dashboard-initiative-heading", {"title": found.title}),
            initiative=found,
            quarter=found.quarter,
            history=list(reversed(history)),
            status_of=rules.statuses([found], history),
            row=_row(reviewed),
            escalations=escalations,
            decisions=decided,
            needs=needs,
            needed=needed,
        )

    def decisions(self, user: str, committee: str | None, state: str | None) -> Page:
        sight = self.sight(user)
        with self.database.read() as session:
            logged, _ = decision_store.visible(session=session, sight=sight, limit=DECISIONS_SHOWN)
            ids = {d.initiative_id for d in logged if d.initiative_id is not None}
            titles = {
                i.id: i.title for i in (session.get(Initiative, n) for n in ids) if i is not None
            }
        if not logged and not sight.sees_committees:
            with self.database.read() as session:
                named = any(
                    rules.named_on(i, user)
                    for i in store.quarter_initiatives(
                        session=session, quarter=quarter_of(self.now(), self.settings.tz)
                    )
                )
            if not named:
                return self.forbidden(user)
        committees = sorted({d.committee for d in logged} | set(sight.committees))
        shown = [
            d
            for d in logged
            if (not committee or d.committee == committee)
            and (state not in STATES or rules.decision_state(d) == state)
        ]
        self.people.prefetch({d.follow_up_owner or "" for d in shown})
        return self._render(
            user,
            "decisions.html.j2",
            title=("dashboard-decisions-heading", {}),
            quarter=quarter_of(self.now(), self.settings.tz),
            decisions=[(d, titles.get(d.initiative_id or 0)) for d in shown],
            committees=committees,
            chosen_committee=committee or "",
            states=STATES,
            chosen_state=state if state in STATES else "",
        )

    def review(self, user: str, quarter: str) -> Page:
        if _quarter(quarter) is None:
            return self.not_found(user)
        sight = self.sight(user)
        found = load_review(self.database, quarter, tz=self.settings.tz)
        if not sight.everything:
            with self.database.read() as session:
                allowed = {
                    i.id
                    for i in rules.visible(
                        sight, store.quarter_initiatives(session=session, quarter=quarter)
                    )
                }
            found = _narrowed(found, allowed, sight)
            if not found.committees and not sight.sees_committees:
                return self.forbidden(user)
        words = self.readers.of_user(user)
        owners = {r.owner for rows in found.committees.values() for r in rows}
        owners |= {d.follow_up_owner or "" for d in found.decisions}
        names = {person: self.people.name(person) for person in owners if person}
        return Page(200, review_page(found, words, names))

    def forbidden(self, user: str) -> Page:
        return self._message(user, 403, "dashboard-forbidden-heading", "dashboard-forbidden")

    def not_found(self, user: str) -> Page:
        return self._message(user, 404, "dashboard-not-found", "dashboard-not-found")

    def signed_out(self, language: str, failed: bool = False) -> Page:
        words = self.readers.catalogue.words(language)
        said = "dashboard-sign-in-failed" if failed else "dashboard-signed-out"
        html = self.env.get_template("dashboard/signed_out.html.j2").render(
            lang=words.language, t=words.text, said=said
        )
        return Page(400 if failed else 200, html)

    # -- rendering ------------------------------------------------------------------------

    def _message(self, user: str, status: int, heading: str, said: str) -> Page:
        page = self._render(user, "message.html.j2", title=(heading, {}), said=said, quarter="")
        return Page(status, page.html)

    def _render(
        self, user: str, template: str, *, title: tuple[str, Mapping[str, Any]], **context: Any
    ) -> Page:
        words = self.readers.of_user(user)
        zone = self.people.zone(user)
        now = self.now()

        def when(moment: datetime | None) -> str:
            if moment is None:
                return "—"
            local = moment.astimezone(zone)
            time = format_time(local, "short", locale=words.locale)
            return f"{format_date(local, 'medium', locale=words.locale)} {time}"

        env = self.env.overlay()
        env.filters.update(
            num=words.num,
            pct=words.pct,
            share=lambda share: words.pct(None if share is None else share * 100),
            day=_day(words),
            when=when,
            status=lambda key: status_label(words, key),
            name=lambda person: self.people.name(person) if person else "—",
            state=rules.decision_state,
        )
        heading = words.text(title[0], **title[1])
        html = env.get_template(f"dashboard/{template}").render(
            lang=words.language,
            t=words.text,
            heading=heading,
            me=self.people.name(user),
            as_of=when(now),
            zone=str(zone),
            is_cmo=self.settings.is_cmo(user),
            **context,
        )
        return Page(200, html)

    def _scorecard(self, now: datetime, user: str, shown: set[int | None]) -> Any:
        """The scorecard by perspective in the reader's words: every health indicator, and
        the KPIs of the initiatives they see."""
        if self.scorecard is None:
            return None
        try:
            card = self.scorecard(now, self.readers.of_user(user))
        except Exception:  # the scorecard is a section of the page: the rest still shows
            log.exception("the scorecard could not be computed")
            return None
        perspectives = []
        for perspective in card.perspectives:
            kept = tuple(
                i for i in perspective.indicators if i.initiative is None or i.initiative in shown
            )
            if kept:
                perspectives.append(replace(perspective, indicators=kept))
        return replace(card, perspectives=tuple(perspectives))


def _quarter(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return text if parse_period(text).kind == "quarter" else None
    except ValueError:
        return None


def _latest(answers: list[CheckIn]) -> dict[int, CheckIn]:
    latest: dict[int, CheckIn] = {}
    for answer in answers:  # oldest first: the last one wins
        latest[answer.initiative_id] = answer
    return latest


def _row(reviewed: Any) -> Row | None:
    if reviewed is None:
        return None
    bar = 0 if reviewed.reached is None else round(min(reviewed.reached, 1.0) * 100)
    return Row(reviewed, rules.status_of(reviewed.status), bar, chart(reviewed))


def _day(words: Words) -> Callable[[date | datetime | None], str]:
    def day(value: date | datetime | None) -> str:
        if isinstance(value, datetime):
            value = value.date()
        return words.day(value)

    return day


def _narrowed(review: QuarterReview, allowed: set[int | None], sight: Sight) -> QuarterReview:
    committees = {
        name: [r for r in rows if r.initiative_id in allowed]
        for name, rows in review.committees.items()
    }
    committees = {name: rows for name, rows in committees.items() if rows}
    summary: dict[str, int] = {}
    for rows in committees.values():
        for r in rows:
            key = rules.status_of(r.status)
            key = "unknown" if key == "none" else key
            summary[key] = summary.get(key, 0) + 1
    decisions = tuple(d for d in review.decisions if d.committee in sight.committees)
    return replace(review, committees=committees, decisions=decisions, summary=summary)
