"""A hypothesis fuzz of `POST /slack/events` on the running bot: thousands of malformed
bodies, signed and not — no 5xx, no traceback in the logs (the inbox's and the outbox's work
on what was stored included), every unsigned one 401, every body over the limit 413."""

from __future__ import annotations

from collections.abc import Callable

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from tests.faults.probing import fuzz

EXAMPLES = 2500


def test_fuzzing_the_http_surface(
    bot: LocalBot, standin: SlackStandIn, figures: Callable[..., None]
) -> None:
    probe = fuzz(bot, standin, EXAMPLES)
    figures(probe.line())
    assert probe.failures == []
    assert probe.tried >= EXAMPLES and probe.held == probe.tried and probe.tracebacks == 0
