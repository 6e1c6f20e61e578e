"""The weekly check-in in Slack: one prompt per person listing every initiative they answer
for, the reminder, and the replies to an owner's message."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from bot.blocks import commitment, kit
from bot.blocks.commitment import Followed
from bot.blocks.common import TITLE, AnswerLike, KpiInfo, kpi_name, kpi_value, summary
from bot.ids import Action, ChoiceRef, PromptRef
from bot.text import Mrkdwn, bold, clip, code, md, quote_lines, slack_date
from bot.words import Words

OBJECTIVE, DECISION, OWNER = 300, 300, 80


class PromptInitiative(KpiInfo, Protocol):
    @property
    def id(self) -> int | None: ...
    @property
    def title(self) -> str: ...
    @property
    def objective(self) -> str: ...
    @property
    def due(self) -> date | None: ...


@dataclass(frozen=True)
class FollowUp:
    """A decision about the initiative whose owner says whether it is carried out."""

    id: int
    decision: str
    decided_at: datetime
    due: date | None


@dataclass(frozen=True)
class PromptItem:
    """One initiative of a person's prompt: its last answer, the decisions to follow up, and
    the owner's name when the person answers as a deputy."""

    initiative: PromptInitiative
    last: AnswerLike | None = None
    last_period: str | None = None
    decisions: Sequence[FollowUp] = field(default_factory=tuple)
    deputy_for: Mrkdwn | None = None


def prompt(
    words: Words,
    items: Sequence[PromptItem],
    *,
    period: str,
    notes: Sequence[Mrkdwn] = (),
    followed: Sequence[Followed] = (),
) -> kit.Message:
    """The Monday DM: every initiative the person answers for this week, each with its own
    Update · No change · Skip; Update all and I'm away for the whole week. `notes` are what
    was folded into it rather than sent on its own (the noise budget); `followed`, the
    decisions due that the person follows up (Done · Not yet, new date · Blocked)."""
    count = len(items)
    head: list[kit.Block] = [
        kit.header(words.text("checkin-prompt-header", period=period)),
        kit.section(words.md("checkin-prompt-intro", count=count)),
        # every notice taken rides here, in one section: none is taken and left unsaid
        *([kit.section(Mrkdwn("\n\n").join(notes))] if notes else []),
    ]
    example = "checkin-prompt-hint-many" if count > 1 else "checkin-prompt-hint"
    first = items[0].initiative.id if items else 0
    week = PromptRef(i=first or 0, p=period)
    closing = [kit.button(words.text("checkin-button-away"), Action.CHECKIN_AWAY, week)]
    if count > 1:
        all_of = kit.button(
            words.text("checkin-button-update-all"), Action.CHECKIN_UPDATE_ALL, week
        )
        closing.insert(0, all_of)
    tail: list[kit.Block] = [
        kit.context(words.md(example)),
        kit.actions(*closing, block_id="checkin_week"),
    ]
    more = kit.section(words.md("checkin-prompt-more", count=count))
    room = kit.Room()
    room.spend([*head, *tail, more])
    asked = commitment.follow_ups(words, followed[:5])  # the decisions the person follows up
    if not room.take(asked):
        asked = []
    body: list[kit.Block] = []
    shown = 0
    for item in items:
        if not room.take(parts := _item(words, item, period)):
            break
        body += parts
        shown += 1
    if shown < count:
        body.append(kit.section(words.md("checkin-prompt-more", count=count - shown)))
    blocks = [*head, *body, *asked, *tail]
    titles = [clip(item.initiative.title, 60) for item in items[:3]]
    fallback = words.md("checkin-prompt-fallback", period=period, titles=words.join(titles))
    return kit.Message(fallback, tuple(blocks))


def _item(words: Words, item: PromptItem, period: str) -> list[kit.Block]:
    initiative = item.initiative
    assert initiative.id is not None
    lines = [bold(initiative.title, TITLE)]
    if item.deputy_for:
        lines.append(words.md("checkin-prompt-for", owner=item.deputy_for))
    facts: list[Mrkdwn] = []
    if initiative.kpi_name:
        name = kpi_name(words, initiative)
        if initiative.kpi_target is not None:
            target = kpi_value(words, initiative.kpi_target, initiative.kpi_unit)
            facts.append(words.md("checkin-prompt-kpi-target", kpi=name, target=target))
        else:
            facts.append(words.md("checkin-prompt-kpi", kpi=name))
    if initiative.due:
        facts.append(words.md("checkin-prompt-due", due=initiative.due))
    if facts:
        lines.append(md(" · ").join(facts))
    if item.last is not None and item.last_period:
        lines.append(words.md("checkin-prompt-last", period=item.last_period))
        lines.append(summary(words, initiative, item.last))
    else:
        lines.append(words.md("checkin-prompt-first"))
    ref = PromptRef(i=initiative.id, p=period)
    blocks: list[kit.Block] = [
        kit.section(md("\n").join(lines)),
        kit.actions(*prompt_buttons(words, ref), block_id=f"initiative_{initiative.id}"),
    ]
    for decision in item.decisions:
        blocks += follow_up(words, decision)
    return blocks


def prompt_buttons(words: Words, ref: PromptRef) -> list[kit.ButtonElement]:
    return [
        kit.button(
            words.text("checkin-button-update"), Action.CHECKIN_UPDATE, ref, style="primary"
        ),
        kit.button(words.text("checkin-button-no-change"), Action.CHECKIN_NO_CHANGE, ref),
        kit.button(words.text("checkin-button-skip"), Action.CHECKIN_SKIP, ref),
    ]


def follow_up(words: Words, decision: FollowUp) -> list[kit.Block]:
    """ "Is it carried out?" with its two buttons."""
    said = dict(date=slack_date(decision.decided_at, "{date_short}"))
    text = clip(decision.decision, DECISION)
    if decision.due:
        line = words.md("checkin-prompt-decision-due", **said, decision=text, due=decision.due)
    else:
        line = words.md("checkin-prompt-decision", **said, decision=text)
    return [
        kit.section(line + "\n" + words.md("checkin-prompt-decision-ask")),
        commitment.controls(words, decision.id, due=decision.due),  # Done · new date · Blocked
    ]


def reminder(
    words: Words, *, titles: Sequence[str], period: str, notes: Sequence[Mrkdwn] = ()
) -> kit.Message:
    """One nudge a week, in the prompt's thread, naming what is still missing; `notes` are
    what was folded into it rather than sent on its own (the noise budget)."""
    shown = [bold(title, 100) for title in titles[:8]]
    more = len(titles) - len(shown)
    listed = (
        words.join(shown)
        if not more
        else words.md("checkin-reminder-more", titles=words.join(shown), count=more)
    )
    text = words.md("checkin-reminder", titles=listed, count=len(titles))
    blocks: list[kit.Block] = [kit.section(text)]
    blocks += [kit.section(note) for note in notes[:10]]
    fallback = words.md("checkin-reminder-fallback", period=period, count=len(titles))
    return kit.Message(fallback, tuple(blocks))


def skipped(words: Words, *, title: str, period: str) -> kit.Message:
    short = clip(title, TITLE)
    return kit.message(
        words.md("checkin-skipped-fallback", title=short),
        kit.context(words.md("checkin-skipped", period=period, title=short)),
    )


HELP_EXAMPLES = ("checkin-help-example-1", "checkin-help-example-2", "checkin-help-example-3")


def help_reply(words: Words, *, title: str | None = None) -> kit.Message:
    """Nothing readable: what to write, with examples."""
    lines = [words.md("checkin-help")]
    if title:
        lines.append(bold(title, TITLE))
    lines.append(words.md("checkin-help-examples"))
    lines += [quote_lines(code(words.text(example))) for example in HELP_EXAMPLES]
    lines.append(words.md("checkin-help-form"))
    return kit.message(words.md("checkin-help-fallback"), kit.section(md("\n").join(lines)))


def not_owner(words: Words) -> kit.Message:
    return kit.message(
        words.md("checkin-not-owner-fallback"), kit.section(words.md("checkin-not-owner"))
    )


def which(
    words: Words, *, pending_id: int, choices: Sequence[tuple[int, str]], said: str | None = None
) -> kit.Message:
    """Which of their initiatives an answer (or `said`, a part of it) is about."""
    buttons = [
        kit.button(title, f"{Action.CHECKIN_CHOOSE}_{n}", ChoiceRef(a=pending_id, i=initiative))
        for n, (initiative, title) in enumerate(choices[: kit.ACTIONS_ELEMENTS], start=1)
    ]
    text = words.md("checkin-which")
    if said:
        text += "\n" + quote_lines(clip(said, 500))
    return kit.message(
        words.md("checkin-which-fallback"),
        kit.section(text),
        kit.actions(*buttons, block_id="checkin_choose"),
    )


def chosen(words: Words, *, title: str) -> kit.Message:
    short = clip(title, TITLE)
    return kit.message(
        words.md("checkin-chosen-fallback", title=short),
        kit.context(words.md("checkin-chosen", title=short)),
    )


def notice(words: Words, reason: str) -> kit.Message:
    """A one-line private notice: `notice-<reason>` of the catalogue."""
    text = words.md(f"notice-{reason}")
    return kit.message(text, kit.section(text))
