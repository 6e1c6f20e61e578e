"""Recording owners' answers, however they came: each initiative's check-in stored as the
period's current one (the one it replaces kept as history), a decision request queued for the
committee, one receipt listing what was stored — and asking about what was not — and the
owner's Home redrawn; or the week skipped.

Everything runs inside the inbox's transaction, so the answers and their receipt commit
together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from bot.blocks import checkin as blocks
from bot.blocks import receipt as receipts
from bot.blocks.kit import Message
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import Lane, enqueue, redraw_home
from bot.delivery.payloads import Post, post
from bot.readers import Readers
from bot.settings import Settings
from bot.text import Mrkdwn
from rituals.absence import may_answer
from rituals.arbitration import committee_for
from rituals.checkins import Answer, record_checkin
from rituals.models import CheckIn, CheckinPrompt, Initiative
from rituals.store import checkins, prompts, requests


@dataclass(frozen=True)
class Where:
    """Where to answer: the DM channel, the thread when there is one, or the message a reply
    refers to (known only once that message is delivered)."""

    channel: str
    thread_ts: str | None = None
    refers_to: str | None = None

    def post(self, message: Message) -> Post:
        """`message` posted here: in the thread of the message referred to, once delivered."""
        return post(None if self.refers_to else self.channel, message, thread_ts=self.thread_ts)


@dataclass(frozen=True)
class ToStore:
    """One initiative's answer, about to be stored."""

    initiative: Initiative
    period: str
    answer: Answer
    source: str
    kept_status: bool = False
    asked: dict[str, list[str]] = field(default_factory=dict)
    raw_text: str | None = None
    ts: str | None = None  # the owner's message, when the answer came as one
    corrected: bool = False


class Recorder:
    def __init__(self, settings: Settings, readers: Readers) -> None:
        self.settings = settings
        self.readers = readers

    def _by(self, initiative: Initiative, user: str) -> Mrkdwn | None:
        """Who answered, named on the receipt of a co-owned initiative (either may answer)."""
        people = self.readers.people
        return people.named(user) if initiative.co_owners and people is not None else None

    def may(self, session: Session, initiative: Initiative, user: str, now: datetime) -> bool:
        """Whether `user` answers for the initiative today: its owner, or their deputy."""
        today = now.astimezone(self.settings.tz).date()
        return may_answer(session, initiative, user=user, today=today)

    def reply(
        self, session: Session, job: Job, where: Where, message: Message, part: str = ""
    ) -> None:
        """The one answer to an inbox item (or to one `part` of it)."""
        enqueue(
            session,
            keys.reply(job.key, part),
            post(where.channel, message, thread_ts=where.thread_ts),
            now=job.received_at,
            lane=Lane.PERSON,
        )

    def store(
        self,
        session: Session,
        job: Job,
        answers: Sequence[ToStore],
        *,
        user: str,
        where: Where,
        receipt: bool = True,
    ) -> list[CheckIn]:
        """Record the answers, queue one receipt for them all (unless the caller redraws one),
        redraw the owner's Home."""
        now = job.received_at
        stored: list[CheckIn] = []
        parts: list[receipts.ReceiptPart] = []
        for given in answers:
            initiative = given.initiative
            assert initiative.id is not None
            replaced = checkins.current(
                session=session, initiative_id=initiative.id, period=given.period
            )
            checkin = record_checkin(
                session=session,
                initiative=initiative,
                period=given.period,
                answer=given.answer,
                source=given.source,
                author=user,
                now=now,
                raw_text=given.raw_text,
                channel=where.channel if given.ts else None,
                message_ts=given.ts,
                asked=given.asked,
                corrected=given.corrected,
            )
            self._queue_request(session, initiative, checkin, given.answer, user, now)
            stored.append(checkin)
            parts.append(
                receipts.ReceiptPart(
                    initiative,
                    checkin,
                    replaced=replaced is not None,
                    kept_status=given.kept_status,
                    asked=given.asked,
                    by=self._by(initiative, user),
                )
            )
        if not parts:
            return stored
        if not receipt:
            redraw_home(session, user, now=now)
            return stored
        period = answers[0].period
        message = receipts.receipt(self.readers.of_user(user), parts, period=period)
        redraw_home(session, user, now=now)
        enqueue(
            session,
            keys.receipt(job.key),
            where.post(message),
            now=now,
            refers_to=where.refers_to,
            initiative_id=parts[0].initiative.id if len(parts) == 1 else None,
            lane=Lane.PERSON,
        )
        return stored

    def _queue_request(
        self,
        session: Session,
        initiative: Initiative,
        checkin: CheckIn,
        answer: Answer,
        user: str,
        now: datetime,
    ) -> None:
        if not answer.decision_request or initiative.id is None:
            return
        committee = committee_for(initiative.committee, list(self.settings.config.committees))
        if committee is not None:
            requests.queue(
                session=session,
                committee=committee,
                initiative_id=initiative.id,
                checkin_id=checkin.id,
                text=answer.decision_request,
                user=user,
                now=now,
            )

    def receipt_now(
        self, session: Session, user: str, shown: Sequence[int], period: str
    ) -> Message | None:
        """The receipt of `shown` initiatives as their answers stand now (after a question
        was answered): what is stored, and the questions still open."""
        parts = []
        for initiative_id in shown:
            initiative = session.get(Initiative, initiative_id)
            current = checkins.current(session=session, initiative_id=initiative_id, period=period)
            if initiative is not None and current is not None:
                parts.append(receipts.ReceiptPart(initiative, current, asked=current.asked))
        if not parts:
            return None
        return receipts.receipt(self.readers.of_user(user), parts, period=period)

    def skip(
        self,
        session: Session,
        job: Job,
        initiative: Initiative,
        period: str,
        *,
        user: str,
        where: Where,
    ) -> None:
        """The week skipped: the prompt marked (no reminder follows) and the owner told, once."""
        assert initiative.id is not None
        prompt = prompts.of(
            session=session, initiative_id=initiative.id, period=period, recipient=user
        )
        if prompt is None:
            prompt = CheckinPrompt(
                initiative_id=initiative.id,
                period=period,
                owner=initiative.owner,
                recipient=user,
                message_key=keys.prompt(period, user),
                created_at=job.received_at,
            )
        if prompt.skipped_at is not None:
            return
        prompt.skipped_at = job.received_at
        session.add(prompt)
        message = blocks.skipped(self.readers.of_user(user), title=initiative.title, period=period)
        enqueue(
            session,
            keys.skipped(period, initiative.id),
            where.post(message),
            now=job.received_at,
            refers_to=where.refers_to,
            initiative_id=initiative.id,
            lane=Lane.PERSON,
        )
