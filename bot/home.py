"""Each person's App Home: their initiatives, what they owe, the escalations that are theirs;
a CMO's Home adds the portfolio. A fixed number of queries, whatever the roadmap's size."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func
from sqlmodel import Session, col, select

from bot.deps import Deps
from bot.ids import PromptRef
from bot.outbox import enqueue
from bot.settings import Settings
from rituals.models import (
    Arbitration,
    ArbitrationRequest,
    CheckIn,
    CheckinPrompt,
    Decision,
    Escalation,
    Initiative,
    OutboxMessage,
    Vote,
)
from rituals.periods import quarter_of, week_of
from rituals.status import Status

MAX_BLOCKS = 100  # Slack's limit for a Home tab
SHOWN_INITIATIVES = 20
SHOWN_POLLS = 5
SHOWN_LINES = 8  # items of a list drawn as the lines of one section
SHOWN_COMMITTEES = 20
RECENT_DECISIONS = 5
# What user text may take once escaped, so that every section stays within 3000 characters.
TITLE, LINE_TITLE, TEXT, QUESTION, NAME, KPI = 300, 200, 300, 1500, 40, 100
_ESCAPED_COST = {"&": 5, "<": 4, ">": 4}

Page = tuple[list[Any], int]  # the rows shown, and how many there are in all


def clip(text: str | None, budget: int) -> str:
    """`text` shortened so that, once escaped for mrkdwn, it takes at most `budget` characters."""
    text = text or ""
    cost, cut = 0, 0
    for index, char in enumerate(text):
        cost += _ESCAPED_COST.get(char, 1)
        if cost <= budget - 1:
            cut = index + 1
        if cost > budget:
            return text[:cut].rstrip() + "…"
    return text


@dataclass(frozen=True)
class Today:
    week: str
    quarter: str
    day: date
    now: datetime


@dataclass(frozen=True)
class Mine:
    """What is one person's: (Initiative, its last CheckIn or None) pairs, the titles of the
    check-ins they owe this week, the open polls (Arbitration) they have not voted in, and the
    open (Escalation, Initiative) pairs they are accountable for."""

    initiatives: Page
    prompts: Page
    polls: Page
    escalations: Page


@dataclass(frozen=True)
class Portfolio:
    """The CMO's view: counts[committee][status] this quarter, overdue Initiatives, the queue
    of (ArbitrationRequest, Initiative) pairs, the latest Decisions."""

    counts: dict[str | None, dict[str | None, int]]
    overdue: Page
    queue: Page
    decisions: list[Decision]


def home_view(deps: Deps, user: str) -> dict[str, Any]:
    """The Home tab `user` sees, as a Block Kit view of at most 100 blocks."""
    now = deps.clock()
    tz = deps.settings.tz
    today = Today(week_of(now, tz), quarter_of(now, tz), now.astimezone(tz).date(), now)
    with Session(deps.engine) as session:
        mine = _mine(session, deps.settings, user, today)
        portfolio = _portfolio(session, today) if deps.settings.is_cmo(user) else None
    context = home_context(mine, portfolio, settings=deps.settings, today=today)
    view: dict[str, Any] = deps.renderer.render("home", **context)
    view["blocks"] = view["blocks"][:MAX_BLOCKS]  # an operator's template may add more
    return view


def publish_home(deps: Deps, user: str) -> None:
    deps.client.views_publish(user_id=user, view=home_view(deps, user))


def home_context(
    mine: Mine, portfolio: Portfolio | None, *, settings: Settings, today: Today
) -> dict[str, Any]:
    """The `home` template's context: user text clipped to fit, lists with how many more."""
    channels = {name: c.channel for name, c in settings.config.committees.items()}
    return {
        "week": today.week,
        "quarter": today.quarter,
        "now": today.now,
        "empty": not any(total for _, total in vars(mine).values()),
        "initiatives": _listed(
            mine.initiatives, lambda pair: _initiative(pair[0], pair[1], today.week)
        ),
        "prompts": _listed(mine.prompts, lambda title: {"title": clip(title, LINE_TITLE)}),
        "polls": _listed(
            mine.polls,
            lambda p: {
                "committee": clip(p.committee, NAME),
                "question": clip(p.question, QUESTION),
                "deadline": p.deadline,
                "channel": channels.get(p.committee),
            },
        ),
        "escalations": _listed(
            mine.escalations,
            lambda pair: {
                "title": clip(pair[1].title, LINE_TITLE),
                "owner": pair[1].owner,
                "cause": pair[0].cause,
                "level": pair[0].level,
                "opened_at": pair[0].opened_at,
            },
        ),
        "portfolio": _portfolio_context(portfolio) if portfolio else None,
    }


def _listed(page: Page, shape: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    rows, total = page
    return {"items": [shape(row) for row in rows], "total": total, "more": total - len(rows)}


def _initiative(initiative: Initiative, last: CheckIn | None, week: str) -> dict[str, Any]:
    assert initiative.id is not None
    return {
        "title": clip(initiative.title, TITLE),
        "status": initiative.status,
        "due": initiative.due,
        "kpi_name": clip(initiative.kpi_name, KPI),
        "kpi_unit": clip(initiative.kpi_unit, NAME),
        "kpi_target": initiative.kpi_target,
        "ref": PromptRef(i=initiative.id, p=week).dump(),
        "last": None
        if last is None
        else {
            "period": last.period,
            "status": last.status,
            "progress": last.progress,
            "kpi_value": last.kpi_value,
            "blockers": clip(last.blockers, TEXT),
            "highlights": clip(last.highlights, TEXT),
        },
    }


def _portfolio_context(portfolio: Portfolio) -> dict[str, Any]:
    names = sorted(portfolio.counts, key=lambda name: (name is None, name or ""))
    return {
        "committees": _listed(
            (names[:SHOWN_COMMITTEES], len(names)),
            lambda name: {
                "name": clip(name, NAME) if name else None,
                "counts": portfolio.counts[name],
            },
        ),
        "overdue": _listed(
            portfolio.overdue,
            lambda i: {"title": clip(i.title, LINE_TITLE), "owner": i.owner, "due": i.due},
        ),
        "queue": _listed(
            portfolio.queue,
            lambda pair: {
                "title": clip(pair[1].title, LINE_TITLE // 2),
                "committee": clip(pair[0].committee, NAME),
                "text": clip(pair[0].text, TEXT // 2),
                "requested_by": pair[0].requested_by,
            },
        ),
        "decisions": [
            {
                "committee": clip(d.committee, NAME),
                "question": clip(d.question, LINE_TITLE),
                "decision": clip(d.decision, LINE_TITLE),
                "deferred": d.deferred,
                "decided_at": d.decided_at,
            }
            for d in portfolio.decisions
        ],
    }


# -- the queries: one per list, and one count for a list longer than what it shows ----------


def _page(session: Session, statement: Any, limit: int) -> Page:
    rows = list(session.exec(statement.limit(limit)))
    if len(rows) < limit:
        return rows, len(rows)
    counted = select(func.count()).select_from(statement.order_by(None).subquery())
    return rows, int(session.exec(counted).one())


def _mine(session: Session, settings: Settings, user: str, today: Today) -> Mine:
    owned, total = _page(
        session,
        select(Initiative)
        .where(Initiative.owner == user, Initiative.quarter == today.quarter)
        .order_by(col(Initiative.title), col(Initiative.id)),
        SHOWN_INITIATIVES,
    )
    last = _last_answers(session, [i.id for i in owned if i.id is not None])
    answered = (
        select(CheckIn.id)
        .where(
            CheckIn.initiative_id == CheckinPrompt.initiative_id,
            CheckIn.period == CheckinPrompt.period,
            col(CheckIn.is_current),
        )
        .exists()
    )
    committees = [n for n, c in settings.config.committees.items() if user in c.members]
    voted = select(Vote.id).where(Vote.arbitration_id == Arbitration.id, Vote.voter == user)
    return Mine(
        initiatives=([(i, last.get(i.id)) for i in owned], total),
        prompts=_page(
            session,
            select(Initiative.title)
            .join(CheckinPrompt, col(CheckinPrompt.initiative_id) == col(Initiative.id))
            .where(
                CheckinPrompt.owner == user,
                CheckinPrompt.period == today.week,
                col(CheckinPrompt.skipped_at).is_(None),
                ~answered,
            )
            .order_by(col(Initiative.title)),
            SHOWN_LINES,
        ),
        polls=_page(
            session,
            select(Arbitration)
            .where(
                col(Arbitration.committee).in_(committees),
                col(Arbitration.closed_at).is_(None),
                ~voted.exists(),
            )
            .order_by(col(Arbitration.deadline), col(Arbitration.id)),
            SHOWN_POLLS,
        ),
        escalations=_page(
            session,
            select(Escalation, Initiative)
            .join(Initiative, col(Initiative.id) == col(Escalation.initiative_id))
            .where(col(Escalation.resolved_at).is_(None), Initiative.accountable == user)
            .order_by(col(Escalation.level).desc(), col(Escalation.opened_at)),
            SHOWN_LINES,
        ),
    )


def _last_answers(session: Session, ids: list[int]) -> dict[int, CheckIn]:
    """The latest current answer of each initiative, in one query."""
    if not ids:
        return {}
    latest = (
        select(CheckIn.initiative_id, func.max(CheckIn.period).label("period"))
        .where(col(CheckIn.initiative_id).in_(ids), col(CheckIn.is_current))
        .group_by(col(CheckIn.initiative_id))
        .subquery()
    )
    rows = session.exec(
        select(CheckIn)
        .join(
            latest,
            and_(
                col(CheckIn.initiative_id) == latest.c.initiative_id,
                col(CheckIn.period) == latest.c.period,
            ),
        )
        .where(col(CheckIn.is_current))
    )
    return {row.initiative_id: row for row in rows}


def _portfolio(session: Session, today: Today) -> Portfolio:
    counts: dict[str | None, dict[str | None, int]] = {}
    for committee, status, count in session.exec(
        select(Initiative.committee, Initiative.status, func.count())
        .where(Initiative.quarter == today.quarter)
        .group_by(col(Initiative.committee), col(Initiative.status))
    ):
        counts.setdefault(committee, {})[status] = count
    not_done = col(Initiative.status).is_(None) | (col(Initiative.status) != Status.DONE.value)
    return Portfolio(
        counts=counts,
        overdue=_page(
            session,
            select(Initiative)
            .where(col(Initiative.due) < today.day, not_done)
            .order_by(col(Initiative.due), col(Initiative.title)),
            SHOWN_LINES,
        ),
        queue=_page(
            session,
            select(ArbitrationRequest, Initiative)
            .join(Initiative, col(Initiative.id) == col(ArbitrationRequest.initiative_id))
            .where(col(ArbitrationRequest.arbitration_id).is_(None))
            .order_by(col(ArbitrationRequest.created_at), col(ArbitrationRequest.id)),
            SHOWN_LINES,
        ),
        decisions=list(
            session.exec(
                select(Decision).order_by(col(Decision.decided_at).desc()).limit(RECENT_DECISIONS)
            )
        ),
    )


def refresh_home(session: Session, user: str) -> None:
    """Queue a redraw of `user`'s Home after a change that shows there (an answer, a vote),
    unless one not yet drawn is waiting; the outbox draws it when it is sent."""
    waiting = session.exec(
        select(OutboxMessage.id).where(
            col(OutboxMessage.key).startswith(f"home:{user}:"),
            OutboxMessage.state == "pending",
            col(OutboxMessage.claimed_until).is_(None),
        )
    ).first()
    if waiting is None:
        enqueue(
            session,
            f"home:{user}:{uuid.uuid4().hex}",
            {"user_id": user, "render": "home"},
            method="views.publish",
        )


def render_home(deps: Deps) -> Callable[[Session, dict[str, Any]], dict[str, Any]]:
    """The outbox renderer of Home tabs, for the composition root to register."""

    def render(session: Session, payload: dict[str, Any]) -> dict[str, Any]:
        return {"view": home_view(deps, payload["user_id"])}

    return render
