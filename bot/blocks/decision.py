"""The decision log in Slack: the "Record decision" form (built and read back), the notice
in the committee channel, and /decisions' private list.

Past 300 lines: every surface of a decision (form, notice, list, follow-up, review) reads
the same fields; kept together so their wording stays consistent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from slack_sdk.models.blocks import (
    DatePickerElement,
    PlainTextInputElement,
    StaticSelectElement,
    UserSelectElement,
)

from bot.blocks import kit
from bot.blocks.arbitrate import field
from bot.blocks.poll import NAME, PollCard, Who, letter, said
from bot.ids import Callback, PollRef
from bot.text import Mrkdwn, bold, clip, fit, italic, md, slack_date
from bot.words import Words

RATIONALE_INPUT = 2000
# What people's text may take once escaped: a notice's section, ten entries of the list.
QUESTION, DECISION, TITLE, RATIONALE, LISTED, COMMITTEE = 2000, 500, 150, 1000, 250, 80
SHOWN = 10
DEFERRED = "deferred"
USER_ID = re.compile(r"[UW][A-Z0-9]{2,20}")  # what a users_select gives; stored in 32


def form(
    words: Words, card: PollCard, *, earlier: Sequence[tuple[int, str]] = ()
) -> dict[str, Any]:
    """The CMO's form on a closed poll: the winner preselected, the owner to follow up, a
    review date, and the committee's `earlier` decisions (id, decision) it may supersede."""
    choices = kit.options(
        [(f"{letter(n)}. {text}", f"option:{n}") for n, text in enumerate(card.options)]
        + [(words.text("decision-deferred"), DEFERRED)]
    )
    won = choices[card.winner] if card.winner is not None else None
    if card.no_quorum:  # no quorum: deferred, unless the CMO records one anyway
        won = choices[-1]
    blocks: list[kit.Block] = [
        kit.section(bold(card.question, QUESTION) + "\n" + said(words, card)),
        kit.input_block(
            "decision",
            words.text("decision-form-decision"),
            StaticSelectElement(action_id="value", options=choices, initial_option=won),
        ),
        kit.input_block(
            "rationale",
            words.text("decision-form-rationale"),
            PlainTextInputElement(action_id="value", multiline=True, max_length=RATIONALE_INPUT),
        ),
        kit.input_block(
            "follow_up",
            words.text("decision-form-follow-up"),
            UserSelectElement(action_id="value", initial_user=card.owner),
            optional=True,
        ),
        kit.input_block(
            "due",
            words.text("decision-form-due"),
            DatePickerElement(action_id="value"),
            optional=True,
        ),
        kit.input_block(
            "review",
            words.text("decision-form-review"),
            DatePickerElement(action_id="value"),
            optional=True,
        ),
    ]
    if earlier:
        replaced = kit.options(
            (words.text("decision-form-supersedes-option", id=n, decision=text), f"decision:{n}")
            for n, text in earlier
        )
        blocks.append(
            kit.input_block(
                "supersedes",
                words.text("decision-form-supersedes"),
                StaticSelectElement(action_id="value", options=replaced),
                optional=True,
            )
        )
    return kit.modal(
        Callback.DECISION_MODAL,
        title=words.text("decision-form-title"),
        submit=words.text("decision-form-submit"),
        close=words.text("decision-form-cancel"),
        blocks=blocks,
        metadata=PollRef(a=card.id),
    )


@dataclass(frozen=True)
class DecisionForm:
    """The form as submitted, checked; `option` None: deferred."""

    poll_id: int
    option: int | None
    rationale: str
    follow_up: str | None
    due: date | None
    review_on: date | None = None
    supersedes: int | None = None


def _day(view: dict[str, Any], block: str) -> date | str | None:
    """The date picked in `block`, None when empty, "" when it is not a date."""
    day = field(view, block)
    if not day:
        return None
    try:
        return date.fromisoformat(day)
    except ValueError:
        return ""


def read(
    view: dict[str, Any], words: Words, *, today: date
) -> tuple[DecisionForm | None, dict[str, str]]:
    """The submitted form as a decision, or the errors to show beside its blocks."""
    errors: dict[str, str] = {}
    choice = field(view, "decision") or ""
    number = choice.removeprefix("option:")
    if choice != DEFERRED and not (choice.startswith("option:") and number.isdigit()):
        errors["decision"] = words.text("decision-form-error-decision")
    rationale = field(view, "rationale")
    if rationale is None:
        errors["rationale"] = words.text("decision-form-error-rationale")
    due = None
    if day := field(view, "due"):
        try:
            due = date.fromisoformat(day)
        except ValueError:
            errors["due"] = words.text("decision-form-error-due")
        else:
            if due < today:
                errors["due"] = words.text("decision-form-error-due-past")
    follow_up = field(view, "follow_up")
    if follow_up is not None and not USER_ID.fullmatch(follow_up):  # Slack's picker gives ids
        errors["follow_up"] = words.text("decision-form-error-follow-up")
    review = _day(view, "review")
    if review == "" or (isinstance(review, date) and review < today):
        errors["review"] = words.text("decision-form-error-review")
    supersedes = None
    if replaced := field(view, "supersedes"):
        number_of = replaced.removeprefix("decision:")
        if not (replaced.startswith("decision:") and number_of.isdigit()):
            errors["supersedes"] = words.text("decision-form-error-supersedes")
        else:
            supersedes = int(number_of)
    if errors or rationale is None:
        return None, errors
    ref = PollRef.model_validate_json(view.get("private_metadata") or "{}")
    option = None if choice == DEFERRED else int(number)
    review_on = review if isinstance(review, date) else None
    return DecisionForm(ref.a, option, rationale, follow_up, due, review_on, supersedes), {}


@dataclass(frozen=True)
class DecisionEntry:
    """A decision of the log as Slack shows it; `decision` None: deferred."""

    question: str
    decision: str | None
    decided_by: str
    decided_at: datetime
    committee: str
    rationale: str = ""
    follow_up: str | None = None
    due: date | None = None
    initiative: str | None = None  # the initiative's title
    voted: int = 0
    members: int = 0
    carried_out: bool | None = None
    id: int | None = None
    supersedes: int | None = None  # the id of the earlier decision it replaces
    superseded_by: int | None = None
    review_on: date | None = None
    blocked: str | None = None
    status: str | None = None  # rituals.decisions.DecisionStatus, when known
    no_quorum: bool = False  # its poll fell short of the committee's quorum


def _follow_up(words: Words, entry: DecisionEntry, who: Who) -> list[Mrkdwn]:
    if entry.follow_up and entry.due:
        person = fit(who(entry.follow_up), NAME)
        return [words.md("decision-follow-up-due", who=person, due=entry.due)]
    if entry.follow_up:
        return [words.md("decision-follow-up", who=fit(who(entry.follow_up), NAME))]
    return [words.md("decision-due", due=entry.due)] if entry.due else []


def notice(words: Words, entry: DecisionEntry, *, who: Who) -> kit.Message:
    """The decision, posted in the committee channel."""
    decided = (
        bold(entry.decision, DECISION) if entry.decision else bold(words.md("decision-deferred"))
    )
    what = [decided]
    if entry.initiative:
        what.append(words.md("decision-notice-initiative", title=clip(entry.initiative, TITLE)))
    lines = [
        words.md("decision-notice-title", question=clip(entry.question, 800)),
        md(" · ").join(what),
    ]
    if entry.rationale:
        lines.append(italic(entry.rationale, RATIONALE))
    facts = [words.md("decision-notice-by", who=fit(who(entry.decided_by), NAME))]
    facts += _follow_up(words, entry, who)
    if entry.members:
        facts.append(words.md("decision-notice-voted", voted=entry.voted, members=entry.members))
    if entry.no_quorum:
        facts.append(words.md("decision-notice-no-quorum"))
    question = clip(entry.question, 200)
    if entry.decision:
        fallback = words.md(
            "decision-notice-fallback", decision=clip(entry.decision, 200), question=question
        )
    else:
        fallback = words.md("decision-notice-fallback-deferred", question=question)
    return kit.message(
        fallback, kit.section(md("\n").join(lines)), kit.context(md(" · ").join(facts))
    )


@dataclass(frozen=True)
class Scope:
    """Whose decisions a list shows: every committee's (a CMO's list), or those of these
    committees and of the initiatives the reader owns or is accountable for."""

    everything: bool = True
    committees: tuple[str, ...] = ()


def decisions(
    words: Words,
    entries: Sequence[DecisionEntry],
    *,
    who: Who,
    more: int = 0,
    scope: Scope | None = None,
) -> kit.Message:
    """/decisions: the most recent first, at most ten; `more` earlier ones not listed; `scope`
    says which decisions the reader sees (unsaid: all)."""
    if not entries:
        return _none(words, scope)
    more += max(0, len(entries) - SHOWN)
    blocks: list[kit.Block] = [kit.header(words.text("decision-list-header"))]
    for entry in entries[:SHOWN]:
        said_ = [slack_date(entry.decided_at, "{date_short}"), clip(entry.committee, COMMITTEE)]
        said_.append(bold(entry.question, LISTED))
        outcome = [
            clip(entry.decision, LISTED) if entry.decision else words.md("decision-deferred")
        ]
        outcome += _follow_up(words, entry, who)
        outcome += [words.md("decision-carried-out")] if entry.carried_out else []
        outcome += _commitment(words, entry)
        blocks.append(kit.section(md(" · ").join(said_) + "\n→ " + md(" · ").join(outcome)))
    notes = [words.md("decision-list-more", count=more)] if more else []
    if scope is not None:
        notes.append(_scope(words, scope))
    if notes:
        blocks.append(kit.context(*notes))
    fallback = words.md("decision-list-fallback", count=min(len(entries), SHOWN))
    return kit.Message(fallback, tuple(blocks))


def _commitment(words: Words, entry: DecisionEntry) -> list[Mrkdwn]:
    """Where the decision stands as a commitment: its number, what it replaces or what
    replaced it, blocked or overdue, its review date."""
    said: list[Mrkdwn] = []
    if entry.id is not None:
        said.append(words.md("decision-number", id=entry.id))
    if entry.superseded_by is not None:
        said.append(words.md("decision-superseded-by", id=entry.superseded_by))
    if entry.supersedes is not None:
        said.append(words.md("decision-supersedes", id=entry.supersedes))
    if entry.status == "blocked" and entry.blocked:
        said.append(words.md("decision-status-blocked", reason=clip(entry.blocked, 120)))
    elif entry.status == "overdue":
        said.append(words.md("decision-status-overdue"))
    if entry.review_on is not None and entry.status not in ("superseded",):
        said.append(words.md("decision-review-on", date=entry.review_on))
    return said


def _scope(words: Words, scope: Scope) -> Mrkdwn:
    if scope.everything:
        return words.md("decision-list-scope-all")
    if scope.committees:
        committees = words.join(clip(name, COMMITTEE) for name in scope.committees)
        return words.md("decision-list-scope", committees=committees)
    return words.md("decision-list-scope-initiatives")


def _none(words: Words, scope: Scope | None) -> kit.Message:
    """No decision to list: none recorded yet, none of the reader's yet, or — for someone on
    no committee with no decision about their initiatives — why they see none."""
    if scope is None or scope.everything:
        empty = words.md("decision-list-empty")
        hint = words.md("decision-list-empty-hint")
    elif scope.committees:
        committees = words.join(clip(name, COMMITTEE) for name in scope.committees)
        empty = words.md("decision-list-empty-yours", committees=committees)
        hint = words.md("decision-list-empty-hint")
    else:
        empty = words.md("decision-list-none-visible")
        hint = words.md("decision-list-none-visible-hint")
    return kit.message(empty, kit.section(empty + " " + hint))
