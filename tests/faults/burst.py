"""A burst as Slack delivers one: a poll's committee voting and owners answering by DM, all
at once; each request remembers what it asked and what Slack got back. A `Trigger` does
something to the bot (SIGKILL, SIGTERM…) once a chosen number of requests were answered."""

from __future__ import annotations

import json
import random
import threading
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.devtools.standin import SlackStandIn
from bot.ids import Action, PollRef
from tests.blockkit import texts
from tests.faults.traffic import Outcome, Request, Requests, Sender
from tests.faults.waiting import until
from tests.faults.world import BOARD_CHANNEL, CMO

OPTIONS = ("Yes", "No", "Later")


@dataclass
class Sent:
    """One request of a burst: a vote (`option`, confirmed through `reply`, the key of its
    response URL) or an answer (its receipt goes to the owner's DM)."""

    kind: Literal["vote", "answer"]
    user: str
    request: Request
    option: int = -1
    reply: str = ""
    outcomes: list[Outcome] = field(default_factory=list)
    redelivered: bool = False

    @property
    def acknowledged(self) -> bool:
        return any(outcome.ok for outcome in self.outcomes)

    @property
    def reached(self) -> bool:
        """Whether it got to a bot at least once (answered or cut mid-way)."""
        return any(outcome.reached for outcome in self.outcomes)


@dataclass(frozen=True)
class Poll:
    id: int
    message: dict[str, Any]


def open_polls(
    requests: Requests, sender: Sender, standin: SlackStandIn, questions: list[str]
) -> list[Poll]:
    """The CMO's `/arbitrate` in the board's channel for each question, and the poll
    messages they post."""
    for question in questions:
        command = requests.command(
            CMO, "/arbitrate", f"{question} | {' | '.join(OPTIONS)}", channel=BOARD_CHANNEL
        )
        outcome = sender.send(command)
        assert outcome.ok, f"/arbitrate answered {outcome}"

    def posted() -> list[dict[str, Any]] | None:
        messages = standin.messages(BOARD_CHANNEL)
        found = [next((m for m in messages if q in texts(m)), None) for q in questions]
        return None if None in found else found  # type: ignore[return-value]

    return [_poll(m) for m in until(f"{len(questions)} polls posted", posted, timeout=30)]


def _poll(message: dict[str, Any]) -> Poll:
    value = next(
        block["accessory"]["value"]
        for block in message["blocks"]
        if (block.get("accessory") or {}).get("action_id", "").startswith(Action.POLL_VOTE)
    )
    return Poll(PollRef.model_validate_json(value).a, message)


def burst(
    requests: Requests, poll: Poll, voters: list[str], owners: list[str], rng: random.Random
) -> list[Sent]:
    """Each voter's click on a random option, each owner's answer by DM, shuffled."""
    sent = []
    for voter in voters:
        option = rng.randrange(len(OPTIONS))
        click = requests.click(voter, poll.message, f"{Action.POLL_VOTE}_{option}")
        sent.append(Sent("vote", voter, click, option=option, reply=_reply_key(click)))
    for owner in owners:
        answer, _ts = requests.dm(owner, f"green {rng.randint(5, 95)}% on track")
        sent.append(Sent("answer", owner, answer))
    rng.shuffle(sent)
    return sent


def _reply_key(click: Request) -> str:
    form = urllib.parse.parse_qs(click.body.decode())
    url = json.loads(form["payload"][0])["response_url"]
    return str(url).rsplit("/", 1)[1]


class Trigger:
    """Runs `action` once `after` requests were answered 200 (or all were sent), `delay`
    seconds later: the random moment of a fault."""

    def __init__(self, total: int, after: int, delay: float, action: Callable[[], None]) -> None:
        self.total, self.after, self.delay, self.action = total, after, delay, action
        self.acknowledged_before = 0
        self._acks, self._finished = 0, 0
        self._changed = threading.Condition()
        self._fired = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fault", daemon=True)

    def start(self) -> Trigger:
        self._thread.start()
        return self

    def saw(self, outcome: Outcome) -> None:
        with self._changed:
            self._acks += outcome.ok
            self._finished += 1
            self._changed.notify_all()

    def _run(self) -> None:
        with self._changed:
            self._changed.wait_for(
                lambda: self._acks >= self.after or self._finished >= self.total, timeout=30
            )
        self._fired.wait(self.delay)  # the injected randomness, not a wait for a condition
        with self._changed:
            self.acknowledged_before = self._acks
        self.action()
        self._fired.set()

    def join(self, timeout: float = 30) -> None:
        self._thread.join(timeout)


def fire(
    sent: list[Sent], sender: Sender, *, trigger: Trigger | None = None, workers: int = 8
) -> None:
    """Send every request at once (a few at a time, as Slack's many connections do)."""

    def one(item: Sent) -> None:
        outcome = sender.send(item.request)
        item.outcomes.append(outcome)
        if trigger is not None:
            trigger.saw(outcome)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, sent))
    if trigger is not None:
        trigger.join()


def send_again(sent: list[Sent], sender: Sender) -> None:
    """After a restart, as Slack and people do: what never reached a bot is sent again (a
    load balancer's retry); an event cut mid-way is redelivered with the same event id (Slack
    retries events that got no answer). A click cut mid-way is not: Slack showed the person
    an error, and it counts as unacknowledged."""
    for item in sent:
        if item.acknowledged:
            continue
        if not item.reached:
            item.outcomes.append(sender.send(item.request))
        elif item.kind == "answer":
            item.redelivered = True
            item.outcomes.append(sender.send(item.request, retry=1))
