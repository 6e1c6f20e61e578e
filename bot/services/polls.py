"""Committee polls: opening (one use case, from `/arbitrate` and its form alike), voting,
closing. The poll message is drawn when it is sent, so a burst of votes becomes one
`chat.update` showing the latest tally.

Past 300 lines: a poll's whole life (open, consult, vote, secret ballot, close, quorum)
shares its loading and drawing; the consult round and the nudge already live apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from bot.blocks import arbitrate as arbitrate_blocks
from bot.blocks import poll as blocks
from bot.blocks.poll import PollCard
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import Lane, enqueue, redraw_home, redraw_poll
from bot.delivery.payloads import post, respond
from bot.ids import PollModalState
from bot.people import People
from bot.readers import Readers
from bot.services.forms import Forms, tell
from bot.settings import Settings
from bot.work import CastVote, ClosePoll, OpenArbitrateForm, OpenPoll
from rituals.arbitration import Result, VoteChange, default_deadline, result, vote_change
from rituals.ballot import Quorum, counted_members, new_secret, tally_of, voter_key
from rituals.db import Database
from rituals.models import Arbitration, Decision, Vote
from rituals.periods import quarter_of
from rituals.store import consultations, decisions, inbox, initiatives, polls

REDRAW_DEBOUNCE = timedelta(milliseconds=400)


def secret_work(work: CastVote) -> dict[str, Any]:
    """A secret ballot's vote as its inbox row keeps it once done: neither voter nor choice."""
    return CastVote(user="", poll_id=work.poll_id, option=-1).model_dump(mode="json")


class Polls:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        readers: Readers,
        people: People,
        forms: Forms,
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people
        self.forms = forms
        # set by the composition root: asks a poll's Consulted first; True when it waits
        self.consult: Callable[[Session, Arbitration, datetime], bool] | None = None

    def members(self, committee: str) -> list[str]:
        found = self.settings.config.committees.get(committee)
        return list(found.members) if found else []

    def quorum(self, committee: str) -> float | None:
        found = self.settings.config.committees.get(committee)
        return found.quorum if found else None

    def deadline(self, now: datetime) -> datetime:
        """When a poll opened at `now` closes by default: the configured hours, of working
        days and within working hours unless `arbitration.working_days` is off."""
        rules = self.settings.config.arbitration
        if rules.working_days:
            return self.settings.workweek.after(now, rules.deadline_hours)
        return default_deadline(now, hours=rules.deadline_hours)

    def counted(self, session: Session, poll: Arbitration) -> Result:
        """The poll's result from its stored votes (a secret ballot's under their hashes)."""
        assert poll.id is not None
        votes = polls.votes(session=session, poll_id=poll.id)
        members = self.members(poll.committee)
        if poll.anonymous:
            members = counted_members(
                members,
                [voter for voter, _ in votes],
                secret=poll.ballot_secret,
                closed=poll.closed_at is not None,
            )
        return result(len(poll.options), votes, members)

    def card(self, session: Session, poll: Arbitration) -> PollCard:
        assert poll.id is not None
        outcome = self.counted(session, poll)
        initiative = (
            initiatives.get(session=session, initiative_id=poll.initiative_id)
            if poll.initiative_id
            else None
        )
        committee = self.settings.config.committees.get(poll.committee)
        card = PollCard.of(
            outcome,
            id=poll.id,
            committee=poll.committee,
            channel=committee.channel if committee else "",
            question=poll.question,
            options=poll.options,
            deadline=poll.deadline,
            closed=poll.closed_at is not None,
            anonymous=poll.anonymous,
            hidden=poll.hidden,
            quorum=Quorum(poll.quorum, outcome.tally.members, outcome.tally.voted).needed,
            context=poll.context,
            initiative=initiative.title if initiative else None,
            owner=initiative.owner if initiative else None,
        )
        # the RACI's Consulted: what they said before it opened (bot/services/consult.py)
        return replace(card, views=tuple(consultations.said(session=session, poll_id=poll.id)))

    def draw(self, session: Session, ref: str) -> dict[str, Any]:
        """The poll message as it stands now (the outbox's drawer of `poll` redraws)."""
        poll = session.get(Arbitration, int(ref))
        assert poll is not None
        words = self.readers.of_committee(poll.committee)
        return blocks.message(words, self.card(session, poll), who=self.people.named).payload()

    # -- opening ---------------------------------------------------------------------

    def open_form(self, session: Session, work: OpenArbitrateForm, job: Job) -> None:
        now = job.received_at
        committees = list(self.settings.config.committees)
        view = arbitrate_blocks.form(
            self.readers.of_user(work.user),
            committees=committees,
            committee=work.committee or next(iter(committees), None),
            deadline=self.deadline(now),
            state=PollModalState(channel=work.channel, response_url=work.response_url),
            initiatives=initiatives.titles(
                session=session, quarter=quarter_of(now, self.settings.tz)
            ),
        )
        self.forms.open(session, job, work.user, work.response_url, work.trigger_id, view)

    def open(self, session: Session, work: OpenPoll, job: Job) -> None:
        """A CMO's question: the poll posted to the committee, the CMO told where and until when."""
        now = job.received_at
        if (
            not self.settings.is_cmo(work.user)
            or work.committee not in self.settings.config.committees
        ):
            tell(
                session,
                job,
                work.user,
                work.response_url,
                arbitrate_blocks.refused(self.readers.of_user(work.user)),
            )
            return
        deadline = work.deadline or self.deadline(now)
        poll = self.open_poll(
            session,
            committee=work.committee,
            question=work.question,
            options=work.options,
            created_by=work.user,
            now=now,
            deadline=deadline,
            anonymous=work.anonymous,
            hidden=work.hidden,
            context=work.context,
            initiative_id=work.initiative_id,
            origin=work.origin,
        )
        posted = arbitrate_blocks.posted(
            self.readers.of_user(work.user),
            channel_id=self.settings.config.committees[work.committee].channel,
            deadline=poll.deadline,  # later than asked when its Consulted are asked first
            question=poll.question,
            options=len(poll.options),
            anonymous=poll.anonymous,
            hidden=poll.hidden,
        )
        tell(session, job, work.user, work.response_url, posted)

    def open_poll(
        self,
        session: Session,
        *,
        committee: str,
        question: str,
        options: tuple[str, ...] | list[str],
        created_by: str,
        now: datetime,
        deadline: datetime,
        anonymous: bool = False,
        hidden: bool = False,
        context: str | None = None,
        initiative_id: int | None = None,
        origin: str = "command",
        lane: Lane = Lane.PERSON,
    ) -> Arbitration:
        """Store the poll and queue its message in the committee's channel (a CMO's question
        is an answer to what they just did; the monthly agenda's polls are a ritual's)."""
        poll = Arbitration(
            committee=committee,
            question=question,
            options=list(options),
            context=context,
            initiative_id=initiative_id,
            anonymous=anonymous,
            hidden=hidden,
            ballot_secret=new_secret() if anonymous else None,
            quorum=self.quorum(committee),
            origin=origin,
            created_by=created_by,
            created_at=now,
            deadline=deadline,
        )
        session.add(poll)
        session.flush()
        assert poll.id is not None
        poll.message_key = keys.poll(poll.id)
        session.add(poll)
        if self.consult is not None and self.consult(session, poll, now):
            return poll  # its Consulted are asked first: it opens when their round ends
        words = self.readers.of_committee(committee)
        message = blocks.message(words, self.card(session, poll), who=self.people.named)
        channel = self.settings.config.committees[committee].channel
        enqueue(session, poll.message_key, post(channel, message), now=now, lane=lane)
        return poll

    # -- votes and closing -----------------------------------------------------------

    def vote(self, session: Session, work: CastVote, job: Job) -> None:
        now = job.received_at
        poll = session.get(Arbitration, work.poll_id)
        if poll is None:
            return
        voter = voter_key(poll.ballot_secret, work.user) if poll.ballot_secret else work.user
        previous = polls.vote_of(session=session, poll_id=work.poll_id, voter=voter)
        change = vote_change(
            previous.option if previous else None,
            work.option,
            options=len(poll.options),
            member=work.user in self.members(poll.committee),
            closed=poll.closed_at is not None,
        )
        if change is VoteChange.UNKNOWN:
            return
        # a secret ballot's vote bears no time of its own: times would tie it to the click
        when = poll.created_at if poll.anonymous else now
        if change.counts:
            vote = previous or Vote(
                arbitration_id=work.poll_id, voter=voter, option=work.option, voted_at=when
            )
            vote.option, vote.voted_at = work.option, when
            session.add(vote)
            session.flush()
            redraw_poll(session, work.poll_id, now=now, delay=REDRAW_DEBOUNCE)
            if not poll.anonymous:  # a Home redrawn at the vote's instant would time it
                redraw_home(session, work.user, now=now)  # the poll leaves what they owe
        if poll.anonymous:
            inbox.forget_voter(session=session, key=job.key, payload=secret_work(work))
        told = blocks.vote_told(
            self.readers.of_user(work.user),
            change.value,  # type: ignore[arg-type]  # UNKNOWN returned above
            option=work.option,
            text=poll.options[work.option],
            committee=poll.committee,
            secret=poll.anonymous and change.counts,
        )
        if poll.anonymous:  # what they chose, to them alone, and gone from the outbox once sent
            url = work.response_url
            payload = respond(url, told) if url else post(work.user, told)
            enqueue(session, keys.ballot_receipt(job.key), payload, now=now, lane=Lane.PERSON)
            return
        tell(session, job, work.user, work.response_url, told)

    def close(self, session: Session, work: ClosePoll, job: Job) -> None:
        """A CMO's Close now."""
        poll = session.get(Arbitration, work.poll_id)
        if poll is None:
            return
        words = self.readers.of_user(work.user)
        if not self.settings.is_cmo(work.user):
            tell(session, job, work.user, work.response_url, blocks.notice(words, "not_cmo"))
        elif not self.close_poll(session, poll, by=work.user, now=job.received_at):
            tell(session, job, work.user, work.response_url, blocks.notice(words, "already"))

    def close_poll(
        self, session: Session, poll: Arbitration, *, by: str | None, now: datetime
    ) -> bool:
        """The poll's message becomes its result; the CMO is offered to record the decision.
        False when it was closed already."""
        if poll.closed_at is not None:
            return False
        assert poll.id is not None
        poll.closed_at, poll.closed_by = now, by
        poll.ballot_secret = None  # the secret ballot's hashes can no longer be tied to anyone
        session.add(poll)
        session.flush()
        redraw_poll(session, poll.id, now=now)
        card = self.card(session, poll)
        if card.no_quorum:
            self.defer(session, poll, by=by, now=now)
        for cmo in [by] if by else (self.settings.config.cmo or [poll.created_by]):
            message = blocks.closed_notice(self.readers.of_user(cmo), card)
            enqueue(
                session, keys.decide(poll.id, cmo), post(cmo, message), now=now, lane=Lane.PERSON
            )
        return True

    def defer(self, session: Session, poll: Arbitration, *, by: str | None, now: datetime) -> None:
        """Below the quorum, the decision log says the decision is deferred (until the CMO
        records one anyway, which replaces this entry and keeps its `no_quorum`)."""
        assert poll.id is not None
        if decisions.of_poll(session=session, poll_id=poll.id) is not None:
            return
        outcome = self.counted(session, poll)
        deferred = Decision(
            arbitration_id=poll.id,
            committee=poll.committee,
            initiative_id=poll.initiative_id,
            question=poll.question,
            decision="",
            deferred=True,
            no_quorum=True,
            decided_by=by or poll.created_by,
            tally=tally_of(poll, outcome),
            decided_at=now,
        )
        session.add(deferred)

    def close_due(self, now: datetime) -> int:
        """Close every poll whose deadline has passed as of `now`; how many were closed."""

        def work(session: Session) -> int:
            return sum(
                self.close_poll(session, poll, by=None, now=now)
                for poll in polls.due(session=session, now=now)
            )

        return self.database.run(work)
