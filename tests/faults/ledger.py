"""After a fault: what the database and the stand-in say became of each request of a burst.

A request acknowledged with a 200 must be stored once (a voter's vote with the option
clicked; an owner's one check-in) and confirmed once (the vote's private answer through its
response URL; the receipt in the owner's DM). A request that got no answer may be lost, and
is counted apart. A reply that was on its way to Slack when the process died (claimed in
the outbox, Slack's answer not recorded) is sent again by design: counted apart too."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime

from sqlalchemy import Engine, func, update
from sqlmodel import Session, col, select

from bot.devtools.standin import SlackStandIn
from rituals.models import CheckIn, InboxItem, OutboxMessage, Vote
from tests.faults.burst import Sent
from tests.faults.waiting import until


@dataclass
class Tally:
    """The figures of one or more bursts."""

    acknowledged: int = 0
    lost: int = 0
    duplicated: int = 0
    unacknowledged: int = 0
    unacknowledged_stored: int = 0
    redelivered: int = 0
    resent_in_flight: int = 0  # replies Slack had when the process died, sent again
    problems: list[str] = field(default_factory=list)

    def __iadd__(self, other: Tally) -> Tally:
        for each in fields(self):
            setattr(self, each.name, getattr(self, each.name) + getattr(other, each.name))
        return self


def pending(engine: Engine) -> tuple[int, int, int]:
    """(inbox rows pending, inbox rows parked, outbox rows pending): the inbox first, since
    its rows' replies are written in the transaction that marks them done."""
    with Session(engine) as session:
        inbox = dict(
            session.exec(select(InboxItem.state, func.count()).group_by(col(InboxItem.state))).all()
        )
        outbox = session.exec(select(func.count()).where(OutboxMessage.state == "pending")).one()
    return inbox.get("pending", 0), inbox.get("parked", 0), int(outbox)


def settle(engine: Engine, *, timeout: float = 30) -> None:
    """Wait until the bot has done everything it stored and sent everything it queued."""
    seen: list[tuple[int, int, int]] = []

    def empty() -> bool:
        seen[:] = [pending(engine)]
        return seen[0] == (0, 0, 0)

    try:
        until("inbox and outbox empty", empty, timeout=timeout)
    except AssertionError as failure:
        left = "inbox pending {}, inbox parked {}, outbox pending {}".format(*seen[0])
        with Session(engine) as session:
            stuck = session.exec(select(InboxItem).where(InboxItem.state != "done")).all()
            left += "".join(
                f"\n  inbox {r.id} {r.key} {r.state} claimed until {r.claimed_until} "
                f"after {r.attempts} attempts: {r.last_error}"
                for r in stuck
            )
        raise AssertionError(f"{failure}: {left}") from None


def in_flight(engine: Engine) -> set[tuple[str, str]]:
    """The replies claimed for sending when the process died: (what, where) of each."""
    with Session(engine) as session:
        rows = session.exec(
            select(OutboxMessage).where(
                OutboxMessage.state == "pending", col(OutboxMessage.claimed_until).is_not(None)
            )
        ).all()
    return {_where(row.payload) for row in rows}


def lapse_leases(engine: Engine) -> int:
    """What the leases' end would do (two minutes for the inbox, one for the outbox): the
    rows the dead process had claimed are free to be taken up again. How many."""
    ended = datetime.now(UTC)
    taken = 0
    with Session(engine) as session:
        for model in (InboxItem, OutboxMessage):
            taken += session.execute(  # type: ignore[attr-defined]
                update(model)
                .where(col(model.state) == "pending", col(model.claimed_until).is_not(None))
                .values(claimed_until=ended)
            ).rowcount
        session.commit()
    return taken


def _where(payload: dict[str, object]) -> tuple[str, str]:
    if payload.get("kind") == "respond":
        return "reply", str(payload.get("url", "")).rsplit("/", 1)[-1]
    return "dm", str(payload.get("channel") or "")


def audit(
    sent: list[Sent],
    *,
    poll_id: int,
    initiatives: dict[str, int],
    engine: Engine,
    standin: SlackStandIn,
    in_flight: Collection[tuple[str, str]] = (),
) -> Tally:
    """The figures of one settled burst."""
    with Session(engine) as session:
        votes = {
            v.voter: v.option
            for v in session.exec(select(Vote).where(Vote.arbitration_id == poll_id))
        }
        ids = [initiatives[s.user] for s in sent if s.kind == "answer"]
        stored = Counter(
            session.exec(select(CheckIn.initiative_id).where(col(CheckIn.initiative_id).in_(ids)))
        )
    replies = Counter(str(c.params.get("_key")) for c in standin.calls("response_url"))
    receipts = Counter(str(c.params.get("channel")) for c in standin.calls("chat.postMessage"))
    tally = Tally()
    for item in sent:
        if item.kind == "vote":
            copies = 1 if votes.get(item.user) == item.option else 0
            if item.user in votes and not copies:
                tally.problems.append(f"{item.user} voted {item.option}, stored {votes[item.user]}")
            told, where = replies[item.reply], ("reply", item.reply)
        else:
            channel = standin.dm_channel(item.user)
            copies, told, where = stored[initiatives[item.user]], receipts[channel], ("dm", channel)
        _count(tally, item, copies, told, resendable=where in in_flight)
    return tally


def _count(tally: Tally, item: Sent, copies: int, told: int, *, resendable: bool) -> None:
    """One request: stored `copies` times, confirmed `told` times."""
    tally.redelivered += item.redelivered
    if item.acknowledged:
        tally.acknowledged += 1
        if copies == 0 or told == 0:
            tally.lost += 1
            tally.problems.append(f"{item.kind} of {item.user}: stored {copies}, told {told}")
    else:
        tally.unacknowledged += 1
        tally.unacknowledged_stored += copies > 0
        if copies and not told:
            tally.lost += 1
            tally.problems.append(f"unacknowledged {item.kind} of {item.user} stored, never told")
    extra = max(0, copies - 1) + max(0, told - 1)
    if extra and resendable and copies <= 1 and told == 2:
        tally.resent_in_flight += 1
    elif extra:
        tally.duplicated += extra
        tally.problems.append(f"{item.kind} of {item.user}: stored {copies}, told {told}")
