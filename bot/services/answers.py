"""Owners' answers by message: a DM or a thread reply read into a check-in, an edit followed,
or the owner asked which initiative it is about. The buttons and the form are in
`checkin_clicks`, the recording itself in `recording`.

Each runs inside the inbox's transaction: the check-in, its receipt in the outbox and the
inbox row's `done` commit together, or not at all. Edits may arrive out of order, or before
their message: only the latest version of a message is read.
"""

from __future__ import annotations

from sqlmodel import Session

from bot.blocks import checkin as blocks
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import Lane, enqueue
from bot.delivery.payloads import post
from bot.readers import Readers
from bot.services.checkin_clicks import Clicks
from bot.services.recording import Recorder, Where
from bot.settings import Settings
from bot.text import unescape
from bot.work import DirectMessage, MessageEdited
from rituals.absence import answers_for
from rituals.models import Initiative, PendingAnswer
from rituals.parse import parse_update
from rituals.periods import quarter_of, week_of
from rituals.store import checkins, events, initiatives, outbox, pending, prompts


class Answers:
    def __init__(self, settings: Settings, readers: Readers) -> None:
        self.settings = settings
        self.readers = readers
        self.recorder = Recorder(settings, readers)
        clicks = Clicks(self.recorder)
        self.chosen = clicks.chosen
        self.prompt_answer = clicks.prompt_answer
        self.submitted = clicks.submitted

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
            self.recorder.reply(
                session, job, where, blocks.help_reply(words, title=initiative.title)
            )
            return
        self.recorder.apply(
            session,
            job,
            initiative,
            previous.period,
            parsed,
            user=work.user,
            source="message",
            where=where,
            raw_text=text,
            ts=work.ts,
        )

    def _read(
        self, session: Session, job: Job, user: str, where: Where, ts: str, text: str
    ) -> None:
        now = job.received_at
        words = self.readers.of_user(user)
        initiative, period = self._thread_subject(session, where)
        if initiative is not None and not self.recorder.may(session, initiative, user, now):
            initiative = None
        period = period or week_of(now, self.settings.tz)
        parsed = parse_update(text)
        if initiative is None:
            today = now.astimezone(self.settings.tz).date()
            owned = initiatives.owned_by(
                session=session,
                owners=answers_for(session, user=user, today=today),
                quarter=quarter_of(now, self.settings.tz),
            )
            if not owned:
                self.recorder.reply(session, job, where, blocks.not_owner(words))
                return
            if len(owned) == 1:
                initiative = owned[0]
            elif parsed.understood:
                self._ask_which(session, job, user, where, ts, text, period, owned)
                return
        if not parsed.understood:
            title = initiative.title if initiative else None
            self.recorder.reply(session, job, where, blocks.help_reply(words, title=title))
            return
        assert initiative is not None
        self.recorder.apply(
            session,
            job,
            initiative,
            period,
            parsed,
            user=user,
            source="message",
            where=where,
            raw_text=text,
            ts=ts,
        )

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
