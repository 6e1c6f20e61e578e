"""The outbox worker against the Slack stand-in over HTTP: nothing lost, nothing twice,
Slack's rate limits honoured, failures retried or recorded, a crash resumed."""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, event, update
from sqlmodel import Session, col, select

from bot.app import Bot, build
from bot.delivery.outbox import Lane, enqueue
from bot.delivery.pacing import Clock as RealClock
from bot.delivery.payloads import Post, Redraw, Respond, Update
from bot.delivery.sender import Outcome, SlackSender
from bot.delivery.worker import LEASE_FOR, DeliveryWorker
from bot.devtools.standin import Call, SlackStandIn
from bot.settings import load_settings
from rituals.db import Database, make_engine, migrate, transaction
from rituals.models import DeliveryLease, OutboxMessage
from rituals.store import outbox as outbox_store
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import PEOPLE, bot_environ

OWNERS = [f"U0OWNER0{n}" for n in range(1, 10)]
NOBODY = "U0NOBODY1"  # not a member of the workspace: Slack answers channel_not_found


class Clock(RealClock):
    """The worker's clock: the real time, which a test moves forward instead of waiting."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


class ProcessKilledError(RuntimeError):
    """Stands in for the process being killed in the middle of a fan-out."""


class DiesAfter:
    """A sender that lets `calls` Web API calls through, then dies before the next one."""

    def __init__(self, sender: SlackSender, calls: int) -> None:
        self.sender, self.left, self.timeout = sender, calls, sender.timeout

    def call(self, method: str, payload: dict[str, Any]) -> Outcome:
        if self.left == 0:
            raise ProcessKilledError("killed")
        self.left -= 1
        return self.sender.call(method, payload)

    def close(self) -> None:
        self.sender.close()


class HeldSender:
    """A sender whose calls reach Slack only once released: a send still in flight."""

    def __init__(self, sender: SlackSender) -> None:
        self.sender, self.timeout = sender, sender.timeout
        self.calling, self.release = threading.Event(), threading.Event()

    def call(self, method: str, payload: dict[str, Any]) -> Outcome:
        self.calling.set()
        assert self.release.wait(5), "never released"
        return self.sender.call(method, payload)

    def close(self) -> None:
        self.sender.close()


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    engine = make_engine(sqlite_url)
    migrate(engine)
    yield engine
    engine.dispose()


WorkerFactory = Callable[..., DeliveryWorker]


@pytest.fixture
def make_worker(engine: Engine, standin: SlackStandIn) -> Iterator[WorkerFactory]:
    """Workers on the test database, sending to `slack` (the stand-in unless told)."""
    workers: list[DeliveryWorker] = []

    def make(
        *,
        slack: SlackStandIn = standin,
        rate: float = 200,
        burst: int = 200,
        now: RealClock | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> DeliveryWorker:
        sender = SlackSender(base_url=slack.url, token=slack.token, transport=transport)
        worker = DeliveryWorker(
            database=Database(engine), sender=sender, rate=rate, burst=burst, clock=now
        )
        workers.append(worker)
        return worker

    yield make
    for worker in workers:
        worker.stop()
        worker.sender.close()


@pytest.fixture
def make_deps() -> Iterator[Callable[[dict[str, str]], Bot]]:
    """The bot as a process of its own would build it; everything closed afterwards."""
    built: list[Bot] = []

    def make(environ: dict[str, str]) -> Bot:
        bot = build(load_settings(environ))
        built.append(bot)
        return bot

    yield make
    for bot in built:
        bot.stop()


def queue(
    engine: Engine,
    key: str,
    payload: dict[str, Any],
    *,
    method: str = "chat.postMessage",
    refers_to: str | None = None,
) -> None:
    typed = Update(**payload) if method == "chat.update" else Post(**payload)
    with transaction(engine) as session:
        assert enqueue(session, key, typed, now=TUESDAY, refers_to=refers_to)


def outbox(engine: Engine) -> dict[str, OutboxMessage]:
    """The outbox rows by key, in the order they were queued."""
    with Session(engine) as session:
        rows = session.exec(select(OutboxMessage).order_by(col(OutboxMessage.id))).all()
        return {row.key: row for row in rows}


def posts(slack: SlackStandIn) -> list[Call]:
    """Every chat.postMessage the stand-in answered, failed ones included."""
    return slack.calls("chat.postMessage", all=True)


def delivered_texts(slack: SlackStandIn) -> Counter[str]:
    return Counter(call.params["text"] for call in slack.calls("chat.postMessage"))


def test_every_queued_message_is_delivered_once_in_order_and_marked_sent(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    worker = make_worker()
    worker.start()
    recipients = [*OWNERS[:5], "C0COMEX01"]
    for n, recipient in enumerate(recipients):
        queue(engine, f"hello:{n}", {"channel": recipient, "text": f"Hello {n}"})
    assert worker.settle(timeout=5)

    calls = posts(standin)
    assert [c.params["text"] for c in calls] == [f"Hello {n}" for n in range(len(recipients))]
    rows = outbox(engine)
    for call, row in zip(calls, rows.values(), strict=True):
        assert call.status == 200
        assert (row.state, row.ts, row.channel) == (
            "sent",
            call.response["ts"],
            call.response["channel"],
        )
        assert row.sent_at is not None and row.last_error is None and row.attempts == 0
    assert rows["hello:0"].channel == standin.dm_channel(OWNERS[0])
    assert rows["hello:5"].channel == "C0COMEX01"
    for n, owner in enumerate(OWNERS[:5]):
        assert [m["text"] for m in standin.messages(owner)] == [f"Hello {n}"]
    assert standin.calls("conversations.open", all=True) == []  # DMs go to the user id


def test_a_429_pauses_sending_and_the_message_goes_afterwards_once(
    engine: Engine, make_worker: WorkerFactory
) -> None:
    with SlackStandIn(users=PEOPLE, rate_limits={"chat.postMessage": (5, 2)}) as slack:
        worker = make_worker(slack=slack, rate=50, burst=10)  # faster than Slack allows
        retry_after: list[float] = []

        def note_retry_after(response: httpx.Response) -> None:
            if response.status_code == 429:
                retry_after.append(float(response.headers["Retry-After"]))

        worker.sender.client.event_hooks["response"].append(note_retry_after)
        texts = [f"Prompt {n}" for n in range(6)]
        for n, text in enumerate(texts):
            queue(engine, f"prompt:{n}", {"channel": OWNERS[n], "text": text})

        assert worker.drain(timeout=10) == 0

        calls = posts(slack)
    assert delivered_texts(slack) == Counter(texts)  # none lost, none twice
    limited = [i for i, call in enumerate(calls) if call.status == 429]
    assert limited, "the stand-in never said 429: the test does not test anything"
    assert len(retry_after) == len(limited)
    for i, waited in zip(limited, retry_after, strict=True):
        assert calls[i + 1].at - calls[i].at >= waited, "sent again before Retry-After"
    rows = outbox(engine).values()
    assert {row.state for row in rows} == {"sent"}
    assert [row.attempts for row in rows] == [0] * len(texts)  # rate limits burn no attempt
    assert worker.stats["ratelimited"] == len(limited)
    assert worker.stats["sent"] == len(texts)


def test_the_worker_paces_itself_below_slacks_limit(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    rate, burst = 10, 3
    worker = make_worker(rate=rate, burst=burst)
    for n in range(13):
        queue(engine, f"prompt:{n}", {"channel": OWNERS[n % len(OWNERS)], "text": f"n{n}"})

    assert worker.drain(timeout=5) == 0

    calls = posts(standin)
    assert len(calls) == 13
    assert {call.status for call in calls} == {200}
    assert calls[-1].at - calls[0].at >= 0.9
    for i, call in enumerate(calls):  # a burst of 3, then one every 1/rate seconds
        assert call.at - calls[0].at >= (i - burst + 1) / rate - 0.05


def test_5xx_answers_are_retried_with_backoff_until_delivered(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    clock = Clock()
    worker = make_worker(now=clock)
    standin.fail("chat.postMessage", status=503, times=2)
    queue(engine, "prompt:1", {"channel": OWNERS[0], "text": "How is it going?"})

    backoffs = []
    for _ in range(2):
        assert worker.deliver_due() == 0
        row = outbox(engine)["prompt:1"]
        assert (row.state, row.last_error) == ("pending", "http_503")
        backoffs.append((row.next_attempt_at - clock.now()).total_seconds())
        assert worker.deliver_due() == 0  # not due before its backoff ends
        clock.advance(seconds=backoffs[-1] + 0.1)
    assert 1.4 <= backoffs[0] <= 2.5 and 2.9 <= backoffs[1] <= 5  # ~2s then ~4s, jittered

    assert worker.deliver_due() == 1
    assert [c.status for c in posts(standin)] == [503, 503, 200]
    assert [m["text"] for m in standin.messages(OWNERS[0])] == ["How is it going?"]
    row = outbox(engine)["prompt:1"]
    assert (row.state, row.attempts, row.last_error) == ("sent", 2, None)
    assert (worker.stats["retried"], worker.stats["sent"]) == (2, 1)


def test_a_timeout_is_retried_and_the_message_delivered_once(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    timeouts = 1
    to_slack = httpx.Client()

    def slow_network(request: httpx.Request) -> httpx.Response:
        """The first request times out; the others reach the stand-in."""
        nonlocal timeouts
        if timeouts:
            timeouts -= 1
            raise httpx.ReadTimeout("timed out", request=request)
        answer = to_slack.send(request)
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    clock = Clock()
    worker = make_worker(now=clock, transport=httpx.MockTransport(slow_network))
    queue(engine, "prompt:1", {"channel": OWNERS[0], "text": "How is it going?"})
    try:
        assert worker.deliver_due() == 0
        row = outbox(engine)["prompt:1"]
        assert (row.state, row.attempts, row.last_error) == ("pending", 1, "ReadTimeout")
        assert posts(standin) == []

        clock.advance(minutes=1)
        assert worker.deliver_due() == 1
    finally:
        to_slack.close()
    assert [m["text"] for m in standin.messages(OWNERS[0])] == ["How is it going?"]
    row = outbox(engine)["prompt:1"]
    assert (row.state, row.attempts) == ("sent", 1)
    assert worker.stats["retried"] == 1


def test_permanent_errors_are_recorded_not_retried_and_do_not_stop_the_others(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    worker = make_worker()
    standin.fail("chat.postMessage", error="user_not_found", channel=OWNERS[1])
    queue(engine, "a", {"channel": OWNERS[0], "text": "to a member"})
    queue(engine, "stranger", {"channel": NOBODY, "text": "to nobody"})
    queue(engine, "deactivated", {"channel": OWNERS[1], "text": "to a deactivated user"})
    queue(engine, "b", {"channel": OWNERS[2], "text": "to another member"})
    queue(engine, "stranger:reply", {"text": "in nobody's thread"}, refers_to="stranger")

    assert worker.drain(timeout=5) == 0

    rows = outbox(engine)
    assert [(rows[k].state, rows[k].last_error, rows[k].attempts) for k in rows] == [
        ("sent", None, 0),
        ("failed", "channel_not_found", 1),
        ("failed", "user_not_found", 1),
        ("sent", None, 0),
        ("failed", "parent stranger not delivered", 0),
    ]
    channels = Counter(call.params["channel"] for call in posts(standin))
    assert channels == Counter({OWNERS[0]: 1, NOBODY: 1, OWNERS[1]: 1, OWNERS[2]: 1})
    assert [m["text"] for m in standin.messages(OWNERS[2])] == ["to another member"]
    assert worker.stats["failed"] == 3


def test_a_reply_waits_for_its_parent_then_threads_under_it_and_an_update_edits_it(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    clock = Clock()
    worker = make_worker(now=clock)
    standin.fail("chat.postMessage", status=503)  # the parent's first try
    queue(engine, "prompt", {"channel": OWNERS[0], "text": "How is it going?"})
    queue(engine, "reminder", {"text": "A gentle reminder"}, refers_to="prompt")
    queue(
        engine,
        "answered",
        {"text": "How is it going? Answered"},
        method="chat.update",
        refers_to="prompt",
    )

    assert worker.deliver_due() == 0
    assert len(standin.calls(all=True)) == 1  # only the parent's failed try
    rows = outbox(engine)
    assert [(rows[k].state, rows[k].attempts) for k in ("reminder", "answered")] == [
        ("pending", 0),
        ("pending", 0),
    ]

    clock.advance(seconds=5)
    assert worker.deliver_due() == 3

    parent = outbox(engine)["prompt"]
    dm = standin.dm_channel(OWNERS[0])
    assert (parent.state, parent.channel) == ("sent", dm)
    [reply] = [c for c in standin.calls("chat.postMessage") if c.params.get("thread_ts")]
    assert (reply.params["channel"], reply.params["thread_ts"]) == (dm, parent.ts)
    [edit] = standin.calls("chat.update")
    assert (edit.params["channel"], edit.params["ts"]) == (dm, parent.ts)
    messages = standin.messages(OWNERS[0])
    assert [(m["text"], m["thread_ts"]) for m in messages] == [
        ("How is it going? Answered", None),
        ("A gentle reminder", parent.ts),
    ]
    assert {row.state for row in outbox(engine).values()} == {"sent"}


def test_a_fan_out_killed_midway_is_resumed_by_the_next_process_nothing_twice(
    tmp_path: Path,
    standin: SlackStandIn,
    sqlite_url: str,
    make_deps: Callable[[dict[str, str]], Bot],
) -> None:
    environ = bot_environ(tmp_path, standin, sqlite_url)
    first = make_deps(environ)
    seed(first.database.engine, *((f"Initiative of {owner}", owner) for owner in OWNERS))
    assert first.rituals.run("checkin", now=TUESDAY).queued == len(OWNERS)
    first.delivery.sender = DiesAfter(first.delivery.sender, calls=4)  # type: ignore[assignment]
    with pytest.raises(ProcessKilledError):
        first.delivery.drain(timeout=5)
    assert len(posts(standin)) == 4

    second = make_deps(environ)  # the restarted process, on the same database
    clock = Clock()
    clock.advance(seconds=LEASE_FOR.total_seconds())  # once the dead one's lease has ended
    second.delivery.clock = clock
    rerun = second.rituals.run("checkin", now=TUESDAY)
    assert (rerun.queued, rerun.first_run) == (0, False)
    assert second.delivery.drain(timeout=5) == 0

    prompted = Counter(call.params["channel"] for call in posts(standin))
    assert prompted == Counter(OWNERS)  # every owner exactly once
    for owner in OWNERS:
        assert len(standin.messages(owner)) == 1
    assert {row.state for row in outbox(second.database.engine).values()} == {"sent"}


def test_a_message_left_claimed_by_a_killed_worker_is_sent_once_its_lease_ends(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    for n in range(3):
        queue(engine, f"prompt:{n}", {"channel": OWNERS[n], "text": f"Prompt {n}"})
    clock = Clock()
    worker = make_worker(now=clock)
    with Session(engine) as session:  # what a worker killed while sending leaves behind
        session.execute(
            update(OutboxMessage)
            .where(col(OutboxMessage.key) == "prompt:1")
            .values(claimed_until=datetime.now(UTC) + worker.lease)
        )
        session.commit()

    assert worker.deliver_due() == 2
    assert outbox(engine)["prompt:1"].state == "pending"
    clock.advance(seconds=worker.lease.total_seconds() + 1)
    assert worker.deliver_due() == 1

    assert delivered_texts(standin) == Counter(f"Prompt {n}" for n in range(3))


def test_two_replicas_draining_the_same_outbox_send_each_message_once(
    tmp_path: Path,
    standin: SlackStandIn,
    database_url: str,
    make_deps: Callable[[dict[str, str]], Bot],
) -> None:
    environ = bot_environ(tmp_path, standin, database_url)
    replicas = [make_deps(environ), make_deps(environ)]
    texts = [f"Message {n}" for n in range(60)]
    for n, text in enumerate(texts):
        queue(
            replicas[0].database.engine,
            f"m:{n}",
            {"channel": OWNERS[n % len(OWNERS)], "text": text},
        )
    together = threading.Barrier(len(replicas))

    def drain(replica: Bot) -> int:
        together.wait(timeout=5)
        return replica.delivery.drain(timeout=3)

    with ThreadPoolExecutor(len(replicas)) as pool:
        left = list(pool.map(drain, replicas))

    assert left == [0, 0]
    assert delivered_texts(standin) == Counter(texts)
    assert len(posts(standin)) == len(texts)
    assert {row.state for row in outbox(replicas[1].database.engine).values()} == {"sent"}
    assert sum(replica.delivery.stats["sent"] for replica in replicas) == len(texts)


def test_drain_returns_zero_when_done_and_the_stats_match_what_slack_saw(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    clock = Clock()
    worker = make_worker(now=clock)
    standin.fail("chat.postMessage", status=503, channel=OWNERS[3])
    standin.fail("chat.postMessage", status=429, channel=OWNERS[4])
    for n in range(5):
        queue(engine, f"prompt:{n}", {"channel": OWNERS[n], "text": f"Prompt {n}"})
    queue(engine, "stranger", {"channel": NOBODY, "text": "to nobody"})
    queue(engine, "stranger:reply", {"text": "in nobody's thread"}, refers_to="stranger")

    worker.deliver_due()
    clock.advance(minutes=1)  # past the 503's backoff and the 429's Retry-After
    assert worker.drain(timeout=5) == 0

    calls = posts(standin)
    failed = [row for row in outbox(engine).values() if row.state == "failed"]
    assert [row.key for row in failed] == ["stranger", "stranger:reply"]
    assert worker.stats == {
        "sent": len(standin.calls("chat.postMessage")),
        "failed": len(failed),
        "retried": sum(c.status >= 500 for c in calls),
        "ratelimited": sum(c.status == 429 for c in calls),
    }
    assert worker.stats == {"sent": 5, "failed": 2, "retried": 1, "ratelimited": 1}


def test_drain_returns_what_it_could_not_deliver_in_time(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    worker = make_worker()
    standin.fail("chat.postMessage", status=503)  # the retry comes after ~2 s of backoff
    queue(engine, "prompt:1", {"channel": OWNERS[0], "text": "How is it going?"})

    assert worker.drain(timeout=0.3) == 1
    assert outbox(engine)["prompt:1"].state == "pending"


def test_drain_returns_as_soon_as_another_replica_delivers_the_last_message(
    engine: Engine, sqlite_url: str, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    queue(engine, "prompt:1", {"channel": OWNERS[0], "text": "How is it going?"})
    other_engine = make_engine(sqlite_url)
    held = HeldSender(SlackSender(base_url=standin.url, token=standin.token))
    other = DeliveryWorker(
        database=Database(other_engine),
        sender=held,  # type: ignore[arg-type]
        rate=200,
        burst=200,
    )
    in_flight = threading.Thread(target=other.deliver_due)  # the other replica claims it
    in_flight.start()
    try:
        assert held.calling.wait(5)

        def other_replica_finishes(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            # the race, made certain: the other replica records its delivery just as this
            # worker, having counted one pending row, asks when the next one is due
            if "ORDER BY outbox.next_attempt_at" in statement and not held.release.is_set():
                held.release.set()
                in_flight.join(5)

        event.listen(engine, "before_cursor_execute", other_replica_finishes)
        worker = make_worker()
        started = time.monotonic()
        left = worker.drain(timeout=2)
        elapsed = time.monotonic() - started
    finally:
        held.release.set()
        in_flight.join(5)
        held.close()
        other_engine.dispose()

    assert left == 0
    assert delivered_texts(standin) == Counter(["How is it going?"])
    assert elapsed < 1, f"drain() slept {elapsed:.1f}s with nothing left to send"


def test_stopping_the_worker_while_a_message_waits_its_turn_costs_it_no_attempt(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    worker = make_worker(rate=0.5, burst=1)  # the second message waits 2 s for its turn
    queue(engine, "prompt:1", {"channel": OWNERS[0], "text": "first"})
    queue(engine, "prompt:2", {"channel": OWNERS[1], "text": "second"})
    worker.start()
    standin.wait_for(lambda calls: len(calls) == 1)
    worker.stop()  # the operator stops the bot mid fan-out, the second waiting its turn

    assert [c.params["text"] for c in posts(standin)] == ["first"]
    row = outbox(engine)["prompt:2"]
    assert (row.state, row.attempts, row.last_error, row.claimed_until) == (
        "pending",
        0,
        None,
        None,
    )
    assert worker.stats["retried"] == 0


def test_a_reply_to_a_person_queued_during_a_fan_out_is_sent_next(
    engine: Engine, make_worker: WorkerFactory
) -> None:
    with SlackStandIn(users=PEOPLE, rate_limits={"chat.postMessage": (20, 20)}) as slack:
        worker = make_worker(slack=slack, rate=20, burst=20)
        for n in range(120):  # six seconds of fan-out at Slack's pace
            queue(engine, f"prompt:{n}", {"channel": OWNERS[n % len(OWNERS)], "text": f"p{n}"})
        worker.start()
        slack.wait_for(lambda calls: len(calls) >= 30)
        with transaction(engine) as session:
            enqueue(
                session,
                "receipt:1",
                Post(channel=OWNERS[0], text="Update recorded"),
                now=TUESDAY,
                lane=Lane.PERSON,
            )
            queued_at = time.monotonic()
        slack.wait_for(lambda calls: any(c.params.get("text") == "Update recorded" for c in calls))
        calls = posts(slack)
    [receipt] = [c for c in calls if c.params["text"] == "Update recorded"]
    assert receipt.at - queued_at < 1.0, "the receipt waited behind the fan-out"
    before = [c for c in calls if c.at < receipt.at and c.params["text"] != "Update recorded"]
    assert len(before) < 60, "sent ahead of most of the fan-out"


def test_posts_to_one_channel_go_a_second_apart_and_hold_back_no_dm(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    worker = make_worker()
    for n in range(3):
        queue(engine, f"digest:{n}", {"channel": "C0COMEX01", "text": f"digest {n}"})
        queue(engine, f"prompt:{n}", {"channel": OWNERS[n], "text": f"prompt {n}"})
    assert worker.drain(timeout=10) == 0
    calls = posts(standin)
    channel = [c.at for c in calls if c.params["channel"] == "C0COMEX01"]
    assert len(channel) == 3 and all(b - a >= 0.95 for a, b in itertools.pairwise(channel))
    dms = [c.at for c in calls if c.params["channel"] != "C0COMEX01"]
    assert max(dms) < channel[1], "the DMs did not wait for the channel's turn"


def test_two_replicas_send_through_one_pace_and_the_other_takes_over_when_it_stops(
    tmp_path: Path, database_url: str, make_deps: Callable[[dict[str, str]], Bot]
) -> None:
    with SlackStandIn(users=PEOPLE, rate_limits={"chat.postMessage": (10, 10)}) as slack:
        environ = bot_environ(tmp_path, slack, database_url)
        first, second = make_deps(environ), make_deps(environ)
        sent_by: dict[str, list[float]] = {"first": [], "second": []}
        for name, replica in (("first", first), ("second", second)):
            replica.delivery.sender.client.event_hooks["request"].append(
                lambda _request, name=name: sent_by[name].append(time.monotonic())
            )
        for n in range(40):
            queue(first.database.engine, f"m:{n}", {"channel": OWNERS[n % 9], "text": f"m{n}"})
        first.delivery.start()
        slack.wait_for(lambda calls: len(calls) >= 5)
        second.delivery.start()
        slack.wait_for(lambda calls: len(calls) >= 25)
        first.delivery.stop()  # the sending replica stops: the other one goes on at once
        stopped = time.monotonic()
        slack.wait_for(lambda calls: len([c for c in calls if c.status == 200]) >= 40, timeout=10)
    assert delivered_texts(slack) == Counter(f"m{n}" for n in range(40))
    assert len(sent_by["first"]) >= 25 and sent_by["second"], "each sent its part"
    assert max(sent_by["first"]) < min(sent_by["second"]), "both sent at once"
    assert min(sent_by["second"]) - stopped < 2, "the other replica took over at once"


def test_the_pace_learned_is_handed_to_the_next_sender(
    engine: Engine, make_worker: WorkerFactory
) -> None:
    with SlackStandIn(users=PEOPLE, rate_limits={"chat.postMessage": (5, 3)}) as slack:
        first = make_worker(slack=slack, rate=50, burst=10)
        for n in range(20):
            queue(engine, f"m:{n}", {"channel": OWNERS[n % 9], "text": f"m{n}"})
        assert first.drain(timeout=15) == 0
        learned = first.paces["chat.postMessage"].rate
        assert first.stats["ratelimited"] >= 1 and learned < 50
        first.stop()
        with Session(engine) as session:
            [held] = session.exec(select(DeliveryLease)).all()
        assert held.paces["chat.postMessage"][0] == pytest.approx(learned, abs=0.01)

        second = make_worker(slack=slack, rate=50, burst=10)
        queue(engine, "m:last", {"channel": OWNERS[0], "text": "last"})
        assert second.drain(timeout=5) == 0
    assert second.paces["chat.postMessage"].rate <= learned * 1.05, "it started where it was"


def test_a_row_that_cannot_be_sent_is_failed_and_the_others_still_go(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    worker = make_worker()
    with transaction(engine) as session:  # a response_url Slack would never give
        enqueue(session, "bad", Respond(url="http://x/\tnope", text="hi"), now=TUESDAY)
    queue(engine, "prompt:1", {"channel": OWNERS[0], "text": "How is it going?"})
    assert worker.drain(timeout=5) == 0
    rows = outbox(engine)
    assert (rows["bad"].state, rows["bad"].last_error) == ("failed", "InvalidURL")
    assert [m["text"] for m in standin.messages(OWNERS[0])] == ["How is it going?"]


def test_a_surface_that_cannot_be_drawn_costs_attempts_then_fails_and_stops_nothing(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    clock = Clock()
    worker = make_worker(now=clock)

    def broken(_session: Session, ref: str) -> dict[str, Any]:
        raise KeyError(ref)

    worker.drawers["prompt"] = broken
    worker.max_attempts = 2
    with transaction(engine) as session:
        enqueue(session, "drawn", Redraw(surface="prompt", ref="2026-W48 U0X"), now=TUESDAY)
    queue(engine, "prompt:1", {"channel": OWNERS[0], "text": "How is it going?"})
    assert worker.deliver_due() == 1
    assert outbox(engine)["drawn"].state == "pending" and outbox(engine)["drawn"].attempts == 1
    clock.advance(minutes=10)
    worker.deliver_due()
    assert (outbox(engine)["drawn"].state, outbox(engine)["drawn"].last_error) == (
        "failed",
        "not drawn: KeyError",
    )
    assert [m["text"] for m in standin.messages(OWNERS[0])] == ["How is it going?"]


def test_a_429_that_never_ends_gives_up_and_outbox_retry_sends_it_later(
    engine: Engine, standin: SlackStandIn, make_worker: WorkerFactory
) -> None:
    clock = Clock()
    worker = make_worker(now=clock)
    standin.fail("chat.postMessage", status=429, times=1000, channel=OWNERS[0])
    queue(engine, "prompt:1", {"channel": OWNERS[0], "text": "How is it going?"})
    for _ in range(4):  # Slack keeps saying "too many requests", for longer than the bound
        worker.deliver_due()
        clock.advance(minutes=5, seconds=1)
        worker.paces.clear()  # nothing else paces this test: only the bound is under test
    worker.deliver_due()
    row = outbox(engine)["prompt:1"]
    assert (row.state, row.last_error) == ("failed", "ratelimited")
    assert worker.drain(timeout=1) == 0, "it no longer holds up the rest"

    with transaction(engine) as session:
        assert outbox_store.retry(session=session, keys=["prompt:1"], now=clock.now()) == 1
    standin.recover()
    assert worker.drain(timeout=5) == 0
    assert [m["text"] for m in standin.messages(OWNERS[0])] == ["How is it going?"]
