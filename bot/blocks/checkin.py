"""The weekly check-in in Slack: the prompt, the reminder, the receipt and the replies to an
owner's message."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from bot.blocks import kit
from bot.blocks.common import TITLE, AnswerLike, KpiInfo, kpi_name, kpi_value, summary
from bot.ids import Action, ChoiceRef, DecisionRef, PromptRef
from bot.text import Mrkdwn, clip, code, md, quote_lines, slack_date
from bot.words import Words

OBJECTIVE, DECISION = 1000, 500


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


def prompt(
    words: Words,
    initiative: PromptInitiative,
    *,
    period: str,
    last: AnswerLike | None,
    last_period: str | None,
    decisions: Sequence[FollowUp] = (),
) -> kit.Message:
    """The Monday DM asking for an initiative's update."""
    assert initiative.id is not None
    ref = PromptRef(i=initiative.id, p=period)
    facts: list[Mrkdwn] = []
    if initiative.objective:
        facts.append(
            words.md("checkin-prompt-objective", objective=clip(initiative.objective, OBJECTIVE))
        )
    if initiative.kpi_name:
        name = kpi_name(words, initiative)
        if initiative.kpi_target is not None:
            target = kpi_value(words, initiative.kpi_target, initiative.kpi_unit)
            facts.append(words.md("checkin-prompt-kpi-target", kpi=name, target=target))
        else:
            facts.append(words.md("checkin-prompt-kpi", kpi=name))
    if initiative.due:
        facts.append(words.md("checkin-prompt-due", due=initiative.due))
    facts.append(words.md("checkin-prompt-week", period=period))
    if last is not None and last_period:
        answer = words.md("checkin-prompt-last", period=last_period) + "\n"
        answer += summary(words, initiative, last)
    else:
        answer = words.md("checkin-prompt-first")
    blocks: list[kit.Block] = [
        kit.header(words.text("checkin-prompt-header", title=initiative.title)),
        kit.section(md("\n").join(facts)),
        kit.section(answer),
    ]
    for decision in decisions:
        blocks += follow_up(words, decision)
    blocks += [
        kit.context(words.md("checkin-prompt-hint")),
        kit.actions(*prompt_buttons(words, ref), block_id="checkin_actions"),
    ]
    fallback = words.md(
        "checkin-prompt-fallback", period=period, title=clip(initiative.title, TITLE)
    )
    return kit.Message(fallback, tuple(blocks))


def prompt_buttons(words: Words, ref: PromptRef) -> list[kit.ButtonElement]:
    return [
        kit.button(
            words.text("checkin-button-update"), Action.CHECKIN_UPDATE, ref, style="primary"
        ),
        kit.button(words.text("checkin-button-no-change"), Action.CHECKIN_NO_CHANGE, ref),
        kit.button(words.text("checkin-button-skip"), Action.CHECKIN_SKIP, ref),
        kit.button(words.text("checkin-button-away"), Action.CHECKIN_AWAY, ref),
    ]


def follow_up(words: Words, decision: FollowUp) -> list[kit.Block]:
    """ "Is it carried out?" with its two buttons."""
    said = dict(date=slack_date(decision.decided_at, "{date_short}"))
    text = clip(decision.decision, DECISION)
    if decision.due:
        line = words.md("checkin-prompt-decision-due", **said, decision=text, due=decision.due)
    else:
        line = words.md("checkin-prompt-decision", **said, decision=text)
    ref = DecisionRef(d=decision.id)
    return [
        kit.section(line + "\n" + words.md("checkin-prompt-decision-ask")),
        kit.actions(
            kit.button(words.text("decision-button-done"), Action.DECISION_DONE, ref),
            kit.button(words.text("decision-button-not-yet"), Action.DECISION_NOT_YET, ref),
        ),
    ]


def reminder(words: Words, *, title: str, period: str) -> kit.Message:
    short = clip(title, TITLE)
    return kit.message(
        words.md("checkin-reminder-fallback", title=short, period=period),
        kit.section(words.md("checkin-reminder", title=short)),
    )


def receipt(
    words: Words,
    initiative: PromptInitiative,
    *,
    period: str,
    answer: AnswerLike,
    replaced: bool,
    kept_status: bool,
) -> kit.Message:
    """What was stored, and a way to correct it."""
    assert initiative.id is not None
    title = clip(initiative.title, TITLE)
    text = words.md(
        "receipt-title", replaced="yes" if replaced else "no", title=title, period=period
    )
    text += "\n" + summary(words, initiative, answer)
    if kept_status:
        text += "\n" + words.md("receipt-kept-status")
    if answer.status is None:
        text += "\n" + words.md("receipt-no-status")
    correct = kit.button(
        words.text("receipt-button-correct"),
        Action.CHECKIN_CORRECT,
        PromptRef(i=initiative.id, p=period),
    )
    return kit.message(
        words.md("receipt-fallback", title=title), kit.section(text), kit.actions(correct)
    )


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
        lines.append(md("*") + clip(title, TITLE) + md("*"))
    lines.append(words.md("checkin-help-examples"))
    lines += [quote_lines(code(words.text(example))) for example in HELP_EXAMPLES]
    lines.append(words.md("checkin-help-form"))
    return kit.message(words.md("checkin-help-fallback"), kit.section(md("\n").join(lines)))


def not_owner(words: Words) -> kit.Message:
    return kit.message(
        words.md("checkin-not-owner-fallback"), kit.section(words.md("checkin-not-owner"))
    )


def which(words: Words, *, pending_id: int, choices: Sequence[tuple[int, str]]) -> kit.Message:
    """Which of their initiatives a free-text answer is about, one button each."""
    buttons = [
        kit.button(title, f"{Action.CHECKIN_CHOOSE}_{n}", ChoiceRef(a=pending_id, i=initiative))
        for n, (initiative, title) in enumerate(choices[: kit.ACTIONS_ELEMENTS], start=1)
    ]
    return kit.message(
        words.md("checkin-which-fallback"),
        kit.section(words.md("checkin-which")),
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
