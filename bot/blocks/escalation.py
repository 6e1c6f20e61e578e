"""Escalation messages by audience — the owner (level 1), the owner told and the accountable
(level 2), the escalation channel and the CMOs (level 3) — and the request an escalation puts
in the committee's arbitration queue. Every cause states its configured threshold.

The person a DM addresses is "you"; anyone else is shown through `who`, which the service
chooses (display names where nobody should be notified)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from bot.blocks import kit
from bot.blocks.common import TITLE, emoji, status_label
from bot.ids import Action, PromptRef
from bot.text import Mrkdwn, clip, fit, md
from bot.words import Words
from rituals.escalation import Cause

NAME, BLOCKERS, COMMITTEE, HISTORY = 60, 120, 80, 8
Who = Callable[[str], Mrkdwn]


class Escalated(Protocol):
    """What the messages show of the initiative (rituals.models.Initiative fits)."""

    id: int | None
    title: str
    owner: str
    accountable: str | None
    due: date | None


class ThresholdsLike(Protocol):
    """The configured ladder (rituals.escalation.Thresholds fits)."""

    @property
    def silent_periods(self) -> int: ...
    @property
    def off_track_periods(self) -> int: ...
    @property
    def blocked_periods(self) -> int: ...


class Answer(Protocol):
    """A past check-in, for the recent history (rituals.models.CheckIn fits)."""

    period: str
    status: str | None
    progress: int | None
    blockers: str | None


@dataclass(frozen=True)
class Case:
    """What is escalated and why, with the thresholds as configured."""

    initiative: Escalated
    cause: Cause
    thresholds: ThresholdsLike

    def said(self, words: Words) -> dict[str, Mrkdwn]:
        """The title and the clause saying why, for the messages' placeholders."""
        title = clip(self.initiative.title, TITLE)
        return {
            "title": title,
            "why": why(words, self.cause, self.thresholds, due=self.initiative.due),
        }


def why(
    words: Words, cause: Cause | str, thresholds: ThresholdsLike, *, due: date | None = None
) -> Mrkdwn:
    """The cause as a clause after the title, stating its threshold as configured."""
    message_id, args = _why(Cause(cause), thresholds, due)
    return words.md(message_id, **args)


def _why(cause: Cause, thresholds: ThresholdsLike, due: date | None) -> tuple[str, dict[str, Any]]:
    if cause is Cause.SILENT:
        return "escalation-why-silent", {"weeks": thresholds.silent_periods}
    if cause is Cause.OFF_TRACK:
        return "escalation-why-off-track", {"weeks": thresholds.off_track_periods}
    if cause is Cause.BLOCKED:
        return "escalation-why-blocked", {"weeks": thresholds.blocked_periods}
    return ("escalation-why-overdue-due", {"due": due}) if due else ("escalation-why-overdue", {})


def owner(words: Words, case: Case, *, period: str) -> kit.Message:
    """Level 1, to the owner: what is wrong, and a button to answer now."""
    assert case.initiative.id is not None
    said = case.said(words)
    ref = PromptRef(i=case.initiative.id, p=period)
    label = words.text("escalation-owner-button")
    return kit.message(
        words.md("escalation-owner-fallback", title=said["title"]),
        kit.section(words.md("escalation-owner", **said)),
        kit.actions(kit.button(label, Action.CHECKIN_UPDATE, ref, style="primary")),
    )


def owner_told(words: Words, case: Case, *, who: Who) -> kit.Message:
    """Level 2, to the owner: it now goes to the accountable (or would, if there were one)."""
    said = case.said(words)
    if case.initiative.accountable:
        accountable = fit(who(case.initiative.accountable), NAME)
        text = words.md("escalation-owner-told", **said, accountable=accountable)
    else:
        text = words.md("escalation-owner-told-alone", **said)
    fallback = words.md("escalation-owner-told-fallback", title=said["title"])
    return kit.message(fallback, kit.section(text))


def accountable(words: Words, case: Case, *, who: Who, history: Sequence[Answer]) -> kit.Message:
    """Level 2, to the accountable: the escalation and the owner's recent answers."""
    said = case.said(words)
    text = words.md("escalation-accountable", **said, owner=fit(who(case.initiative.owner), NAME))
    return kit.message(
        words.md("escalation-accountable-fallback", title=said["title"]),
        kit.section(text),
        kit.section(recent(words, history)),
    )


def channel(
    words: Words, case: Case, *, who: Who, history: Sequence[Answer], queue: str | None
) -> kit.Message:
    """Level 3, in the escalation channel; `queue` names the committee whose queue it joins."""
    said = _top_level(words, case, who, queue)
    if case.initiative.accountable:
        accountable = fit(who(case.initiative.accountable), NAME)
        text = words.md("escalation-channel", **said, accountable=accountable)
    else:
        text = words.md("escalation-channel-alone", **said)
    fallback = words.md("escalation-fallback", title=said["title"])
    return kit.message(fallback, kit.section(text), kit.section(recent(words, history)))


def cmo(
    words: Words, case: Case, *, who: Who, history: Sequence[Answer], queue: str | None
) -> kit.Message:
    """Level 3, to each CMO."""
    said = _top_level(words, case, who, queue)
    text = words.md("escalation-cmo", **said)
    fallback = words.md("escalation-fallback", title=said["title"])
    return kit.message(fallback, kit.section(text), kit.section(recent(words, history)))


def request(words: Words, case: Case) -> str:
    """The plain text queued for the committee's arbitration (escaped wherever it is shown)."""
    message_id, args = _why(case.cause, case.thresholds, case.initiative.due)
    clause = words.text(message_id, **args)
    return words.text("escalation-request", title=case.initiative.title, why=clause)


def recent(words: Words, history: Sequence[Answer]) -> Mrkdwn:
    """*Recent history*, one line per answer, the latest last."""
    lines = [words.md("escalation-history")]
    for answer in list(history)[-HISTORY:]:
        status = md(f"{emoji(answer.status)} ") + status_label(words, answer.status)
        parts = [words.md("escalation-history-line", period=answer.period, status=status)]
        if answer.progress is not None:
            parts.append(md(words.pct(answer.progress)))
        if answer.blockers:
            blockers = clip(answer.blockers, BLOCKERS)
            parts.append(words.md("escalation-history-blocker", blockers=blockers))
        lines.append(md("• ") + md(" · ").join(parts))
    if not history:
        lines.append(words.md("escalation-history-none"))
    return md("\n").join(lines)


def _top_level(words: Words, case: Case, who: Who, queue: str | None) -> dict[str, Mrkdwn]:
    if queue:
        place = words.md("escalation-queue", committee=clip(queue, COMMITTEE))
    else:
        place = words.md("escalation-queue-none")
    return {**case.said(words), "owner": fit(who(case.initiative.owner), NAME), "queue": place}
