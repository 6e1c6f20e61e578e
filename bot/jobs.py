"""Ritual jobs: what each ritual writes for a period, outbox included, in one transaction."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.answers import prompt_key
from bot.deps import Deps
from bot.ids import PromptRef
from bot.outbox import enqueue, row_of_key
from bot.polls import close_due, open_poll
from bot.render import shorten, slack_date
from bot.triggers import trigger_for
from rituals.absence import away_today
from rituals.arbitration import agenda_item, default_deadline
from rituals.checkins import prompt_due, unanswered_prompts
from rituals.db import transaction
from rituals.models import (
    ArbitrationRequest,
    CheckIn,
    CheckinPrompt,
    Decision,
    Initiative,
    RitualRun,
)
from rituals.periods import bounds, month_of, previous, quarter_of, week_of


class UnknownRitual(Exception):
    """A ritual name this version does not run."""


@dataclass(frozen=True)
class RunResult:
    ritual: str
    period: str
    queued: int
    first_run: bool


def _note_run(session: Session, ritual: str, period: str, committee: str, now: datetime) -> bool:
    """Record the run; False when this (ritual, period, committee) ran before."""
    exists = session.exec(
        select(RitualRun.id).where(
            RitualRun.ritual == ritual, RitualRun.period == period, RitualRun.committee == committee
        )
    ).first()
    if exists:
        return False
    session.add(RitualRun(ritual=ritual, period=period, committee=committee, ran_at=now))
    session.flush()
    return True


def _last_answers(session: Session, ids: list[int]) -> dict[int, CheckIn]:
    latest: dict[int, CheckIn] = {}
    rows = session.exec(
        select(CheckIn)
        .where(col(CheckIn.initiative_id).in_(ids), col(CheckIn.is_current))
        .order_by(col(CheckIn.period))
    )
    for row in rows:
        latest[row.initiative_id] = row
    return latest


def _their_time_came(deps: Deps, ritual: str, owner: str, now: datetime, period: str) -> bool:
    """With `checkin_local_time`, an owner is asked once the ritual's hour has come in their
    own time zone, within the workspace's period; otherwise, always."""
    if not deps.settings.config.checkin_local_time or deps.zones is None:
        return True
    zone = deps.zones.zone(owner)
    trigger = trigger_for(deps.settings.cadence(ritual), zone)
    start, _ = bounds(period, deps.settings.tz)
    fire = trigger.get_next_fire_time(None, start - timedelta(days=1))
    while fire is not None and week_of(fire, deps.settings.tz) < period:
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    return fire is not None and fire <= now


def run_checkin(deps: Deps, *, now: datetime, committee: str | None = None) -> RunResult:
    """DM each owner one prompt per initiative for the week; owners already asked are not."""
    tz = deps.settings.tz
    period, quarter = week_of(now, tz), quarter_of(now, tz)
    if deps.settings.is_holiday(now):
        return RunResult("checkin", period, 0, False)
    with transaction(deps.engine) as session:
        first = _note_run(session, "checkin", period, committee or "", now)
        query = select(Initiative).where(Initiative.quarter == quarter)
        if committee:
            query = query.where(Initiative.committee == committee)
        asked = set(
            session.exec(select(CheckinPrompt.initiative_id).where(CheckinPrompt.period == period))
        )
        due = [i for i in prompt_due(session.exec(query).all(), quarter) if i.id not in asked]
        due = [i for i in due if _their_time_came(deps, "checkin", i.owner, now, period)]
        ids = [i.id for i in due if i.id is not None]
        last = _last_answers(session, ids)
        followups = _open_decisions(session, ids)
        away = away_today(session, today=now.astimezone(tz).date())
        for initiative in due:
            assert initiative.id is not None
            key = prompt_key(period, initiative.id)
            absence = away.get(initiative.owner)
            excused = absence is not None and absence.deputy is None
            session.add(
                CheckinPrompt(
                    initiative_id=initiative.id,
                    period=period,
                    owner=initiative.owner,
                    message_key=key,
                    created_at=now,
                    skipped_at=now if excused else None,
                )
            )
            if excused:
                continue  # away with nobody standing in: the week is excused, nobody is asked
            recipient = absence.deputy if absence and absence.deputy else initiative.owner
            previous = last.get(initiative.id)
            message = deps.renderer.render(
                "checkin_prompt",
                initiative=initiative,
                period=period,
                last=asdict(_answer_view(previous)) if previous else None,
                last_period=previous.period if previous else None,
                ref=PromptRef(i=initiative.id, p=period).dump(),
                decisions=followups.get(initiative.id, []),
            )
            enqueue(session, key, {"channel": recipient, **message}, initiative_id=initiative.id)
    return RunResult("checkin", period, len(due), first)


def _open_decisions(session: Session, ids: list[int]) -> dict[int, list[Decision]]:
    """Decisions about these initiatives not yet reported carried out, newest first."""
    found: dict[int, list[Decision]] = {}
    rows = session.exec(
        select(Decision)
        .where(col(Decision.initiative_id).in_(ids), col(Decision.deferred).is_(False))
        .where((col(Decision.carried_out).is_(None)) | (col(Decision.carried_out).is_(False)))
        .order_by(col(Decision.decided_at).desc())
    )
    for decision in rows:
        assert decision.initiative_id is not None
        found.setdefault(decision.initiative_id, []).append(decision)
    return {key: value[:2] for key, value in found.items()}


@dataclass(frozen=True)
class _AnswerView:
    status: str | None
    progress: int | None
    kpi_value: float | None
    blockers: str | None
    decision_request: str | None
    highlights: str | None


def _answer_view(checkin: CheckIn) -> _AnswerView:
    return _AnswerView(
        checkin.status,
        checkin.progress,
        checkin.kpi_value,
        checkin.blockers,
        checkin.decision_request,
        checkin.highlights,
    )


def run_reminder(deps: Deps, *, now: datetime, committee: str | None = None) -> RunResult:
    """One nudge, in the prompt's thread, for each prompt of the week still unanswered."""
    period = week_of(now, deps.settings.tz)
    queued = 0
    if deps.settings.is_holiday(now):
        return RunResult("reminder", period, 0, False)
    with transaction(deps.engine) as session:
        first = _note_run(session, "reminder", period, committee or "", now)
        for prompt in unanswered_prompts(session=session, period=period):
            initiative = session.get(Initiative, prompt.initiative_id)
            sent = row_of_key(session, prompt.message_key)
            if initiative is None or sent is None or sent.state == "failed":
                continue
            if committee and initiative.committee != committee:
                continue
            if not _their_time_came(deps, "reminder", initiative.owner, now, period):
                continue
            prompt.reminded_at = now
            session.add(prompt)
            message = deps.renderer.render("checkin_reminder", initiative=initiative, period=period)
            queued += enqueue(
                session,
                f"reminder:{period}:initiative:{initiative.id}",
                message,
                refers_to=prompt.message_key,
                initiative_id=initiative.id,
            )
    return RunResult("reminder", period, queued, first)


def run_arbitration(deps: Deps, *, now: datetime, committee: str | None = None) -> RunResult:
    """The monthly committee: close the polls past their deadline, then put each
    committee's queued requests to it as polls, under an agenda message."""
    close_due(deps, now=now)
    settings = deps.settings
    period = month_of(now, settings.tz)
    deadline = default_deadline(now, hours=settings.config.arbitration.deadline_hours)
    queued, first = 0, False
    with transaction(deps.engine) as session:
        for name in [committee] if committee else list(settings.config.committees):
            if not _note_run(session, "arbitration", period, name, now):
                continue
            first = True
            requests = session.exec(
                select(ArbitrationRequest)
                .where(
                    ArbitrationRequest.committee == name,
                    col(ArbitrationRequest.arbitration_id).is_(None),
                )
                .order_by(col(ArbitrationRequest.created_at))
            ).all()
            if requests:
                queued += _agenda(session, deps, name, period, list(requests), now, deadline)
    return RunResult("arbitration", period, queued, first)


def _agenda(
    session: Session,
    deps: Deps,
    committee: str,
    period: str,
    requests: list[ArbitrationRequest],
    now: datetime,
    deadline: datetime,
) -> int:
    render = deps.renderer.render
    initiatives = {r.initiative_id: session.get(Initiative, r.initiative_id) for r in requests}
    channel = deps.settings.config.committees[committee].channel
    agenda = render(
        "arbitration_agenda",
        committee=committee,
        period=period,
        items=[{"request": r, "initiative": initiatives[r.initiative_id]} for r in requests],
        deadline=slack_date(deadline),
    )
    enqueue(session, f"agenda:{period}:{committee}", {"channel": channel, **agenda})
    for request in requests:
        item = agenda_item(request.text)
        labels = render("agenda_options", proposal=shorten(item.proposal, 400))
        options = item.options or (labels["approve"], labels["reject"], labels["defer"])
        poll = open_poll(
            session,
            deps,
            committee=committee,
            question=item.question,
            options=options,
            created_by=request.requested_by,
            now=now,
            deadline=deadline,
            initiative_id=request.initiative_id,
            origin="queue",
        )
        request.arbitration_id = poll.id
        session.add(request)
    return len(requests) + 1


def run_escalation(deps: Deps, *, now: datetime, committee: str | None = None) -> RunResult:
    """The daily scan; idempotent by the escalations' own levels, so it keeps no run key."""
    from bot.escalations import scan

    result = scan(deps, now=now)
    return RunResult("escalation", week_of(now, deps.settings.tz), result.messages, True)


def run_digest(deps: Deps, *, now: datetime, committee: str | None = None) -> RunResult:
    """Each committee's weekly page: a top message in its channel, the detail in the thread."""
    from bot.digest import committee_digest, post_digest
    from bot.kpi_fetch import fetch_readings

    tz = deps.settings.tz
    period = week_of(now, tz)
    with Session(deps.engine) as session:
        sourced = session.exec(
            select(Initiative).where(
                Initiative.quarter == quarter_of(now, tz), col(Initiative.kpi_source).is_not(None)
            )
        ).all()
    if sourced:  # read KPI sources first: a failure is noted in the digest, never blocks it
        fetch_readings(
            engine=deps.engine, initiatives=sourced, period=period, now=now, environ=os.environ
        )
    queued, first = 0, False
    with transaction(deps.engine) as session:
        for name in [committee] if committee else list(deps.settings.config.committees):
            if not _note_run(session, "digest", period, name, now):
                continue
            first = True
            digest = committee_digest(session, deps, name, now=now)
            if digest.lines:  # a committee with no initiative this quarter gets no noise
                queued += post_digest(session, deps, digest)
    return RunResult("digest", period, queued, first)


def run_review(deps: Deps, *, now: datetime, committee: str | None = None) -> RunResult:
    """The quarterly review of the quarter that just ended, posted to each committee."""
    from bot.review_html import load_review

    tz = deps.settings.tz
    quarter = previous(quarter_of(now, tz))
    review = load_review(deps.engine, quarter, tz=tz)
    queued = 0
    with transaction(deps.engine) as session:
        for name in [committee] if committee else list(deps.settings.config.committees):
            if not _note_run(session, "review", quarter, name, now):
                continue
            items = review.committees.get(name, [])
            counts: dict[str, int] = {}
            for item in items:
                counts[item.status or "unknown"] = counts.get(item.status or "unknown", 0) + 1
            message = deps.renderer.render(
                "review_summary",
                committee=name,
                quarter=quarter,
                items=items,
                counts=counts,
                decisions=sum(d.committee == name for d in review.decisions),
            )
            channel = deps.settings.config.committees[name].channel
            queued += enqueue(session, f"review:{quarter}:{name}", {"channel": channel, **message})
    return RunResult("review", quarter, queued, queued > 0)


JOBS: dict[str, Callable[..., RunResult]] = {
    "checkin": run_checkin,
    "reminder": run_reminder,
    "arbitration": run_arbitration,
    "escalation": run_escalation,
    "review": run_review,
    "digest": run_digest,
}


def run_ritual(deps: Deps, name: str, *, now: datetime, committee: str | None = None) -> RunResult:
    """Run a ritual once for the period of `now`; a second run for that period adds nothing."""
    job = JOBS.get(name)
    if job is None:
        raise UnknownRitual(name)
    try:
        result = job(deps, now=now, committee=committee)
    except IntegrityError:
        # another replica ran the same ritual at the same moment: its rows stand
        result = RunResult(name, "", 0, False)
    deps.delivery.wake()
    return result


PERIOD_OF: dict[str, Callable[[datetime, Any], str]] = {
    "checkin": week_of,
    "reminder": week_of,
    "arbitration": month_of,
    "digest": week_of,
    "review": lambda at, tz: previous(quarter_of(at, tz)),
}


def has_run(deps: Deps, name: str, *, at: datetime) -> bool:
    """Whether the ritual ran (for any committee) in the period of `at`."""
    period = PERIOD_OF[name](at, deps.settings.tz)
    with Session(deps.engine) as session:
        return (
            session.exec(
                select(RitualRun.id).where(RitualRun.ritual == name, RitualRun.period == period)
            ).first()
            is not None
        )
