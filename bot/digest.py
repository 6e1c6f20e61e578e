"""The weekly digest ritual: per committee, a short top message in its channel and the
detail in its thread, drawn from a constant number of queries whatever the committee's size."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlmodel import Session, col, select

from bot.deps import Deps
from bot.digest_render import digest_messages
from bot.outbox import enqueue
from bot.render import slack_date
from rituals.digest import Digest, InitiativeLine, build_digest, kpi_trend
from rituals.models import Arbitration, CheckIn, Decision, Escalation, Initiative, KpiReading
from rituals.periods import bounds, previous, quarter_of, recent_weeks, week_of

TREND = 8


def committee_digest(session: Session, deps: Deps, committee: str, *, now: datetime) -> Digest:
    tz = deps.settings.tz
    period = week_of(now, tz)
    weeks = recent_weeks(period, TREND)
    initiatives = session.exec(
        select(Initiative).where(
            Initiative.committee == committee, Initiative.quarter == quarter_of(now, tz)
        )
    ).all()
    ids = [i.id for i in initiatives if i.id is not None]
    answers: dict[int, dict[str, CheckIn]] = defaultdict(dict)
    for checkin in session.exec(
        select(CheckIn).where(
            col(CheckIn.initiative_id).in_(ids),
            col(CheckIn.period).in_(weeks),
            col(CheckIn.is_current),
        )
    ):
        answers[checkin.initiative_id][checkin.period] = checkin
    titles = {i.id: i.title for i in initiatives}
    escalations = [
        (titles[e.initiative_id], e.cause, e.level)
        for e in session.exec(
            select(Escalation).where(
                col(Escalation.initiative_id).in_(ids), col(Escalation.resolved_at).is_(None)
            )
        )
    ]
    start, end = bounds(period, tz)
    decisions = [
        (d.question, "deferred" if d.deferred else d.decision)
        for d in session.exec(
            select(Decision).where(
                Decision.committee == committee,
                col(Decision.decided_at) >= start,
                col(Decision.decided_at) < end,
            )
        )
    ]
    polls = [
        (p.question, slack_date(p.deadline))
        for p in session.exec(
            select(Arbitration).where(
                Arbitration.committee == committee, col(Arbitration.closed_at).is_(None)
            )
        )
    ]
    readings = {
        r.initiative_id: r
        for r in session.exec(
            select(KpiReading)
            .where(col(KpiReading.initiative_id).in_(ids), col(KpiReading.period).in_(weeks))
            .order_by(col(KpiReading.period))
        )
        if r.period == period or r.value is not None
    }
    lines = [_line(i, answers[i.id or 0], period, readings.get(i.id or 0)) for i in initiatives]
    return build_digest(
        committee, period, lines, escalations=escalations, decisions=decisions, open_polls=polls
    )


def _line(
    initiative: Initiative, answers: dict[str, CheckIn], period: str, reading: KpiReading | None
) -> InitiativeLine:
    """One initiative's line; a KPI read from its source this week wins over the owner's."""
    latest = answers[max(answers)] if answers else None
    before = answers.get(previous(period))
    now = answers.get(period)
    shown = now or latest
    return InitiativeLine(
        initiative_id=initiative.id or 0,
        title=initiative.title,
        owner=initiative.owner,
        status=shown.status if shown else initiative.status,
        previous_status=before.status if before else None,
        progress=latest.progress if latest else None,
        kpi_value=(
            reading.value
            if reading is not None and reading.value is not None and reading.period == period
            else (latest.kpi_value if latest else None)
        ),
        kpi_target=initiative.kpi_target,
        kpi_unit=initiative.kpi_unit,
        trend=kpi_trend({p: c.kpi_value for p, c in answers.items()}, period),
        blockers=latest.blockers if latest else None,
        answered=now is not None,
        kpi_error=reading.error if reading is not None and reading.period == period else None,
    )


def post_digest(session: Session, deps: Deps, digest: Digest) -> int:
    """Queue the top message and its thread; the number of messages."""
    top, replies = digest_messages(deps.renderer, digest)
    channel = deps.settings.config.committees[digest.committee].channel
    key = f"digest:{digest.period}:{digest.committee}"
    enqueue(session, key, {"channel": channel, **top})
    for number, reply in enumerate(replies, start=1):
        enqueue(session, f"{key}:{number}", reply, refers_to=key)
    return 1 + len(replies)
