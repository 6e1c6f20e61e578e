"""Every prompt, in French and English: valid Block Kit within Slack's limits, the same
structure in both languages, and owners' words shown as written, pinging nobody."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import cache
from string import ascii_lowercase
from typing import Any

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.ids import ChoiceRef, ModalState, PromptRef
from bot.render import MESSAGE_TEXT_MAX, PACKAGED_PROMPTS, Renderer
from rituals.checkins import Answer
from rituals.models import CheckIn, Initiative
from rituals.parse import parse_update
from rituals.status import Status

LANGUAGES = ("en", "fr")
NAMES = sorted(
    path.name.removesuffix(".json.j2")
    for path in (PACKAGED_PROMPTS / "en").glob("*.json.j2")
    if not path.name.startswith("_")
)
OWNER, PERIOD, LAST_PERIOD = "U0OWNER01", "2026-W48", "2026-W47"
HOSTILE = "<!channel> <@U123> & {{ 7*7 }}"
ESCAPED = "&lt;!channel&gt; &lt;@U123&gt; &amp; {{ 7*7 }}"
NOTICE_REASONS = (
    "no_previous",
    "not_yours",
    "no_initiatives",
    "unknown_initiative",
    "error",
    "skipped_already",
)


@dataclass(frozen=True)
class Words:
    """What owners and the roadmap wrote, which prompts show back."""

    title: str = "Refonte du parcours d’onboarding"
    objective: str = "Réduire le délai d’activation des nouveaux clients"
    kpi_name: str = "Délai d’activation"
    blockers: str = "validation juridique des CGU"
    decision: str = "arbitrer le budget média du T1"
    highlights: str = "Pilote lancé avec 3 clients"


REALISTIC = Words()
HOSTILE_WORDS = Words(*[HOSTILE] * 6)
LONG_TITLE = replace(REALISTIC, title=("Programme de fidélisation omnicanal " * 20)[:500])
# As long as the check-in modal lets an owner write (its max_length), and a long objective.
LONG_ANSWERS = replace(
    REALISTIC,
    title="Refonte du parcours d’onboarding & activation " * 6,
    objective="Réduire le délai & le coût " * 80,
    blockers="Attente < fournisseur & juridique > " * 55,
    decision="Arbitrer le budget & les priorités " * 28,
    highlights="Pilote lancé, retours positifs & suite " * 51,
)


# -- contexts, as the callers build them ------------------------------------------------


def initiative(words: Words, *, id: int = 3, complete: bool = True) -> Initiative:
    """An initiative of the roadmap; not `complete`: no objective, KPI or due date."""
    if not complete:
        return Initiative(id=id, title=words.title, owner=OWNER, quarter="2026-Q4")
    return Initiative(
        id=id,
        title=words.title,
        owner=OWNER,
        quarter="2026-Q4",
        objective=words.objective,
        kpi_name=words.kpi_name,
        kpi_unit="jours",
        kpi_baseline=9.0,
        kpi_target=5.0,
        committee="comex",
        due=date(2026, 12, 18),
    )


def answer(words: Words, status: Status | None = Status.AT_RISK, *, full: bool = True) -> Answer:
    if not full:
        return Answer(status=status)
    return Answer(status, 60, 1234.5, words.blockers, words.decision, words.highlights)


def last_seen(words: Words, status: Status | None = Status.AT_RISK, *, full: bool = True) -> dict:
    """The previous answer as `run_checkin` passes it: plain strings, no enums."""
    seen = asdict(answer(words, status, full=full))
    return {**seen, "status": status.value if status else None}


def last_checkin(words: Words, status: str | None, *, full: bool = True) -> dict:
    """The previous answer as `open_modal` passes it: a CheckIn dumped."""
    fields = asdict(answer(words, Status(status) if status else None, full=full))
    return CheckIn(
        initiative_id=3, period=LAST_PERIOD, source="modal", author=OWNER, **fields
    ).model_dump()


def others(count: int) -> list[Initiative]:
    names = ["Lancement salon Paris", "Programme ambassadeurs", "Refonte du site"]
    return [
        Initiative(
            id=10 + n,
            title=f"{names[n % 3]} · {ascii_lowercase[n % 26] * (n // 26 + 1)}",
            owner=OWNER,
            quarter="2026-Q4",
        )
        for n in range(count)
    ]


def modal(main: Initiative, owned: list[Initiative], last: dict | None) -> dict[str, Any]:
    return {
        "initiative": main,
        "choices": [{"id": i.id, "title": i.title} for i in owned],
        "period": PERIOD,
        "last": last,
        "metadata": ModalState(initiatives=[i.id for i in owned if i.id], period=PERIOD).dump(),
    }


def which(owned: list[Initiative]) -> dict[str, Any]:
    return {
        "choices": [{"title": i.title, "value": ChoiceRef(a=7, i=i.id or 0).dump()} for i in owned]
    }


def prompt(main: Initiative, last: dict | None) -> dict[str, Any]:
    ref = PromptRef(i=3, p=PERIOD).dump()
    return {
        "initiative": main,
        "period": PERIOD,
        "last": last,
        "last_period": LAST_PERIOD if last else None,
        "ref": ref,
    }


def receipt(main: Initiative, given: Answer, *, replaced: bool, kept: bool) -> dict[str, Any]:
    return {
        "initiative": main,
        "period": PERIOD,
        "answer": asdict(given),
        "replaced": replaced,
        "kept_status": kept,
        "ref": PromptRef(i=3, p=PERIOD).dump(),
    }


Contexts = Callable[[Words], dict[str, dict[str, Any]]]
CONTEXTS: dict[str, Contexts] = {
    "checkin_chosen": lambda w: {"base": {"initiative": initiative(w)}},
    "checkin_help": lambda w: {
        "initiative": {"initiative": initiative(w)},
        "no_initiative": {"initiative": None},
    },
    "checkin_modal": lambda w: {
        "one_choice_first_time": modal(initiative(w), [initiative(w)], None),
        "one_choice_last_no_status": modal(
            initiative(w), [initiative(w)], last_checkin(w, None, full=False)
        ),
        "several_choices_last_full": modal(
            initiative(w), [initiative(w), *others(2)], last_checkin(w, "on_track")
        ),
        "many_choices_no_kpi": modal(
            initiative(w, complete=False),
            [initiative(w, complete=False), *others(120)],
            last_checkin(w, "done"),
        ),
    },
    "checkin_not_owner": lambda w: {"base": {}},
    "checkin_noted": lambda w: {
        "skipped": {"initiative": initiative(w), "period": PERIOD, "skipped": True},
        "no_change": {"initiative": initiative(w), "period": PERIOD, "skipped": False},
    },
    "checkin_prompt": lambda w: {
        "first_time": prompt(initiative(w), None),
        "last_full": prompt(initiative(w), last_seen(w)),
        "last_no_status": prompt(initiative(w), last_seen(w, None, full=False)),
        "bare_initiative": prompt(initiative(w, complete=False), last_seen(w, Status.ON_TRACK)),
    },
    "checkin_receipt": lambda w: {
        "recorded_full": receipt(initiative(w), answer(w), replaced=False, kept=False),
        "replaced_kept_status": receipt(
            initiative(w), answer(w, Status.OFF_TRACK, full=False), replaced=True, kept=True
        ),
        "no_status": receipt(initiative(w), answer(w, None), replaced=False, kept=False),
        "bare_initiative": receipt(
            initiative(w, complete=False), answer(w, Status.DONE), replaced=False, kept=False
        ),
    },
    "checkin_reminder": lambda w: {"base": {"initiative": initiative(w), "period": PERIOD}},
    "checkin_which": lambda w: {
        "one": which([initiative(w)]),
        "several": which([initiative(w), *others(2)]),
        "more_than_25": which([initiative(w), *others(30)]),
    },
    "modal_errors": lambda w: {"base": {}},
    "notice": lambda w: {reason: {"reason": reason} for reason in NOTICE_REASONS},
}
CASES = [
    pytest.param(name, variant, id=f"{name}-{variant}")
    for name in NAMES
    for variant in CONTEXTS.get(name, lambda w: {})(REALISTIC)
]


@cache
def renderer(language: str) -> Renderer:
    return Renderer(language)


def render(language: str, name: str, variant: str, words: Words = REALISTIC) -> Any:
    return renderer(language).render(name, **CONTEXTS[name](words)[variant])


# -- what Slack would say --------------------------------------------------------------


def check_slack(rendered: Any) -> None:
    """Fail as Slack would refuse the message or view (or a dict of sentences is malformed)."""
    assert isinstance(rendered, dict)
    if rendered.get("type") == "modal":
        check_view(rendered)
    elif "blocks" in rendered:
        check_message(rendered)
    else:
        assert rendered and all(isinstance(v, str) and v.strip() for v in rendered.values())


def check_message(message: dict) -> None:
    assert isinstance(message["text"], str) and message["text"].strip(), "no fallback text"
    assert len(message["text"]) <= MESSAGE_TEXT_MAX
    assert 1 <= len(message["blocks"]) <= 50
    check_blocks(message["blocks"])


def check_view(view: dict) -> None:
    View(**view).to_dict()  # title, submit, close, private_metadata, blocks: raises if invalid
    assert 1 <= len(view["title"]["text"]) <= 24
    assert all(len(view[key]["text"]) <= 24 for key in ("submit", "close") if key in view)
    assert 1 <= len(view["blocks"]) <= 100
    check_blocks(view["blocks"])


def check_blocks(blocks: list[dict]) -> None:
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None, f"unknown block {block}"
        # to_dict() validates the block and its elements; equality: no key was dropped unknown.
        assert parsed.to_dict() == block
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
        elif block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        elif block["type"] == "actions":
            assert 1 <= len(block["elements"]) <= 25
        elif block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
        elif block["type"] == "input":
            assert len(block["label"]["text"]) <= 2000
        for element in [*block.get("elements", []), block.get("element"), block.get("accessory")]:
            if isinstance(element, dict):
                check_element(element)


def check_element(element: dict) -> None:
    if element["type"] == "button":
        assert 1 <= len(element["text"]["text"]) <= 75
        assert len(element.get("value", "")) <= 2000
    options = element.get("options", [])
    assert len(options) <= 100
    for option in options:
        assert 1 <= len(option["text"]["text"]) <= 75 and len(option["value"]) <= 150
    if "initial_option" in element:
        assert element["initial_option"] in options, "initial_option is not one of the options"


def mrkdwn_texts(rendered: dict) -> list[str]:
    """The text Slack reads as mrkdwn: a message's fallback and every mrkdwn text object."""
    fallback = [rendered["text"]] if "blocks" in rendered and "text" in rendered else []
    return fallback + list(mrkdwn_in(rendered.get("blocks", [])))


def mrkdwn_in(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if value.get("type") == "mrkdwn":
            yield value["text"]
        for item in value.values():
            yield from mrkdwn_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from mrkdwn_in(item)


def words_in(value: Any, key: str | None = None) -> Iterator[str]:
    """Every text a reader sees (not ids, values or metadata)."""
    if isinstance(value, dict):
        for k, item in value.items():
            yield from words_in(item, k)
    elif isinstance(value, list):
        for item in value:
            yield from words_in(item, key)
    elif isinstance(value, str) and key in ("text", "initial_value"):
        yield value


def skeleton(value: Any, key: str | None = None) -> Any:
    """The rendering without its words: types, ids, values and order."""
    if isinstance(value, dict):
        return {k: skeleton(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [skeleton(item) for item in value]
    return "…" if key == "text" and isinstance(value, str) else value


# -- tests -----------------------------------------------------------------------------


def test_both_languages_have_the_same_templates() -> None:
    def names(language: str) -> set[str]:
        return {path.name for path in (PACKAGED_PROMPTS / language).glob("*.j2")}

    assert names("fr") == names("en")
    assert set(NAMES) <= set(CONTEXTS), "write a context factory for the new template"


@pytest.mark.parametrize(
    "words", [REALISTIC, HOSTILE_WORDS, LONG_TITLE], ids=["", "hostile", "long"]
)
@pytest.mark.parametrize(("name", "variant"), CASES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_renders_what_slack_accepts(language: str, name: str, variant: str, words: Words) -> None:
    check_slack(render(language, name, variant, words))


@pytest.mark.parametrize(("name", "variant"), CASES)
def test_french_and_english_have_the_same_structure(name: str, variant: str) -> None:
    english, french = render("en", name, variant), render("fr", name, variant)
    if "blocks" in english or "type" in english:
        assert skeleton(french) == skeleton(english)
    else:
        assert french.keys() == english.keys()
    assert french != english, "the French rendering is in English"


@pytest.mark.parametrize(("name", "variant"), CASES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_owners_words_ping_nobody(language: str, name: str, variant: str) -> None:
    rendered = render(language, name, variant, HOSTILE_WORDS)
    shown = json.dumps(rendered, ensure_ascii=False)
    evaluated = re.search(r"U123(?:>|&gt;) (?:&|&amp;) (?!\{\{ 7\*7 \}\})", shown)
    assert evaluated is None, "a template evaluated the owner's text"
    assert not any("49" in text for text in words_in(rendered))
    for text in mrkdwn_texts(rendered):
        assert "<!channel>" not in text and "<@U123>" not in text
        assert not re.search(r"&(?!amp;|lt;|gt;)", text), f"unescaped & in {text!r}"


@pytest.mark.parametrize(
    ("name", "variant", "shown"),
    [
        ("checkin_chosen", "base", 1),
        ("checkin_help", "initiative", 1),
        ("checkin_noted", "skipped", 1),
        ("checkin_noted", "no_change", 1),
        ("checkin_reminder", "base", 1),
        ("checkin_modal", "one_choice_first_time", 1),
        # title, and the answer's KPI name, blockers, decision and highlights
        ("checkin_receipt", "recorded_full", 5),
        # objective and KPI name, and the last answer's KPI name, blockers, decision, highlights
        ("checkin_prompt", "last_full", 6),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_owners_words_show_as_written(language: str, name: str, variant: str, shown: int) -> None:
    rendered = render(language, name, variant, HOSTILE_WORDS)
    in_blocks = "\n".join(mrkdwn_in(rendered["blocks"]))
    assert in_blocks.count(ESCAPED) == shown
    if name not in ("checkin_help", "checkin_modal"):
        assert ESCAPED in rendered["text"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_title_is_shortened_where_slack_limits_it(language: str) -> None:
    header = render(language, "checkin_prompt", "first_time", LONG_TITLE)["blocks"][0]["text"]
    assert len(header["text"]) == 150 and header["text"].endswith("…")
    buttons = render(language, "checkin_which", "several", LONG_TITLE)["blocks"][1]["elements"]
    assert len(buttons[0]["text"]["text"]) == 75 and buttons[0]["text"]["text"].endswith("…")
    view = render(language, "checkin_modal", "several_choices_last_full", LONG_TITLE)
    option = view["blocks"][0]["element"]["initial_option"]["text"]["text"]
    assert len(option) == 75 and option.endswith("…")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_puts_each_field_on_its_own_line(language: str) -> None:
    full = render(language, "checkin_receipt", "recorded_full")["blocks"][0]["text"]["text"]
    lines = full.split("\n")
    assert [line.split(" ")[0] for line in lines[2:]] == [":construction:", ":scales:", ":memo:"]
    bare = render(language, "checkin_prompt", "last_no_status")["blocks"][2]["text"]["text"]
    assert len(bare.split("\n")) == 3, "the status line, then the 'no blockers' line"


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("name", "variant"), [("checkin_receipt", "recorded_full"), ("checkin_prompt", "last_full")]
)
def test_the_longest_answers_fit_in_a_section(language: str, name: str, variant: str) -> None:
    check_slack(render(language, name, variant, LONG_ANSWERS))


@pytest.mark.parametrize(("name", "variant"), CASES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_examples_shown_are_understood(language: str, name: str, variant: str) -> None:
    rendered = render(language, name, variant)
    texts = mrkdwn_texts(rendered) if isinstance(rendered, dict) else []
    for example in re.findall(r"`([^`\n]+)`", "\n".join(texts)):
        if not example.startswith("/"):
            assert parse_update(example).understood, f"the parser does not read {example!r}"


@pytest.mark.parametrize(("language", "shown"), [("en", "1,234.5 jours"), ("fr", "1 234,5 jours")])
def test_numbers_are_written_the_language_s_way(language: str, shown: str) -> None:
    receipt = render(language, "checkin_receipt", "recorded_full")
    assert shown in receipt["blocks"][0]["text"]["text"]


def test_modal_errors_name_the_modal_s_blocks_in_both_languages() -> None:
    english, french = render("en", "modal_errors", "base"), render("fr", "modal_errors", "base")
    assert french.keys() == english.keys() == {"status", "progress", "kpi"}
    view = render("fr", "checkin_modal", "one_choice_first_time")
    assert set(french) <= {block.get("block_id") for block in view["blocks"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_templates_use_their_own_language_s_macros(language: str) -> None:
    for path in (PACKAGED_PROMPTS / language).glob("*.j2"):
        source = path.read_text(encoding="utf-8")
        for used in re.findall(r"{%-?\s*(?:from|import|include|extends)\s+['\"]([^'\"]+)", source):
            assert used.startswith(f"{language}/"), f"{path.name} uses {used}"
