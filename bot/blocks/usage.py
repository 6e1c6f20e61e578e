"""`/checkin help`, `/arbitrate help`, `/decisions help` (`aide` in French): every form the
command takes, one bullet each with an example, answered privately."""

from __future__ import annotations

from typing import Literal

from bot.blocks import kit
from bot.text import md
from bot.words import Words
from rituals.arbitration import MAX_OPTIONS

Command = Literal["checkin", "arbitrate", "decisions"]
FORMS: dict[Command, tuple[str, ...]] = {
    "checkin": (
        "form",
        "away-date",
        "away-relative",
        "away-deputy",
        "back",
        "language",
        "shortcut",
        "help",
    ),
    "arbitrate": ("form", "poll", "channel", "name", "flags", "help"),
    "decisions": ("list", "help"),
}
ASKING = ("help", "aide", "?", "-h", "--help")


def asks(text: str) -> bool:
    """Whether a command's text asks for its help."""
    return text.strip().casefold() in ASKING


def usage(words: Words, command: Command, *, cmo: bool = False) -> kit.Message:
    """The help of `command`; `cmo`: the reader may post polls (no note that they may not)."""
    title = words.md(f"usage-{command}-title")
    bullets = [
        md("• ") + words.md(f"usage-{command}-{form}", max=MAX_OPTIONS) for form in FORMS[command]
    ]
    blocks: list[kit.Block] = [kit.section(md("\n").join([title, *bullets]))]
    if command == "arbitrate" and not cmo:
        blocks.append(kit.context(words.md("usage-arbitrate-cmo")))
    if command == "decisions":
        blocks.append(kit.context(words.md("usage-decisions-scope")))
    return kit.message(title, *blocks)
