"""The decision log: recording a committee's decision, showing each person the recent ones they
may see, following it up.

Past 300 lines: recording, listing (with who may see what) and the follow-up answers of
the decision log; the commitments ladder is in `commitments.py`.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from bot.blocks import checkin as checkin_blocks
from bot.blocks import commitment as commitment_blocks
from bot.blocks import decision as blocks
from bot.blocks import kit
from bot.blocks import poll as poll_blocks
from bot.blocks.decision import DecisionEntry
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import Lane, enqueue
from bot.delivery.payloads import post, update
from bot.people import People
from bot.readers import Readers
from bot.services.commitments import commitment_of, followed, queue_name
from bot.services.forms import Forms, tell
from bot.services.polls import Polls
from bot.settings import Settings
from bot.text import clip, plain
from bot.work import (
    FollowDecision,
    ListDecisions,
    OpenDecisionBlocked,
    OpenDecisionForm,
    RecordDecision,
    ReviewDecision,
)
from rituals.absence import may_answer
from rituals.ballot import quorum_of, tally_of
from rituals.decisions import ReviewOutcome, status_of
from rituals.models import Arbitration, Decision, Initiative
from rituals.store import decisions, initiatives
from rituals.visibility import Sight, sight_of

RECENT = 10
SUPERSEDABLE = 50  # the committee's latest decisions a new one may supersede
DATE_PAST = "decision-followed-date-past"
REVIEWED = "decision-reviewed-already"


def entry(
    decision: Decision,
    initiative: Initiative | None,
    *,
    superseded_by: int | None = None,
    today: date | None = None,
) -> DecisionEntry:
    tally = decision.tally or {}
    status = None
    if today is not None:
        superseded = {decision.id or 0: superseded_by} if superseded_by else {}
        status = status_of(commitment_of(decision, superseded), today=today)
    return DecisionEntry(
        id=decision.id,
        supersedes=decision.supersedes_id,
        superseded_by=superseded_by,
        review_on=decision.review_on,
        blocked=decision.blocked_reason,
        status=status,
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
        no_quorum=decision.no_quorum,
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
        earlier = [
            (d.id, d.decision)
            for d in decisions.of_committee(
                session=session, committee=poll.committee, limit=SUPERSEDABLE
            )
            if d.id is not None and d.arbitration_id != poll.id
        ]
        view = blocks.form(words, self.polls.card(session, poll), earlier=earlier)
        self.forms.open(session, job, work.user, work.response_url, work.trigger_id, view)

    def record(self, session: Session, work: RecordDecision, job: Job) -> None:
        """Store the decision (once per poll; a second record updates it), close the poll if
        it is still open, and post the decision in the committee's channel."""
        now = job.received_at
        poll = session.get(Arbitration, work.poll_id)
        if poll is None or poll.id is None or not self.settings.is_cmo(work.user):
            return
        outcome = self.polls.counted(session, poll)
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
        decision.review_on = work.review_on
        earlier = session.get(Decision, work.supersedes_id) if work.supersedes_id else None
        if (
            earlier is not None
            and earlier.committee == poll.committee
            and earlier.id != decision.id
        ):
            decision.supersedes_id = earlier.id
            decisions.resolve(
                session=session, decision_id=earlier.id or 0, now=now, resolution="superseded"
            )
        decision.decided_by, decision.decided_at = work.user, now
        decision.tally = tally_of(poll, outcome)
        # recorded though the committee's quorum was not reached: the log says so
        decision.no_quorum = not quorum_of(poll, outcome).met
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
        later = decisions.superseded_by(session=session, ids=[d.id for d in recent if d.id])
        today = job.received_at.astimezone(self.settings.tz).date()
        entries = [
            entry(
                d, linked.get(d.initiative_id or 0), superseded_by=later.get(d.id or 0), today=today
            )
            for d in recent
        ]
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
        if not self.may_follow(session, decision, work.user, today):
            refused = words.md("decision-followed-not-yours")
            tell(session, job, work.user, work.response_url, _plain(refused))
            return
        question = clip(decision.question, 200)
        if work.new_due is not None and work.new_due < today:
            tell(session, job, work.user, work.response_url, _plain(words.md(DATE_PAST)))
            return
        now = job.received_at
        if work.done or work.new_due is not None:
            decision.blocked_reason, decision.blocked_at = None, None
        if work.done:
            decisions.resolve(
                session=session, decision_id=decision.id or 0, now=now, resolution="done"
            )
        elif work.new_due is not None:
            decision.due = work.new_due
            decisions.resolve(
                session=session, decision_id=decision.id or 0, now=now, resolution="new date"
            )
        elif work.blocked:
            decision.blocked_reason, decision.blocked_at = work.blocked, now
        decision.carried_out = work.done
        decision.carried_out_at = now if work.done else None
        session.add(decision)
        if work.new_due is not None:
            text = words.md("decision-followed-new-date", due=work.new_due, question=question)
        elif work.blocked and not work.done:
            reason = clip(work.blocked, 300)
            text = words.md("decision-followed-blocked", reason=reason, question=question)
        else:
            said = "decision-followed-done" if work.done else "decision-followed-not-yet"
            text = words.md(said, question=question)
        tell(session, job, work.user, work.response_url, _plain(text))

    def may_follow(self, session: Session, decision: Decision, user: str, today: date) -> bool:
        """The follow-up owner, the CMO, or who answers for the decision's initiative."""
        if user == decision.follow_up_owner or self.settings.is_cmo(user):
            return True
        initiative = (
            initiatives.get(session=session, initiative_id=decision.initiative_id)
            if decision.initiative_id
            else None
        )
        return initiative is not None and may_answer(session, initiative, user=user, today=today)

    def open_blocked(self, session: Session, work: OpenDecisionBlocked, job: Job) -> None:
        """Blocked: the form asking what blocks the decision."""
        words = self.readers.of_user(work.user)
        decision = session.get(Decision, work.decision_id)
        today = job.received_at.astimezone(self.settings.tz).date()
        if decision is None or not self.may_follow(session, decision, work.user, today):
            refused = words.md("decision-followed-not-yours")
            tell(session, job, work.user, work.response_url, _plain(refused))
            return
        view = commitment_blocks.blocked_form(words, followed(decision))
        self.forms.open(session, job, work.user, work.response_url, work.trigger_id, view)

    def review(self, session: Session, work: ReviewDecision, job: Job) -> None:
        """Keep / Revisit at the review date, by a member of the committee (or a CMO): once;
        a revisit puts the decision on the committee's arbitration queue."""
        words = self.readers.of_user(work.user)
        decision = session.get(Decision, work.decision_id)
        if decision is None or decision.id is None:
            tell(session, job, work.user, work.response_url, _plain(words.md(REVIEWED)))
            return
        committee = self.settings.config.committees.get(decision.committee)
        members = committee.members if committee is not None else []
        if work.user not in members and not self.settings.is_cmo(work.user):
            refused = words.md("decision-review-not-member", committee=clip(decision.committee, 80))
            tell(session, job, work.user, work.response_url, _plain(refused))
            return
        if decision.reviewed_at is not None:
            tell(session, job, work.user, work.response_url, _plain(words.md(REVIEWED)))
            return
        now = job.received_at
        decision.reviewed_at = now
        decision.review_outcome = ReviewOutcome.KEEP if work.keep else ReviewOutcome.REVISIT
        session.add(decision)
        channel_words = self.readers.of_committee(decision.committee)
        shown = followed(decision)
        if not work.keep:
            text = channel_words.text(
                "decision-review-request",
                question=decision.question,
                decision=decision.decision,
                date=decision.decided_at.astimezone(self.settings.tz).date(),
            )
            decisions.queue_request(
                session=session, decision=decision, text=plain(text, 2000), user=work.user, now=now
            )
        queue = queue_name(self.settings, channel_words, decision.committee)
        redrawn = commitment_blocks.reviewed(
            channel_words, shown, who=self.people.named, by=work.user, keep=work.keep, queue=queue
        )
        enqueue(
            session,
            keys.decision_reviewed(decision.id),
            update(redrawn),
            now=now,
            refers_to=keys.decision_review(decision.id),
            lane=Lane.PERSON,
        )
        mine = queue_name(self.settings, words, decision.committee)
        said = (
            words.md("decision-reviewed-keep")
            if work.keep
            else words.md("decision-reviewed-revisit", queue=mine)
        )
        tell(session, job, work.user, work.response_url, _plain(said))


def _plain(text: str) -> kit.Message:
    return kit.message(text, kit.section(text))
