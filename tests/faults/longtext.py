"""Campaign: two owners send 40,000-character DMs (Slack's limit), ten others their usual
answer just after; how long until each is answered, against a first round of ten usual
answers alone (the same bot, the same machine, the same moment: what "quick" means here).

The reader must be linear and capped, so that the long ones are answered within a second or
two — or, on a machine busy with other work, within twice what a usual answer takes — and
hold nobody else up."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.devtools.standin import SlackStandIn
from rituals.db import make_engine, migrate
from tests.faults.process import BotProcess
from tests.faults.traffic import Requests, Sender
from tests.faults.world import environ, owner, people, seed_owners

SLACK_LIMIT = 40_000
LONG, OTHERS = 2, 10
QUICK = 2.0  # seconds: "a second or two"
USUAL = "amber 45%, waiting on the vendor"


def long_text() -> str:
    return ("green 60% " * (SLACK_LIMIT // 10 + 1))[:SLACK_LIMIT]


@dataclass
class LongTextFigures:
    patience: float
    usual: list[float | None] = field(default_factory=list)  # round 1: usual answers alone
    long: list[float | None] = field(default_factory=list)  # round 2: seconds to the answer
    others: list[float | None] = field(default_factory=list)  # round 2: the usual answers

    @property
    def bound(self) -> float:
        """Quick: within a second or two, or twice the slowest usual answer of round 1."""
        usual = [s for s in self.usual if s is not None]
        return max(QUICK, 2 * max(usual)) if len(usual) == len(self.usual) else QUICK

    def _said(self, seconds: list[float | None]) -> str:
        answered = [s for s in seconds if s is not None]
        slowest = f", slowest {max(answered):.2f} s" if answered else ""
        return f"{len(answered)} of {len(seconds)} answered within {self.patience:.0f} s{slowest}"

    def lines(self, note: str = "") -> list[str]:
        return [
            f"40,000-character DMs: {self._said(self.long)}; the other owners' receipts beside "
            f"them: {self._said(self.others)}; usual answers alone: {self._said(self.usual)} "
            f"(quick: within {self.bound:.1f} s){note}"
        ]

    def held(self) -> bool:
        return all(s is not None and s <= self.bound for s in [*self.long, *self.others])


def long_dms(*, database_url: str, folder: Path, patience: float) -> LongTextFigures:
    figures = LongTextFigures(patience)
    total = LONG + 2 * OTHERS
    engine = make_engine(database_url)
    migrate(engine)
    seed_owners(engine, range(total))
    with SlackStandIn(users=people(total)) as standin:
        requests = Requests(standin)
        process = BotProcess(environ(folder, standin, database_url), folder / "bot.log").start()
        try:
            with Sender(process.url) as sender:
                alone = [(owner(LONG + OTHERS + n), USUAL) for n in range(OTHERS)]
                figures.usual = _round(standin, requests, sender, alone, patience)
                beside = [(owner(n), long_text()) for n in range(LONG)]
                beside += [(owner(LONG + n), USUAL) for n in range(OTHERS)]
                times = _round(standin, requests, sender, beside, patience)
        finally:
            process.kill()
            engine.dispose()
    figures.long, figures.others = times[:LONG], times[LONG:]
    return figures


def _round(
    standin: SlackStandIn,
    requests: Requests,
    sender: Sender,
    answers: list[tuple[str, str]],
    patience: float,
) -> list[float | None]:
    """Send the DMs one after the other; seconds from each to the bot's first answer in that
    owner's DM (None if none came within `patience`)."""
    seen = len(standin.calls("chat.postMessage"))
    sent: dict[str, float] = {}
    for user, text in answers:
        request, _ts = requests.dm(user, text)
        sent[user] = time.monotonic()
        outcome = sender.send(request)
        assert outcome.ok, outcome
    answered: dict[str, float] = {}
    channels = {standin.dm_channel(user): user for user in sent}
    deadline = max(sent.values()) + patience
    while len(answered) < len(sent) and time.monotonic() < deadline:
        calls = standin.calls("chat.postMessage")
        for call in calls[seen:]:
            user = channels.get(str(call.params.get("channel")))
            if user is not None and user not in answered:
                answered[user] = call.at - sent[user]
        seen = len(calls)
        time.sleep(0.02)
    return [answered.get(user) for user, _ in answers]
