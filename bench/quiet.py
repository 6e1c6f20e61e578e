"""Benchmark: a quarter of rituals for 200 owners, measured by what Slack received — is the
bot quiet by design (issue 10)?

    python bench/quiet.py [--owners 200] [--weeks 13] [--seed 7] [--scan-days mon,tue,…]

The real bot serves HTTP against the stand-in Slack; simulated people drive it as Slack
would. 13 weeks from Monday 2026-10-05 (Europe/Paris): each Monday 09:00 the check-in, owners
answering in one free-text DM (or in the prompt's thread) covering all their initiatives,
clicking No change / Skip, using the form, declaring absences (the command and the form),
some silent for weeks; the escalation scan at 08:00 each weekday, the reminder on Wednesday,
the digest on Friday, the monthly arbitration on the first Tuesday (members vote, the CMO
closes most polls and records every decision, followed up in the owners' next prompts), an
ad hoc /arbitrate on the second Thursday, and polls closed at their deadline.

What is counted comes from the stand-in's calls, each matched to its outbox row by
(channel, ts): a DM is a chat.postMessage to a DM channel; it is unsolicited when it is a
prompt, a reminder, an escalation (owner, accountable, CMO), a merged escalation or the
"record the decision" offer of a poll closed at its deadline; receipts and other replies to
what the person did are solicited. An ordinary week, for a person, is one in which they got
no level-2+ escalation as an accountable or a CMO. Prints those DMs per person and week,
reminders per person and week, mentions in channel posts, digest messages per committee and
week, what was lost, totals and the wall time, then one verdict per target."""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import statistics
import sys
import threading
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session, col, select

from bench.common import environ_for, owners, percentile, replace_config
from bot.delivery import pacing
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import Call, SlackStandIn
from rituals.models import (
    Arbitration,
    CheckIn,
    CheckinPrompt,
    Decision,
    Escalation,
    FoldedNotice,
    Initiative,
    OutboxMessage,
    Vote,
)
from rituals.periods import week_of
from tests.blockkit import texts
from tests.factories import Clock, seed
from tests.slackbot import run_ritual, running_bot

PARIS = ZoneInfo("Europe/Paris")
FIRST_MONDAY = datetime(2026, 10, 5, 9, 0, tzinfo=PARIS)
BUDGET = 2  # [noise] weekly_dms, the default
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
CMO = "U0CMO0001"
ESCALATION_CHANNEL = "C0ESCAL01"
EXECS = {
    "U0CEO0001": "Paul Durand",
    "U0CFO0001": "Anne Petit",
    "U0COO0001": "Marc Leroy",
    "U0CTO0001": "Julie Bernard",
    "U0HRD0001": "Sophie Martin",
}
CHANNELS = {"comex": "C0COMEX01", "opscom": "C0OPSCOM1", "techcom": "C0TECHCO1"}
TOPICS = (
    "Pricing",
    "Billing",
    "Payroll",
    "Onboarding",
    "Recruiting",
    "Warehouse",
    "Logistics",
    "Procurement",
    "Invoicing",
    "Forecasting",
    "Inventory",
    "Packaging",
    "Branding",
    "Loyalty",
    "Webshop",
    "Datalake",
    "Cybersecurity",
    "Compliance",
    "Treasury",
    "Catering",
    "Fleet",
    "Maintenance",
    "Training",
    "Safety",
    "Recycling",
    "Energy",
    "Telephony",
    "Helpdesk",
    "Intranet",
    "Ticketing",
    "Licensing",
    "Sourcing",
    "Returns",
    "Subscriptions",
    "Partnerships",
    "Franchise",
    "Translation",
    "Archiving",
    "Insurance",
    "Payments",
    "Sponsoring",
    "Mobility",
    "Signage",
    "Wellbeing",
    "Tendering",
    "Leasing",
    "Hosting",
    "Chatbot",
)
SITES = (
    "Lyon",
    "Nantes",
    "Lille",
    "Bordeaux",
    "Toulouse",
    "Rennes",
    "Grenoble",
    "Dijon",
    "Brest",
    "Metz",
    "Reims",
    "Angers",
    "Caen",
    "Rouen",
    "Limoges",
    "Amiens",
    "Annecy",
    "Troyes",
    "Nancy",
    "Orleans",
    "Poitiers",
    "Besancon",
    "Perpignan",
    "Avignon",
)
# How owners behave, with their share: answer on Monday, on Tuesday, after the reminder,
# by buttons, now and then not at all, or go silent for several weeks in a row.
PERSONAS = {"monday": 40, "tuesday": 15, "late": 12, "clicker": 10, "patchy": 13, "ghost": 10}
PER_OWNER = {1: 22, 2: 22, 3: 20, 4: 15, 5: 11, 6: 10}  # initiatives held, with their weight
STATUS_WORDS = {
    "en": {"on_track": "green", "at_risk": "amber", "off_track": "red", "done": "done"},
    "fr": {"on_track": "vert", "at_risk": "orange", "off_track": "rouge", "done": "terminé"},
}
BLOCKERS = {"en": " — blocked by the legal review", "fr": " — bloqué par le juridique"}
ASKS = {
    "en": [
        ", decision needed: extend the deadline by a month?",
        ", decision needed: hire a contractor?",
        ", decision needed: move the go-live to January?",
    ],
    "fr": [
        " — décision : prolonger le délai d'un mois ?",
        " — arbitrage : recruter un prestataire ?",
    ],
}
MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
BROADCAST = re.compile(r"<!(?:channel|here|everyone)[^>]*>")
UNSOLICITED = {"prompt", "reminder", "escalation", "merged", "decide (deadline)"}
SOLICITED = {"receipt", "receipt-redraw", "skip", "re", "which", "chosen", "decide"}


# -- the workspace ------------------------------------------------------------------------


@dataclass
class Track:
    """One initiative as its owner lives it: what they will say of it each week."""

    id: int
    title: str
    topic: str
    owner: str
    due: date
    progress: int
    status: str = "on_track"
    kpi: float = 9.0
    trouble: set[int] = field(default_factory=set)  # weeks it is off track
    blocked: set[int] = field(default_factory=set)  # weeks it reports a blocker
    asked_until: int = -1  # no new decision request before this week
    answered: bool = False  # the bot has an answer to repeat (No change)


@dataclass
class Person:
    id: str
    persona: str
    language: str
    silent: set[int] = field(default_factory=set)
    absences: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    # (first week, weeks, "command" or "form", deputy)


@dataclass
class World:
    people: dict[str, dict[str, Any]]
    persons: dict[str, Person]
    rows: list[dict[str, Any]]
    members: dict[str, list[str]]
    managers: list[str]


def pick(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def build_world(rng: random.Random, count: int, weeks: int) -> World:
    people = owners(count)
    ids = sorted(people)
    persons: dict[str, Person] = {}
    for user in ids:
        french = rng.random() < 0.25
        people[user] |= {"tz": "Europe/Paris", "locale": "fr-FR" if french else "en-US"}
        person = Person(user, pick(rng, PERSONAS), "fr" if french else "en")
        if person.persona == "ghost":  # silent three to five weeks in a row, then back
            start = rng.randint(1, max(1, weeks - 5))
            person.silent = set(range(start, start + rng.randint(3, 5)))
        persons[user] = person
    for user, name in {**EXECS, CMO: "Claire Moreau"}.items():
        email = f"{name.split()[0].lower()}@example.com"
        people[user] = {"email": email, "real_name": name, "tz": "Europe/Paris", "locale": "en-US"}
    managers = rng.sample(ids, min(12, len(ids)))  # owners who are also accountables
    accountables = {**{e: 3 for e in list(EXECS)[:4]}, **{m: 2 for m in managers}}
    members = {
        "comex": [*list(EXECS)[:4], CMO, *managers[:1]],
        "opscom": ["U0COO0001", CMO, *managers[1:5]],
        "techcom": ["U0CTO0001", CMO, "U0HRD0001", *managers[5:8]],
    }
    used: set[str] = set()
    rows = []
    for user in ids:
        for topic in rng.sample(TOPICS, pick(rng, PER_OWNER)):
            site = rng.choice([s for s in SITES if f"{topic} {s}" not in used])
            used.add(title := f"{topic} {site}")
            due = pick(rng, {date(2026, 12, 18): 85, date(2026, 11, 27): 10, date(2026, 11, 6): 5})
            rows.append(
                {
                    "title": title,
                    "owner": user,
                    "accountable": pick(rng, {a: w for a, w in accountables.items() if a != user}),
                    "committee": pick(rng, {"comex": 20, "opscom": 45, "techcom": 35}),
                    "due": due,
                    "objective": f"{topic} in {site}",
                    "kpi_name": "Lead time",
                    "kpi_unit": "days",
                    "kpi_baseline": 9.0,
                    "kpi_target": 5.0,
                }
            )
    topics = defaultdict(set)
    for row in rows:
        topics[row["owner"]].add(row["title"].split()[0])
    busy: dict[str, set[int]] = defaultdict(set)
    for user in ids:  # one owner in ten is away once (a few twice), a week or two
        person = persons[user]
        if person.persona == "ghost" or rng.random() >= 0.1:
            continue
        for _ in range(2 if rng.random() < 0.2 else 1):
            start, length = rng.randint(1, max(1, weeks - 3)), rng.randint(1, 2)
            span = set(range(start, start + length))
            if span & busy[user] or span & person.silent:
                continue
            deputy = None
            if rng.random() < 0.5:  # a colleague without a topic in common stands in
                free = [
                    d
                    for d in ids
                    if d != user
                    and not topics[d] & topics[user]
                    and not busy[d] & span
                    and persons[d].persona != "ghost"
                ]
                deputy = rng.choice(free) if free else None
            busy[user] |= span
            if deputy:
                busy[deputy] |= span
            how = "command" if start == 0 or rng.random() < 0.6 else "form"
            person.absences.append((start, length, how, deputy))
    return World(people, persons, rows, members, managers)


def config_toml(world: World) -> str:
    lines = [
        'timezone = "Europe/Paris"',
        'language = "en"',
        f'cmo = ["{CMO}"]',
        f'escalation_channel = "{ESCALATION_CHANNEL}"',
    ]
    for name, channel in CHANNELS.items():
        lines += ["", f"[committees.{name}]", f'channel = "{channel}"']
        lines += ['language = "fr"'] if name == "comex" else []
        lines.append(f"members = {json.dumps(world.members[name])}")
    return "\n".join(lines) + "\n"


# -- the simulation -----------------------------------------------------------------------

Plan = dict[str, list[tuple["Person", list[int], list[int]]]]


class Sim:
    """People acting on the running bot, week by week, each step at its business time."""

    def __init__(self, bot: LocalBot, standin: SlackStandIn, clock: Clock, world: World, rng):
        self.bot, self.standin, self.clock, self.world, self.rng = bot, standin, clock, world, rng
        self.tracks: dict[int, Track] = {}
        self.marks: list[tuple[int, datetime]] = []
        self.requests = 0
        self.workers = 1
        self.lock = threading.Lock()
        self.batch: dict[str, list[tuple[str, Any, tuple, dict[str, Any]]]] | None = None
        self.refused: list[str] = []  # requests the bot answered with an error
        self.spent: Counter[str] = Counter()
        self.sent: list[tuple[str, str, int, str]] = []  # (person, week, initiative, how)
        self.texts: dict[tuple[str, str, int], str] = {}  # what was written, by the same key
        self.away: list[tuple[str, date, date, datetime]] = []  # (owner, since, until, declared)
        self.vote_plan: list[tuple[int, str, int, int]] = []  # (poll, voter, option, wave)

    # -- time and looking -----------------------------------------------------------------

    def at(self, when: datetime) -> None:
        """Business time moves on: what was under way is delivered first, so that every call
        Slack received is counted in the step (and the week) that caused it. Polls close at
        their deadline on the way, as the scheduler's minute job closes them."""
        if when < self.clock.now:
            raise ValueError(f"time goes back: {self.clock.now} → {when}")
        deadlines = sorted(
            {
                p.deadline
                for p in self.open_polls()
                if p.deadline is not None and self.clock.now < p.deadline <= when
            }
        )
        for moment in [*(d.astimezone(PARIS) for d in deadlines), when]:
            started = time.perf_counter()
            self.bot.settled(60)
            self.spent["settle"] += time.perf_counter() - started
            self.marks.append((len(self.standin.calls(all=True)), moment))
            self.clock.now = moment
            started = time.perf_counter()
            self.bot.core.polls.close_due(moment)
            self.spent["close_due"] += time.perf_counter() - started

    def ritual(self, name: str, when: datetime) -> None:
        self.at(when)
        started = time.perf_counter()
        run_ritual(self.bot, name, now=when)
        self.spent[f"ritual {name}"] += time.perf_counter() - started

    def rows(self, model, *where) -> list[Any]:
        with Session(self.bot.engine) as session:
            return list(session.exec(select(model).where(*where)))

    def message(self, key: str) -> dict[str, Any] | None:
        """The Slack message an outbox row became, as it stands now."""
        [row] = self.rows(OutboxMessage, OutboxMessage.key == key) or [None]
        if row is None or not row.ts or not row.channel:
            return None
        return next((m for m in self.standin.messages(row.channel) if m["ts"] == row.ts), None)

    def timed(self, kind: str, action, *args: Any, **kwargs: Any) -> None:
        """A request to the bot, as Slack sends it (`args[0]` is who sends it): sent now, or
        within `together()` queued to be sent alongside other people's."""
        if self.batch is not None:
            self.batch[args[0]].append((kind, action, args, kwargs))
        else:
            self.send(kind, action, args, kwargs)

    def send(self, kind: str, action, args: tuple, kwargs: dict[str, Any]) -> None:
        started = time.perf_counter()
        response = action(*args, **kwargs)
        with self.lock:
            self.spent[kind] += time.perf_counter() - started
            self.requests += 1
        reply = response[0] if isinstance(response, tuple) else response
        body = reply.json() if reply.content else {}
        if reply.status_code != 200 or body.get("response_action") == "errors":
            self.refused.append(
                f"{kind} by {args[0]} at {self.clock.now:%a %d %b %H:%M}: "
                f"{reply.status_code} {body.get('errors') or body}"
            )

    @contextmanager
    def together(self) -> Iterator[None]:
        """People act at the same time: each person's requests in order, `workers` people at
        once, as Slack delivers them. What each sends is decided before (the seeded choices
        do not depend on the threads' order)."""
        self.batch = defaultdict(list)
        try:
            yield
        finally:
            batch, self.batch = self.batch, None

            def one(requests: list[tuple[str, Any, tuple, dict[str, Any]]]) -> None:
                for request in requests:
                    self.send(*request)

            started = time.perf_counter()
            with ThreadPoolExecutor(self.workers) as pool:
                list(pool.map(one, batch.values()))
            self.spent["people acting (wall)"] += time.perf_counter() - started

    # -- owners -----------------------------------------------------------------------------

    def seed(self, initiatives) -> None:
        for initiative in initiatives:
            trouble, blocked = set(), set()
            if self.rng.random() < 0.1:
                start = self.rng.randint(0, 9)
                trouble = set(range(start, start + self.rng.randint(2, 4)))
            if self.rng.random() < 0.08:
                start = self.rng.randint(0, 8)
                blocked = set(range(start, start + self.rng.randint(3, 5)))
            self.tracks[initiative.id] = Track(
                initiative.id,
                initiative.title,
                initiative.title.split()[0],
                initiative.owner,
                initiative.due,
                progress=self.rng.randint(0, 35),
                trouble=trouble,
                blocked=blocked,
            )

    def advance(self, week: int) -> None:
        for track in self.tracks.values():
            if track.status == "done":
                continue
            track.progress = min(100, track.progress + self.rng.randint(2, 11))
            track.kpi = round(max(4.0, track.kpi - self.rng.uniform(0.0, 0.4)), 1)
            if track.progress >= 100:
                track.status = "done"
            elif week in track.trouble:
                track.status = "off_track"
            else:
                track.status = pick(self.rng, {"on_track": 72, "at_risk": 23, "off_track": 5})

    def line(self, track: Track, language: str, week: int, label: str | None) -> str:
        said = STATUS_WORDS[language][track.status]
        sign = " %" if language == "fr" else "%"
        text = said if track.status == "done" else f"{said} {track.progress}{sign}"
        roll = self.rng.random()
        if track.status != "done" and roll < 0.25:
            text += f" kpi {track.kpi:.1f}".replace(".", "," if language == "fr" else ".")
        if week in track.blocked and track.status != "done":
            text += BLOCKERS[language]
        elif track.status == "at_risk" and track.asked_until <= week and roll > 0.96:
            text += self.rng.choice(ASKS[language])
            track.asked_until = week + 5
        if label is None:
            return text
        return f"{label} : {text}" if language == "fr" else f"{label}: {text}"

    def answer_text(
        self, person: Person, period: str, week: int, ids: list[int], key: str, among: list[int]
    ) -> None:
        """One message covering `ids` of the prompt's initiatives `among`, a line each, each
        named by its topic (its whole title when two of them share the topic)."""
        tracks = [self.tracks[i] for i in ids]
        topics = Counter(self.tracks[i].topic for i in among)
        lines = []
        for track in tracks:
            label = track.topic if topics[track.topic] == 1 else track.title
            lines.append(self.line(track, person.language, week, label if len(among) > 1 else None))
        prompt = self.message(key)
        thread = prompt["ts"] if prompt and self.rng.random() < 0.5 else None
        self.timed("dm", self.bot.dm, person.id, "\n".join(lines), thread_ts=thread)
        for track in tracks:
            track.answered = True
            self.sent.append((person.id, period, track.id, "thread" if thread else "dm"))
            self.texts[(person.id, period, track.id)] = "\n".join(lines)

    def clicks(self, person: Person, period: str, week: int, ids: list[int], key: str) -> None:
        """No change on most, Skip on some, the form for a few; text for what has no answer yet."""
        prompt = self.message(key)
        shown = {b.get("block_id") for b in (prompt or {}).get("blocks", [])}
        texted = []
        for initiative in ids:
            track, roll = self.tracks[initiative], self.rng.random()
            block = f"initiative_{initiative}"
            if prompt is None or block not in shown or (not track.answered and roll >= 0.1):
                texted.append(initiative)
            elif roll < 0.1:  # the form
                self.timed(
                    "click", self.bot.click, person.id, prompt, "checkin_update", block=block
                )
                view = self.standin.calls("views.open")[-1].params["view"]
                values: dict[str, Any] = {"status": track.status, "progress": track.progress}
                if week in track.blocked:
                    values["blockers"] = "waiting for the supplier"
                self.timed(
                    "submit", self.bot.submit, person.id, view, as_slack_submits(view, values)
                )
                track.answered = True
                self.sent.append((person.id, period, initiative, "modal"))
            elif roll < 0.25:
                self.timed("click", self.bot.click, person.id, prompt, "checkin_skip", block=block)
            else:
                no_change = "checkin_no_change"
                self.timed("click", self.bot.click, person.id, prompt, no_change, block=block)
                self.sent.append((person.id, period, initiative, "no change"))
        if texted:
            self.answer_text(person, period, week, texted, key, ids)

    def follow_ups(self, person: Person, key: str) -> None:
        """Carried out? on the decisions the prompt asks about."""
        prompt = self.message(key)
        for block in (prompt or {}).get("blocks", []):
            if str(block.get("block_id", "")).startswith("decision_"):
                action = "decision_done" if self.rng.random() < 0.6 else "decision_not_yet"
                where = block["block_id"]
                self.timed("click", self.bot.click, person.id, prompt, action, block=where)

    def asked(self, period: str) -> dict[str, list[int]]:
        found: dict[str, list[int]] = defaultdict(list)
        for prompt in self.rows(CheckinPrompt, CheckinPrompt.period == period):
            if prompt.recipient:
                found[prompt.recipient].append(prompt.initiative_id)
        return found

    def away_form(self, person: Person, key: str, until: date, deputy: str | None) -> bool:
        prompt = self.message(key)
        if prompt is None:
            return False
        self.timed("click", self.bot.click, person.id, prompt, "checkin_away")
        view = self.standin.calls("views.open")[-1].params["view"]
        values = {"until": until.isoformat(), **({"deputy": deputy} if deputy else {})}
        self.timed("submit", self.bot.submit, person.id, view, as_slack_submits(view, values))
        self.away.append((person.id, self.clock.now.date(), until, self.clock.now))
        return True

    def declare_away(self, week: int, friday: datetime) -> None:
        """On Friday, owners away next week say so with /checkin away until …"""
        for person in self.world.persons.values():
            for start, length, how, deputy in person.absences:
                if how != "command" or start != week + 1:
                    continue
                until = (friday + timedelta(weeks=length)).date()
                text = f"away until {until.isoformat()}"
                if deputy:
                    text += f" <@{deputy}|{self.world.people[deputy]['real_name']}>"
                self.timed("command", self.bot.command, person.id, "/checkin", text)
                self.away.append((person.id, friday.date(), until, friday))

    def plan(self, week: int, asked: dict[str, list[int]]) -> Plan:
        """Who acts on which day of the week, and on which of the initiatives asked."""
        days: Plan = defaultdict(list)
        for user, among in sorted(asked.items()):
            person = self.world.persons.get(user)
            if person is None or week in person.silent:
                continue
            if [a for a in person.absences if a[0] == week and a[2] == "form"]:
                days["away"].append((person, among, among))
                continue
            if person.persona == "patchy":
                if self.rng.random() < 0.3:
                    continue
                day = self.rng.choice(["tuesday", "wednesday"])
            elif person.persona == "late":
                day = "wednesday" if self.rng.random() < 0.7 else "thursday"
            elif person.persona == "clicker":
                day = "clicks"
            else:
                day = person.persona if person.persona in ("monday", "tuesday") else "monday"
            ids = among
            if day != "clicks" and len(among) > 1 and self.rng.random() < 0.06:
                ids = among[:-1]  # forgets one: the reminder should name only that one
            days[day].append((person, ids, among))
        return days

    def act(self, day: str, plan: Plan, period: str, week: int, friday: datetime) -> None:
        if day in ("away", "clicks"):  # forms: each person's view is read back at once
            self._act(day, plan, period, week, friday)
            return
        with self.together():
            self._act(day, plan, period, week, friday)

    def _act(self, day: str, plan: Plan, period: str, week: int, friday: datetime) -> None:
        for person, ids, among in plan.get(day, []):
            key = f"checkin:{period}:{person.id}"
            if day == "away":
                [(_, length, _, deputy)] = [a for a in person.absences if a[0] == week]
                until = (friday + timedelta(weeks=length - 1)).date()
                self.away_form(person, key, until, deputy)
                continue
            self.follow_ups(person, key)
            if day == "clicks":
                self.clicks(person, period, week, ids, key)
            else:
                self.answer_text(person, period, week, ids, key, among)

    # -- committees ---------------------------------------------------------------------------

    def open_polls(self) -> list[Arbitration]:
        return self.rows(Arbitration, col(Arbitration.closed_at).is_(None))

    def plan_votes(self) -> None:
        planned = {(p, v) for p, v, _, _ in self.vote_plan}
        for poll in self.open_polls():
            for member in self.world.members[poll.committee]:
                if (poll.id, member) in planned:
                    continue
                if self.rng.random() < (0.5 if member == CMO else 0.85):
                    option = pick(self.rng, {0: 60, 1: 25, 2: 15}) % len(poll.options)
                    wave = 0 if self.rng.random() < 0.7 else 1
                    self.vote_plan.append((poll.id, member, option, wave))

    def vote(self, wave: int) -> None:
        still = {p.id: p for p in self.open_polls()}
        with self.together():
            for poll_id, member, option, when in self.vote_plan:
                poll = still.get(poll_id)
                if when != wave or poll is None or poll.message_key is None:
                    continue
                message = self.message(poll.message_key)
                if message is not None:
                    self.timed("vote", self.bot.click, member, message, f"poll_vote_{option}")
        self.vote_plan = [v for v in self.vote_plan if v[3] > wave and v[0] in still]

    def close_polls(self, share: float) -> None:
        """The CMO closes most polls of the agenda before their deadline."""
        for poll in self.open_polls():
            if poll.message_key and self.rng.random() < share:
                message = self.message(poll.message_key)
                if message is not None:
                    self.timed("click", self.bot.click, CMO, message, "poll_close")

    def record_decisions(self) -> None:
        """The CMO records a decision on every closed poll that has none."""
        decided = {d.arbitration_id for d in self.rows(Decision)}
        for poll in self.rows(Arbitration, col(Arbitration.closed_at).is_not(None)):
            if poll.id in decided:
                continue
            offer = self.message(f"decide:{poll.id}:{CMO}")
            if offer is None:
                continue
            self.timed("click", self.bot.click, CMO, offer, "decision_record")
            view = self.standin.calls("views.open")[-1].params["view"]
            [choice] = [b for b in view["blocks"] if b.get("block_id") == "decision"]
            initial = choice["element"].get("initial_option") or {"value": "option:0"}
            owner = self.tracks[poll.initiative_id].owner if poll.initiative_id else None
            due = self.clock.now.date() + timedelta(days=self.rng.choice([10, 17, 24]))
            values = {
                "decision": initial["value"],
                "rationale": "Agreed in committee.",
                "follow_up": owner or self.rng.choice(self.world.managers),
                "due": due.isoformat(),
            }
            self.timed("submit", self.bot.submit, CMO, view, as_slack_submits(view, values))

    def arbitrate(self, committee: str) -> None:
        question = self.rng.choice(
            [
                "Freeze hiring until January?",
                "Open a second site in spring?",
                "Switch the ERP vendor?",
            ]
        )
        text = f"{question} | Yes | No | Later"
        channel = CHANNELS[committee]
        self.timed("command", self.bot.command, CMO, "/arbitrate", text, channel=channel)


def as_slack_submits(view: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """`values` plus what Slack puts in a submitted view's state by itself: the initial value
    of every input the person left as it was."""
    filled = dict(values)
    for block in view.get("blocks", []):
        element, block_id = block.get("element") or {}, block.get("block_id")
        if block.get("type") != "input" or block_id in filled:
            continue
        for key, pick_value in (
            ("initial_option", lambda o: o["value"]),
            ("initial_value", lambda v: v),
            ("initial_user", lambda u: u),
            ("initial_date", lambda d: d),
        ):
            if element.get(key):
                filled[block_id] = pick_value(element[key])
    return filled


def first_weekday_of_month(day: date) -> bool:
    return day.day <= 7


def simulate(sim: Sim, weeks: int, scan_days: set[int]) -> None:
    """The quarter, week by week; the escalation scan at 08:00 on `scan_days` (0: Monday)."""
    for week in range(weeks):
        monday = FIRST_MONDAY + timedelta(weeks=week)

        def at(days: int, hour: int, minute: int = 0, monday: datetime = monday) -> datetime:
            return (monday + timedelta(days=days)).replace(hour=hour, minute=minute)

        def scan(days: int, at=at) -> None:
            if days in scan_days:
                sim.ritual("escalation", at(days, 8))

        period = week_of(monday, PARIS)
        sim.advance(week)
        scan(0)
        sim.ritual("checkin", at(0, 9))
        sim.at(at(0, 9, 30))
        plan = sim.plan(week, sim.asked(period))
        sim.at(at(0, 10))
        sim.act("away", plan, period, week, at(4, 17))
        sim.act("monday", plan, period, week, at(4, 17))
        sim.act("clicks", plan, period, week, at(4, 17))
        sim.at(at(0, 11))
        sim.record_decisions()
        scan(1)
        if first_weekday_of_month(at(1, 10).date()):
            sim.ritual("arbitration", at(1, 10))
            sim.at(at(1, 11))
            sim.plan_votes()
            sim.vote(0)
        sim.at(at(1, 14))
        sim.act("tuesday", plan, period, week, at(4, 17))
        scan(2)
        sim.ritual("reminder", at(2, 9))
        sim.at(at(2, 11))
        sim.act("wednesday", plan, period, week, at(4, 17))
        sim.at(at(2, 12))
        sim.vote(1)
        sim.at(at(2, 17))
        sim.close_polls(0.8)
        sim.at(at(2, 17, 30))
        sim.record_decisions()
        scan(3)
        sim.at(at(3, 11))
        sim.record_decisions()
        sim.at(at(3, 14))
        sim.act("thursday", plan, period, week, at(4, 17))
        ad_hoc = 8 <= at(3, 15).day <= 14  # the second Thursday: the CMO asks a committee
        if ad_hoc:
            sim.at(at(3, 15))
            sim.arbitrate(list(CHANNELS)[week % len(CHANNELS)])
            sim.at(at(3, 16))
            sim.plan_votes()
            sim.vote(0)
        scan(4)
        if ad_hoc:
            sim.at(at(4, 10))
            sim.vote(1)
        sim.ritual("digest", at(4, 16))
        sim.at(at(4, 17))
        sim.declare_away(week, at(4, 17))
        scan(5)
        scan(6)
    sim.at(FIRST_MONDAY + timedelta(weeks=weeks, hours=-10))  # the last Sunday, 23:00
    sim.bot.settled(60)


# -- what Slack received ------------------------------------------------------------------


@dataclass
class Sent:
    """A message Slack received, with the outbox row it came from."""

    index: int
    call: Call
    when: datetime
    week: str
    channel: str
    key: str
    kind: str


def kind_of(key: str, closed_by: dict[int, str | None]) -> str:
    head = key.split(":", 1)[0]
    if head == "checkin":
        return "prompt-redraw" if ":with:" in key else "prompt"
    if head == "decide":
        _, poll, cmo = key.split(":")
        return "decide" if closed_by.get(int(poll)) == cmo else "decide (deadline)"
    return head or "?"


def received(sim: Sim) -> tuple[list[Sent], list[Sent], list[Call], dict[str, OutboxMessage]]:
    """Posts and edits Slack accepted, each matched to its outbox row; and the refused calls."""
    calls = sim.standin.calls(all=True)
    rows = {r.key: r for r in sim.rows(OutboxMessage)}
    posted = {(r.channel, r.ts): r for r in rows.values() if r.method == "chat.postMessage"}
    closed_by = {p.id or 0: p.closed_by for p in sim.rows(Arbitration)}
    starts = [index for index, _ in sim.marks]
    posts, edits, refused = [], [], []
    for index, call in enumerate(calls):
        if call.status != 200 or not call.response.get("ok"):
            refused.append(call)
            continue
        if call.method not in ("chat.postMessage", "chat.update"):
            continue
        when = sim.marks[max(0, bisect_right(starts, index) - 1)][1]
        if call.method == "chat.postMessage":
            channel, ts = call.response["channel"], call.response["ts"]
        else:
            channel, ts = str(call.params.get("channel")), str(call.params.get("ts"))
        row = posted.get((channel, ts))
        key = row.key if row else "?"
        sent = Sent(index, call, when, week_of(when, PARIS), channel, key, kind_of(key, closed_by))
        (posts if call.method == "chat.postMessage" else edits).append(sent)
    return posts, edits, refused, rows


def mentions_of(params: dict[str, Any]) -> set[str]:
    said = str(params.get("text") or "") + json.dumps(params.get("blocks") or [])
    return set(MENTION.findall(said))


def escalation_parts(key: str) -> tuple[int, str, int, str]:
    """escalation:{initiative}:{cause}:{opened}:{level}:{recipient}"""
    parts = key.split(":")
    return int(parts[1]), parts[2], int(parts[-2]), parts[-1]


def stats(values: list[int]) -> str:
    if not values:
        return "n/a"
    return (
        f"mean {statistics.fmean(values):.2f}, p95 {percentile(values, 95):.0f}, "
        f"max {max(values)} (n={len(values)} person-weeks)"
    )


def report(sim: Sim, weeks: int, wall: float, world: World) -> None:
    posts, edits, refused, rows = received(sim)
    periods = [week_of(FIRST_MONDAY + timedelta(weeks=n), PARIS) for n in range(weeks)]
    tracks = sim.tracks
    accountable_of = {i.id: i.accountable for i in sim.rows(Initiative)}

    dms = [p for p in posts if p.channel.startswith("D")]
    channel_posts = [p for p in posts + edits if p.channel[:1] in ("C", "G")]
    unsolicited: dict[tuple[str, str], list[str]] = defaultdict(list)
    uninvited: dict[tuple[str, str], list[Sent]] = defaultdict(list)
    every: Counter[tuple[str, str]] = Counter()
    reminders: dict[tuple[str, str], list[str]] = defaultdict(list)
    unusual: dict[tuple[str, str], list[str]] = defaultdict(list)
    odd_kinds: Counter[str] = Counter()
    for dm in dms:
        person = dm.channel[1:]
        slot = (person, dm.week)
        every[slot] += 1
        if dm.kind in UNSOLICITED:
            unsolicited[slot].append(dm.key)
            uninvited[slot].append(dm)
        elif dm.kind not in SOLICITED:
            odd_kinds[dm.kind] += 1
        if dm.kind == "reminder":
            reminders[slot].append(dm.key)
        if dm.kind == "merged":
            unusual[slot].append(dm.key)
        elif dm.kind == "escalation":
            initiative, _, level, recipient = escalation_parts(dm.key)
            if level >= 2 and recipient != tracks[initiative].owner:
                unusual[slot].append(dm.key)
    people = sorted({dm.channel[1:] for dm in dms} | set(world.persons))
    slots = [(p, w) for p in people for w in periods]
    counts = [len(unsolicited.get(s, [])) for s in slots]
    ordinary = [s for s in slots if s not in unusual]
    ordinary_counts = [len(unsolicited.get(s, [])) for s in ordinary]
    over = sorted(
        (s for s in ordinary if len(unsolicited.get(s, [])) > BUDGET),
        key=lambda s: (-len(unsolicited[s]), s[1], s[0]),
    )
    over_unusual = [s for s in slots if s in unusual and len(unsolicited.get(s, [])) > BUDGET]

    print(
        f"\nquarter simulated: {weeks} weeks ({periods[0]} to {periods[-1]}), "
        f"{len(world.persons)} owners,"
    )
    print(
        f"  {len(tracks)} initiatives, committees "
        + ", ".join(f"{c} ({len(m)} members)" for c, m in world.members.items())
        + f"; budget {BUDGET} unsolicited DMs a week"
    )
    print("\nunsolicited DMs per person per week (prompt, reminder, escalations, deadline offers):")
    print(f"  all weeks: {stats(counts)}")
    print(
        f"  ordinary weeks (no level-2+ escalation received as accountable or CMO): "
        f"{stats(ordinary_counts)}"
    )
    print(
        f"  weeks with a level-2+ escalation as accountable/CMO: "
        f"{len(slots) - len(ordinary)} person-weeks, "
        f"max {max((len(unsolicited.get(s, [])) for s in unusual), default=0)}"
    )
    by_kind = Counter(kind for dm in dms for kind in [dm.kind])
    print(
        "  unsolicited by kind: "
        + ", ".join(f"{k} {by_kind[k]}" for k in sorted(UNSOLICITED) if by_kind[k])
    )
    per_scan = Counter((dm.channel, dm.when) for dm in dms if dm.kind == "escalation")
    (scan_to, scan_at), scan_most = max(
        per_scan.items(), key=lambda kv: kv[1], default=(("", ""), 0)
    )
    if scan_most:
        print(
            f"  escalation DMs to one person from one scan: max {scan_most} "
            f"({scan_to[1:]}, {scan_at:%a %d %b %H:%M})"
        )
    print(
        f"  persons over the budget in an ordinary week: {len({p for p, _ in over})} "
        f"({len(over)} person-weeks)"
    )
    histogram = Counter(ordinary_counts)
    print(f"  ordinary person-weeks by count: {dict(sorted(histogram.items()))}")
    why: Counter[str] = Counter()
    for slot in over:
        got = uninvited[slot]
        prompt = min((d.when for d in got if d.kind == "prompt"), default=None)
        early = [d for d in got if d.kind == "escalation" and prompt and d.when < prompt]
        scans = Counter(d.when for d in got if d.kind == "escalation")
        if early:
            why["escalation DM(s) sent before the week's prompt"] += 1
        if any(n > 1 for n in scans.values()):
            why["several escalation DMs from one scan"] += 1
        if len(got) - len(early) <= BUDGET:
            why["within the budget but for the escalations sent before the prompt"] += 1
        if any(d.kind == "decide (deadline)" for d in got):
            why["decision offers of polls closed at their deadline"] += 1
        if not prompt:
            why["no prompt that week (away or done), escalations alone"] += 1
    for reason, count in why.most_common():
        print(f"    {count} person-weeks: {reason}")
    for person, week in over[:12]:
        got = uninvited[(person, week)]
        listed = ", ".join(f"{d.key} ({d.when:%a %H:%M})" for d in got)
        print(f"    {person} {week}: {len(got)}: {listed}")
    others = [s for s in slots if s in unusual and s[0] != CMO]
    if others:
        top = max(others, key=lambda s: len(unsolicited.get(s, [])))
        kinds = Counter(d.kind for d in uninvited[top])
        print(
            f"  accountables (the CMO apart) in weeks with a level-2+ escalation: max "
            f"{len(unsolicited.get(top, []))} ({top[0]} {top[1]}: {dict(kinds)}); "
            f"over the budget in {sum(1 for s in others if len(unsolicited.get(s, [])) > BUDGET)}"
            f" of {len(others)} such person-weeks"
        )
    cmo = [len(unsolicited.get((CMO, w), [])) for w in periods]
    cmo_all = [every.get((CMO, w), 0) for w in periods]
    print(f"  the CMO, unsolicited per week: {cmo}; all DMs per week: {cmo_all}")
    for week in periods:
        if len(unsolicited.get((CMO, week), [])) > BUDGET:
            kinds = Counter(d.kind for d in uninvited[(CMO, week)])
            state = "not ordinary" if (CMO, week) in unusual else "ordinary"
            print(f"    the CMO {week} ({state}): {dict(kinds)}")
    all_counts = [every.get(s, 0) for s in slots]
    print(
        f"all DMs per person per week, replies to their own actions included: "
        f"mean {statistics.fmean(all_counts):.2f}, max {max(all_counts)}"
    )
    print("  DMs by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    busiest = max(slots, key=lambda s: every.get(s, 0))
    kinds = Counter(dm.kind for dm in dms if (dm.channel[1:], dm.week) == busiest)
    print(f"  most DMs in one week: {busiest[0]} {busiest[1]}: {dict(kinds.most_common())}")
    if odd_kinds:
        print(f"  DMs of a kind neither listed solicited nor unsolicited: {dict(odd_kinds)}")

    # the bot's own count (outbox person/week) against what Slack received
    counted: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows.values():
        if row.person and row.week and row.state != "failed":
            counted[(row.person, row.week)].add(row.key)
    seen = {(s, k) for s, keys in unsolicited.items() for k in keys}
    booked = {(s, k) for s, keys in counted.items() for k in keys}
    missing = Counter(k.split(":")[0] for _, k in seen - booked)
    extra = Counter(k.split(":")[0] for _, k in booked - seen)
    print(
        f"  the bot's own budget count vs Slack: {len(seen - booked)} unsolicited DMs it did not "
        f"count {dict(missing) or ''}; {len(booked - seen)} counted not seen {dict(extra) or ''}"
    )

    reminder_counts = [len(reminders.get(s, [])) for s in slots]
    twice = [s for s in slots if len(reminders.get(s, [])) > 1]
    print(
        f"\nreminders per person per week: max {max(reminder_counts, default=0)}; "
        f"{sum(reminder_counts)} reminders in all"
    )
    reminded_wrongly = check_reminders(sim, dms)
    by_reminder: dict[str, list[str]] = defaultdict(list)
    for line in reminded_wrongly:
        by_reminder[" ".join(line.split()[:2])].append(line)
    for who, lines in list(by_reminder.items())[:12]:
        named = [line.split("initiative ")[1].split()[0] for line in lines]
        reason = lines[0].split(" though ")[-1] if " though " in lines[0] else lines[0]
        print(f"    reminder:{who.split()[1]}:{who.split()[0]} named {named}: {reason}")

    print("\nmentions (<@U…>) in channel posts (posts and edits):")
    mention_kinds: Counter[str] = Counter()
    outside = []
    broadcasts = []
    for post in channel_posts:
        users = mentions_of(post.call.params)
        if BROADCAST.search(
            str(post.call.params.get("text")) + json.dumps(post.call.params.get("blocks") or [])
        ):
            broadcasts.append(post)
        if not users:
            continue
        label = post.kind + (" (edit)" if post.call.method == "chat.update" else "")
        mention_kinds[label] += len(users)
        allowed = set()
        if post.kind == "escalation" and post.channel == ESCALATION_CHANNEL:
            allowed = {accountable_of.get(escalation_parts(post.key)[0])}
        if users - allowed:
            outside.append((post, users - allowed))
    print(f"  total {sum(mention_kinds.values())}; by kind: {dict(mention_kinds) or '{}'}")
    print(f"  outside the exception (level-3 post naming the accountable): {len(outside)}")
    for post, users in outside[:10]:
        print(f"    {post.week} {post.channel} {post.key}: {sorted(users)}")
    print(f"  <!channel>/<!here> in channel posts: {len(broadcasts)}")
    channel_kinds = Counter(p.kind for p in channel_posts if p.call.method == "chat.postMessage")
    print(f"  channel posts by kind: {dict(sorted(channel_kinds.items()))}")

    digests: Counter[tuple[str, str]] = Counter()
    for post in posts:
        if post.kind == "digest":
            _, period, committee, *_ = post.key.split(":")
            digests[(committee, period)] += 1
    print("\ndigest messages per committee per week (top + thread):")
    for committee in CHANNELS:
        per_week = [digests.get((committee, w), 0) for w in periods]
        print(f"  {committee}: max {max(per_week)}, weeks {per_week}")
    worst_digest = max(digests.items(), key=lambda kv: kv[1], default=(("", ""), 0))

    lost = check_lost(sim, posts, rows, refused)

    print("\ntotals:")
    print(
        f"  prompts {by_kind['prompt']}; reminders {by_kind['reminder']}; "
        f"receipts {by_kind['receipt']}"
    )
    answers = sim.rows(CheckIn)
    current = [a for a in answers if a.is_current]
    print(
        f"  answers stored {len(current)} (versions {len(answers)}); by source "
        f"{dict(Counter(a.source for a in current))}; sent by the simulation {len(sim.sent)} "
        f"{dict(Counter(how for *_, how in sim.sent))}"
    )
    skipped = [p for p in sim.rows(CheckinPrompt) if p.skipped_at is not None]
    print(f"  prompts skipped or excused {len(skipped)}; absences declared {len(sim.away)}")
    escalations = sim.rows(Escalation)
    print(
        f"  escalations {len(escalations)}: by highest level "
        f"{dict(sorted(Counter(e.level for e in escalations).items()))}, by cause "
        f"{dict(Counter(e.cause for e in escalations))}, resolved "
        f"{sum(1 for e in escalations if e.resolved_at)}"
    )
    told = Counter()
    for dm in dms:
        if dm.kind == "escalation":
            told[f"L{escalation_parts(dm.key)[2]} DM"] += 1
        elif dm.kind == "merged":
            told["merged DM"] += 1
    told["L3 channel"] = sum(1 for p in posts if p.kind == "escalation" and p.channel[:1] == "C")
    folded = sim.rows(FoldedNotice)
    told["folded into a prompt/reminder"] = len(folded)
    print(f"  escalation messages: {dict(told)}")
    polls = sim.rows(Arbitration)
    decisions = sim.rows(Decision)
    print(
        f"  polls {len(polls)} {dict(Counter(p.origin for p in polls))}; "
        f"votes {len(sim.rows(Vote))}; "
        f"decisions {len(decisions)}; follow-ups answered: carried out "
        f"{sum(1 for d in decisions if d.carried_out)}, not yet "
        f"{sum(1 for d in decisions if d.carried_out is False)}"
    )
    which = by_kind["which"]
    asked = sum(
        1 for dm in dms if dm.kind == "receipt" and ":grey_question:" in json.dumps(dm.call.params)
    )
    print(f"  'which initiative?' questions {which}; receipts asking a question {asked}")
    methods = Counter(c.method for c in sim.standin.calls())
    print(f"  Slack calls accepted {sum(methods.values())}: {dict(methods.most_common())}")
    print(
        f"  requests sent to the bot {sim.requests}; wall time {wall:.1f} s ("
        + ", ".join(f"{k} {v:.1f} s" for k, v in sim.spent.most_common())
        + ")"
    )

    print("\nverdicts:")
    worst = over[0] if over else None
    print(
        f"  ordinary-week unsolicited DMs ≤ {BUDGET}: "
        + (
            "ok"
            if worst is None
            else f"OVER: {len(over)} person-weeks, worst {worst[0]} {worst[1]} "
            f"({len(unsolicited[worst])}: {', '.join(unsolicited[worst])})"
        )
    )
    print(
        "  reminders per person per week ≤ 1: "
        + ("ok" if not twice else f"OVER: {twice[0][0]} {twice[0][1]} ({reminders[twice[0]]})")
        + (
            ""
            if not reminded_wrongly
            else f"; reminders naming what was not owed: {len(reminded_wrongly)} initiatives in "
            f"{len({' '.join(line.split()[:2]) for line in reminded_wrongly})} reminders"
        )
    )
    print(
        "  mentions in channel posts outside the exception = 0: "
        + ("ok" if not outside else f"OVER: {len(outside)} ({outside[0][0].key})")
    )
    print(
        "  digest messages per committee per week ≤ 6: "
        + ("ok" if worst_digest[1] <= 6 else f"OVER: {worst_digest[0]} {worst_digest[1]}")
        + f" (max {worst_digest[1]})"
    )
    print("  nothing lost: " + ("ok" if not lost else f"PROBLEMS: {len(lost)} (listed above)"))
    if over_unusual:
        print(
            "  (person-weeks with a level-2+ escalation past the budget, merged by design: "
            f"{len(over_unusual)})"
        )


def check_reminders(sim: Sim, dms: list[Sent]) -> list[str]:
    """Reminders naming an initiative already answered or skipped, or sent to someone away."""
    problems = []
    prompts = sim.rows(CheckinPrompt)
    answers = defaultdict(list)
    for answer in sim.rows(CheckIn):
        answers[(answer.initiative_id, answer.period)].append(answer.submitted_at)
    for prompt in prompts:
        if prompt.reminded_at is None:
            continue
        at, said = prompt.reminded_at, f"{prompt.recipient} {prompt.period} reminded of initiative"
        early = [t for t in answers.get((prompt.initiative_id, prompt.period), []) if t <= at]
        if early:
            problems.append(f"{said} {prompt.initiative_id} though answered at {early[0]}")
        if prompt.skipped_at is not None and prompt.skipped_at <= at:
            problems.append(f"{said} {prompt.initiative_id} though skipped")
        for user, since, until, declared in sim.away:
            if (
                user == prompt.recipient
                and declared <= at
                and since <= at.astimezone(PARIS).date() <= until
            ):
                problems.append(
                    f"{said} {prompt.initiative_id} though away since "
                    f"{declared:%a %d %b %H:%M} (until {until})"
                )
    return problems


def check_lost(
    sim: Sim, posts: list[Sent], rows: dict[str, OutboxMessage], refused: list[Call]
) -> list[str]:
    print("\nlost or held back:")
    problems = []
    unsent = [r for r in rows.values() if r.state != "sent"]
    for row in unsent[:10]:
        problems.append(f"outbox row {row.key} {row.state}: {row.last_error}")
    print(f"  outbox rows not sent: {len(unsent)}")
    errors = Counter((c.method, c.status, c.response.get("error")) for c in refused)
    print(f"  calls Slack refused: {len(refused)} {dict(errors) or ''}")
    delivered = {p.key: p for p in posts}
    notices = sim.rows(FoldedNotice)
    unshown, late, passed_over, waiting = [], [], [], []
    for notice in notices:
        if notice.folded_into is None:
            # waiting for the person's next prompt or reminder: lost if one went out since
            later = [
                p
                for p in posts
                if p.kind in ("prompt", "reminder")
                and p.channel == f"D{notice.person}"
                and p.when > notice.created_at
            ]
            (passed_over if later else waiting).append(notice)
            continue
        carrier = delivered.get(notice.folded_into)
        head = " ".join(notice.text.split())[:50]
        if carrier is None or head not in " ".join(texts(carrier.call.params).split()):
            unshown.append(notice)
        else:
            late.append((carrier.when - notice.created_at).total_seconds() / 86400)
    print(
        f"  folded notices {len(notices)}: shown on a later message {len(late)} (days later: "
        f"median {statistics.median(late) if late else 0:.1f}, max {max(late, default=0):.1f}); "
        f"taken but not shown {len(unshown)}; passed over by a later prompt or reminder "
        f"{len(passed_over)}; waiting at the end {len(waiting)}"
    )
    riding = Counter(n.folded_into for n in notices if n.folded_into)
    for notice in unshown[:10]:
        problems.append(
            f"notice {notice.key} for {notice.person} rode on {notice.folded_into} "
            f"(with {riding[notice.folded_into]} notices in all), not in it"
        )
    for notice in passed_over[:10]:
        later = [
            p
            for p in posts
            if p.kind in ("prompt", "reminder")
            and p.channel == f"D{notice.person}"
            and p.when > notice.created_at
        ]
        carried = ", ".join(f"{p.key} carried {riding[p.key]}" for p in later[:2])
        problems.append(
            f"notice {notice.key} for {notice.person} folded {notice.created_at:%d %b %H:%M} UTC, "
            f"not on the later {carried} (a message takes 10 at most)"
        )
    stored = {(a.initiative_id, a.period) for a in sim.rows(CheckIn)}
    unstored = [s for s in sim.sent if (s[2], s[1]) not in stored]
    print(f"  answers sent and not stored: {len(unstored)}")
    print(f"  requests the bot refused (an error status or form errors): {len(sim.refused)}")
    problems += [f"refused: {line}" for line in sim.refused[:10]]
    for person, period, initiative, how in unstored[:10]:
        said = sim.texts.get((person, period, initiative), "").replace("\n", " / ")
        problems.append(
            f"answer of {person} {period} for {initiative} ({sim.tracks[initiative].title}, "
            f"{how}) not stored; they wrote: {said!r}"
        )
    for problem in problems:
        print(f"    {problem}")
    return problems


def main() -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--owners", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=13)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--workers", type=int, default=1, help="people sending requests at the same time"
    )
    parser.add_argument(
        "--channel-gap",
        type=float,
        default=0.0,
        help="seconds between two posts in one channel (Slack's rule, and the bot's, is 1; "
        "the bench shortens it so that pacing does not dominate)",
    )
    parser.add_argument(
        "--scan-days",
        default="mon,tue,wed,thu,fri",
        help="days the escalation scan runs at 08:00 (default: weekdays; its cadence is daily)",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pacing.CHANNEL_GAP = args.channel_gap  # what is measured is noise, not speed
    world = build_world(rng, args.owners, args.weeks)
    started = time.perf_counter()
    with SlackStandIn(users=world.people) as standin:
        environ = environ_for(standin, rate=1000, burst=1000)
        replace_config(environ, config_toml(world))
        clock = Clock(FIRST_MONDAY - timedelta(days=3))
        with running_bot(environ, standin, clock=clock) as bot:
            sim = Sim(bot, standin, clock, world, rng)
            sim.workers = max(1, args.workers)
            sim.seed(seed(bot.engine, *world.rows))
            sim.at(clock.now)
            days = [d.strip()[:3].lower() for d in args.scan_days.split(",")]
            simulate(sim, args.weeks, {DAYS.index(d) for d in days})
            wall = time.perf_counter() - started
            report(sim, args.weeks, wall, world)


if __name__ == "__main__":
    main()
