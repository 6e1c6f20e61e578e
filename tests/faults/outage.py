"""Campaign: the database goes away while owners answer, and comes back.

The bot reaches PostgreSQL through a proxy the test cuts. Owners answer before the cut (the
last ones just before it, so that their work is under way when it comes), during the outage
(each refused answer retried at once, as Slack does) and after. Once the database is back,
"Slack" redelivers every answer that was refused, with its event id. Every answer that got a
200 must be stored once, and every refused one too, once redelivered; each receipt sent once."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.devtools.standin import SlackStandIn
from rituals.db import make_engine, migrate
from tests.faults import ledger
from tests.faults.burst import Sent
from tests.faults.ledger import Tally
from tests.faults.process import BotProcess
from tests.faults.proxy import TcpProxy
from tests.faults.traffic import Requests, Sender
from tests.faults.waiting import until
from tests.faults.world import environ, owner, people, seed_owners

BEFORE, DURING, AFTER = 10, 20, 10  # answers in each phase


@dataclass
class OutageFigures:
    outage: float
    answers: int = 0
    during: int = 0
    refused: int = 0  # 5xx: Slack delivers them again
    refused_within: float = 0.0  # the slowest refusal, seconds
    acknowledged_during: int = 0
    unanswered: int = 0  # no answer within Slack's three seconds
    tally: Tally = field(default_factory=Tally)
    tracebacks: int = 0

    def lines(self) -> list[str]:
        t = self.tally
        return [
            f"database away {self.outage:.0f} s during answers: {self.answers} answers "
            f"({self.during} during the outage): {t.acknowledged - self.refused} acknowledged "
            f"at once, {self.refused} refused honestly (5xx, slowest in "
            f"{self.refused_within:.2f} s), {self.unanswered} unanswered; {t.lost} lost, "
            f"{t.duplicated} duplicated; {self.refused} redelivered after it came back, "
            f"stored once each",
            f"  {self.acknowledged_during} acknowledged while it was away; "
            f"{t.resent_in_flight} receipts re-sent (in flight when it went); "
            f"{self.tracebacks} tracebacks in the log",
        ]


def database_away(*, postgres_url: str, folder: Path, outage: float) -> OutageFigures:
    figures = OutageFigures(outage)
    total = BEFORE + DURING + AFTER
    engine = make_engine(postgres_url)
    migrate(engine)
    initiatives = seed_owners(engine, range(total))
    with (
        SlackStandIn(users=people(total)) as standin,
        TcpProxy(_address(postgres_url)) as proxy,
    ):
        requests = Requests(standin)
        env = environ(folder, standin, proxy.url(postgres_url))
        process = BotProcess(env, folder / "bot.log").start()
        sent = [
            Sent("answer", owner(n), requests.dm(owner(n), "green 40%")[0]) for n in range(total)
        ]
        before, during, after = sent[:BEFORE], sent[BEFORE : BEFORE + DURING], sent[-AFTER:]
        try:
            with Sender(process.url) as sender, ThreadPoolExecutor(4) as pool:
                list(pool.map(lambda item: _deliver(sender, item), before))
                proxy.cut()
                cut_at = time.monotonic()
                flying = ledger.in_flight(engine)  # the test's own connection is not cut
                for n, item in enumerate(during):  # spread over the outage
                    _wait_until(cut_at + outage * n / DURING)
                    _deliver(sender, item, figures)
                _wait_until(cut_at + outage)
                proxy.restore()
                _reachable(sender)
                list(pool.map(lambda item: _deliver(sender, item), after))
                for item in sent:  # Slack's later retry, now that the database is back
                    if not item.acknowledged:
                        item.redelivered = True
                        item.outcomes.append(sender.send(item.request, retry=2))
            # a reply sent as the database went, its record lost, is sent again when its
            # outbox lease (a minute) ends
            ledger.settle(engine, timeout=90)
            figures.tally = ledger.audit(
                sent,
                poll_id=-1,
                initiatives=initiatives,
                engine=engine,
                standin=standin,
                in_flight=flying,
            )
        finally:
            process.kill()
            engine.dispose()
        figures.tracebacks = process.tracebacks()
    figures.answers, figures.during = total, DURING
    figures.acknowledged_during = sum(item.outcomes[0].ok for item in during if item.outcomes)
    return figures


def _deliver(sender: Sender, item: Sent, figures: OutageFigures | None = None) -> None:
    """Slack's delivery and, when it is refused, its immediate retry."""
    for retry in (0, 1):
        started = time.monotonic()
        outcome = sender.send(item.request, retry=retry)
        item.outcomes.append(outcome)
        if outcome.ok:
            return
        if figures is not None and retry == 0:
            if outcome.status is not None and outcome.status >= 500:
                figures.refused += 1
                figures.refused_within = max(figures.refused_within, time.monotonic() - started)
            else:
                figures.unanswered += 1


def _send(sender: Sender, item: Sent) -> None:
    item.outcomes.append(sender.send(item.request))


def _reachable(sender: Sender) -> None:
    until("the bot sees its database", lambda: sender.get("/healthz") == 200, timeout=30)


def _wait_until(moment: float) -> None:
    """The pace of the answers during the outage: a schedule, not a wait for a condition."""
    time.sleep(max(0.0, moment - time.monotonic()))


def _address(database_url: str) -> tuple[str, int]:
    url = make_url(database_url)
    return url.host or "127.0.0.1", url.port or 5432


@dataclass
class PartitionFigures:
    seconds: float
    answers: int = 0
    refused: int = 0  # 5xx within Slack's three seconds
    unanswered: int = 0  # Slack gave up after three seconds
    tally: Tally = field(default_factory=Tally)

    def lines(self) -> list[str]:
        t = self.tally
        return [
            f"database unreachable {self.seconds:.0f} s (every packet dropped) during answers: "
            f"{self.answers} answers, {self.refused} refused within Slack's 3 s, "
            f"{self.unanswered} unanswered (Slack gave up); after redelivery {t.lost} lost, "
            f"{t.duplicated} duplicated"
        ]


def database_unreachable(*, postgres_url: str, folder: Path, seconds: float) -> PartitionFigures:
    """The network to PostgreSQL fails silently for `seconds`: answers sent meanwhile must
    be refused within Slack's three seconds, not left hanging."""
    figures = PartitionFigures(seconds, answers=DURING // 2)
    engine = make_engine(postgres_url)
    migrate(engine)
    initiatives = seed_owners(engine, range(1 + figures.answers))
    with (
        SlackStandIn(users=people(1 + figures.answers)) as standin,
        TcpProxy(_address(postgres_url)) as proxy,
    ):
        requests = Requests(standin)
        env = environ(folder, standin, proxy.url(postgres_url))
        process = BotProcess(env, folder / "bot.log").start()
        sent = [
            Sent("answer", owner(n), requests.dm(owner(n), "red 10%")[0])
            for n in range(1 + figures.answers)
        ]
        try:
            with Sender(process.url) as sender:
                _deliver(sender, sent[0])  # the pool holds a connection that works
                proxy.partition()
                started = time.monotonic()
                with ThreadPoolExecutor(figures.answers) as pool:  # Slack does not wait
                    for n, item in enumerate(sent[1:]):
                        _wait_until(started + seconds * n / figures.answers)
                        pool.submit(_send, sender, item)
                    _wait_until(started + seconds)
                proxy.restore()
                _reachable(sender)
                for item in sent[1:]:
                    answered = item.outcomes[0].status
                    figures.refused += answered is not None and answered >= 500
                    figures.unanswered += answered is None
                    if not item.acknowledged:
                        item.redelivered = True
                        item.outcomes.append(sender.send(item.request, retry=1))
            ledger.settle(engine, timeout=90)
            figures.tally = ledger.audit(
                sent, poll_id=-1, initiatives=initiatives, engine=engine, standin=standin
            )
        finally:
            process.kill()
            engine.dispose()
    return figures
