"""The decision log: recording a committee's decision, showing each person the recent ones they
may see, following it up."""

from __future__ import annotations

from sqlmodel import Session

from bot.blocks import checkin as checkin_blocks
from bot.blocks import decision as blocks
from bot.blocks import kit
from bot.blocks import poll as poll_blocks
from bot.blocks.decision import DecisionEntry
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import enqueue
from bot.delivery.payloads import post
from bot.people import People
from bot.readers import Readers
from bot.services.forms import Forms, tell
from bot.services.polls import Polls
from bot.settings import Settings
from bot.text import clip
from bot.work import FollowDecision, ListDecisions, OpenDecisionForm, RecordDecision
from rituals.absence import may_answer
from rituals.arbitration import result
from rituals.models import Arbitration, Decision, Initiative
from rituals.store import decisions, initiatives, polls
from rituals.visibility import Sight, sight_of

RECENT = 10


def entry(decision: Decision, initiative: Initiative | None) -> DecisionEntry:
    tally = decision.tally or {}
    return DecisionEntry(
        question=decision.question,
        decision=None if decision.deferred else decision.decision,
        decided_by=decision.decided_by,
        decided_at=decision.decided_at,
        committee=decision.committee,
        rationale=decision.rationale,
        follow_up=decision.follow_up_owner,
        due=decision.due,
        initiative=initiative.title if initiative else None,
        voted=int(tally.get("voted", 0)),
        members=int(tally.get("members", 0)),
        carried_out=decision.carried_out,
    )


class Decisions:
    def __init__(
        self, settings: Settings, readers: Readers, people: People, forms: Forms, polls: Polls
    ) -> None:
        self.settings = settings
        self.readers = readers
        self.people = people
        self.forms = forms
        self.polls = polls

    def open_form(self, session: Session, work: OpenDecisionForm, job: Job) -> None:
        words = self.readers.of_user(work.user)
        poll = session.get(Arbitration, work.poll_id)
        if not self.settings.is_cmo(work.user) or poll is None:
            tell(session, job, work.user, work.response_url, poll_blocks.notice(words, "not_cmo"))
            return
        view = blocks.form(words, self.polls.card(session, poll))
        self.forms.open(session, job, work.user, work.response_url, work.trigger_id, view)

    def record(self, session: Session, work: RecordDecision, job: Job) -> None:
        """Store the decision (once per poll; a second record updates it), close the poll if
        it is still open, and post the decision in the committee's channel."""
        now = job.received_at
        poll = session.get(Arbitration, work.poll_id)
        if poll is None or poll.id is None or not self.settings.is_cmo(work.user):
            return
        outcome = result(
            len(poll.options),
            polls.votes(session=session, poll_id=poll.id),
            self.polls.members(poll.committee),
        )
        decision = decisions.of_poll(session=session, poll_id=poll.id) or Decision(
            arbitration_id=poll.id,
            committee=poll.committee,
            question=poll.question,
            decided_by=work.user,
            decision="",
            decided_at=now,
        )
        option = (
            work.option if work.option is None or 0 <= work.option < len(poll.options) else None
        )
        decision.initiative_id = poll.initiative_id
        decision.option, decision.deferred = option, option is None
        decision.decision = "" if option is None else poll.options[option]
        decision.rationale = work.rationale
        decision.follow_up_owner = work.follow_up_owner
        decision.due = work.due
        decision.decided_by, decision.decided_at = work.user, now
        decision.tally = {
            "options": poll.options,
            "counts": list(outcome.tally.counts),
            "voted": outcome.tally.voted,
            "members": outcome.tally.members,
        }
        session.add(decision)
        self.polls.close_poll(session, poll, by=work.user, now=now)
        session.flush()
        assert decision.id is not None
        linked = (
            initiatives.get(session=session, initiative_id=poll.initiative_id)
            if poll.initiative_id
            else None
        )
        words = self.readers.of_committee(poll.committee)
        notice = blocks.notice(words, entry(decision, linked), who=self.people.named)
        channel = self.settings.config.committees[poll.committee].channel
        enqueue(
            session,
            keys.decision_posted(decision.id, job.key),
            post(channel, notice),
            now=now,
            initiative_id=poll.initiative_id,
        )

    def sight(self, user: str) -> Sight:
        """What `user` may see of the log: their committees' and initiatives' (a CMO: all)."""
        config = self.settings.config
        members = {name: c.members for name, c in config.committees.items()}
        return sight_of(user, cmos=config.cmo, members=members)

    def list(self, session: Session, work: ListDecisions, job: Job) -> None:
        """/decisions: the recent decisions the person may see, and which ones those are."""
        sight = self.sight(work.user)
        recent, total = decisions.visible(session=session, sight=sight, limit=RECENT)
        linked = initiatives.by_ids(
            session=session, ids=[d.initiative_id for d in recent if d.initiative_id]
        )
        entries = [entry(d, linked.get(d.initiative_id or 0)) for d in recent]
        message = blocks.decisions(
            self.readers.of_user(work.user),
            entries,
            who=self.people.named,
            more=total - len(entries),
            scope=blocks.Scope(everything=sight.everything, committees=sight.committees),
        )
        tell(session, job, work.user, work.response_url, message)

    def follow(self, session: Session, work: FollowDecision, job: Job) -> None:
        """The owner (or the follow-up owner) says whether the decision is carried out."""
        words = self.readers.of_user(work.user)
        decision = session.get(Decision, work.decision_id)
        if decision is None:
            tell(
                session,
                job,
                work.user,
                work.response_url,
                checkin_blocks.notice(words, "unknown-initiative"),
            )
            return
        today = job.received_at.astimezone(self.settings.tz).date()
        initiative = (
            initiatives.get(session=session, initiative_id=decision.initiative_id)
            if decision.initiative_id
            else None
        )
        allowed = work.user == decision.follow_up_owner or self.settings.is_cmo(work.user)
        allowed = allowed or (
            initiative is not None and may_answer(session, initiative, user=work.user, today=today)
        )
        if not allowed:
            refused = words.md("decision-followed-not-yours")
            tell(session, job, work.user, work.response_url, _plain(refused))
            return
        decision.carried_out = work.done
        decision.carried_out_at = job.received_at if work.done else None
        session.add(decision)
        said = "decision-followed-done" if work.done else "decision-followed-not-yet"
        text = words.md(said, question=clip(decision.question, 200))
        tell(session, job, work.user, work.response_url, _plain(text))


def _plain(text: str) -> kit.Message:
    return kit.message(text, kit.section(text))
