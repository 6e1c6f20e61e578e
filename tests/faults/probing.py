"""Fuzzing the running bot's HTTP surface: each case sent over HTTP, what came back kept, and
every traceback the bot logged counted (`Tracebacks`, a handler on the root logger) — the
inbox's work on what was stored, and the outbox's on what that queued, included."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

import httpx
from hypothesis import HealthCheck, Phase, given, seed, settings

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.web.slack import MAX_BODY
from tests.faults.bodies import envelopes
from tests.faults.fuzzing import UNSIGNED, Case, cases


class Tracebacks(logging.Handler):
    """Counts the log records that carry a traceback, and keeps the first few."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or record.stack_info or "Traceback (most" in record.getMessage():
            self.records.append(record)

    def __enter__(self) -> Tracebacks:
        root = logging.getLogger()
        self._level = root.level
        root.setLevel(logging.INFO)
        root.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        root = logging.getLogger()
        root.removeHandler(self)
        root.setLevel(self._level)

    def described(self, limit: int = 3) -> list[str]:
        return [
            f"traceback: {r.name}: {r.getMessage()[:200]} ({r.exc_info[0] if r.exc_info else ''})"
            for r in self.records[:limit]
        ]


@dataclass
class Probe:
    """What the fuzzing saw."""

    tried: int = 0
    signed: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # what did not hold, first few
    failed: int = 0
    tracebacks: int = 0

    def send(self, client: httpx.Client, case: Case) -> None:
        content = iter([case.body]) if case.chunked else case.body
        error = ""
        try:
            response = client.post("/slack/events", content=content, headers=case.headers())
            status = response.status_code
        except httpx.TransportError as exc:
            status, error = 0, type(exc).__name__
        self.tried += 1
        self.signed += case.signed
        self.statuses[status] += 1
        if status == 0:
            self._fail(case, f"no answer ({error})")
        elif status >= 500:
            self._fail(case, f"{status}")
        elif len(case.body) > MAX_BODY:
            if status != 413:
                self._fail(case, f"{status} for a body over the limit")
        elif not case.signed and status != 401:
            self._fail(case, f"{status} unsigned")

    def _fail(self, case: Case, what: str) -> None:
        self.failed += 1
        if len(self.failures) < 5:
            self.failures.append(f"{what}: {case.what}, {case.signing}, {case.body[:120]!r}")

    @property
    def held(self) -> int:
        return self.tried - self.failed

    def line(self) -> str:
        shown = ", ".join(f"{status}: {n}" for status, n in sorted(self.statuses.items()))
        return (
            f"fuzzing POST /slack/events: {self.tried} tried ({self.signed} signed, "
            f"{self.tried - self.signed} not), {self.held} held; "
            f"{sum(n for s, n in self.statuses.items() if s >= 500)} answered 5xx, "
            f"{self.statuses[401]} answered 401, {self.tracebacks} tracebacks in the logs "
            f"(statuses {shown})"
        )


def fuzz(bot: LocalBot, standin: SlackStandIn, examples: int, *, start: int = 8) -> Probe:
    """`examples` generated requests (hypothesis, seeded with `start`), then bodies over the
    size limit, signed and not; then the bot's inbox and outbox left to finish."""
    probe = Probe()
    made = envelopes(standin)

    @seed(start)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(cases(made))
    def one(case: Case) -> None:
        probe.send(bot.http, case)

    with Tracebacks() as tracebacks:
        one()
        for signing in ("signed", *UNSIGNED[:3]):  # refused before they are read
            for size in (MAX_BODY + 1, 2 * MAX_BODY):
                probe.send(bot.http, Case("huge", b"{" * size, "application/json", signing))
        bot.settled(timeout=60)
    probe.tracebacks = len(tracebacks.records)
    probe.failures += tracebacks.described()
    return probe
