"""The daily escalation scan: what is silent, late, off track or blocked climbs the RACI
ladder — owner, then accountable, then the escalation channel, the CMOs and the committee's
arbitration queue — and is resolved by itself once its cause goes away.

The facts come from a constant number of queries, the rules from `rituals.escalation`, and
every step is written with its messages in one transaction; a level is told once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from bot.deps import Deps
from bot.ids import PromptRef
from bot.outbox import enqueue
from bot.polls import queue_request
from rituals.db import transaction
from rituals.escalation import (
    Cause,
    InitiativeFacts,
    OpenEscalation,
    PeriodFacts,
    StepKind,
    Thresholds,
    plan,
)
from rituals.models import Absence, CheckIn, CheckinPrompt, Escalation, Initiative
from rituals.periods import bounds, quarter_of, recent_weeks, week_of


@dataclass(frozen=True)
class ScanResult:
    opened: int
    raised: int
    resolved: int
    messages: int


def thresholds(deps: Deps) -> Thresholds:
    return Thresholds(**deps.settings.config.escalation.model_dump())


def scan(deps: Deps, *, now: datetime) -> ScanResult:
    tz = deps.settings.tz
    today, period = now.astimezone(tz).date(), week_of(now, tz)
    rules = thresholds(deps)
    span = max(rules.silent_periods, rules.off_track_periods, rules.blocked_periods) + 1
    weeks = recent_weeks(period, span)
    counts = {"opened": 0, "raised": 0, "resolved": 0, "messages": 0}
    with transaction(deps.engine) as session:
        initiatives = {
            i.id: i
            for i in session.exec(
                select(Initiative).where(Initiative.quarter == quarter_of(now, tz))
            )
            if i.id is not None
        }
        facts, answers = _facts(session, deps, initiatives, weeks, current=period)
        recent: dict[int, list[CheckIn]] = defaultdict(list)
        for (initiative_id, _), answer in sorted(answers.items()):
            recent[initiative_id] = [*recent[initiative_id][-3:], answer]
        open_rows = {
            e.id: e
            for e in session.exec(select(Escalation).where(col(Escalation.resolved_at).is_(None)))
        }
        opened = [
            OpenEscalation(
                e.id or 0, e.initiative_id, Cause(e.cause), e.level, week_of(e.raised_at, tz)
            )
            for e in open_rows.values()
        ]
        for step in plan(facts, opened, today=today, period=period, thresholds=rules):
            if step.kind is StepKind.RESOLVE:
                row = open_rows[step.escalation_id or 0]
                row.resolved_at, row.resolution = now, "cause gone"
                session.add(row)
                counts["resolved"] += 1
                continue
            if step.kind is StepKind.OPEN:
                row = Escalation(
                    initiative_id=step.initiative_id,
                    cause=step.cause.value,
                    level=1,
                    opened_at=now,
                    raised_at=now,
                )
                counts["opened"] += 1
            else:
                row = open_rows[step.escalation_id or 0]
                row.level, row.raised_at = step.level, now
                counts["raised"] += 1
            counts["messages"] += _tell(
                session,
                deps,
                row,
                initiatives[step.initiative_id],
                now,
                period,
                recent.get(step.initiative_id, []),
            )
    deps.delivery.wake()
    return ScanResult(**counts)


def _facts(
    session: Session,
    deps: Deps,
    initiatives: dict[int, Initiative],
    weeks: list[str],
    *,
    current: str,
) -> tuple[list[InitiativeFacts], dict[tuple[int, str], CheckIn]]:
    tz = deps.settings.tz
    ids = list(initiatives)
    prompts = {
        (p.initiative_id, p.period): p
        for p in session.exec(
            select(CheckinPrompt).where(
                col(CheckinPrompt.initiative_id).in_(ids), col(CheckinPrompt.period).in_(weeks)
            )
        )
    }
    answers = {
        (c.initiative_id, c.period): c
        for c in session.exec(
            select(CheckIn).where(
                col(CheckIn.initiative_id).in_(ids),
                col(CheckIn.period).in_(weeks),
                col(CheckIn.is_current),
            )
        )
    }
    first_day = bounds(weeks[0], tz)[0].astimezone(tz).date()
    absences: dict[str, list[Absence]] = defaultdict(list)
    for absence in session.exec(select(Absence).where(col(Absence.until) >= first_day)):
        absences[absence.user].append(absence)
    facts = []
    for initiative_id, initiative in sorted(initiatives.items()):
        history = []
        for week in weeks:
            prompt, answer = prompts.get((initiative_id, week)), answers.get((initiative_id, week))
            monday = bounds(week, tz)[0].astimezone(tz).date()
            away = any(
                a.until >= monday and a.created_at.date() <= monday + _WEEK
                for a in absences.get(initiative.owner, [])
            )
            excused = bool(prompt and prompt.skipped_at) or away
            if week == current and answer is None and not excused:
                continue  # this week's answer is not late yet
            history.append(
                PeriodFacts(
                    period=week,
                    prompted=prompt is not None,
                    answered=answer is not None,
                    excused=excused,
                    status=answer.status if answer else None,
                    blocked=bool(answer and answer.blockers),
                )
            )
        facts.append(
            InitiativeFacts(initiative_id, initiative.status, initiative.due, tuple(history))
        )
    return facts, answers


_WEEK = timedelta(days=7)


def _tell(
    session: Session,
    deps: Deps,
    row: Escalation,
    initiative: Initiative,
    now: datetime,
    period: str,
    history: list[CheckIn],
) -> int:
    """The messages of a level, once: owner (1); accountable, and the owner told (2);
    the escalation channel, the CMOs and the committee's queue (3)."""
    if row.notified_level >= row.level:
        return 0
    row.notified_level = row.level
    session.add(row)
    session.flush()  # the row's id names its messages
    assert initiative.id is not None
    context = {
        "cause": row.cause,
        "level": row.level,
        "initiative": initiative,
        "history": history,
        "ref": PromptRef(i=initiative.id, p=period).dump(),
    }
    render = deps.renderer.render
    recipients: list[tuple[str, str]] = []
    if row.level == 1:
        recipients.append((initiative.owner, "owner"))
    elif row.level == 2:
        if initiative.accountable:
            recipients.append((initiative.accountable, "accountable"))
        recipients.append((initiative.owner, "owner_told"))
    else:
        if deps.settings.config.escalation_channel:
            recipients.append((deps.settings.config.escalation_channel, "channel"))
        recipients += [(cmo, "cmo") for cmo in deps.settings.config.cmo]
        request = render("escalation_request", **context)["request"]
        queue_request(
            session,
            deps.settings,
            initiative=initiative,
            checkin_id=None,
            text=request,
            user=initiative.owner,
            now=now,
        )
    for recipient, audience in recipients:
        message = render("escalation", audience=audience, **context)
        enqueue(
            session,
            f"escalation:{row.id}:{row.level}:{recipient}",
            {"channel": recipient, **message},
            initiative_id=initiative.id,
        )
    session.add(row)
    return len(recipients)
