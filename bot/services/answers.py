"""Owners' answers — messages, edits, buttons, the form — turned into check-ins and receipts.

Each runs inside the inbox's transaction: the check-in, its receipt in the outbox and the
inbox row's `done` commit together, or not at all. Edits may arrive out of order, or before
their message: only the latest version of a message is read.
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
from bot.delivery.payloads import post, respond, update
from bot.readers import Readers
from bot.settings import Settings
from bot.text import unescape
from bot.work import (
    CheckinFormSubmitted,
    ChooseInitiative,
    DirectMessage,
    MessageEdited,
    PromptAnswer,
)
from rituals.absence import answers_for, may_answer
from rituals.arbitration import committee_for
from rituals.checkins import Answer, answer_from_text, record_checkin, repeat_last
from rituals.models import CheckinPrompt, Initiative, PendingAnswer
from rituals.parse import Intent, ParsedUpdate, parse_update
from rituals.periods import quarter_of, week_of
from rituals.status import Status
from rituals.store import checkins, events, initiatives, outbox, pending, prompts, requests


@dataclass(frozen=True)
class Where:
    """Where to answer: the DM channel, the thread when there is one, or the message a reply
    refers to (known only once that message is delivered)."""

    channel: str
    thread_ts: str | None = None
    refers_to: str | None = None


class Answers:
    def __init__(self, settings: Settings, readers: Readers) -> None:
        self.settings = settings
        self.readers = readers

    def _may(self, session: Session, initiative: Initiative, user: str, now: datetime) -> bool:
        return may_answer(
            session, initiative, user=user, today=now.astimezone(self.settings.tz).date()
        )

    def _reply(
        self, session: Session, job: Job, where: Where, message: Message, part: str = ""
    ) -> None:
        enqueue(
            session,
            keys.reply(job.key, part),
            post(where.channel, message, thread_ts=where.thread_ts),
            now=job.received_at,
            lane=Lane.PERSON,
        )

    # -- messages and edits ------------------------------------------------------------

    def message(self, session: Session, work: DirectMessage, job: Job) -> None:
        now = job.received_at
        if not events.first_time(session=session, keys=[f"msg:{work.channel}:{work.ts}"], now=now):
            return
        text = unescape(work.text)
        latest = events.keep_version(
            session=session,
            channel=work.channel,
            ts=work.ts,
            version=work.ts,
            author=work.user,
            text=text,
        )
        if not latest:
            return  # an edit of this message arrived first and was read instead
        self._read(session, job, work.user, Where(work.channel, work.thread_ts), work.ts, text)

    def edited(self, session: Session, work: MessageEdited, job: Job) -> None:
        """The answer follows the latest edit of the owner's message."""
        text = unescape(work.text)
        latest = events.keep_version(
            session=session,
            channel=work.channel,
            ts=work.ts,
            version=work.version,
            author=work.user,
            text=text,
        )
        if not latest:
            return  # a later edit was read already
        waiting = pending.of_message(session=session, channel=work.channel, ts=work.ts)
        if waiting is not None:
            waiting.text = text
            session.add(waiting)
            return
        previous = checkins.of_message(
            session=session, channel=work.channel, ts=work.ts, author=work.user
        )
        if previous is None:
            # never answered (an edit before its message, or of a message not understood)
            self._read(session, job, work.user, Where(work.channel, work.thread_ts), work.ts, text)
            return
        initiative = initiatives.get(session=session, initiative_id=previous.initiative_id)
        assert initiative is not None
        receipt = outbox.by_key(session=session, key=keys.receipt(previous.id or 0))
        thread = receipt.payload.get("thread_ts") if receipt else None
        where = Where(work.channel, thread)
        parsed = parse_update(text)
        words = self.readers.of_user(work.user)
        if not parsed.understood:
            self._reply(session, job, where, blocks.help_reply(words, title=initiative.title))
            return
        self._apply(
            session,
            job,
            initiative,
            previous.period,
            parsed,
            work.user,
            "message",
            text,
            where,
            work.ts,
        )

    def _read(
        self, session: Session, job: Job, user: str, where: Where, ts: str, text: str
    ) -> None:
        now = job.received_at
        words = self.readers.of_user(user)
        initiative, period = self._thread_subject(session, where)
        if initiative is not None and not self._may(session, initiative, user, now):
            initiative = None
        period = period or week_of(now, self.settings.tz)
        parsed = parse_update(text)
        if initiative is None:
            owned = initiatives.owned_by(
                session=session,
                owners=answers_for(
                    session, user=user, today=now.astimezone(self.settings.tz).date()
                ),
                quarter=quarter_of(now, self.settings.tz),
            )
            if not owned:
                self._reply(session, job, where, blocks.not_owner(words))
                return
            if len(owned) == 1:
                initiative = owned[0]
            elif parsed.understood:
                self._ask_which(session, job, user, where, ts, text, period, owned)
                return
        if not parsed.understood:
            title = initiative.title if initiative else None
            self._reply(session, job, where, blocks.help_reply(words, title=title))
            return
        assert initiative is not None
        self._apply(session, job, initiative, period, parsed, user, "message", text, where, ts)

    def _thread_subject(
        self, session: Session, where: Where
    ) -> tuple[Initiative | None, str | None]:
        """The initiative (and period) of the bot message a thread reply answers."""
        if not where.thread_ts:
            return None, None
        row = outbox.of_message(session=session, channel=where.channel, ts=where.thread_ts)
        if row is None or row.initiative_id is None:
            return None, None
        prompt = prompts.of_key(session=session, key=row.key)
        initiative = initiatives.get(session=session, initiative_id=row.initiative_id)
        return initiative, prompt.period if prompt else None

    def _ask_which(
        self,
        session: Session,
        job: Job,
        user: str,
        where: Where,
        ts: str,
        text: str,
        period: str,
        owned: list[Initiative],
    ) -> None:
        waiting = PendingAnswer(
            author=user,
            channel=where.channel,
            message_ts=ts,
            period=period,
            text=text,
            created_at=job.received_at,
        )
        session.add(waiting)
        session.flush()
        assert waiting.id is not None
        choices = [(i.id, i.title) for i in owned if i.id is not None]
        message = blocks.which(self.readers.of_user(user), pending_id=waiting.id, choices=choices)
        enqueue(
            session,
            keys.which(waiting.id),
            post(where.channel, message, thread_ts=where.thread_ts),
            now=job.received_at,
            lane=Lane.PERSON,
        )

    # -- recording ---------------------------------------------------------------------

    def _apply(
        self,
        session: Session,
        job: Job,
        initiative: Initiative,
        period: str,
        parsed: ParsedUpdate,
        user: str,
        source: str,
        raw_text: str | None,
        where: Where,
        ts: str | None,
    ) -> None:
        assert initiative.id is not None
        if parsed.intent is Intent.SKIP:
            self._skip(session, job, initiative, period, user, where)
            return
        last = checkins.latest(session=session, initiative_id=initiative.id)
        if parsed.intent is Intent.NO_CHANGE:
            if last is None:
                words = self.readers.of_user(user)
                self._reply(session, job, where, blocks.notice(words, "no-previous"))
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
            user,
            source,
            where,
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
        user: str,
        source: str,
        where: Where,
        *,
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
        words = self.readers.of_user(user)
        message = blocks.receipt(
            words,
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
            post(None if where.refers_to else where.channel, message, thread_ts=where.thread_ts),
            now=now,
            refers_to=where.refers_to,
            initiative_id=initiative.id,
            lane=Lane.PERSON,
        )

    def _skip(
        self,
        session: Session,
        job: Job,
        initiative: Initiative,
        period: str,
        user: str,
        where: Where,
    ) -> None:
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
            post(None if where.refers_to else where.channel, message, thread_ts=where.thread_ts),
            now=job.received_at,
            refers_to=where.refers_to,
            initiative_id=initiative.id,
            lane=Lane.PERSON,
        )

    # -- buttons, choices and the form ---------------------------------------------------

    def chosen(self, session: Session, work: ChooseInitiative, job: Job) -> None:
        """The owner said which initiative a pending free-text answer is about."""
        waiting = session.get(PendingAnswer, work.pending_id)
        if waiting is None or waiting.author != work.user or waiting.resolved_at is not None:
            return
        words = self.readers.of_user(work.user)
        where = Where(waiting.channel)
        initiative = initiatives.get(session=session, initiative_id=work.initiative_id)
        if initiative is None or not self._may(session, initiative, work.user, job.received_at):
            self._reply(session, job, where, blocks.notice(words, "not-yours"))
            return
        waiting.resolved_at = job.received_at
        session.add(waiting)
        enqueue(
            session,
            keys.chosen(waiting.id or 0),
            update(
                blocks.chosen(words, title=initiative.title),
                channel=work.channel,
                ts=work.message_ts,
            ),
            now=job.received_at,
            lane=Lane.PERSON,
        )
        parsed = parse_update(waiting.text)
        self._apply(
            session,
            job,
            initiative,
            waiting.period,
            parsed,
            work.user,
            "message",
            waiting.text,
            where,
            waiting.message_ts,
        )

    def prompt_answer(self, session: Session, work: PromptAnswer, job: Job) -> None:
        """'No change' or 'Skip this week' on a prompt; the note goes in its thread."""
        where = Where(work.channel, thread_ts=work.message_ts)
        initiative = initiatives.get(session=session, initiative_id=work.initiative_id)
        if initiative is None or not self._may(session, initiative, work.user, job.received_at):
            reason = "unknown-initiative" if initiative is None else "not-yours"
            self._private(
                session,
                job,
                work.user,
                work.channel,
                work.response_url,
                blocks.notice(self.readers.of_user(work.user), reason),
            )
            return
        intent = Intent.SKIP if work.skip else Intent.NO_CHANGE
        self._apply(
            session,
            job,
            initiative,
            work.period,
            ParsedUpdate(intent=intent),
            work.user,
            "button",
            None,
            where,
            None,
        )

    def submitted(self, session: Session, work: CheckinFormSubmitted, job: Job) -> None:
        """The form, validated when it was submitted: stored, the receipt in the prompt's thread."""
        initiative = initiatives.get(session=session, initiative_id=work.initiative_id)
        if initiative is None or not self._may(session, initiative, work.user, job.received_at):
            words = self.readers.of_user(work.user)
            self._reply(session, job, Where(work.user), blocks.notice(words, "not-yours"))
            return
        key = keys.prompt(work.period, work.initiative_id)
        prompted = outbox.by_key(session=session, key=key) is not None
        where = Where(channel=work.user, refers_to=key if prompted else None)
        answer = Answer(
            status=Status(work.status),
            progress=work.progress,
            kpi_value=work.kpi_value,
            blockers=work.blockers,
            decision_request=work.decision_request,
            highlights=work.highlights,
        )
        self.store(session, job, initiative, work.period, answer, work.user, "modal", where)

    def _private(
        self, session: Session, job: Job, user: str, channel: str, url: str | None, message: Message
    ) -> None:
        """A private answer: through the click's response URL, else in the person's DM."""
        payload = respond(url, message) if url else post(user, message)
        enqueue(session, keys.reply(job.key), payload, now=job.received_at, lane=Lane.PERSON)
