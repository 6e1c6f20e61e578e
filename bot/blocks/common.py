"""Pieces several surfaces show: a status, an answer's summary, a KPI value with its unit."""

from __future__ import annotations

from typing import Protocol

from bot.text import Mrkdwn, clip, md
from bot.words import Words

STATUS_EMOJI = {"on_track": "🟢", "at_risk": "🟡", "off_track": "🔴", "done": "✅"}
NO_STATUS_EMOJI = "⚪"
# What people's text may take, once escaped, in a summary (a section holds 3000).
TITLE, NAME, UNIT, BLOCKERS, DECISION, COMMENT = 150, 100, 40, 700, 500, 700


class KpiInfo(Protocol):
    @property
    def kpi_name(self) -> str: ...
    @property
    def kpi_unit(self) -> str: ...
    @property
    def kpi_target(self) -> float | None: ...


class AnswerLike(Protocol):
    @property
    def status(self) -> str | None: ...
    @property
    def progress(self) -> int | None: ...
    @property
    def kpi_value(self) -> float | None: ...
    @property
    def blockers(self) -> str | None: ...
    @property
    def decision_request(self) -> str | None: ...
    @property
    def highlights(self) -> str | None: ...


def emoji(status: str | None) -> str:
    return STATUS_EMOJI.get(str(status), NO_STATUS_EMOJI) if status else NO_STATUS_EMOJI


def status_label(words: Words, status: str | None) -> str:
    return words.text("status", status=str(status) if status in STATUS_EMOJI else "none")


def kpi_value(words: Words, value: float | None, unit: str) -> Mrkdwn:
    """`4.5 days` / `4,5 jours`: the number as the language writes it, the unit as written."""
    number = md(words.num(value))
    return number + (" " + clip(unit, UNIT) if unit else "")


def kpi_name(words: Words, initiative: KpiInfo) -> Mrkdwn:
    return clip(initiative.kpi_name, NAME) if initiative.kpi_name else words.md("answer-kpi-name")


def summary(words: Words, initiative: KpiInfo, answer: AnswerLike) -> Mrkdwn:
    """Status · progress · KPI (target), then blockers, the decision asked for, the comment."""
    first = [md(f"{emoji(answer.status)} *") + status_label(words, answer.status) + md("*")]
    if answer.progress is not None:
        first.append(words.md("answer-progress", progress=words.pct(answer.progress)))
    if answer.kpi_value is not None:
        value = kpi_value(words, answer.kpi_value, initiative.kpi_unit)
        name = kpi_name(words, initiative)
        if initiative.kpi_target is not None:
            target = kpi_value(words, initiative.kpi_target, initiative.kpi_unit)
            first.append(words.md("answer-kpi-target", kpi=name, value=value, target=target))
        else:
            first.append(words.md("answer-kpi", kpi=name, value=value))
    lines = [md(" · ").join(first)]
    if answer.blockers:
        lines.append(words.md("answer-blockers", blockers=clip(answer.blockers, BLOCKERS)))
    else:
        lines.append(words.md("answer-no-blockers"))
    if answer.decision_request:
        decision = clip(answer.decision_request, DECISION)
        lines.append(words.md("answer-decision", decision=decision))
    if answer.highlights:
        lines.append(words.md("answer-comment", comment=clip(answer.highlights, COMMENT)))
    return md("\n").join(lines)
