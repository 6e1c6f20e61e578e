"""Recording an owner's answer, however it came: the check-in stored as the period's current
one (the one it replaces kept as history), a decision request queued for the committee, the
receipt in the outbox and the owner's Home redrawn — or the week skipped.

Everything runs inside the inbox's transaction, so the answer and its receipt commit together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.blocks import checkin as blocks
from bot.blocks.kit import Message
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import Lane, enqueue, redraw_home
from bot.delivery.payloads import Post, post
from bot.readers import Readers
from bot.settings import Settings
from rituals.absence import may_answer
from rituals.arbitration import committee_for
from rituals.checkins import Answer, answer_from_text, record_checkin, repeat_last
from rituals.models import CheckinPrompt, Initiative
from rituals.parse import Intent, ParsedUpdate
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


class Recorder:
    def __init__(self, settings: Settings, readers: Readers) -> None:
        self.settings = settings
        self.readers = readers

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

    def apply(
        self,
        session: Session,
        job: Job,
        initiative: Initiative,
        period: str,
        parsed: ParsedUpdate,
        *,
        user: str,
        source: str,
        where: Where,
        raw_text: str | None = None,
        ts: str | None = None,
    ) -> None:
        """What the owner said, read: an update, the last answer again, or the week skipped."""
        assert initiative.id is not None
        if parsed.intent is Intent.SKIP:
            self.skip(session, job, initiative, period, user=user, where=where)
            return
        last = checkins.latest(session=session, initiative_id=initiative.id)
        if parsed.intent is Intent.NO_CHANGE:
            if last is None:
                words = self.readers.of_user(user)
                self.reply(session, job, where, blocks.notice(words, "no-previous"))
                return
            answer = repeat_last(last)
        else:
            answer = answer_from_text(parsed, last)
        kept = (
            parsed.intent is Intent.UPDATE and parsed.status is None and answer.status is not None
        )
        self.store(
            session,
            job,
            initiative,
            period,
            answer,
            user=user,
            source=source,
            where=where,
            raw_text=raw_text,
            ts=ts,
            kept_status=kept,
        )

    def store(
        self,
        session: Session,
        job: Job,
        initiative: Initiative,
        period: str,
        answer: Answer,
        *,
        user: str,
        source: str,
        where: Where,
        raw_text: str | None = None,
        ts: str | None = None,
        kept_status: bool = False,
    ) -> None:
        """Record the answer, queue its receipt and redraw the owner's Home."""
        assert initiative.id is not None
        now = job.received_at
        replaced = (
            checkins.current(session=session, initiative_id=initiative.id, period=period)
            is not None
        )
        checkin = record_checkin(
            session=session,
            initiative=initiative,
            period=period,
            answer=answer,
            source=source,
            author=user,
            now=now,
            raw_text=raw_text,
            channel=where.channel if ts else None,
            message_ts=ts,
        )
        if answer.decision_request:
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
        message = blocks.receipt(
            self.readers.of_user(user),
            initiative,
            period=period,
            answer=answer,
            replaced=replaced,
            kept_status=kept_status,
        )
        redraw_home(session, user, now=now)
        enqueue(
            session,
            keys.receipt(checkin.id or 0),
            where.post(message),
            now=now,
            refers_to=where.refers_to,
            initiative_id=initiative.id,
            lane=Lane.PERSON,
        )

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
        prompt = prompts.of(session=session, initiative_id=initiative.id, period=period)
        if prompt is None:
            prompt = CheckinPrompt(
                initiative_id=initiative.id,
                period=period,
                owner=initiative.owner,
                message_key=keys.prompt(period, initiative.id),
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
