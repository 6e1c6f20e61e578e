"""The weekly check-in as Slack shows it — the prompt, the reminder, the receipt, the replies
to an owner's message, the form and the absence messages: what Slack accepts, in French and
English, with owners' words escaped, shortened where Slack limits them, and examples that the
reader understands."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import pytest

from bot.blocks import absence, checkin, checkin_form
from bot.blocks.checkin import FollowUp
from bot.ids import DecisionRef, ModalState, PromptRef
from bot.words import Catalogue, Words
from rituals.parse import parse_update
from tests.blockkit import (
    HOSTILE,
    assert_pings_nobody,
    buttons,
    check_message,
    check_view,
    mrkdwn_texts,
    plain_in,
    texts,
)

LANGUAGES = ("en", "fr")
PERIOD, LAST_PERIOD = "2026-W48", "2026-W47"
DECIDED = datetime(2026, 11, 17, 10, 0, tzinfo=UTC)


@cache
def words(language: str) -> Words:
    return Catalogue(strict=True).words(language)


@dataclass(frozen=True)
class Initiative:
    id: int | None
    title: str
    objective: str
    kpi_name: str
    kpi_unit: str
    kpi_target: float | None
    due: date | None


@dataclass(frozen=True)
class Answer:
    status: str | None
    progress: int | None
    kpi_value: float | None
    blockers: str | None
    decision_request: str | None
    highlights: str | None


@dataclass(frozen=True)
class Said:
    """What owners and the roadmap wrote, which the check-in shows back."""

    title: str = "Refonte du parcours d’onboarding"
    objective: str = "Réduire le délai d’activation des nouveaux clients"
    kpi_name: str = "Délai d’activation"
    blockers: str = "validation juridique des CGU"
    decision: str = "arbitrer le budget média du T1"
    highlights: str = "Pilote lancé avec 3 clients"


REALISTIC = Said()
HOSTILE_SAID = Said(*[HOSTILE] * 6)
LONG_TITLE = replace(REALISTIC, title=("Programme de fidélisation omnicanal " * 20)[:500])
# As long as the form lets an owner write (its max_length), and a long objective.
LONGEST = replace(
    REALISTIC,
    title=("Refonte du parcours d’onboarding & activation " * 7)[:300],
    objective=("Réduire le délai & le coût " * 80)[:2000],
    blockers=("Attente < fournisseur & juridique > " * 56)[:2000],
    decision=("Arbitrer le budget & les priorités " * 29)[:1000],
    highlights=("Pilote lancé, retours positifs & suite " * 52)[:2000],
)
SAID = {"realistic": REALISTIC, "hostile": HOSTILE_SAID, "long": LONG_TITLE, "longest": LONGEST}


def initiative(said: Said, *, complete: bool = True) -> Initiative:
    if not complete:
        return Initiative(3, said.title, "", "", "", None, None)
    return Initiative(
        3, said.title, said.objective, said.kpi_name, "jours", 5.0, date(2026, 12, 18)
    )


def answer(said: Said, *, full: bool = True, status: str | None = "at_risk") -> Answer:
    if not full:
        return Answer(status, None, None, None, None, None)
    return Answer(status, 60, 1234.5, said.blockers, said.decision, said.highlights)


def decisions(said: Said, count: int) -> list[FollowUp]:
    return [
        FollowUp(id=10 + n, decision=f"{said.decision} #{n}", decided_at=DECIDED, due=None)
        for n in range(count)
    ]


Build = Callable[[Words, Said], Any]
# Every surface of the check-in, in the variants that change its shape.
CASES: dict[str, Build] = {
    "prompt first time": lambda w, s: checkin.prompt(
        w, initiative(s), period=PERIOD, last=None, last_period=None
    ),
    "prompt last full": lambda w, s: checkin.prompt(
        w, initiative(s), period=PERIOD, last=answer(s), last_period=LAST_PERIOD
    ),
    "prompt last without status": lambda w, s: checkin.prompt(
        w,
        initiative(s, complete=False),
        period=PERIOD,
        last=answer(s, full=False, status=None),
        last_period=LAST_PERIOD,
    ),
    "prompt two open decisions": lambda w, s: checkin.prompt(
        w,
        initiative(s),
        period=PERIOD,
        last=answer(s),
        last_period=LAST_PERIOD,
        decisions=[
            *decisions(s, 1),
            FollowUp(id=12, decision=s.decision, decided_at=DECIDED, due=date(2026, 12, 15)),
        ],
    ),
    "reminder": lambda w, s: checkin.reminder(w, title=s.title, period=PERIOD),
    "receipt full": lambda w, s: checkin.receipt(
        w, initiative(s), period=PERIOD, answer=answer(s), replaced=False, kept_status=False
    ),
    "receipt replaced, status kept": lambda w, s: checkin.receipt(
        w, initiative(s), period=PERIOD, answer=answer(s), replaced=True, kept_status=True
    ),
    "receipt without status": lambda w, s: checkin.receipt(
        w,
        initiative(s, complete=False),
        period=PERIOD,
        answer=answer(s, full=False, status=None),
        replaced=False,
        kept_status=False,
    ),
    "skipped": lambda w, s: checkin.skipped(w, title=s.title, period=PERIOD),
    "help": lambda w, s: checkin.help_reply(w),
    "help on an initiative": lambda w, s: checkin.help_reply(w, title=s.title),
    "not owner": lambda w, s: checkin.not_owner(w),
    "which of two": lambda w, s: checkin.which(
        w, pending_id=7, choices=[(3, s.title), (4, f"{s.title} (bis)")]
    ),
    "which of thirty": lambda w, s: checkin.which(
        w, pending_id=7, choices=[(n, f"{s.title} {n}") for n in range(30)]
    ),
    "chosen": lambda w, s: checkin.chosen(w, title=s.title),
    "form, one initiative, first time": lambda w, s: checkin_form.form(
        w, initiative(s), choices=[(3, s.title)], period=PERIOD, last=None
    ),
    "form, several initiatives, last full": lambda w, s: checkin_form.form(
        w,
        initiative(s),
        choices=[(n, f"{s.title} {n}") for n in range(1, 6)],
        period=PERIOD,
        last=answer(s),
    ),
    "absence form": lambda w, s: absence.form(w, until=date(2026, 12, 1)),
    "away": lambda w, s: absence.told(w, until=date(2026, 12, 1), deputy=None),
    "away with a deputy": lambda w, s: absence.told(w, until=date(2026, 12, 1), deputy="U0DEPUTY1"),
    "back": lambda w, s: absence.told(w, until=None, deputy=None),
    "away unreadable": lambda w, s: absence.refused(w, "bad"),
    "away in the past": lambda w, s: absence.refused(w, "past"),
    **{
        f"notice {reason}": (lambda w, s, reason=reason: checkin.notice(w, reason))
        for reason in (
            "no-previous",
            "not-yours",
            "no-initiatives",
            "unknown-initiative",
            "error",
            "not-recorded",
            "too-slow",
        )
    },
}
# The surfaces that show what owners wrote, with how many of their texts each shows.
SHOWING = {
    "prompt last full": 6,  # title, objective, KPI name ×2, blockers, decision, comment
    "prompt two open decisions": 8,
    "reminder": 1,
    "receipt full": 5,
    "receipt replaced, status kept": 5,
    "skipped": 1,
    "help on an initiative": 1,
    "chosen": 1,
    "form, one initiative, first time": 1,
}


def rendered(language: str, case: str, said: Said = REALISTIC) -> dict[str, Any]:
    built = CASES[case](words(language), said)
    return built if isinstance(built, dict) else built.payload()


def check(found: dict[str, Any]) -> None:
    if found.get("type") == "modal":
        check_view(found)
    else:
        check_message(found)


def skeleton(value: Any, key: str | None = None) -> Any:
    """The rendering without its words: types, ids, values and order."""
    if isinstance(value, dict):
        return {k: skeleton(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [skeleton(item) for item in value]
    return "…" if key in ("text", "initial_value") and isinstance(value, str) else value


def sections(found: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in found["blocks"] if b["type"] == "section" and "text" in b]


# -- what Slack accepts ------------------------------------------------------------------------


@pytest.mark.parametrize("said", SAID)
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_slack_accepts_every_check_in_message(language: str, case: str, said: str) -> None:
    check(rendered(language, case, SAID[said]))


@pytest.mark.parametrize("case", CASES)
def test_french_and_english_have_the_same_structure(case: str) -> None:
    english, french = rendered("en", case), rendered("fr", case)
    assert skeleton(french) == skeleton(english)
    assert texts(french) != texts(english), "the French rendering is in English"


# -- owners' words: as written, pinging nobody ---------------------------------------------------


@pytest.mark.parametrize(("case", "shown"), SHOWING.items())
@pytest.mark.parametrize("language", LANGUAGES)
def test_owners_words_are_shown_escaped_and_ping_nobody(
    language: str, case: str, shown: int
) -> None:
    found = rendered(language, case, HOSTILE_SAID)
    check(found)
    in_blocks = "\n".join(mrkdwn_texts({"blocks": found["blocks"]}))
    assert in_blocks.count("&lt;!channel&gt;") == shown
    assert_pings_nobody(found)
    assert "{ $x }" in in_blocks and "{{ 7*7 }}" in in_blocks, "placeholders in people's words"
    assert "49" not in re.sub(r"<!date\^[^>]*>", "", texts(found)), "a template evaluated them"
    assert all("&lt;" not in text for text in plain_in(found)), "plain text is not escaped"


@pytest.mark.parametrize("language", LANGUAGES)
def test_people_s_words_in_plain_text_show_as_written(language: str) -> None:
    header = rendered(language, "prompt last full", HOSTILE_SAID)["blocks"][0]["text"]["text"]
    assert HOSTILE in header
    choose = buttons(rendered(language, "which of two", HOSTILE_SAID))[0]["text"]["text"]
    assert choose.startswith(HOSTILE[:60])


# -- within Slack's limits ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_title_is_shortened_where_slack_limits_it(language: str) -> None:
    header = rendered(language, "prompt first time", LONG_TITLE)["blocks"][0]["text"]["text"]
    assert len(header) == 150 and header.endswith("…")
    choose = buttons(rendered(language, "which of two", LONG_TITLE))[0]["text"]["text"]
    assert len(choose) == 75 and choose.endswith("…")
    view = rendered(language, "form, several initiatives, last full", LONG_TITLE)
    option = view["blocks"][0]["element"]["initial_option"]["text"]["text"]
    assert len(option) == 75 and option.endswith("…")


@pytest.mark.parametrize("language", LANGUAGES)
def test_which_offers_as_many_initiatives_as_slack_takes(language: str) -> None:
    assert len(buttons(rendered(language, "which of thirty"))) == 25


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_puts_each_field_on_its_own_line(language: str) -> None:
    full = sections(rendered(language, "receipt full"))[0].split("\n")
    assert [line.split(" ")[0] for line in full[2:]] == [":construction:", ":scales:", ":memo:"]
    bare = sections(rendered(language, "prompt last without status"))[1].split("\n")
    assert len(bare) == 3, "the last update's heading, its status line, the 'no blockers' line"


@pytest.mark.parametrize(
    ("language", "shown"), [("en", "1,234.5 jours"), ("fr", "1\u202f234,5 jours")]
)
def test_numbers_are_written_the_language_s_way(language: str, shown: str) -> None:
    assert shown in sections(rendered(language, "receipt full"))[0]


# -- what the reader is asked, and can do ---------------------------------------------------


EXAMPLES = ("prompt first time", "reminder", "help", "help on an initiative")


@pytest.mark.parametrize("case", EXAMPLES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_examples_shown_are_understood(language: str, case: str) -> None:
    """Every example an owner is shown (in backticks) reads as an update; commands are none."""
    shown = re.findall(r"`([^`\n]+)`", "\n".join(mrkdwn_texts(rendered(language, case))))
    examples = [example for example in shown if not example.startswith("/")]
    assert examples, "nothing to check"
    for example in examples:
        assert parse_update(example).understood, f"the reader does not read {example!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_prompt_has_its_buttons_on_that_initiative_and_week(language: str) -> None:
    found = rendered(language, "prompt first time")
    [actions] = [b for b in found["blocks"] if b.get("block_id") == "checkin_actions"]
    ids = [e["action_id"] for e in actions["elements"]]
    assert ids == ["checkin_update", "checkin_no_change", "checkin_skip", "checkin_away"]
    refs = {e["value"] for e in actions["elements"]}
    assert {PromptRef.model_validate_json(ref) for ref in refs} == {PromptRef(i=3, p=PERIOD)}
    assert found["blocks"][-1] is actions


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_prompt_asks_about_each_open_decision(language: str) -> None:
    for case, count in (("prompt last full", 0), ("prompt two open decisions", 2)):
        found = rendered(language, case)
        asked = [b for b in found["blocks"] if b["type"] == "actions" and "block_id" not in b]
        assert len(asked) == count
        for block, decision in zip(asked, (10, 12)[:count], strict=True):
            clicks = [(e["action_id"], DecisionRef.model_validate_json(e["value"]).d) for e in
                      block["elements"]]  # fmt: skip
            assert clicks == [("decision_done", decision), ("decision_not_yet", decision)]
        shown = "\n".join(sections(found))
        assert shown.count(words(language).md("checkin-prompt-decision-ask")) == count
        assert shown.count(f"{REALISTIC.decision} #0") == min(count, 1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_starts_from_the_last_answer_on_the_chosen_initiative(language: str) -> None:
    view = rendered(language, "form, several initiatives, last full")
    assert ModalState.model_validate_json(view["private_metadata"]) == ModalState(
        initiatives=[1, 2, 3, 4, 5], period=PERIOD
    )
    chosen = view["blocks"][0]["element"]["initial_option"]
    assert chosen["value"] == "3"
    [status] = [b for b in view["blocks"] if b.get("block_id") == "status"]
    assert status["element"]["initial_option"]["value"] == "at_risk"


def submitted(view: dict[str, Any], **values: str) -> dict[str, Any]:
    """The form as Slack sends it back, with `values` typed or chosen."""
    state: dict[str, Any] = {}
    for block, value in values.items():
        kind = "selected_option" if block in ("status", "initiative") else "value"
        state[block] = {"value": {kind: {"value": value} if kind == "selected_option" else value}}
    return {**view, "state": {"values": state}}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_s_errors_name_its_blocks(language: str) -> None:
    view = rendered(language, "form, one initiative, first time")
    blocks = {block.get("block_id") for block in view["blocks"]}
    _, errors = checkin_form.read(
        submitted(view, status="purple", progress="150", kpi="lots"), words(language)
    )
    assert set(errors) == {"status", "progress", "kpi"} and set(errors) <= blocks
    assert all(len(error) <= 2000 for error in errors.values())


@pytest.mark.parametrize("typed", ["1 234,5", "1,234.5", "1234.5"])
def test_the_form_reads_numbers_as_free_text_does(typed: str) -> None:
    view = rendered("fr", "form, one initiative, first time")
    read, errors = checkin_form.read(
        submitted(view, status="on_track", progress="60 %", kpi=typed), words("fr")
    )
    assert errors == {} and read is not None
    assert (read.initiative_id, read.period, read.progress, read.kpi_value) == (
        3,
        PERIOD,
        60,
        1234.5,
    )
