"""Dependencies between initiatives, in Slack: the provider's owner asked once (one DM within
the noise budget), their Accept or Refuse (a refusal, with its reason, queued for the
dependent initiative's committee), and the daily watch of providers in trouble, told to the
dependent's owner and both accountables once per change (folded past the budget).

Runs with the daily escalation scan (`also`): the same hour, the same noise budget.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime

from sqlmodel import Session

from bot.blocks import dependency as blocks
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import enqueue
from bot.delivery.payloads import post
from bot.people import People
from bot.readers import Readers
from bot.services.forms import Forms, tell
from bot.services.noise import Budget, Outgoing
from bot.settings import Settings
from bot.work import DecideDependency, RefuseDependency
from rituals.arbitration import committee_for
from rituals.db import Database
from rituals.dependencies import Provider, State, Watched, changes, told
from rituals.dependencies import at_risk_through as through
from rituals.escalation import Audience
from rituals.models import ArbitrationRequest, CheckIn, Dependency, Initiative
from rituals.owners import owns
from rituals.periods import quarter_of, week_of
from rituals.registry import RunResult, day_of
from rituals.status import Status
from rituals.store import checkins, outbox
from rituals.store import dependencies as store

RitualJob = Callable[..., RunResult]


def also(first: RitualJob, then: RitualJob) -> RitualJob:
    """A ritual job that runs `first`, then `then` at the same moment, counting both."""

    def both(*, now: datetime, committee: str | None = None) -> RunResult:
        done = first(now=now, committee=committee)
        more = then(now=now, committee=committee)
        return RunResult(done.ritual, done.period, done.queued + more.queued, done.first_run)

    return both


def at_risk_through(
    session: Session, *, dependent_ids: list[int], today: date
) -> dict[int, tuple[str, ...]]:
    """Each of these initiatives at risk through a dependency: the titles of its providers
    in trouble today (for the digest)."""
    found = store.of_dependents(session=session, dependent_ids=dependent_ids)
    latest = checkins.latest_of(
        session=session, initiative_ids=sorted({b.id for _, _, b in found if b.id})
    )
    links = [
        (d.dependent_id, d.state, b.title, _provider(b, latest, d.needed_by)) for d, _, b in found
    ]
    return through(links, today=today)


def _provider(
    initiative: Initiative, latest: dict[int, CheckIn], needed_by: date | None
) -> Provider:
    answer = latest.get(initiative.id or 0)
    blocked = bool(answer and answer.blockers and answer.status != Status.DONE)
    return Provider(status=initiative.status, blocked=blocked, needed_by=needed_by)


class Dependencies:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        readers: Readers,
        people: People,
        budget: Budget,
        forms: Forms,
    ) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers
        self.people = people
        self.budget = budget
        self.forms = forms

    # -- the daily run ------------------------------------------------------------------

    def run(self, *, now: datetime, committee: str | None = None) -> RunResult:
        """Ask what was never asked, then tell what changed; idempotent by the rows' own
        `asked_at` and `last_alert`."""
        tz = self.settings.tz
        week, quarter = week_of(now, tz), quarter_of(now, tz)
        with self.database.write() as session:
            queued = self.ask(session, now=now, week=week)
            queued += self.watch(session, now=now, week=week, quarter=quarter)
        return RunResult("dependencies", day_of(now, tz), queued, True)

    def ask_now(self, *, now: datetime) -> int:
        """`ask`, on its own: right after a roadmap import."""
        with self.database.write() as session:
            return self.ask(session, now=now, week=week_of(now, self.settings.tz))

    def ask(self, session: Session, *, now: datetime, week: str) -> int:
        """One DM per provider's owner with every dependency not yet put to them, when their
        week's budget of unsolicited DMs has room; otherwise on a later day that has."""
        waiting: dict[str, list[tuple[Dependency, Initiative, Initiative]]] = defaultdict(list)
        for linked in store.linked(session=session, unasked=True):
            waiting[linked[2].owner].append(linked)
        if not waiting:
            return 0
        sent = outbox.unsolicited_of(session=session, people=sorted(waiting), week=week)
        self.people.prefetch({d.owner for items in waiting.values() for _, d, _ in items})
        queued = 0
        for person, items in sorted(waiting.items()):
            if sent.get(person, 0) >= self.budget.weekly:
                continue
            asked = [
                blocks.Asked(
                    d.id or 0, dependent.title, dependent.owner, provider.title, d.needed_by
                )
                for d, dependent, provider in items[: blocks.MAX_ASKED]
            ]
            message = blocks.question(self.readers.of_user(person), asked, who=self.people.named)
            key = keys.dependency_question(week, person, [a.dependency_id for a in asked])
            queued += enqueue(session, key, post(person, message), now=now, noise=(person, week))
            for dependency, _, _ in items[: blocks.MAX_ASKED]:
                dependency.asked_at = now
                session.add(dependency)
        return queued

    def watch(self, session: Session, *, now: datetime, week: str, quarter: str) -> int:
        """Tell each new trouble of a provider once, to whom it concerns."""
        today = now.astimezone(self.settings.tz).date()
        found = {d.id: (d, a, b) for d, a, b in store.linked(session=session, quarter=quarter)}
        if not found:
            return 0
        latest = checkins.latest_of(
            session=session, initiative_ids=sorted({b.id for _, _, b in found.values() if b.id})
        )
        watched = [
            Watched(
                dependency_id=d.id or 0,
                state=d.state,
                provider=_provider(provider, latest, d.needed_by),
                last_alert=d.last_alert,
            )
            for d, _, provider in found.values()
        ]
        outgoing: list[Outgoing] = []
        for change in changes(watched, today=today):
            dependency, dependent, provider = found[change.dependency_id]
            dependency.last_alert = change.trouble.value if change.trouble else None
            dependency.alerted_at = now if change.trouble else dependency.alerted_at
            session.add(dependency)
            if change.trouble is None:
                continue
            people = told(dependent.owner, dependent.accountable, provider.accountable)
            for person in people:
                message = blocks.alert(
                    self.readers.of_user(person),
                    dependent=dependent.title,
                    provider=provider.title,
                    owner=self.people.named(provider.owner),
                    trouble=change.trouble.value,
                    needed_by=dependency.needed_by,
                )
                key = keys.dependency_alert(
                    change.dependency_id,
                    change.trouble.value,
                    day_of(now, self.settings.tz),
                    person,
                )
                outgoing.append(Outgoing(person, Audience.OWNER, key, message, dependent.id))
        return self.budget.deliver(session, outgoing, week=week, now=now) if outgoing else 0

    # -- the provider's owner answers -----------------------------------------------------

    def decide(self, session: Session, work: DecideDependency, job: Job) -> None:
        """Accept: stored, said. Refuse: the reason form opens (the refusal is stored when
        it is submitted)."""
        found = self._answerable(session, work.user, work.dependency_id, job, work.response_url)
        if found is None:
            return
        dependency, dependent, provider = found
        words = self.readers.of_user(work.user)
        if not work.accept:
            if work.trigger_id is None:
                return
            view = blocks.refusal_form(
                words,
                dependency_id=dependency.id or 0,
                dependent=dependent.title,
                provider=provider.title,
            )
            self.forms.open(session, job, work.user, work.response_url, work.trigger_id, view)
            return
        self._decided(session, dependency, State.ACCEPTED, work.user, job.received_at)
        text = words.md("dependency-accepted", dependent=dependent.title, provider=provider.title)
        tell(session, job, work.user, work.response_url, blocks.said(text))

    def refuse(self, session: Session, work: RefuseDependency, job: Job) -> None:
        """The refusal, with its reason: stored, and queued for the dependent initiative's
        committee as a request naming both owners."""
        found = self._answerable(session, work.user, work.dependency_id, job, None)
        if found is None:
            return
        dependency, dependent, provider = found
        now = job.received_at
        self._decided(session, dependency, State.REFUSED, work.user, now)
        dependency.reason = work.reason
        queue = committee_for(dependent.committee, list(self.settings.config.committees))
        words = self.readers.of_user(work.user)
        if queue is not None and dependent.id is not None:
            said = self.readers.of_committee(queue)
            names = dict(
                dependent=dependent.title,
                dependent_owner=self.people.name(dependent.owner),
                provider=provider.title,
                provider_owner=self.people.name(provider.owner),
            )
            text = (
                said.text("dependency-request-reason", reason=work.reason, **names)
                if work.reason
                else said.text("dependency-request", **names)
            )
            session.add(
                ArbitrationRequest(
                    committee=queue,
                    initiative_id=dependent.id,
                    requested_by=work.user,
                    text=text,
                    created_at=now,
                )
            )
            reply = words.md(
                "dependency-refused",
                dependent=dependent.title,
                provider=provider.title,
                committee=queue,
            )
        else:
            reply = words.md(
                "dependency-refused-no-committee",
                dependent=dependent.title,
                provider=provider.title,
                owner=self.people.named(dependent.owner),
            )
        tell(session, job, work.user, None, blocks.said(reply))

    def _answerable(
        self, session: Session, user: str, dependency_id: int, job: Job, url: str | None
    ) -> tuple[Dependency, Initiative, Initiative] | None:
        """The dependency when `user` may answer it now; otherwise they are told why not."""
        words = self.readers.of_user(user)
        dependency = store.get(session=session, dependency_id=dependency_id)
        dependent = session.get(Initiative, dependency.dependent_id) if dependency else None
        provider = session.get(Initiative, dependency.provider_id) if dependency else None
        if dependency is None or dependent is None or provider is None:
            tell(session, job, user, url, blocks.said(words.md("dependency-gone")))
            return None
        if not (owns(provider, user) or self.settings.is_cmo(user)):
            text = words.md("dependency-not-yours", provider=provider.title)
            tell(session, job, user, url, blocks.said(text))
            return None
        if dependency.state != State.PROPOSED:
            who = self.people.named(dependency.decided_by or "")
            text = words.md("dependency-already", state=dependency.state, who=who)
            tell(session, job, user, url, blocks.said(text))
            return None
        return dependency, dependent, provider

    @staticmethod
    def _decided(
        session: Session, dependency: Dependency, state: State, user: str, now: datetime
    ) -> None:
        dependency.state = state.value
        dependency.decided_by, dependency.decided_at = user, now
        session.add(dependency)
