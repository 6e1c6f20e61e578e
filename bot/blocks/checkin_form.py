"""The check-in form: built from an owner's initiatives, read back into an answer or errors.

Numbers are typed as text and read by the same reader as free text and the roadmap, so
`1 234,5`, `1,234.5` and `60 %` are understood alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import PlainTextInputElement, StaticSelectElement

from bot.blocks import kit
from bot.blocks.checkin import PromptInitiative
from bot.blocks.common import AnswerLike, emoji, status_label
from bot.ids import Callback, ModalState
from bot.text import clip
from bot.words import Words
from rituals.numbers import AmbiguousNumber, parse_number
from rituals.status import Status

STATUSES = tuple(status.value for status in Status)
TEXT_LIMIT, DECISION_LIMIT = 2000, 1000


def form(
    words: Words,
    initiative: PromptInitiative,
    *,
    choices: Sequence[tuple[int, str]],
    period: str,
    last: AnswerLike | None,
    correction: bool = False,
) -> dict[str, Any]:
    """The modal on `initiative`; a select among `choices` when the owner has several;
    `correction`: opened from a receipt, to correct how the bot read an answer."""
    assert initiative.id is not None
    status_options = kit.options((f"{emoji(s)} {status_label(words, s)}", s) for s in STATUSES)
    blocks: list[kit.Block] = []
    if len(choices) > 1:
        options = kit.options((title, str(i)) for i, title in choices)
        current = next((o for o in options if o.value == str(initiative.id)), options[0])
        select = StaticSelectElement(action_id="value", options=options, initial_option=current)
        blocks.append(kit.input_block("initiative", words.text("checkin-form-initiative"), select))
    else:
        title = clip(initiative.title, 300)
        blocks.append(kit.section(words.md("checkin-form-week", title=title, period=period)))
    initial = next((o for o in status_options if last and o.value == last.status), None)
    blocks.append(
        kit.input_block(
            "status",
            words.text("checkin-form-status"),
            StaticSelectElement(action_id="value", options=status_options, initial_option=initial),
        )
    )
    progress = words.pct(last.progress) if last and last.progress is not None else None
    kpi = words.num(last.kpi_value) if last and last.kpi_value is not None else None
    kpi_label = (
        words.text("checkin-form-kpi-named", kpi=initiative.kpi_name)
        if initiative.kpi_name
        else words.text("checkin-form-kpi")
    )
    blocks += [
        kit.input_block(
            "progress",
            words.text("checkin-form-progress"),
            _text_input(progress, 12),
            optional=True,
        ),
        kit.input_block("kpi", kpi_label, _text_input(kpi, 40), optional=True),
        kit.input_block(
            "blockers",
            words.text("checkin-form-blockers"),
            _text_input(last.blockers if last else None, TEXT_LIMIT, multiline=True),
            optional=True,
        ),
        kit.input_block(
            "decision",
            words.text("checkin-form-decision"),
            _text_input(None, DECISION_LIMIT),
            optional=True,
            hint=words.text("checkin-form-decision-hint"),
        ),
        kit.input_block(
            "highlights",
            words.text("checkin-form-comment"),
            _text_input(None, TEXT_LIMIT, multiline=True),
            optional=True,
        ),
    ]
    state = ModalState(
        initiatives=[i for i, _ in choices] or [initiative.id],
        period=period,
        correction=correction,
    )
    return kit.modal(
        Callback.CHECKIN_MODAL,
        title=words.text("checkin-form-title"),
        submit=words.text("checkin-form-save"),
        close=words.text("checkin-form-cancel"),
        blocks=blocks,
        metadata=state,
    )


def _text_input(
    initial: str | None, limit: int, *, multiline: bool = False
) -> PlainTextInputElement:
    return PlainTextInputElement(
        action_id="value",
        multiline=multiline,
        max_length=limit,
        initial_value=initial[:limit] if initial else None,
    )


@dataclass(frozen=True)
class FormAnswer:
    initiative_id: int
    period: str
    status: str
    progress: int | None
    kpi_value: float | None
    blockers: str | None
    decision_request: str | None
    highlights: str | None
    correction: bool = False


def read(view: dict[str, Any], words: Words) -> tuple[FormAnswer | None, dict[str, str]]:
    """The submitted form as an answer, or the errors to show beside its fields."""
    values: dict[str, dict[str, Any]] = view.get("state", {}).get("values", {}) or {}
    state = ModalState.model_validate_json(view.get("private_metadata") or "{}")
    errors: dict[str, str] = {}

    def value(block: str) -> str | None:
        element = values.get(block, {}).get("value", {}) or {}
        if "selected_option" in element:
            option = element["selected_option"]
            return str(option["value"]) if option else None
        text = element.get("value")
        return text.strip() if isinstance(text, str) and text.strip() else None

    status = value("status")
    if status not in STATUSES:
        errors["status"] = words.text("checkin-form-error-status")
    progress = _number(value("progress"), "progress", words, errors)
    if progress is not None and not (0 <= progress <= 100 and progress == int(progress)):
        errors["progress"] = words.text("checkin-form-error-progress")
    kpi = _number(value("kpi"), "kpi", words, errors)
    chosen = value("initiative")
    if chosen is not None and (not chosen.isdigit() or int(chosen) not in state.initiatives):
        errors["initiative"] = words.text("checkin-form-initiative")
    if errors or status is None or not state.initiatives:
        return None, errors
    return (
        FormAnswer(
            initiative_id=int(chosen) if chosen else state.initiatives[0],
            period=state.period,
            status=status,
            progress=int(progress) if progress is not None else None,
            kpi_value=kpi,
            blockers=value("blockers"),
            decision_request=value("decision"),
            highlights=value("highlights"),
            correction=state.correction,
        ),
        {},
    )


# -- Update all: one section per initiative ------------------------------------------------

ALL_SHOWN = 19  # five blocks each within the 100 of a modal


def form_all(
    words: Words, items: Sequence[tuple[PromptInitiative, AnswerLike | None]], *, period: str
) -> dict[str, Any]:
    """The week's initiatives in one form, as many as a modal holds (the service puts those
    still unanswered first); an initiative left without a status is left as it is."""
    status_options = kit.options((f"{emoji(s)} {status_label(words, s)}", s) for s in STATUSES)
    blocks: list[kit.Block] = []
    ids: list[int] = []
    for initiative, last in items[:ALL_SHOWN]:
        assert initiative.id is not None
        ids.append(initiative.id)
        n = initiative.id
        blocks.append(kit.section(words.md("checkin-all-intro", title=clip(initiative.title, 300))))
        initial = next((o for o in status_options if last and o.value == last.status), None)
        select = StaticSelectElement(
            action_id="value", options=status_options, initial_option=initial
        )
        progress = words.pct(last.progress) if last and last.progress is not None else None
        kpi = words.num(last.kpi_value) if last and last.kpi_value is not None else None
        blockers = last.blockers if last else None
        blocks += [
            kit.input_block(
                f"status:{n}", words.text("checkin-form-status"), select, optional=True
            ),
            kit.input_block(
                f"progress:{n}",
                words.text("checkin-form-progress"),
                _text_input(progress, 12),
                optional=True,
            ),
            kit.input_block(
                f"kpi:{n}", _kpi_label(words, initiative), _text_input(kpi, 40), optional=True
            ),
            kit.input_block(
                f"blockers:{n}",
                words.text("checkin-form-blockers"),
                _text_input(blockers, TEXT_LIMIT, multiline=True),
                optional=True,
            ),
        ]
    if len(items) > ALL_SHOWN:
        blocks.append(kit.context(words.md("checkin-all-more", count=len(items) - ALL_SHOWN)))
    return kit.modal(
        Callback.CHECKIN_ALL_MODAL,
        title=words.text("checkin-all-title"),
        submit=words.text("checkin-form-save"),
        close=words.text("checkin-form-cancel"),
        blocks=blocks,
        metadata=ModalState(initiatives=ids, period=period),
    )


def _kpi_label(words: Words, initiative: PromptInitiative) -> str:
    if initiative.kpi_name:
        return words.text("checkin-form-kpi-named", kpi=initiative.kpi_name)
    return words.text("checkin-form-kpi")


def read_all(view: dict[str, Any], words: Words) -> tuple[list[FormAnswer] | None, dict[str, str]]:
    """The answers of the Update all form (initiatives given a status), or the errors."""
    values: dict[str, dict[str, Any]] = view.get("state", {}).get("values", {}) or {}
    state = ModalState.model_validate_json(view.get("private_metadata") or "{}")
    errors: dict[str, str] = {}
    answers: list[FormAnswer] = []

    def value(block: str) -> str | None:
        element = values.get(block, {}).get("value", {}) or {}
        if "selected_option" in element:
            option = element["selected_option"]
            return str(option["value"]) if option else None
        text = element.get("value")
        return text.strip() if isinstance(text, str) and text.strip() else None

    for n in state.initiatives:
        status = value(f"status:{n}")
        progress = _number(value(f"progress:{n}"), f"progress:{n}", words, errors)
        if progress is not None and not (0 <= progress <= 100 and progress == int(progress)):
            errors[f"progress:{n}"] = words.text("checkin-form-error-progress")
        kpi = _number(value(f"kpi:{n}"), f"kpi:{n}", words, errors)
        said = (progress, kpi, value(f"blockers:{n}"))
        if status is None:
            if any(v is not None for v in said):
                errors[f"status:{n}"] = words.text("checkin-form-error-status")
            continue
        if status not in STATUSES:
            errors[f"status:{n}"] = words.text("checkin-form-error-status")
            continue
        answers.append(
            FormAnswer(
                initiative_id=n,
                period=state.period,
                status=status,
                progress=int(progress) if progress is not None else None,
                kpi_value=kpi,
                blockers=value(f"blockers:{n}"),
                decision_request=None,
                highlights=None,
            )
        )
    if errors:
        return None, errors
    return answers, {}


def _number(raw: str | None, block: str, words: Words, errors: dict[str, str]) -> float | None:
    if raw is None:
        return None
    kind = block.split(":")[0]
    try:
        return parse_number(raw)
    except AmbiguousNumber as exc:
        small, large = (words.num(r) for r in exc.readings)
        errors[block] = words.text("checkin-form-error-kpi-ambiguous", small=small, large=large)
    except ValueError:
        errors[block] = words.text(f"checkin-form-error-{kind}")
    return None
