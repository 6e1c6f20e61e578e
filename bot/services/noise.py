"""The noise budget: at most `noise.weekly_dms` unsolicited DMs per person per week (two by
default: the prompt and its reminder). What would go past it — or what can ride on the
prompt or the reminder the person is about to get — is folded into the next message they get
anyway; an escalation to an accountable or a CMO is never dropped, only merged into one DM."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.blocks.kit import Message, first_text, merge
from bot.delivery import keys
from bot.delivery.outbox import Queued, enqueue_rows
from bot.delivery.payloads import post
from bot.settings import Settings
from bot.text import Mrkdwn, stored
from bot.triggers import next_fire
from rituals.escalation import Audience
from rituals.registry import Ritual
from rituals.store import notices, outbox, prompts, runs

FOLDED_OWNER = (Audience.OWNER, Audience.OWNER_TOLD)  # can wait for the next message


@dataclass(frozen=True)
class Outgoing:
    """A DM (or a channel post) a ritual is about to send, and to whom in what role."""

    recipient: str
    audience: Audience
    key: str
    message: Message
    initiative_id: int | None = None


class Budget:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def weekly(self) -> int:
        return self.settings.config.noise.weekly_dms

    def reminded_soon(self, session: Session, week: str) -> set[str]:
        """Who the week's reminder, yet to run, will nudge."""
        if runs.has_run(session=session, ritual=Ritual.REMINDER, period=week):
            return set()
        return {p.recipient for p in prompts.unanswered(session=session, period=week)}

    def prompted_soon(self, session: Session, week: str, now: datetime) -> bool:
        """Whether the week's check-in is yet to run, later today: every owner's prompt is
        coming (Monday's 08:00 escalation scan rides on the 09:00 prompt rather than ringing
        an hour before it). A check-in not due today is no ride: the notice goes now."""
        if runs.has_run(session=session, ritual=Ritual.CHECKIN, period=week):
            return False
        tz = self.settings.tz
        coming = next_fire(self.settings.cadence(Ritual.CHECKIN), tz, now)
        return coming.astimezone(tz).date() == now.astimezone(tz).date()

    def notes(self, session: Session, person: str, *, into: str) -> list[Mrkdwn]:
        """What was folded for `person`, riding on the message queued under `into`."""
        return [stored(text) for text in notices.take(session=session, person=person, into=into)]

    def deliver(
        self, session: Session, outgoing: Sequence[Outgoing], *, week: str, now: datetime
    ) -> int:
        """Send a ritual's messages: an owner's folded when past the budget or when their
        reminder is coming; an accountable's or a CMO's merged into one DM each. How many
        messages were queued (those folded are not). A few statements, whatever their number."""
        owners = sorted({i.recipient for i in outgoing if i.audience in FOLDED_OWNER})
        coming = bool(owners) and self.prompted_soon(session, week, now)
        soon = set(owners) if coming else self.reminded_soon(session, week) if owners else set()
        sent = outbox.unsolicited_of(session=session, people=owners, week=week)
        queued: list[Queued] = []
        folded: list[dict[str, Any]] = []
        merged: dict[str, list[Outgoing]] = defaultdict(list)
        for item in outgoing:
            person = item.recipient
            if item.audience is Audience.CHANNEL:
                queued.append(_queued(item))
            elif item.audience not in FOLDED_OWNER:
                merged[person].append(item)
            elif person in soon or sent.get(person, 0) >= self.weekly:
                folded.append({"person": person, "kind": "escalation", "key": item.key,
                               "text": first_text(item.message), "created_at": now})  # fmt: skip
            else:
                sent[person] = sent.get(person, 0) + 1
                queued.append(_queued(item, noise=(person, week)))
        for recipient, items in merged.items():
            if len(items) == 1:
                queued.append(_queued(items[0], noise=(recipient, week)))
                continue
            parts = [item.key for item in items]
            for n, message in enumerate(merge([item.message for item in items]), start=1):
                key = keys.merged(week, recipient, parts, message=n)
                queued.append(Queued(key, post(recipient, message), noise=(recipient, week)))
        notices.fold_many(session=session, rows=folded)
        return len(enqueue_rows(session, queued, now=now))


def _queued(item: Outgoing, noise: tuple[str, str] | None = None) -> Queued:
    payload = post(item.recipient, item.message)
    return Queued(item.key, payload, initiative_id=item.initiative_id, noise=noise)
