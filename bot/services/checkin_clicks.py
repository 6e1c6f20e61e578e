"""Answers given by clicking: which initiative a free-text answer is about, No change or Skip
on a prompt, the forms, and a receipt's questions. Each checks that the person clicking
answers for the initiative; a refusal is told privately, and nothing is stored."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from bot.blocks import checkin as blocks
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import Lane, enqueue
from bot.delivery.payloads import update
from bot.services.forms import tell
from bot.services.recording import Recorder, ToStore, Where
from bot.services.understanding import Author, outcome, understand
from bot.settings import Settings
from bot.work import AnswerQuestion, CheckinFormSubmitted, ChooseInitiative, PromptAnswer
from rituals.checkins import Answer, repeat_last
from rituals.models import Initiative, PendingAnswer
from rituals.numbers import parse_number
from rituals.status import Status
from rituals.store import checkins, initiatives, outbox


class Clicks:
    def __init__(self, settings: Settings, recorder: Recorder) -> None:
        self.settings = settings
        self.recorder = recorder
        self.readers = recorder.readers

    def _answering(
        self, session: Session, job: Job, user: str, initiative_id: int, url: str | None
    ) -> Initiative | None:
        """The initiative, when `user` answers for it; else they are told, privately."""
        initiative = initiatives.get(session=session, initiative_id=initiative_id)
        if initiative is not None and self.recorder.may(session, initiative, user, job.received_at):
            return initiative
        reason = "unknown-initiative" if initiative is None else "not-yours"
        tell(session, job, user, url, blocks.notice(self.readers.of_user(user), reason))
        return None

    def chosen(self, session: Session, work: ChooseInitiative, job: Job) -> None:
        """The owner said which initiative a pending free-text answer is about; a second
        click on the question changes nothing."""
        waiting = session.get(PendingAnswer, work.pending_id)
        if waiting is None or waiting.author != work.user or waiting.resolved_at is not None:
            return
        initiative = self._answering(session, job, work.user, work.initiative_id, work.response_url)
        if initiative is None:
            return
        waiting.resolved_at = job.received_at
        session.add(waiting)
        words = self.readers.of_user(work.user)
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
        reading = understand(
            session,
            waiting.text,
            [initiative],
            thread=initiative.id,
            language=self.readers.locale_of(work.user),
        )
        found = outcome(
            session,
            reading,
            Author(work.user, [initiative]),
            period=waiting.period,
            raw_text=waiting.text,
            ts=waiting.message_ts,
        )
        where = Where(waiting.channel)
        for skipped in found.skipped:
            self.recorder.skip(session, job, skipped, waiting.period, user=work.user, where=where)
        self.recorder.store(session, job, found.to_store, user=work.user, where=where)

    def prompt_answer(self, session: Session, work: PromptAnswer, job: Job) -> None:
        """No change or Skip this week on a prompt; the note goes in its thread."""
        initiative = self._answering(session, job, work.user, work.initiative_id, work.response_url)
        if initiative is None or initiative.id is None:
            return
        where = Where(work.channel, thread_ts=work.message_ts)
        if work.skip:
            self.recorder.skip(session, job, initiative, work.period, user=work.user, where=where)
            return
        last = checkins.latest(session=session, initiative_id=initiative.id)
        if last is None:
            notice = blocks.notice(self.readers.of_user(work.user), "no-previous")
            self.recorder.reply(session, job, where, notice)
            return
        again = ToStore(initiative, work.period, repeat_last(last), "button")
        self.recorder.store(session, job, [again], user=work.user, where=where)

    def submitted(self, session: Session, work: CheckinFormSubmitted, job: Job) -> None:
        """A form, checked when it was submitted: stored, the receipt in the thread of the
        person's prompt (in the DM when there was none)."""
        to_store = []
        for given in work.answers:
            initiative = self._answering(session, job, work.user, given.initiative_id, None)
            if initiative is None:
                return
            answer = Answer(
                status=Status(given.status),
                progress=given.progress,
                kpi_value=given.kpi_value,
                blockers=given.blockers,
                decision_request=given.decision_request,
                highlights=given.highlights,
            )
            to_store.append(
                ToStore(initiative, work.period, answer, "modal", corrected=work.correction)
            )
        key = keys.prompt(work.period, work.user)
        prompted = outbox.by_key(session=session, key=key) is not None
        where = Where(channel=work.user, refers_to=key if prompted else None)
        self.recorder.store(session, job, to_store, user=work.user, where=where)

    def answered(self, session: Session, work: AnswerQuestion, job: Job) -> None:
        """The owner answered a question of a receipt: the field stored as they said (the
        answer it completes kept as history), the receipt redrawn without the question."""
        initiative = self._answering(session, job, work.user, work.initiative_id, work.response_url)
        if initiative is None or initiative.id is None:
            return
        current = checkins.current(session=session, initiative_id=initiative.id, period=work.period)
        if current is None:
            return
        answer = Answer(
            status=Status(current.status) if current.status else None,
            progress=current.progress,
            kpi_value=current.kpi_value,
            blockers=current.blockers,
            decision_request=None,  # already queued with the answer it completes
            highlights=current.highlights,
        )
        field = work.field.removeprefix("drop:")
        if not work.field.startswith("drop:"):  # "neither": the question goes, nothing stored
            try:
                answer = _with(answer, field, work.value)
            except ValueError:
                return
        asked = {k: v for k, v in current.asked.items() if k not in (field, "progress_or_kpi")}
        again = ToStore(
            initiative,
            work.period,
            answer,
            current.source,
            asked=asked,
            raw_text=current.raw_text,
            ts=current.message_ts,
        )
        where = Where(current.channel or work.channel)
        self.recorder.store(session, job, [again], user=work.user, where=where, receipt=False)
        redrawn = self.recorder.receipt_now(session, work.user, work.shown, work.period)
        if redrawn is not None:
            enqueue(
                session,
                keys.receipt_redraw(job.key),
                update(redrawn, channel=work.channel, ts=work.message_ts),
                now=job.received_at,
                lane=Lane.PERSON,
            )


def _with(answer: Answer, field: str, value: str) -> Answer:
    """`answer` with the owner's choice for `field`."""
    if field == "status":
        return replace(answer, status=Status(value))
    number = parse_number(value)
    if field == "progress":
        if not 0 <= number <= 100:
            raise ValueError(f"{value} is not a progress")
        return replace(answer, progress=int(number))
    if field == "kpi":
        return replace(answer, kpi_value=number)
    raise ValueError(f"no field {field}")
