"""Answers given by clicking: which initiative a free-text answer is about, No change or Skip
this week on a prompt, and the check-in form. Each checks that the person clicking answers
for the initiative; a refusal is told privately, and nothing is stored."""

from __future__ import annotations

from sqlmodel import Session

from bot.blocks import checkin as blocks
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import Lane, enqueue
from bot.delivery.payloads import update
from bot.services.forms import tell
from bot.services.recording import Recorder, Where
from bot.work import CheckinFormSubmitted, ChooseInitiative, PromptAnswer
from rituals.checkins import Answer
from rituals.models import PendingAnswer
from rituals.parse import Intent, ParsedUpdate, parse_update
from rituals.status import Status
from rituals.store import initiatives, outbox


class Clicks:
    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        self.readers = recorder.readers

    def chosen(self, session: Session, work: ChooseInitiative, job: Job) -> None:
        """The owner said which initiative a pending free-text answer is about; a second
        click on the question changes nothing."""
        waiting = session.get(PendingAnswer, work.pending_id)
        if waiting is None or waiting.author != work.user or waiting.resolved_at is not None:
            return
        words = self.readers.of_user(work.user)
        initiative = initiatives.get(session=session, initiative_id=work.initiative_id)
        if initiative is None or not self.recorder.may(
            session, initiative, work.user, job.received_at
        ):
            tell(session, job, work.user, work.response_url, blocks.notice(words, "not-yours"))
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
        self.recorder.apply(
            session,
            job,
            initiative,
            waiting.period,
            parse_update(waiting.text),
            user=work.user,
            source="message",
            where=Where(waiting.channel),
            raw_text=waiting.text,
            ts=waiting.message_ts,
        )

    def prompt_answer(self, session: Session, work: PromptAnswer, job: Job) -> None:
        """No change or Skip this week on a prompt; the note goes in its thread."""
        initiative = initiatives.get(session=session, initiative_id=work.initiative_id)
        if initiative is None or not self.recorder.may(
            session, initiative, work.user, job.received_at
        ):
            reason = "unknown-initiative" if initiative is None else "not-yours"
            words = self.readers.of_user(work.user)
            tell(session, job, work.user, work.response_url, blocks.notice(words, reason))
            return
        intent = Intent.SKIP if work.skip else Intent.NO_CHANGE
        self.recorder.apply(
            session,
            job,
            initiative,
            work.period,
            ParsedUpdate(intent=intent),
            user=work.user,
            source="button",
            where=Where(work.channel, thread_ts=work.message_ts),
        )

    def submitted(self, session: Session, work: CheckinFormSubmitted, job: Job) -> None:
        """The form, checked when it was submitted: stored, the receipt in the prompt's thread
        (in the DM when there was no prompt)."""
        initiative = initiatives.get(session=session, initiative_id=work.initiative_id)
        if initiative is None or not self.recorder.may(
            session, initiative, work.user, job.received_at
        ):
            words = self.readers.of_user(work.user)
            self.recorder.reply(session, job, Where(work.user), blocks.notice(words, "not-yours"))
            return
        key = keys.prompt(work.period, work.initiative_id)
        prompted = outbox.by_key(session=session, key=key) is not None
        answer = Answer(
            status=Status(work.status),
            progress=work.progress,
            kpi_value=work.kpi_value,
            blockers=work.blockers,
            decision_request=work.decision_request,
            highlights=work.highlights,
        )
        self.recorder.store(
            session,
            job,
            initiative,
            work.period,
            answer,
            user=work.user,
            source="modal",
            where=Where(channel=work.user, refers_to=key if prompted else None),
        )
