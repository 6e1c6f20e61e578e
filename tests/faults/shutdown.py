"""Campaign: SIGTERM to `python -m bot serve` in the middle of a burst of votes and answers.

The process must stop taking requests, finish or hand back the work under way (no inbox row
or outbox message left claimed), and exit 0 within a bounded time; a restart does the rest,
and nothing that was acknowledged is lost or done twice."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session, col, func, select

from bot.devtools.standin import SlackStandIn
from rituals.db import make_engine, migrate
from rituals.models import InboxItem, OutboxMessage
from tests.faults import ledger
from tests.faults.burst import Trigger, burst, fire, open_polls, send_again
from tests.faults.ledger import Tally
from tests.faults.process import BotProcess
from tests.faults.traffic import Requests, Sender
from tests.faults.world import VOTERS, environ, owner, people, seed_owners

BOUND = 15.0  # seconds the process has to exit


@dataclass
class ShutdownFigures:
    code: int | None = None
    seconds: float = 0.0
    acknowledged_before: int = 0
    claimed_at_exit: int = 0  # inbox rows and outbox messages still claimed once it exited
    handed_back: int = 0  # inbox rows and outbox messages left pending for the restart
    tally: Tally = field(default_factory=Tally)

    def lines(self) -> list[str]:
        t = self.tally
        return [
            f"SIGTERM mid-burst: exit {self.code} in {self.seconds:.1f} s (bound {BOUND:.0f} s), "
            f"after {self.acknowledged_before} of 60 acknowledgements; "
            f"{self.handed_back} handed back, {self.claimed_at_exit} left claimed; after the "
            f"restart {t.acknowledged} acknowledged, {t.lost} lost, {t.duplicated} duplicated, "
            f"{t.unacknowledged} unacknowledged ({t.unacknowledged_stored} of them stored)",
        ]


def sigterm_mid_burst(*, database_url: str, folder: Path, seed: int) -> ShutdownFigures:
    rng = random.Random(seed)
    figures = ShutdownFigures()
    engine = make_engine(database_url)
    migrate(engine)
    initiatives = seed_owners(engine, range(len(VOTERS)))
    with SlackStandIn(users=people(len(VOTERS))) as standin:
        env = environ(folder, standin, database_url)
        requests = Requests(standin)
        process = BotProcess(env, folder / "bot-0.log").start()  # `python -m bot serve`
        restart = BotProcess(env, folder / "bot-1.log").prepare()
        try:
            with Sender(process.url) as sender:
                [poll] = open_polls(requests, sender, standin, ["Open a second site?"])
                sent = burst(requests, poll, VOTERS, [owner(n) for n in range(len(VOTERS))], rng)

                def stop() -> None:
                    figures.code, figures.seconds = process.terminate(BOUND)

                trigger = Trigger(len(sent), rng.randint(10, 40), 0.0, stop).start()
                fire(sent, sender, trigger=trigger)
            figures.acknowledged_before = trigger.acknowledged_before
            figures.claimed_at_exit, figures.handed_back = _left(engine)
            process.kill()  # if it did not exit by itself, so that the restart runs alone
            restart.start()
            with Sender(restart.url) as sender:
                send_again(sent, sender)
            ledger.settle(engine)
            figures.tally = ledger.audit(
                sent, poll_id=poll.id, initiatives=initiatives, engine=engine, standin=standin
            )
        finally:
            process.kill()
            restart.kill()
            engine.dispose()
    return figures


def _left(engine: object) -> tuple[int, int]:
    """(rows still claimed, rows pending) in the inbox and the outbox."""
    now = datetime.now(UTC)
    claimed = pending = 0
    with Session(engine) as session:  # type: ignore[call-overload]
        for model in (InboxItem, OutboxMessage):
            rows = select(func.count()).select_from(model).where(col(model.state) == "pending")
            pending += int(session.exec(rows).one())
            held = rows.where(col(model.claimed_until) > now)
            claimed += int(session.exec(held).one())
    return claimed, pending
