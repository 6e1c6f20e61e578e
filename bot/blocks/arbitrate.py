"""/arbitrate: what the CMO is told privately, and the form that puts a question to a
committee, built and read back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from slack_sdk.models.blocks import (
    CheckboxesElement,
    DateTimePickerElement,
    PlainTextInputElement,
    RadioButtonsElement,
    StaticSelectElement,
)

from bot.blocks import kit
from bot.ids import Callback, PollModalState
from bot.text import channel, clip, md, plain, quote_lines, slack_date
from bot.words import Words
from rituals.arbitration import (
    MAX_OPTIONS,
    MAX_QUESTION,
    ArbitrationError,
    check_deadline,
    validate_poll,
)

QUESTION, CONTEXT = 2000, 1500
# A name or an option quoted in an error, as typed: five times longer at most once escaped,
# within Fluent's 2500 characters per placeable.
SHOWN = 80
OPTIONS_INPUT = 3000  # what Slack lets a text input take


def posted(
    words: Words,
    *,
    channel_id: str,
    deadline: datetime,
    question: str,
    options: int,
    anonymous: bool = False,
    hidden: bool = False,
) -> kit.Message:
    """The poll is in the committee's channel (a secret ballot, its tally hidden: said so)."""
    where = words.md("arbitrate-posted", channel=channel(channel_id), deadline=slack_date(deadline))
    what = words.md("arbitrate-posted-summary", question=clip(question, QUESTION), count=options)
    kind = [words.md("arbitrate-posted-anonymous")] if anonymous else []
    kind += [words.md("arbitrate-posted-hidden")] if hidden else []
    text = md("\n").join([where, what, *kind])
    return kit.message(where, kit.section(text))


def refused(words: Words) -> kit.Message:
    """Not a CMO: nothing posted, and how an owner asks for a decision instead."""
    text = words.md("arbitrate-refused")
    return kit.message(text, kit.section(text + "\n" + words.md("arbitrate-refused-hint")))


def error(words: Words, problem: ArbitrationError) -> kit.Message:
    """Nothing posted: what was wrong, and how to write the command."""
    name, args = _explained(words, problem)
    why = words.md(f"arbitrate-error-{name}", **args)
    example = quote_lines(md("`") + words.md("arbitrate-usage-example") + md("`"))
    lines = [why, words.md("arbitrate-usage", max=MAX_OPTIONS), example]
    lines.append(words.md("arbitrate-usage-committee"))
    return kit.message(why, kit.section(md("\n").join(lines)))


def _explained(words: Words, problem: ArbitrationError) -> tuple[str, dict[str, object]]:
    """Which message explains `problem` (after its prefix), and what that message shows."""
    detail, code = problem.detail, problem.code
    position: dict[str, object] = {"position": _int(detail, "position")}
    match code:
        case "no_question" | "one_option" | "no_committee":
            return code.replace("_", "-"), {}
        case "too_many_options":
            return "too-many-options", {"max": MAX_OPTIONS, "count": _int(detail, "count")}
        case "empty_option":
            return "empty-option", position
        case "duplicate_option":
            return "duplicate-option", {"option": plain(_str(detail, "option"), SHOWN)}
        case "too_long":
            limit: dict[str, object] = {"limit": words.num(_int(detail, "limit"))}
            if detail.get("field") == "question":
                return "too-long-question", limit
            return "too-long-option", position | limit
        case "unknown_committee":
            name, known = plain(_str(detail, "name"), SHOWN), detail.get("known")
            if isinstance(known, list | tuple) and known:
                listed = plain(", ".join(str(k) for k in known), 4 * SHOWN)
                return "unknown-committee", {"name": name, "known": listed}
            return "unknown-committee-none", {"name": name}
        case "past_deadline" if isinstance(deadline := detail.get("deadline"), datetime):
            return "past-deadline", {"deadline": slack_date(deadline)}
    return "other", {}


def _int(detail: dict[str, object], key: str) -> int:
    value = detail.get(key)
    return value if isinstance(value, int) else 0


def _str(detail: dict[str, object], key: str) -> str:
    value = detail.get(key)
    return "" if value is None else str(value)


def form(
    words: Words,
    *,
    committees: Sequence[str],
    committee: str | None,
    deadline: datetime,
    state: PollModalState,
    initiatives: Sequence[tuple[int, str]] = (),
) -> dict[str, Any]:
    """The /arbitrate form; `committees` must not be empty (refuse with `no_committee` first)."""
    if not committees:
        raise ValueError("no committee to put a poll to")
    choices = kit.options((name, name) for name in committees)
    chosen = next((o for o in choices if o.value == committee), choices[0])
    visibility = kit.options(
        [
            (words.text("arbitrate-form-names"), "names"),
            (words.text("arbitrate-form-anonymous"), "anonymous"),
        ]
    )
    examples = "\n".join(words.text(f"arbitrate-form-options-example-{n}") for n in (1, 2, 3))
    blocks: list[kit.Block] = [
        kit.input_block(
            "question",
            words.text("arbitrate-form-question"),
            _text(MAX_QUESTION, words.text("arbitrate-form-question-example")),
        ),
        kit.input_block(
            "options",
            words.text("arbitrate-form-options", max=MAX_OPTIONS),
            _text(OPTIONS_INPUT, examples, multiline=True),
        ),
        kit.input_block(
            "committee",
            words.text("arbitrate-form-committee"),
            StaticSelectElement(action_id="value", options=choices, initial_option=chosen),
        ),
        kit.input_block(
            "deadline",
            words.text("arbitrate-form-deadline"),
            DateTimePickerElement(action_id="value", initial_date_time=int(deadline.timestamp())),
        ),
        kit.input_block(
            "visibility",
            words.text("arbitrate-form-visibility"),
            RadioButtonsElement(
                action_id="value", options=visibility, initial_option=visibility[0]
            ),
        ),
        kit.input_block(
            "tally",
            words.text("arbitrate-form-tally"),
            CheckboxesElement(
                action_id="value",
                options=kit.options([(words.text("arbitrate-form-hidden"), "hidden")]),
            ),
            optional=True,
        ),
        kit.input_block(
            "context",
            words.text("arbitrate-form-context"),
            _text(CONTEXT, words.text("arbitrate-form-context-example"), multiline=True),
            optional=True,
        ),
    ]
    if initiatives:
        listed = kit.options((title, str(id)) for id, title in initiatives)
        blocks.append(
            kit.input_block(
                "initiative",
                words.text("arbitrate-form-initiative"),
                StaticSelectElement(action_id="value", options=listed),
                optional=True,
            )
        )
    return kit.modal(
        Callback.ARBITRATE_MODAL,
        title=words.text("arbitrate-form-title"),
        submit=words.text("arbitrate-form-submit"),
        close=words.text("arbitrate-form-cancel"),
        blocks=blocks,
        metadata=state,
    )


def _text(limit: int, example: str, *, multiline: bool = False) -> PlainTextInputElement:
    return PlainTextInputElement(
        action_id="value",
        max_length=limit,
        multiline=multiline,
        placeholder=kit.placeholder(example),
    )


def field(view: dict[str, Any], block: str) -> str | None:
    """What input `block` of a submitted form holds: the text typed (stripped), the value,
    date, user or time stamp chosen; None when left empty."""
    values = (view.get("state") or {}).get("values") or {}
    element = (values.get(block) or {}).get("value") or {}
    for key in ("selected_option", "selected_date_time", "selected_date", "selected_user"):
        if key in element:
            chosen = element[key]
            chosen = chosen.get("value") if isinstance(chosen, dict) else chosen
            return None if chosen is None else str(chosen)
    text = element.get("value")
    return (text.strip() or None) if isinstance(text, str) else None


def checked(view: dict[str, Any], block: str) -> set[str]:
    """The values ticked in the checkboxes of input `block` of a submitted form."""
    values = (view.get("state") or {}).get("values") or {}
    element = (values.get(block) or {}).get("value") or {}
    chosen = element.get("selected_options") or []
    return {str(o.get("value")) for o in chosen if isinstance(o, dict)}


@dataclass(frozen=True)
class PollForm:
    """The /arbitrate form as submitted, checked."""

    committee: str
    question: str
    options: tuple[str, ...]
    deadline: datetime
    anonymous: bool
    context: str | None
    initiative_id: int | None
    state: PollModalState
    hidden: bool = False


def read(
    view: dict[str, Any], words: Words, *, committees: Sequence[str], now: datetime
) -> tuple[PollForm | None, dict[str, str]]:
    """The submitted form as a poll to open, or the errors to show beside its blocks."""
    errors: dict[str, str] = {}
    lines = [line.strip() for line in (field(view, "options") or "").splitlines()]
    question, options = field(view, "question") or "", tuple(line for line in lines if line)
    try:
        question, options = validate_poll(question, options)
    except ArbitrationError as problem:
        about_question = problem.code == "no_question" or problem.detail.get("field") == "question"
        name, args = _explained(words, problem)
        errors["question" if about_question else "options"] = words.text(
            f"arbitrate-form-error-{name}", **args
        )
    committee = field(view, "committee")
    if committee not in committees:
        errors["committee"] = words.text(
            "arbitrate-form-error-committee" if committees else "arbitrate-form-error-no-committee"
        )
    stamp = field(view, "deadline")
    deadline = datetime.fromtimestamp(int(stamp), UTC) if stamp and stamp.isdigit() else None
    try:
        check_deadline(deadline or now, now=now)  # none chosen: as past as now
    except ArbitrationError:
        errors["deadline"] = words.text("arbitrate-form-error-deadline")
    initiative = field(view, "initiative")
    if initiative is not None and not initiative.isdigit():
        errors["initiative"] = words.text("arbitrate-form-error-initiative")
    if errors or deadline is None or committee is None:
        return None, errors
    state = PollModalState.model_validate_json(view.get("private_metadata") or '{"channel": ""}')
    poll = PollForm(
        committee=committee,
        question=question,
        options=options,
        deadline=deadline,
        anonymous=field(view, "visibility") == "anonymous",
        context=field(view, "context"),
        initiative_id=int(initiative) if initiative else None,
        state=state,
        hidden="hidden" in checked(view, "tally"),
    )
    return poll, {}


def not_cmo_errors(words: Words) -> dict[str, str]:
    """The form submitted by someone who is not a CMO (any more)."""
    return {"question": words.text("arbitrate-form-error-not-cmo")}
