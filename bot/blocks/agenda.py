"""The monthly arbitration: the agenda posted in a committee channel before its polls, and
the options the bot offers for a request that names none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.blocks import kit
from bot.blocks.poll import Who
from bot.text import clip, fit, md, plain, slack_date
from bot.words import Words
from rituals.arbitration import MAX_OPTION

SHOWN = 10
# Each line of the list within its share of the section's 3000 characters.
TITLE, NAME, REQUEST, LINE = 80, 60, 130, 285


@dataclass(frozen=True)
class AgendaLine:
    """A queued request: its initiative's title and owner, and what the owner asked."""

    title: str
    owner: str
    request: str


def agenda(
    words: Words,
    *,
    committee: str,
    period: str,
    items: Sequence[AgendaLine],
    deadline: datetime,
    who: Who,
) -> kit.Message:
    """The month's requests, ten at most listed; each has its own poll after this message."""
    count = len(items)
    intro = words.md("agenda-intro", count=count)
    intro += " " + words.md("agenda-deadline", deadline=slack_date(deadline))
    lines = [
        fit(
            words.md(
                "agenda-item",
                title=clip(item.title, TITLE),
                owner=fit(who(item.owner), NAME),
                request=clip(item.request, REQUEST),
            ),
            LINE,
        )
        for item in items[:SHOWN]
    ]
    if count > SHOWN:
        lines.append(words.md("agenda-more", count=count - SHOWN))
    blocks: list[kit.Block] = [
        kit.header(words.text("agenda-header", committee=committee, period=period)),
        kit.section(intro),
    ]
    if lines:
        blocks.append(kit.section(md("\n").join(lines)))
    return kit.Message(words.md("agenda-fallback", period=period, count=count), tuple(blocks))


def standard_options(words: Words, proposal: str) -> tuple[str, str, str]:
    """Approve the owner's proposal (as written, shortened to fit an option), reject, defer."""
    room = MAX_OPTION - len(words.text("agenda-option-approve", proposal=""))
    return (
        words.text("agenda-option-approve", proposal=plain(proposal.strip(), room)),
        words.text("agenda-option-reject"),
        words.text("agenda-option-defer"),
    )
