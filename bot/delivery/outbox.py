"""Queueing messages for Slack, in the same transaction as what caused them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum

from sqlmodel import Session

from bot.delivery import keys
from bot.delivery.payloads import Payload, Redraw, method_of
from rituals.models import OutboxMessage
from rituals.store import outbox

RUN: ContextVar[str | None] = ContextVar("run", default=None)
"""The ritual run under way in this thread ("checkin:2026-W48"), which its messages name."""


@contextmanager
def ritual_run(run: str) -> Iterator[None]:
    """Messages queued meanwhile belong to the ritual run `run`."""
    token = RUN.set(run)
    try:
        yield
    finally:
        RUN.reset(token)


class Lane(IntEnum):
    """Replies to what a person just did go before the rituals' fan-outs."""

    PERSON = 0
    RITUAL = 1


def enqueue(
    session: Session,
    key: str,
    payload: Payload,
    *,
    now: datetime,
    refers_to: str | None = None,
    initiative_id: int | None = None,
    lane: Lane = Lane.RITUAL,
    delay: timedelta | None = None,
    noise: tuple[str, str] | None = None,
) -> bool:
    """Queue `payload` under `key` (once: a second enqueue of the key changes nothing); it is
    sent after the caller's transaction commits, `delay` later. Whether it was queued.

    `now` is the business time of the cause; when to send is the delivery worker's own clock.
    `noise` (person, week): an unsolicited DM, counted against the person's weekly budget."""
    queued = outbox.add(
        session=session,
        key=key,
        method=method_of(payload),
        payload=payload.model_dump(mode="json", exclude_none=True),
        now=now,
        refers_to=refers_to,
        initiative_id=initiative_id,
        lane=int(lane),
        due_at=datetime.now(UTC) + (delay or timedelta()),
        person=noise[0] if noise else None,
        week=noise[1] if noise else None,
        run=RUN.get(),
    )
    if queued:
        session.info["outbox"] = True
        if lane is Lane.PERSON:
            session.info["outbox_person"] = True
    return queued


@dataclass(frozen=True)
class Queued:
    """One message of a fan-out (see `enqueue` for what each field means)."""

    key: str
    payload: Payload
    refers_to: str | None = None
    initiative_id: int | None = None
    lane: Lane = Lane.RITUAL
    noise: tuple[str, str] | None = None


def enqueue_many(session: Session, queued: list[Queued], *, now: datetime) -> set[str]:
    """Queue a fan-out in a few statements whatever its size (each key once, as `enqueue`);
    the keys queued."""
    due = datetime.now(UTC)
    added = outbox.add_many(
        session=session,
        rows=[
            OutboxMessage(
                key=item.key,
                method=method_of(item.payload),
                payload=item.payload.model_dump(mode="json", exclude_none=True),
                refers_to=item.refers_to,
                initiative_id=item.initiative_id,
                lane=int(item.lane),
                created_at=now,
                next_attempt_at=due,
                person=item.noise[0] if item.noise else None,
                week=item.noise[1] if item.noise else None,
                run=RUN.get(),
            )
            for item in queued
        ],
    )
    if added:
        session.info["outbox"] = True
    return added


def enqueue_rows(session: Session, queued: list[Queued], *, now: datetime) -> set[str]:
    """`enqueue_many` in one insert whatever the rows' shapes, without a model object per
    row (what a fan-out of thousands spends most of its time on); the keys queued."""
    due, run = datetime.now(UTC), RUN.get()
    added = outbox.add_rows(
        session=session,
        rows=[
            {
                "key": item.key,
                "method": method_of(item.payload),
                "payload": item.payload.model_dump(mode="json", exclude_none=True),
                "refers_to": item.refers_to,
                "initiative_id": item.initiative_id,
                "lane": int(item.lane),
                "created_at": now,
                "next_attempt_at": due,
                "person": item.noise[0] if item.noise else None,
                "week": item.noise[1] if item.noise else None,
                "run": run,
            }
            for item in queued
        ],
    )
    if added:
        session.info["outbox"] = True
    return added


def redraw_poll(
    session: Session, poll_id: int, *, now: datetime, delay: timedelta | None = None
) -> None:
    """Queue a redraw of the poll message, unless one not yet drawn is already queued.

    Call it after writing the vote: the waiting redraw is locked until this transaction
    commits, so it cannot be drawn from a tally that misses this vote."""
    if outbox.waiting(session=session, prefix=keys.poll_redraw_prefix(poll_id), lock=True):
        return
    enqueue(
        session,
        keys.poll_redraw(poll_id),
        Redraw(surface="poll", ref=str(poll_id)),
        now=now,
        refers_to=keys.poll(poll_id),
        lane=Lane.PERSON,
        delay=delay,
    )


def redraw_home(session: Session, user: str, *, now: datetime) -> None:
    """Queue a redraw of `user`'s Home tab, unless one not yet drawn is waiting."""
    if outbox.waiting(session=session, prefix=keys.home_prefix(user)):
        return
    enqueue(session, keys.home(user), Redraw(surface="home", ref=user), now=now, lane=Lane.PERSON)
