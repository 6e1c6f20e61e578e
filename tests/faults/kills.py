"""Campaign: `kill -9` at a random moment of a burst of 30 votes and 30 answers, then a
restart on the same database; over and over, as in a rolling restart.

The CMO opens one poll per try with `/arbitrate` (the board's 30 members vote on it), and 30
new owners answer by DM in each try; the process is killed once a random number of the
burst's requests were acknowledged, a random fraction of a second later — during the intake,
the work, the sending, or what the previous burst left. The next process starts on the same
database: what the dead one held is taken up when its leases end (let lapse at once here),
what never reached it is sent again, the events it did not answer are redelivered by
"Slack"; and the next burst comes at once. At the end, once everything is done, the ledger
of every burst is read."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bot.devtools.standin import SlackStandIn
from rituals.db import make_engine, migrate
from tests.faults import ledger
from tests.faults.burst import Poll, Sent, Trigger, burst, fire, open_polls, send_again
from tests.faults.ledger import Tally
from tests.faults.process import BotProcess
from tests.faults.traffic import Requests, Sender
from tests.faults.world import VOTERS, environ, owner, people, seed_owners

PER_BURST = 30  # owners answering, besides the 30 voters


@dataclass
class KillFigures:
    database: str
    tries: int = 0
    tally: Tally = field(default_factory=Tally)
    acks_at_kill: list[int] = field(default_factory=list)
    tracebacks: int = 0

    def lines(self) -> list[str]:
        t = self.tally
        acks = sorted(self.acks_at_kill) or [0]
        return [
            f"kill -9 during bursts ({self.database}): {self.tries} tries, "
            f"{t.acknowledged} acknowledged, {t.lost} lost, {t.duplicated} duplicated, "
            f"{t.unacknowledged} unacknowledged ({t.unacknowledged_stored} of them stored, once)",
            f"  killed after {acks[0]}–{acks[-1]} of 60 acknowledgements "
            f"(median {acks[len(acks) // 2]}); {t.redelivered} events redelivered after a cut; "
            f"{t.resent_in_flight} replies re-sent (in flight at the kill: Slack had them, "
            f"the record died with the process); {self.tracebacks} tracebacks in the logs",
        ]


def kill_during_bursts(
    *, database_urls: list[str], folder: Path, tries: int, seed: int, label: str
) -> KillFigures:
    """`tries` kills in all, shared between lanes that run side by side, one per database
    (each bot process is bound to one core by its GIL; two lanes use the machine)."""
    for url in database_urls:  # before the lanes: Alembic is not to be run from two threads
        engine = make_engine(url)
        migrate(engine)
        engine.dispose()
    lanes = len(database_urls)
    shares = [tries // lanes + (n < tries % lanes) for n in range(lanes)]
    with ThreadPoolExecutor(lanes) as pool:
        done = list(
            pool.map(
                lambda n: _lane(database_urls[n], folder / f"lane-{n}", shares[n], seed + n),
                range(lanes),
            )
        )
    figures = KillFigures(label)
    for lane in done:
        figures.tries += lane.tries
        figures.tally += lane.tally
        figures.acks_at_kill += lane.acks_at_kill
        figures.tracebacks += lane.tracebacks
    return figures


def _lane(database_url: str, folder: Path, tries: int, seed: int) -> KillFigures:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    figures = KillFigures("")
    engine = make_engine(database_url)
    initiatives = seed_owners(engine, range(tries * PER_BURST))
    with SlackStandIn(users=people(tries * PER_BURST)) as standin:
        env = environ(folder, standin, database_url)
        requests = Requests(standin)
        process = BotProcess(env, folder / "bot-0.log").start()  # `python -m bot serve`
        spare = BotProcess(env, folder / "bot-1.log").prepare()
        logs = [process, spare]
        bursts: list[tuple[list[Sent], Poll]] = []
        flying: set[tuple[str, str]] = set()
        try:
            with Sender(process.url) as sender:
                questions = [f"Try {n}: extend the budget?" for n in range(tries)]
                polls = open_polls(requests, sender, standin, questions)
            for n, poll in enumerate(polls):
                owners = [owner(n * PER_BURST + k) for k in range(PER_BURST)]
                sent = burst(requests, poll, VOTERS, owners, rng)
                with Sender(process.url) as sender:
                    trigger = Trigger(
                        len(sent), rng.randint(0, len(sent)), rng.uniform(0, 0.4), process.kill
                    ).start()
                    fire(sent, sender, trigger=trigger)
                figures.acks_at_kill.append(trigger.acknowledged_before)
                flying |= ledger.in_flight(engine)
                ledger.lapse_leases(engine)
                process = spare.start()
                spare = BotProcess(env, folder / f"bot-{n + 2}.log").prepare()
                logs.append(spare)
                with Sender(process.url) as sender:
                    send_again(sent, sender)
                # the next burst comes at once: this process is killed in the middle of it
                # and of what it still had to do, as in a rolling restart
                bursts.append((sent, poll))
                figures.tries += 1
            ledger.settle(engine, timeout=90)
            for sent, poll in bursts:
                figures.tally += ledger.audit(
                    sent,
                    poll_id=poll.id,
                    initiatives=initiatives,
                    engine=engine,
                    standin=standin,
                    in_flight=flying,
                )
        finally:
            for each in logs:
                each.kill()
            engine.dispose()
        figures.tracebacks = sum(p.tracebacks() for p in logs)
    return figures
