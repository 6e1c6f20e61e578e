"""The one nudge of a poll: a working day before it closes, each member who has not voted is
reminded once, inside the noise budget (past it, the nudge rides on their next message).

The poll's `nudged_at` and one outbox key per member make it once, whatever the number of
runs (the ritual looks every hour) or replicas.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.blocks import poll as blocks
from bot.delivery import keys
from bot.readers import Readers
from bot.services.noise import Budget, Outgoing
from bot.services.polls import Polls
from bot.settings import Settings
from rituals.ballot import NUDGE_BEFORE, keys_of, nudge_due
from rituals.db import Database
from rituals.escalation import Audience
from rituals.models import Arbitration
from rituals.periods import week_of
from rituals.registry import Ritual, RunResult, spec_of
from rituals.store import polls, runs


class PollNudge:
    def __init__(
        self, database: Database, settings: Settings, readers: Readers, polls: Polls, budget: Budget
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.polls = polls
        self.budget = budget

    def nudge_at(self, poll: Arbitration) -> datetime:
        """A working day before the deadline (a plain day when working days are off)."""
        if self.settings.config.arbitration.working_days:
            return self.settings.workweek.before(poll.deadline, NUDGE_BEFORE)
        return poll.deadline - timedelta(hours=NUDGE_BEFORE)

    def run(self, *, now: datetime, committee: str | None = None) -> RunResult:
        tz = self.settings.tz
        period = spec_of(Ritual.NUDGE).period_of(now, tz)

        def work(session: Session) -> RunResult:
            first = runs.note(
                session=session, ritual=Ritual.NUDGE, period=period, committee="", now=now
            )
            outgoing: list[Outgoing] = []
            for poll in polls.to_nudge(session=session, now=now):
                if committee is not None and poll.committee != committee:
                    continue
                due = nudge_due(
                    created_at=poll.created_at,
                    nudge_at=self.nudge_at(poll),
                    deadline=poll.deadline,
                    now=now,
                )
                if due:
                    outgoing += self.nudges(session, poll, now=now)
            queued = self.budget.deliver(session, outgoing, week=week_of(now, tz), now=now)
            return RunResult(Ritual.NUDGE.value, period, queued, first)

        return self.database.run(work)

    def nudges(self, session: Session, poll: Arbitration, *, now: datetime) -> list[Outgoing]:
        """The poll marked nudged, and one nudge for each member who has not voted."""
        assert poll.id is not None
        poll.nudged_at = now
        session.add(poll)
        committee = self.settings.config.committees.get(poll.committee)
        if committee is None:
            return []
        voted = {voter for voter, _ in polls.votes(session=session, poll_id=poll.id)}
        named = keys_of(poll.ballot_secret, committee.members)
        return [
            Outgoing(
                member,
                Audience.OWNER,  # folded into their next message past the budget
                keys.poll_nudge(poll.id, member),
                blocks.nudge(
                    self.readers.of_user(member),
                    question=poll.question,
                    committee=poll.committee,
                    channel_id=committee.channel,
                    deadline=poll.deadline,
                ),
                initiative_id=poll.initiative_id,
            )
            for member, key in named.items()
            if key not in voted
        ]
