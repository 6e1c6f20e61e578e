"""The CMOs' report of what a ritual run could not deliver: who, why, what to do."""

from __future__ import annotations

from collections.abc import Sequence

from bot.blocks import kit
from bot.text import Mrkdwn, md
from bot.words import Words

SHOWN = 15  # lines named; the rest counted


def report(
    words: Words, *, ritual: str, period: str, failures: Sequence[tuple[Mrkdwn, Mrkdwn]]
) -> kit.Message:
    """`failures` are (who, why) of each message not delivered."""
    name = words.text("failures-ritual", ritual=ritual)
    count = len(failures)
    lines = [words.md("failures-header", ritual=name, period=period, count=count)]
    lines += [words.md("failures-line", who=who, why=why) for who, why in failures[:SHOWN]]
    if count > SHOWN:
        lines.append(words.md("failures-more", count=count - SHOWN))
    return kit.message(
        words.md("failures-fallback", ritual=name, period=period, count=count),
        kit.section(md("\n").join(lines)),
        kit.context(words.md("failures-after", name=ritual)),
    )
