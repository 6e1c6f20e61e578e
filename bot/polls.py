"""Committee polls: opening, voting, closing and the decision log, each in one transaction.

The poll message is drawn when it is sent (a renderer of the outbox), so a burst of votes
becomes one `chat.update` showing the latest tally, never a stale one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from bot.deps import Deps
from bot.home import refresh_home
from bot.ids import PollRef
from bot.outbox import enqueue
from bot.render import Renderer, shorten, slack_date
from bot.settings import Settings
from rituals.arbitration import Result, result
from rituals.db import in_transaction
from rituals.models import (
    Arbitration,
    ArbitrationRequest,
    Decision,
    Initiative,
    OutboxMessage,
    Vote,
)

REFRESH_DEBOUNCE = timedelta(milliseconds=400)
BUTTON_TEXT = 75


def members_of(settings: Settings, committee: str) -> list[str]:
    found = settings.config.committees.get(committee)
    return list(found.members) if found else []


def poll_result(session: Session, settings: Settings, poll: Arbitration) -> Result:
    votes = session.exec(select(Vote.voter, Vote.option).where(Vote.arbitration_id == poll.id))
    return result(len(poll.options), list(votes), members_of(settings, poll.committee))


def poll_view(session: Session, settings: Settings, poll: Arbitration) -> dict[str, Any]:
    """What the poll templates show: options with counts (and names unless anonymous)."""
    outcome = poll_result(session, settings, poll)
    tally = outcome.tally
    initiative = session.get(Initiative, poll.initiative_id) if poll.initiative_id else None
    top = max(tally.counts, default=0) or 1
    options = [
        {
            "index": index,
            "letter": chr(ord("A") + index),
            "text": text,
            "button": shorten(text, BUTTON_TEXT - 4),
            "count": tally.counts[index],
            "voters": [] if poll.anonymous else list(tally.voters[index]),
            "bar": "█" * round(8 * tally.counts[index] / top) if tally.counts[index] else "",
            "value": PollRef(a=poll.id or 0, o=index).dump(),
            "winner": index in outcome.winners,
        }
        for index, text in enumerate(poll.options)
    ]
    committee = settings.config.committees.get(poll.committee)
    return {
        "poll": {
            "id": poll.id,
            "question": poll.question,
            "context": poll.context,
            "anonymous": poll.anonymous,
            "closed": poll.closed_at is not None,
            "deadline": slack_date(poll.deadline),
            "committee": poll.committee,
            "channel": committee.channel if committee else "",
            "ref": PollRef(a=poll.id or 0, o=-1).dump(),
        },
        "initiative": initiative,
        "options": options,
        "voted": tally.voted,
        "members": tally.members,
        "missing": len(tally.missing),
        "tie": outcome.tie,
        "winner": options[outcome.winner] if outcome.winner is not None else None,
        "turnout": round(100 * tally.turnout),
    }


def render_poll(settings: Settings, renderer: Renderer):  # type: ignore[no-untyped-def]
    """The outbox renderer of poll messages, for the composition root to register."""

    def render(session: Session, payload: dict[str, Any]) -> dict[str, Any]:
        poll = session.get(Arbitration, payload.pop("arbitration_id"))
        assert poll is not None
        return dict(renderer.render("arbitration_poll", **poll_view(session, settings, poll)))

    return render


def open_poll(
    session: Session,
    deps: Deps,
    *,
    committee: str,
    question: str,
    options: tuple[str, ...] | list[str],
    created_by: str,
    now: datetime,
    deadline: datetime,
    anonymous: bool = False,
    context: str | None = None,
    initiative_id: int | None = None,
    origin: str = "command",
) -> Arbitration:
    """Store the poll and queue its message in the committee's channel."""
    poll = Arbitration(
        committee=committee,
        question=question,
        options=list(options),
        context=context,
        initiative_id=initiative_id,
        anonymous=anonymous,
        origin=origin,
        created_by=created_by,
        created_at=now,
        deadline=deadline,
    )
    session.add(poll)
    session.flush()
    poll.message_key = f"poll:{poll.id}"
    session.add(poll)
    channel = deps.settings.config.committees[committee].channel
    enqueue(
        session, poll.message_key, {"channel": channel, "render": "poll", "arbitration_id": poll.id}
    )
    return poll


def refresh(session: Session, poll: Arbitration, *, not_before: datetime | None = None) -> None:
    """Queue a redraw of the poll message, unless one not yet drawn is already queued.

    Call it after writing the vote. The waiting redraw is locked until this transaction
    commits, so the worker cannot draw it from a tally that misses this vote (PostgreSQL);
    SQLite gets the same order from its single writer."""
    waiting = session.exec(
        select(OutboxMessage.id)
        .where(
            col(OutboxMessage.key).startswith(f"poll-refresh:{poll.id}:"),
            OutboxMessage.state == "pending",
            col(OutboxMessage.claimed_until).is_(None),
        )
        .with_for_update()
    ).first()
    if waiting is None:
        enqueue(
            session,
            f"poll-refresh:{poll.id}:{uuid.uuid4().hex}",
            {"render": "poll", "arbitration_id": poll.id},
            method="chat.update",
            refers_to=poll.message_key,
            not_before=not_before,
        )


@dataclass(frozen=True)
class VoteOutcome:
    """How a click ended: new / changed / same, or why it did not count."""

    kind: str  # "new", "changed", "same", "not_member", "closed", "unknown"
    committee: str = ""


def cast_vote(deps: Deps, *, poll_id: int, voter: str, option: int) -> VoteOutcome:
    now = deps.clock()

    def work(session: Session) -> VoteOutcome:
        poll = session.get(Arbitration, poll_id)
        if poll is None or not 0 <= option < len(poll.options):
            return VoteOutcome("unknown")
        if poll.closed_at is not None:
            return VoteOutcome("closed", poll.committee)
        if voter not in members_of(deps.settings, poll.committee):
            return VoteOutcome("not_member", poll.committee)
        vote = session.exec(
            select(Vote).where(Vote.arbitration_id == poll_id, Vote.voter == voter)
        ).first()
        if vote is not None and vote.option == option:
            return VoteOutcome("same", poll.committee)
        kind = "new" if vote is None else "changed"
        vote = vote or Vote(arbitration_id=poll_id, voter=voter, option=option)
        vote.option, vote.voted_at = option, now
        session.add(vote)
        session.flush()
        refresh(session, poll, not_before=now + REFRESH_DEBOUNCE)
        refresh_home(session, voter)  # the poll leaves what they owe
        return VoteOutcome(kind, poll.committee)

    outcome = in_transaction(deps.engine, work)
    deps.delivery.wake()
    return outcome


def close_poll(
    session: Session, deps: Deps, poll: Arbitration, *, by: str | None, now: datetime
) -> bool:
    """Close an open poll: its message becomes the result, the CMO is offered to record
    the decision. False when it was closed already."""
    if poll.closed_at is not None:
        return False
    poll.closed_at, poll.closed_by = now, by
    session.add(poll)
    session.flush()
    refresh(session, poll)
    view = poll_view(session, deps.settings, poll)
    for cmo in [by] if by else (deps.settings.config.cmo or [poll.created_by]):
        message = deps.renderer.render("arbitration_closed", **view)
        enqueue(session, f"decide:{poll.id}:{cmo}", {"channel": cmo, **message})
    return True


def close_now(deps: Deps, *, poll_id: int, user: str) -> str:
    """The CMO's 'Close now': "closed", "already", "not_cmo" or "unknown"."""
    now = deps.clock()

    def work(session: Session) -> str:
        poll = session.get(Arbitration, poll_id)
        if poll is None:
            return "unknown"
        if not deps.settings.is_cmo(user):
            return "not_cmo"
        return "closed" if close_poll(session, deps, poll, by=user, now=now) else "already"

    outcome = in_transaction(deps.engine, work)
    deps.delivery.wake()
    return outcome


def close_due(deps: Deps, *, now: datetime) -> int:
    """Close every poll whose deadline has passed as of `now`; how many were closed."""

    def work(session: Session) -> int:
        due = session.exec(
            select(Arbitration).where(
                col(Arbitration.closed_at).is_(None), col(Arbitration.deadline) <= now
            )
        ).all()
        return sum(close_poll(session, deps, poll, by=None, now=now) for poll in due)

    closed = in_transaction(deps.engine, work)
    if closed:
        deps.delivery.wake()
    return closed


@dataclass(frozen=True)
class DecisionInput:
    """The 'Record decision' modal, validated."""

    option: int | None  # None: deferred
    rationale: str
    follow_up_owner: str | None
    due: date | None


def record_decision(
    deps: Deps, *, poll_id: int, user: str, given: DecisionInput
) -> Decision | None:
    """Store the decision (once per poll), post its notice to the committee channel."""
    now = deps.clock()

    def work(session: Session) -> Decision | None:
        poll = session.get(Arbitration, poll_id)
        if poll is None or not deps.settings.is_cmo(user):
            return None
        existing = session.exec(select(Decision).where(Decision.arbitration_id == poll_id)).first()
        outcome = poll_result(session, deps.settings, poll)
        deferred = given.option is None
        decision = existing or Decision(
            arbitration_id=poll_id,
            committee=poll.committee,
            question=poll.question,
            decided_by=user,
            decision="",
        )
        decision.initiative_id = poll.initiative_id
        decision.option = given.option
        decision.deferred = deferred
        decision.decision = "" if deferred else poll.options[given.option or 0]
        decision.rationale = given.rationale
        decision.follow_up_owner = given.follow_up_owner
        decision.due = given.due
        decision.decided_by = user
        decision.decided_at = now
        decision.tally = {
            "options": poll.options,
            "counts": list(outcome.tally.counts),
            "voted": outcome.tally.voted,
            "members": outcome.tally.members,
        }
        session.add(decision)
        if poll.closed_at is None:
            close_poll(session, deps, poll, by=user, now=now)
        session.flush()
        initiative = session.get(Initiative, poll.initiative_id) if poll.initiative_id else None
        notice = deps.renderer.render(
            "decision_notice",
            decision=decision,
            initiative=initiative,
            view=poll_view(session, deps.settings, poll),
        )
        channel = deps.settings.config.committees[poll.committee].channel
        enqueue(
            session,
            f"decision:{decision.id}:{now.timestamp()}",
            {"channel": channel, **notice},
            initiative_id=poll.initiative_id,
        )
        return decision

    decision = in_transaction(deps.engine, work)
    deps.delivery.wake()
    return decision


def queue_request(
    session: Session,
    settings: Settings,
    *,
    initiative: Initiative,
    checkin_id: int | None,
    text: str,
    user: str,
    now: datetime,
) -> ArbitrationRequest | None:
    """An owner's 'a decision is needed' joins its committee's queue; a newer request for
    the same initiative, not yet on an agenda, replaces the waiting one."""
    committees = settings.config.committees
    committee = (
        initiative.committee if initiative.committee in committees else next(iter(committees), None)
    )
    if committee is None:
        return None
    waiting = session.exec(
        select(ArbitrationRequest).where(
            ArbitrationRequest.initiative_id == initiative.id,
            col(ArbitrationRequest.arbitration_id).is_(None),
        )
    ).first()
    request = waiting or ArbitrationRequest(
        committee=committee,
        initiative_id=initiative.id or 0,
        requested_by=user,
        text=text,
    )
    request.text, request.checkin_id, request.created_at = text, checkin_id, now
    session.add(request)
    return request
