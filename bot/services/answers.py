"""Owners' answers by message: a DM or a thread reply read — several initiatives at once if
it covers several — into check-ins, an edit followed, a part naming no initiative asked about.
The buttons and the forms are in `checkin_clicks`, the recording itself in `recording`.

Each runs inside the inbox's transaction: the check-ins, their receipt in the outbox and the
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
from bot.services.forms import tell
from bot.services.recording import Recorder, Where
from bot.services.understanding import Author, author, outcome, understand
from bot.settings import Settings
from bot.text import unescape
from bot.work import DirectMessage, MessageEdited, RecordMessage
from rituals.models import Initiative, PendingAnswer
from rituals.periods import week_of
from rituals.store import events, outbox, pending, prompts


class Answers:
    def __init__(self, settings: Settings, readers: Readers) -> None:
        self.settings = settings
        self.readers = readers
        self.recorder = Recorder(settings, readers)
        clicks = Clicks(settings, self.recorder)
        self.chosen = clicks.chosen
        self.prompt_answer = clicks.prompt_answer
        self.submitted = clicks.submitted
        self.answered = clicks.answered

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
        """The answers follow the latest edit of the owner's message."""
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
        self._read(session, job, work.user, Where(work.channel, work.thread_ts), work.ts, text)

    def shortcut(self, session: Session, work: RecordMessage, job: Job) -> None:
        """*Record as check-in* on a message the clicker wrote, anywhere: read as a DM to the
        bot would be, the receipt in their DM. Someone else's message, or one already read
        with these words, gets a private notice and nothing is stored."""
        words = self.readers.of_user(work.user)
        if work.author != work.user:
            notice = blocks.notice(words, "shortcut-not-yours")
            tell(session, job, work.user, work.response_url, notice)
            return
        text = unescape(work.text)
        known = events.version_of(session=session, channel=work.channel, ts=work.ts)
        if known is not None and known.text == text:
            notice = blocks.notice(words, "shortcut-already")
            tell(session, job, work.user, work.response_url, notice)
            return
        if not events.keep_version(
            session=session,
            channel=work.channel,
            ts=work.ts,
            version=work.clicked_at,
            author=work.user,
            text=text,
        ):
            return  # a later click on it was read already
        self._read(session, job, work.user, Where(work.user), work.ts, text)

    def _read(
        self, session: Session, job: Job, user: str, where: Where, ts: str, text: str
    ) -> None:
        now = job.received_at
        words = self.readers.of_user(user)
        who = author(session, self.settings, user, now)
        if not who.initiatives:
            self.recorder.reply(session, job, where, blocks.not_owner(words))
            return
        subject, period = self._thread_subject(session, where, who)
        among = subject or who.initiatives
        thread = among[0].id if subject and len(subject) == 1 else None
        period = period or week_of(now, self.settings.tz)
        language = self.readers.locale_of(user)  # `12,480`: a French comma is decimal
        reading = understand(session, text, among, thread=thread, language=language)
        if not reading.readable:
            title = among[0].title if len(among) == 1 else None
            self.recorder.reply(session, job, where, blocks.help_reply(words, title=title))
            return
        found = outcome(
            session, reading, Author(user, list(among)), period=period, raw_text=text, ts=ts
        )
        for initiative in found.skipped:
            self.recorder.skip(session, job, initiative, period, user=user, where=where)
        if found.nothing_to_repeat:
            self.recorder.reply(session, job, where, blocks.notice(words, "no-previous"), "again")
        self.recorder.store(session, job, found.to_store, user=user, where=where)
        for n, part in enumerate(found.unnamed, start=1):
            said = part.text if len(reading.parts) > 1 else None
            self._ask_which(
                session, job, user, where, ts, part.text or text, period, among, said, n
            )

    def _thread_subject(
        self, session: Session, where: Where, who: Author
    ) -> tuple[list[Initiative], str | None]:
        """The initiatives (and the week) of the bot message a thread reply answers: a
        prompt's, or the one initiative of a receipt or a reminder."""
        if not where.thread_ts:
            return [], None
        row = outbox.of_message(session=session, channel=where.channel, ts=where.thread_ts)
        if row is None:
            return [], None
        asked = prompts.with_key(session=session, key=row.key)
        if asked:
            found = [who.by_id(p.initiative_id) for p in asked]
            return [i for i in found if i is not None], asked[0].period
        initiative = who.by_id(row.initiative_id)
        return ([initiative] if initiative else []), None

    def _ask_which(
        self,
        session: Session,
        job: Job,
        user: str,
        where: Where,
        ts: str,
        text: str,
        period: str,
        among: list[Initiative],
        said: str | None,
        n: int,
    ) -> None:
        waiting = PendingAnswer(
            author=user,
            channel=where.channel,
            message_ts=ts,
            period=period,
            text=text,
            choices=[i.id for i in among if i.id is not None],
            created_at=job.received_at,
        )
        session.add(waiting)
        session.flush()
        assert waiting.id is not None
        choices = [(i.id, i.title) for i in among if i.id is not None]
        message = blocks.which(
            self.readers.of_user(user), pending_id=waiting.id, choices=choices, said=said
        )
        enqueue(
            session,
            keys.which(waiting.id),
            post(where.channel, message, thread_ts=where.thread_ts),
            now=job.received_at,
            lane=Lane.PERSON,
        )
