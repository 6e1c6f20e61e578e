"""A decision as a commitment in Slack: its follow-up controls (Done · Not yet, new date ·
Blocked), the form asking what blocks it, the overdue messages by audience, and the
committee's review (Keep · Revisit)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from slack_sdk.models.blocks import DatePickerElement, PlainTextInputElement

from bot.blocks import kit
from bot.ids import Action, Callback, DecisionRef
from bot.text import Mrkdwn, clip, fit, plain, slack_date
from bot.words import Words
from rituals.escalation import Audience

QUESTION, DECISION, NAME, REASON = 300, 300, 60, 300
REASON_INPUT = 500
Who = Callable[[str], Mrkdwn]


@dataclass(frozen=True)
class Followed:
    """A decision as its follow-up messages show it."""

    id: int
    question: str
    decision: str
    due: date | None
    decided_at: datetime
    decided_by: str
    follow_up_owner: str
    committee: str
    blocked: str | None = None


def controls(words: Words, decision_id: int, *, due: date | None = None) -> kit.Block:
    """Done · a date picker for "not yet, new date" · Blocked."""
    ref = DecisionRef(d=decision_id)
    picker = DatePickerElement(
        action_id=str(Action.DECISION_NEW_DATE),
        placeholder=kit.placeholder(words.text("decision-new-date")),
        initial_date=due.isoformat() if due else None,
    )
    return kit.actions(
        kit.button(words.text("decision-button-done"), Action.DECISION_DONE, ref, style="primary"),
        picker,
        kit.button(words.text("decision-button-blocked"), Action.DECISION_BLOCKED, ref),
        block_id=f"decision_{decision_id}",
    )


def _line(words: Words, decision: Followed) -> Mrkdwn:
    said: dict[str, Any] = dict(
        id=decision.id,
        decision=clip(decision.decision, DECISION),
        question=clip(decision.question, QUESTION),
        due=decision.due or "—",
    )
    if decision.blocked:
        reason = clip(decision.blocked, REASON)
        return words.md("decision-follow-line-blocked", **said, reason=reason)
    return words.md("decision-follow-line", **said)


def follow_ups(words: Words, decisions: Sequence[Followed]) -> list[kit.Block]:
    """The part of a weekly prompt (or a DM of its own) that asks about each decision the
    person follows up."""
    if not decisions:
        return []
    blocks: list[kit.Block] = [kit.section(words.md("decision-follow-header"))]
    for decision in decisions:
        text = _line(words, decision) + "\n" + words.md("decision-follow-ask")
        blocks += [kit.section(text), controls(words, decision.id, due=decision.due)]
    return blocks


def asked(words: Words, decisions: Sequence[Followed]) -> kit.Message:
    """The follow-up on its own, for someone with no weekly prompt this week."""
    fallback = words.md("decision-follow-fallback", decision=clip(decisions[0].decision, 200))
    return kit.message(fallback, *follow_ups(words, decisions[:10]))


def blocked_form(words: Words, decision: Followed) -> dict[str, Any]:
    return kit.modal(
        Callback.DECISION_BLOCKED_MODAL,
        title=words.text("decision-blocked-form-title"),
        submit=words.text("decision-blocked-form-submit"),
        close=words.text("decision-blocked-form-cancel"),
        blocks=[
            kit.section(_line(words, decision)),
            kit.input_block(
                "reason",
                words.text("decision-blocked-form-reason"),
                PlainTextInputElement(action_id="value", max_length=REASON_INPUT),
            ),
        ],
        metadata=DecisionRef(d=decision.id),
    )


def overdue(
    words: Words,
    decision: Followed,
    audience: Audience,
    *,
    who: Who,
    level: int,
    queue: Mrkdwn,
) -> kit.Message:
    """The overdue decision as each level hears it; the follow-up owner can answer at once."""
    said: dict[str, Any] = dict(
        decision=clip(decision.decision, DECISION),
        question=clip(decision.question, QUESTION),
        due=decision.due or "—",
    )
    owner = fit(who(decision.follow_up_owner), NAME)
    fallback = words.md("decision-overdue-fallback", decision=clip(decision.decision, 200))
    if audience is Audience.OWNER:
        text = words.md("decision-overdue-owner", **said)
        return kit.message(fallback, kit.section(text), controls(words, decision.id))
    if audience is Audience.OWNER_TOLD:
        cmo = fit(who(decision.decided_by), NAME)
        text = words.md("decision-overdue-owner-told", **said, cmo=cmo)
        return kit.message(fallback, kit.section(text), controls(words, decision.id))
    if level >= 3:
        text = words.md("decision-overdue-cmo-queued", **said, owner=owner, queue=queue)
    else:
        text = words.md("decision-overdue-cmo", **said, owner=owner)
    lines: list[kit.Block] = [kit.section(text)]
    if decision.blocked:
        lines.append(
            kit.context(words.md("decision-status-blocked", reason=clip(decision.blocked, REASON)))
        )
    return kit.message(fallback, *lines)


def request_text(words: Words, decision: Followed, *, owner: str) -> str:
    """What the committee's queue holds for an overdue decision (plain text, as people's)."""
    return plain(
        words.text(
            "decision-overdue-request",
            question=decision.question,
            decision=decision.decision,
            due=decision.due or "—",
            owner=owner,
        ),
        2000,
    )


def review(words: Words, decision: Followed, *, who: Who) -> kit.Message:
    """At its review date, in the committee's channel: does it still hold? Keep · Revisit."""
    text = words.md(
        "decision-review",
        decision=clip(decision.decision, DECISION),
        question=clip(decision.question, QUESTION),
        date=slack_date(decision.decided_at, "{date_short}"),
        who=fit(who(decision.decided_by), NAME),
    )
    ref = DecisionRef(d=decision.id)
    fallback = words.md("decision-review-fallback", decision=clip(decision.decision, 200))
    return kit.message(
        fallback,
        kit.section(text),
        kit.actions(
            kit.button(words.text("decision-button-keep"), Action.DECISION_KEEP, ref),
            kit.button(words.text("decision-button-revisit"), Action.DECISION_REVISIT, ref),
            block_id=f"review_{decision.id}",
        ),
    )


def reviewed(
    words: Words, decision: Followed, *, who: Who, by: str, keep: bool, queue: Mrkdwn
) -> kit.Message:
    """The review message once answered: who kept it, or who sent it back to the queue."""
    text = words.md(
        "decision-review",
        decision=clip(decision.decision, DECISION),
        question=clip(decision.question, QUESTION),
        date=slack_date(decision.decided_at, "{date_short}"),
        who=fit(who(decision.decided_by), NAME),
    )
    name = fit(who(by), NAME)
    if keep:
        outcome = words.md("decision-review-kept", who=name)
    else:
        outcome = words.md("decision-review-revisited", who=name, queue=queue)
    fallback = words.md("decision-review-fallback", decision=clip(decision.decision, 200))
    return kit.message(fallback, kit.section(text), kit.context(outcome))
