"""Decisions as commitments: the daily scan asks the follow-up owner of a decision due this
week (in their weekly prompt, else in one DM within the noise budget), climbs an overdue one
up the ladder — follow-up owner, the CMO who decided, the committee's arbitration queue —
told once per level, resolves it when done, and asks the committee at its review date.

The rules live in `rituals.decisions`; the scan runs inside the daily escalation ritual's
transaction, and its messages go through the same noise budget."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.blocks import commitment as blocks
from bot.blocks.commitment import Followed
from bot.blocks.kit import MESSAGE_BLOCKS, Message
from bot.delivery import keys
from bot.people import People
from bot.readers import Readers
from bot.services.noise import Outgoing
from bot.settings import Settings
from bot.text import Mrkdwn, channel
from bot.words import Words
from rituals.decisions import (
    CAUSE,
    Commitment,
    OpenDecisionEscalation,
    asked_in_week,
    audiences,
    plan,
    queues_request,
    review_due,
)
from rituals.escalation import Audience, StepKind
from rituals.models import Decision, Escalation
from rituals.periods import bounds, week_of
from rituals.registry import Ritual, day_of
from rituals.store import decisions, outbox, runs


def commitment_of(decision: Decision, superseded: dict[int, int]) -> Commitment:
    assert decision.id is not None
    return Commitment(
        id=decision.id,
        follow_up_owner=decision.follow_up_owner,
        decided_by=decision.decided_by,
        due=decision.due,
        review_on=decision.review_on,
        done=bool(decision.carried_out),
        blocked=bool(decision.blocked_reason),
        deferred=decision.deferred,
        superseded=decision.id in superseded,
        reviewed=decision.reviewed_at is not None,
    )


def followed(decision: Decision) -> Followed:
    assert decision.id is not None
    return Followed(
        id=decision.id,
        question=decision.question,
        decision=decision.decision,
        due=decision.due,
        decided_at=decision.decided_at,
        decided_by=decision.decided_by,
        follow_up_owner=decision.follow_up_owner or "",
        committee=decision.committee,
        blocked=decision.blocked_reason,
    )


def queue_name(settings: Settings, words: Words, committee: str) -> Mrkdwn:
    """The committee's arbitration queue, as a message names it."""
    found = settings.config.committees.get(committee)
    if found is None:
        return words.md("escalation-queue-none")
    return words.md("escalation-queue", committee=channel(found.channel))


def week_start(tz: ZoneInfo, period: str) -> date:
    return bounds(period, tz)[0].astimezone(tz).date()


def in_prompt(session: Session, tz: ZoneInfo, person: str, period: str) -> list[Followed]:
    """The decisions `person` follows up that their weekly prompt asks about: due this week
    or earlier, not done, not superseded."""
    until = week_start(tz, period) + timedelta(days=6)
    found = decisions.followed_by(session=session, person=person, until=until)
    return [followed(d) for d in found]


class Commitments:
    def __init__(self, settings: Settings, readers: Readers, people: People) -> None:
        self.settings = settings
        self.readers = readers
        self.people = people

    def week_start(self, period: str) -> date:
        return week_start(self.settings.tz, period)

    def scan(self, session: Session, now: datetime, period: str) -> list[Outgoing]:
        """The day's steps of every decision, and what they say (not yet sent: the caller
        delivers them through the noise budget with its own)."""
        tz, today = self.settings.tz, now.astimezone(self.settings.tz).date()
        rows = {d.id: d for d in decisions.commitments(session=session) if d.id is not None}
        superseded = decisions.superseded_by(session=session, ids=list(rows))
        facts = {i: commitment_of(d, superseded) for i, d in rows.items()}
        standing = {e.id: e for e in decisions.escalations_open(session=session)}
        opened = [
            OpenDecisionEscalation(e.id, e.decision_id, e.level, week_of(e.raised_at, tz))
            for e in standing.values()
            if e.id is not None and e.decision_id is not None
        ]
        rules = self.settings.config.escalation
        outgoing: list[Outgoing] = []
        steps = plan(
            facts.values(),
            opened,
            today=today,
            period=period,
            raise_after_periods=rules.raise_after_periods,
        )
        for step in steps:
            if step.kind is StepKind.OPEN:
                session.add(
                    Escalation(
                        initiative_id=None,
                        decision_id=step.decision_id,
                        cause=CAUSE,
                        level=1,
                        notified_level=1,
                        opened_at=now,
                        raised_at=now,
                    )
                )
                outgoing += self._tell(session, rows[step.decision_id], 1, now, now)
                continue
            row = standing[step.escalation_id or 0]
            if step.kind is StepKind.RESOLVE:
                row.resolved_at, row.resolution = now, "cause gone"
            else:
                if row.notified_level < step.level:
                    decision = rows[step.decision_id]
                    outgoing += self._tell(session, decision, step.level, row.opened_at, now)
                row.level, row.raised_at = step.level, now
                row.notified_level = max(row.notified_level, step.level)
            session.add(row)
        outgoing += self._ask(session, rows, facts, now, period)
        outgoing += self._reviews(rows, facts, today)
        waiting = outbox.existing(session=session, keys=[o.key for o in outgoing])
        return [o for o in outgoing if o.key not in waiting]

    def _tell(
        self, session: Session, decision: Decision, level: int, opened: datetime, now: datetime
    ) -> list[Outgoing]:
        assert decision.id is not None
        shown = followed(decision)
        owner = decision.follow_up_owner or ""
        self.people.prefetch({owner, decision.decided_by})
        committee_words = self.readers.of_committee(decision.committee)
        if queues_request(level):
            text = blocks.request_text(committee_words, shown, owner=self.people.name(owner))
            decisions.queue_request(
                session=session, decision=decision, text=text, user=decision.decided_by, now=now
            )
        day = day_of(opened, self.settings.tz)
        told = []
        for recipient, audience in audiences(
            level, follow_up_owner=owner, decided_by=decision.decided_by
        ):
            words = self.readers.of_user(recipient)
            message = blocks.overdue(
                words,
                shown,
                audience,
                who=self.people.named,
                level=level,
                queue=queue_name(self.settings, words, decision.committee),
            )
            key = keys.decision_escalation(decision.id, day, level, recipient)
            told.append(Outgoing(recipient, audience, key, message, decision.initiative_id))
        return told

    def _ask(
        self,
        session: Session,
        rows: dict[int, Decision],
        facts: dict[int, Commitment],
        now: datetime,
        period: str,
    ) -> list[Outgoing]:
        """Follow-up owners with a decision due this week and no weekly prompt: one DM each,
        once the week's check-in has run (those with a prompt are asked in it)."""
        if not runs.has_run(session=session, ritual=Ritual.CHECKIN, period=period):
            return []
        start = self.week_start(period)
        due: dict[str, list[Decision]] = defaultdict(list)
        for decision_id, fact in sorted(facts.items()):
            if asked_in_week(fact, week_start=start) and fact.follow_up_owner:
                due[fact.follow_up_owner].append(rows[decision_id])
        prompted = decisions.prompted(session=session, period=period, people=list(due))
        asking = []
        for person, theirs in sorted(due.items()):
            if person in prompted:
                continue
            message = blocks.asked(self.readers.of_user(person), [followed(d) for d in theirs])
            key = keys.decision_asked(period, person)
            asking.append(Outgoing(person, Audience.OWNER, key, message))
        return asking

    def _reviews(
        self, rows: dict[int, Decision], facts: dict[int, Commitment], today: date
    ) -> list[Outgoing]:
        """At its review date, one message in the committee's channel."""
        asking = []
        for decision_id, fact in sorted(facts.items()):
            decision = rows[decision_id]
            found = self.settings.config.committees.get(decision.committee)
            if not review_due(fact, today=today) or found is None:
                continue
            words = self.readers.of_committee(decision.committee)
            message = blocks.review(words, followed(decision), who=self.people.named)
            key = keys.decision_review(decision_id)
            asking.append(Outgoing(found.channel, Audience.CHANNEL, key, message))
        return asking


def on_reminder(
    session: Session, tz: ZoneInfo, person: str, period: str, message: Message, words: Words
) -> Message:
    """The reminder also asks about the decisions due this week that were recorded after
    the person's prompt was drawn (the prompt asked about the others)."""
    asked = decisions.prompt_sent_at(session=session, period=period, person=person)
    if asked is None:
        return message
    late = [f for f in in_prompt(session, tz, person, period) if f.decided_at > asked]
    extra = blocks.follow_ups(words, late[:5])
    if not extra or len(message.blocks) + len(extra) > MESSAGE_BLOCKS:
        return message
    return Message(message.text, (*message.blocks, *extra))
