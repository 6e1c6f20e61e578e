"""Campaign: two replicas on one PostgreSQL database run every ritual at the same instant.

Two bots are built with `bot.app.build` on the same database (two engines, two delivery
workers), as two `ritualbot serve` replicas would be; for each ritual, two threads released
together by a barrier run it for the same moment, then both replicas deliver at once. The
workspace has the data each ritual acts on: 300 owners in three committees, answers for two
thirds of them this week (the others get a reminder), two silent weeks for the rest (a
level-1 escalation each), five queued requests per committee (the monthly agenda's polls)
and a past quarter (the review). The stand-in counts every message by recipient and text."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel import Session

from bot.app import Bot, build
from bot.delivery import keys
from bot.devtools.standin import SlackStandIn
from bot.settings import load_settings
from rituals.models import ArbitrationRequest, CheckinPrompt
from tests.factories import SEEDED, answer, seed
from tests.faults.world import CMO, PARIS, environ, owner, people

COMMITTEES = {
    name: (f"C0{name.upper()}01", [CMO, *(f"U0MEMB{n}{k:02d}" for k in range(5))])
    for n, name in enumerate(("alpha", "beta", "gamma"))
}
ACCOUNTABLES = [f"U0ACCT{n:03d}" for n in range(10)]
WEEK = "2026-W48"
SILENT_WEEKS = ("2026-W46", "2026-W47")
REQUESTS = 5  # per committee
SCHEDULE = {  # each ritual at its own time, Paris
    "escalation": datetime(2026, 11, 23, 8, 0, tzinfo=PARIS),  # the daily scan, before the prompts
    "checkin": datetime(2026, 11, 23, 9, 0, tzinfo=PARIS),
    "reminder": datetime(2026, 11, 25, 9, 0, tzinfo=PARIS),
    "digest": datetime(2026, 11, 27, 16, 0, tzinfo=PARIS),
    "arbitration": datetime(2026, 12, 1, 10, 0, tzinfo=PARIS),
    "review": datetime(2026, 10, 5, 9, 0, tzinfo=PARIS),
}


@dataclass
class RitualCount:
    expected: int  # what the workspace calls for (None where only the ritual knows)
    queued: int  # what the two runs queued between them
    delivered: int  # distinct messages the stand-in received
    duplicates: int


@dataclass
class ReplicaFigures:
    owners: int
    rituals: dict[str, RitualCount] = field(default_factory=dict)

    def lines(self) -> list[str]:
        total = sum(r.delivered for r in self.rituals.values())
        dupes = sum(r.duplicates for r in self.rituals.values())
        each = ", ".join(
            f"{name} {r.delivered}/{r.expected}"
            + (f" ({r.duplicates} twice)" if r.duplicates else "")
            for name, r in self.rituals.items()
        )
        return [
            f"two replicas running every ritual at once for {self.owners} owners: "
            f"{total} messages, {dupes} duplicates",
            f"  delivered/expected: {each}",
        ]


def every_ritual_twice(*, postgres_url: str, folder: Path, owners: int = 300) -> ReplicaFigures:
    figures = ReplicaFigures(owners)
    answered = range(owners // 3, owners)  # the silent third gets reminded and escalated
    users = people(owners, *ACCOUNTABLES, *(m for _, ms in COMMITTEES.values() for m in ms))
    with SlackStandIn(users=users) as standin:
        settings = load_settings(environ(folder, standin, postgres_url, COMMITTEES))
        replicas = [build(settings), build(settings)]
        try:
            expected = _seed(replicas[0], owners, answered)
            for name, at in SCHEDULE.items():
                standin.reset()
                queued = sum(
                    _together(replicas, lambda bot, n=name, t=at: bot.rituals.run(n, now=t).queued)
                )
                left = _together(replicas, lambda bot: bot.delivery.drain(timeout=120))
                assert left == [0, 0], f"{name}: {left} messages left to send"
                posts = Counter(
                    (str(c.response.get("channel")), str(c.params.get("text")))
                    for c in standin.calls("chat.postMessage")
                )
                figures.rituals[name] = RitualCount(
                    expected=expected.get(name, queued),
                    queued=queued,
                    delivered=len(posts),
                    duplicates=sum(n - 1 for n in posts.values()),
                )
        finally:
            for bot in replicas:
                bot.stop()
    return figures


def _together(replicas: list[Bot], work: object) -> list[int]:
    """`work(bot)` on every replica at the same instant (a barrier releases the threads)."""
    start = threading.Barrier(len(replicas))

    def one(bot: Bot) -> int:
        start.wait(timeout=10)
        return int(work(bot))  # type: ignore[operator]

    with ThreadPoolExecutor(len(replicas)) as pool:
        return list(pool.map(one, replicas))


def _seed(bot: Bot, owners: int, answered: range) -> dict[str, int]:
    """The workspace's data; what each ritual is expected to send."""
    engine = bot.database.engine
    names = list(COMMITTEES)
    made = seed(
        engine,
        *(
            {
                "title": f"Initiative {n}",
                "owner": owner(n),
                "accountable": ACCOUNTABLES[n % len(ACCOUNTABLES)],
                "committee": names[n % len(names)],
            }
            for n in range(owners)
        ),
    )
    past = seed(
        engine,
        *({"title": f"Past {n}", "owner": owner(n), "committee": names[n % 3]} for n in range(9)),
        quarter="2026-Q3",
        due=None,
    )
    with Session(engine) as session:
        for n, initiative in enumerate(made):
            assert initiative.id is not None
            if n in answered:
                session.add(
                    answer(
                        initiative.id, WEEK, status="on_track", progress=50, author=initiative.owner
                    )
                )
                continue
            for week in SILENT_WEEKS:
                session.add(
                    CheckinPrompt(
                        initiative_id=initiative.id,
                        period=week,
                        owner=initiative.owner,
                        message_key=keys.prompt(week, initiative.id),
                        created_at=SEEDED,
                    )
                )
        for initiative in past:
            assert initiative.id is not None
            session.add(answer(initiative.id, "2026-W38", status="done", progress=100))
        queued = [i for n, i in enumerate(made) if n in answered][: REQUESTS * len(names)]
        for initiative in queued:
            assert initiative.id is not None
            session.add(
                ArbitrationRequest(
                    committee=initiative.committee,
                    initiative_id=initiative.id,
                    requested_by=initiative.owner,
                    text=f"Hire two contractors for {initiative.title}?",
                    created_at=SEEDED + timedelta(days=20),
                )
            )
        session.commit()
    silent = owners - len(answered)
    return {
        "checkin": owners,
        "reminder": silent,
        "escalation": silent,
        "arbitration": len(names) * (1 + REQUESTS),
        "review": len(names),
    }
