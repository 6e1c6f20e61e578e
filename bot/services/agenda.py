"""The monthly arbitration committee: the polls past their deadline closed, then each
committee's queued requests put to it as polls, under an agenda message."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.blocks import agenda as blocks
from bot.blocks.agenda import AgendaLine
from bot.delivery import keys
from bot.delivery.outbox import Lane, enqueue
from bot.delivery.payloads import post
from bot.people import People
from bot.readers import Readers
from bot.services.polls import Polls
from bot.settings import Settings
from rituals.arbitration import agenda_item
from rituals.db import Database
from rituals.models import ArbitrationRequest, Decision
from rituals.periods import month_of
from rituals.registry import Ritual, RunResult
from rituals.store import initiatives, requests, runs


class AgendaRitual:
    def __init__(
        self, database: Database, settings: Settings, readers: Readers, people: People, polls: Polls
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people
        self.polls = polls

    def run(self, *, now: datetime, committee: str | None = None) -> RunResult:
        self.polls.close_due(now)
        period = month_of(now, self.settings.tz)
        deadline = self.polls.deadline(now)
        queued, first = 0, False
        with self.database.write() as session:
            for name in [committee] if committee else list(self.settings.config.committees):
                if not runs.note(
                    session=session,
                    ritual=Ritual.ARBITRATION,
                    period=period,
                    committee=name,
                    now=now,
                ):
                    continue
                first = True
                waiting = requests.waiting(session=session, committee=name)
                if waiting:
                    queued += self._agenda(session, name, period, waiting, now, deadline)
        return RunResult(Ritual.ARBITRATION, period, queued, first)

    def _agenda(
        self,
        session: Session,
        committee: str,
        period: str,
        waiting: list[ArbitrationRequest],
        now: datetime,
        deadline: datetime,
    ) -> int:
        words = self.readers.of_committee(committee)
        found = initiatives.by_ids(
            session=session, ids=[r.initiative_id for r in waiting if r.initiative_id is not None]
        )
        lines = []
        for r in waiting:
            if r.initiative_id is not None and r.initiative_id in found:
                initiative = found[r.initiative_id]
                lines.append(AgendaLine(initiative.title, initiative.owner, r.text))
            elif (decision := session.get(Decision, r.decision_id or 0)) is not None:
                # a decision overdue or to revisit: its question, and who follows it up
                owner = decision.follow_up_owner or decision.decided_by
                lines.append(AgendaLine(decision.question, owner, r.text))
        message = blocks.agenda(
            words,
            committee=committee,
            period=period,
            items=lines,
            deadline=deadline,
            who=self.people.named,
        )
        channel = self.settings.config.committees[committee].channel
        enqueue(session, keys.agenda(period, committee), post(channel, message), now=now)
        for request in waiting:
            item = agenda_item(request.text)
            options = item.options or blocks.standard_options(words, item.proposal)
            poll = self.polls.open_poll(
                session,
                committee=committee,
                question=item.question,
                options=options,
                created_by=request.requested_by,
                now=now,
                deadline=deadline,
                initiative_id=request.initiative_id,
                origin="queue",
                lane=Lane.RITUAL,
            )
            request.arbitration_id = poll.id
            session.add(request)
        return len(waiting) + 1
