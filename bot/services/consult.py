"""The consult round before a poll about an initiative: each of its Consulted is asked their
view, once; the poll opens when the round ends (`arbitration.consult_hours`, 48 h by
default) or as soon as all have answered, with what they said under its question. An
initiative with nobody Consulted has its polls open at once."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.blocks import consult as blocks
from bot.blocks import poll as poll_blocks
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import Lane, enqueue
from bot.delivery.payloads import post
from bot.people import People
from bot.readers import Readers
from bot.services.forms import Forms, tell
from bot.services.polls import Polls
from bot.settings import Settings
from bot.work import GiveView, OpenConsultForm
from rituals.db import Database
from rituals.models import Arbitration, Consultation
from rituals.periods import week_of
from rituals.registry import Ritual, RunResult, day_of
from rituals.store import consultations, initiatives, runs


class Consulting:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        readers: Readers,
        people: People,
        polls: Polls,
        forms: Forms,
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people
        self.polls = polls
        self.forms = forms

    def start(self, session: Session, poll: Arbitration, now: datetime) -> bool:
        """Before `poll` opens: ask the Consulted of its initiative, if any, and hold the
        poll until their round ends (its deadline moves as far). False: open it now."""
        hours = self.settings.config.arbitration.consult_hours
        if poll.initiative_id is None or poll.id is None or hours <= 0:
            return False
        initiative = initiatives.get(session=session, initiative_id=poll.initiative_id)
        asked = [p for p in dict.fromkeys(initiative.consulted if initiative else []) if p]
        if initiative is None or not asked:
            return False
        until = self._after(now, hours)
        poll.consult_until = until
        poll.deadline = self._moved(poll.deadline, since=now, to=until)
        session.add(poll)
        week = week_of(now, self.settings.tz)
        for person in asked:
            session.add(Consultation(arbitration_id=poll.id, user=person, asked_at=now))
            message = blocks.ask(
                self.readers.of_user(person),
                poll_id=poll.id,
                who=self.people.named(poll.created_by),
                committee=poll.committee,
                title=initiative.title,
                question=poll.question,
                options=poll.options,
                opens=until,
            )
            enqueue(
                session,
                keys.consult(poll.id, person),
                post(person, message),
                now=now,
                initiative_id=initiative.id,
                noise=(person, week),
            )
        session.flush()
        return True

    def _after(self, now: datetime, hours: float) -> datetime:
        """`hours` from `now`, counted as poll deadlines are (working days and hours)."""
        if self.settings.config.arbitration.working_days:
            return self.settings.workweek.after(now, hours)
        return now + timedelta(hours=hours)

    def _moved(self, deadline: datetime, *, since: datetime, to: datetime) -> datetime:
        """A poll's deadline when it opens at `to` rather than `since`: the default deadline
        counted again from `to` (so it still falls on a working day); one a CMO chose moves
        by as much time."""
        if deadline == self.polls.deadline(since):
            return self.polls.deadline(to)
        return deadline + (to - since)

    def open_form(self, session: Session, work: OpenConsultForm, job: Job) -> None:
        poll = session.get(Arbitration, work.poll_id)
        asked = consultations.of(session=session, poll_id=work.poll_id, user=work.user)
        if poll is None or asked is None:
            return
        words = self.readers.of_user(work.user)
        if poll.consult_until is None:
            tell(session, job, work.user, work.response_url, blocks.told(words, taken=False))
            return
        view = blocks.form(words, poll_id=work.poll_id, question=poll.question)
        self.forms.open(session, job, work.user, work.response_url, work.trigger_id, view)

    def give(self, session: Session, work: GiveView, job: Job) -> None:
        """A view given: kept (the latest wins) while the round is on; the poll opens once
        every Consulted has answered."""
        now = job.received_at
        poll = session.get(Arbitration, work.poll_id)
        asked = consultations.of(session=session, poll_id=work.poll_id, user=work.user)
        if poll is None or asked is None:
            return
        words = self.readers.of_user(work.user)
        taken = poll.consult_until is not None and poll.closed_at is None
        if taken:
            asked.view, asked.answered_at = work.view, now
            session.add(asked)
            session.flush()
        tell(session, job, work.user, None, blocks.told(words, taken=taken))
        everyone = consultations.of_poll(session=session, poll_id=work.poll_id)
        if taken and all(c.answered_at is not None for c in everyone):
            self.open(session, poll, now, lane=Lane.PERSON)

    def open(self, session: Session, poll: Arbitration, now: datetime, lane: Lane) -> None:
        """The round is over: the poll posted in its committee's channel, with the views."""
        assert poll.id is not None and poll.consult_until is not None
        poll.deadline = self._moved(poll.deadline, since=poll.consult_until, to=now)
        poll.consult_until = None
        session.add(poll)
        session.flush()
        committee = self.settings.config.committees.get(poll.committee)
        if committee is None:
            return
        words = self.readers.of_committee(poll.committee)
        card = self.polls.card(session, poll)
        message = poll_blocks.message(words, card, who=self.people.named)
        enqueue(session, poll.message_key, post(committee.channel, message), now=now, lane=lane)

    def run(self, *, now: datetime, committee: str | None = None) -> RunResult:
        """Open every poll whose consult round has ended (the scheduler looks every hour)."""
        period = day_of(now, self.settings.tz)
        with self.database.write() as session:
            first = runs.note(
                session=session, ritual=Ritual.CONSULT, period=period, committee="", now=now
            )
            due = consultations.round_over(session=session, now=now)
            opened = 0
            for poll in due:
                if committee is None or poll.committee == committee:
                    self.open(session, poll, now, lane=Lane.RITUAL)
                    opened += 1
        return RunResult(Ritual.CONSULT, period, opened, first)
