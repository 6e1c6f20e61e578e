"""The receipt of an answer: exactly what was stored for each initiative the message covered,
one short question with buttons for what the bot would not guess, and Correct for each."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bot.blocks import kit
from bot.blocks.checkin import PromptInitiative
from bot.blocks.common import TITLE, AnswerLike, emoji, kpi_value, status_label, summary
from bot.ids import Action, PromptRef, QuestionRef
from bot.text import Mrkdwn, bold, clip, md
from bot.words import Words
from rituals.numbers import parse_number
from rituals.status import Status

STATUSES = (Status.ON_TRACK.value, Status.AT_RISK.value, Status.OFF_TRACK.value, Status.DONE.value)


@dataclass(frozen=True)
class ReceiptPart:
    """One initiative's answer as stored, and the questions still open about it."""

    initiative: PromptInitiative
    answer: AnswerLike
    replaced: bool = False
    kept_status: bool = False
    asked: Mapping[str, Sequence[str]] = field(default_factory=dict)
    by: Mrkdwn | None = None  # who answered, on a co-owned initiative


def receipt(words: Words, parts: Sequence[ReceiptPart], *, period: str) -> kit.Message:
    """What was stored, initiative by initiative; `asked` fields get their question."""
    fitting = _fitting(words, parts, period)
    shown = [part.initiative.id or 0 for part in parts[:fitting]]
    blocks: list[kit.Block] = []
    for part in parts[:fitting]:
        blocks += _part(words, part, period, shown)
    if fitting < len(parts):
        blocks.append(kit.context(words.md("receipt-more", count=len(parts) - fitting)))
    first = clip(parts[0].initiative.title, TITLE) if parts else md("")
    fallback = words.md("receipt-fallback", title=first, count=len(parts))
    return kit.Message(fallback, tuple(blocks))


def _fitting(words: Words, parts: Sequence[ReceiptPart], period: str) -> int:
    """How many parts one message shows, keeping room to say how many more were stored."""
    everyone = [part.initiative.id or 0 for part in parts]
    room = kit.Room()
    room.spend([kit.context(words.md("receipt-more", count=len(parts)))])
    for n, part in enumerate(parts):
        if not room.take(_part(words, part, period, everyone)):
            return n
    return len(parts)


def _part(words: Words, part: ReceiptPart, period: str, shown: list[int]) -> list[kit.Block]:
    initiative = part.initiative
    assert initiative.id is not None
    replaced = "yes" if part.replaced else "no"
    title = clip(initiative.title, TITLE)
    text = words.md("receipt-title", replaced=replaced, title=title, period=period)
    text += "\n" + summary(words, initiative, part.answer)
    if part.by is not None:
        text += " · " + words.md("answer-by", name=part.by)
    if part.kept_status:
        text += "\n" + words.md("receipt-kept-status")
    elif part.answer.status is None and "status" not in part.asked:
        text += "\n" + words.md("receipt-no-status")
    blocks: list[kit.Block] = [kit.section(text)]
    for name, candidates in part.asked.items():
        question, buttons = _question(words, part, name, candidates, period, shown)
        if buttons:
            blocks.append(kit.section(question))
            blocks.append(kit.actions(*buttons, block_id=f"ask_{initiative.id}_{name}"))
    correct = PromptRef(i=initiative.id, p=period, c=True)
    blocks.append(
        kit.actions(
            kit.button(words.text("receipt-button-correct"), Action.CHECKIN_CORRECT, correct),
            block_id=f"correct_{initiative.id}",
        )
    )
    return blocks


def _question(
    words: Words,
    part: ReceiptPart,
    name: str,
    candidates: Sequence[str],
    period: str,
    shown: list[int],
) -> tuple[Mrkdwn, list[kit.ButtonElement]]:
    initiative = part.initiative
    assert initiative.id is not None
    title = bold(initiative.title, 80)
    choices: list[tuple[str, str, str]] = []  # (label, field, value)
    if name == "status":
        for status in [c for c in candidates if c in STATUSES] or STATUSES[:3]:
            choices.append((f"{emoji(status)} {status_label(words, status)}", "status", status))
        question = words.md("receipt-ask-status", title=title)
    elif name in ("progress", "kpi"):
        numbers = [n for n in (_number(value) for value in candidates) if n is not None]
        if len(numbers) == 1:  # one figure: is it, or is it not?
            shown_as = words.pct(numbers[0]) if name == "progress" else words.num(numbers[0])
            choices.append(
                (words.text(f"receipt-answer-{name}", value=shown_as), name, _plain(numbers[0]))
            )
            choices.append((words.text("receipt-answer-neither"), f"drop:{name}", ""))
            question = words.md(f"receipt-ask-one-{name}", title=title, value=md(shown_as))
        else:
            for number in numbers:
                label = words.pct(number) if name == "progress" else words.num(number)
                choices.append((label, name, _plain(number)))
            question = words.md(f"receipt-ask-{name}", title=title)
    else:  # one figure, the progress or the KPI
        figure = _number(candidates[0]) if candidates else None
        if figure is None:
            return md(""), []
        number = figure
        said = kpi_value(words, number, initiative.kpi_unit)
        choices.append(
            (
                words.text("receipt-answer-progress", value=words.num(number)),
                "progress",
                _plain(number),
            )
        )
        choices.append(
            (words.text("receipt-answer-kpi", value=words.num(number)), "kpi", _plain(number))
        )
        question = words.md("receipt-ask-progress-or-kpi", title=title, value=said)
    buttons = [
        kit.button(
            label,
            f"{Action.CHECKIN_QUESTION}_{n}",
            QuestionRef(i=initiative.id, p=period, f=f, v=v, r=shown),
        )
        for n, (label, f, v) in enumerate(choices[:5], start=1)
    ]
    return question, buttons


def _number(text: str) -> float | None:
    digits = "".join(c for c in text if c.isdigit() or c in ",.-−  \u202f")
    try:
        return parse_number(digits.strip()) if digits.strip() else None
    except ValueError:
        return None


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))
