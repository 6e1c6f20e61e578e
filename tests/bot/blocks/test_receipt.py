"""The receipt of an answer as Slack shows it: what was stored for each initiative one message
(or form) covered, a question with buttons for each field the bot would not guess, and
Correct on each — what Slack accepts, in French and English, with owners' words escaped, and
buttons that carry what the click handler needs."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import pytest

from bot.blocks import checkin, receipt
from bot.blocks.receipt import ReceiptPart
from bot.ids import Action, PromptRef, QuestionRef
from bot.words import Words
from rituals.checkins import answer_of
from rituals.numbers import parse_number
from rituals.reading import Context, read
from rituals.status import Status
from tests.blockkit import (
    HOSTILE,
    assert_pings_nobody,
    buttons,
    check_message,
    mrkdwn_texts,
    plain_in,
    texts,
)
from tests.bot.blocks.test_checkin import (
    FIRST_ID,
    HOSTILE_SAID,
    LANGUAGES,
    LONG_TITLE,
    PERIOD,
    REALISTIC,
    SAID,
    Initiative,
    Said,
    answer,
    initiative,
    item,
    known,
    sections,
    skeleton,
    words,
)


def part(
    said: Said,
    n: int = 0,
    *,
    replaced: bool = False,
    kept_status: bool = False,
    asked: Mapping[str, Sequence[str]] | None = None,
    bare: bool = False,
) -> ReceiptPart:
    """One initiative's answer as bot.services.recording gives it to the receipt; `asked`
    as rituals.checkins.answer_of writes it (field → candidates, as text), the fields asked
    about stored as nothing."""
    asked = dict(asked or {})
    stored = answer(said, full=not bare, status=None if bare or "status" in asked else "at_risk")
    if "progress" in asked or "progress_or_kpi" in asked:
        stored = replace(stored, progress=None)
    if "kpi" in asked or "progress_or_kpi" in asked:
        stored = replace(stored, kpi_value=None)
    return ReceiptPart(
        initiative(said, n, complete=not bare),
        stored,
        replaced=replaced,
        kept_status=kept_status,
        asked=asked,
    )


# Every kind of question, as answer_of writes them: two statuses, no status candidate, two
# progress figures, one progress figure, one KPI figure, two KPI figures, one figure that is
# the progress or the KPI.
QUESTIONS: dict[str, dict[str, list[str]]] = {
    "two statuses": {"status": ["at_risk", "on_track"]},
    "a status, no candidate": {"status": []},
    "two progress figures": {"progress": ["60", "70"]},
    "one progress figure": {"progress": ["60"]},
    "one KPI figure": {"kpi": ["1234.5"]},
    "two KPI figures": {"kpi": ["12.48", "12480.0"]},
    "the progress or the KPI": {"progress_or_kpi": ["72 %"]},
    "status and progress": {"status": ["off_track", "on_track"], "progress": ["40", "45"]},
}

Build = Callable[[Words, Said], Any]
CASES: dict[str, Build] = {
    "one, full": lambda w, s: receipt.receipt(w, [part(s)], period=PERIOD),
    "one, replaced, status kept": lambda w, s: receipt.receipt(
        w, [part(s, replaced=True, kept_status=True)], period=PERIOD
    ),
    "one, without status": lambda w, s: receipt.receipt(w, [part(s, bare=True)], period=PERIOD),
    "four": lambda w, s: receipt.receipt(
        w,
        [
            part(s, 0),
            part(s, 1, replaced=True),
            part(s, 2, bare=True),
            part(s, 3, kept_status=True),
        ],
        period=PERIOD,
    ),
    "six, as a prompt lists them": lambda w, s: receipt.receipt(
        w, [part(s, n, replaced=n == 5) for n in range(6)], period=PERIOD
    ),
    **{
        f"one, asked {name}": (
            lambda w, s, asked=asked: receipt.receipt(w, [part(s, asked=asked)], period=PERIOD)
        )
        for name, asked in QUESTIONS.items()
    },
    "one, asked everything": lambda w, s: receipt.receipt(
        w,
        [part(s, asked={"status": ["at_risk", "done"], "progress": ["60", "70"], "kpi": ["4.5"]})],
        period=PERIOD,
    ),
    "four, with questions": lambda w, s: receipt.receipt(
        w,
        [part(s, n, asked=asked) for n, asked in enumerate(list(QUESTIONS.values())[::2])],
        period=PERIOD,
    ),
}
# What each part shows of the owners' words: its title, the KPI's name (beside its value),
# the blockers, the decision asked for and the comment; each question the title once more.
# A KPI value asked about is not stored, so its name is not shown.
PART = 5
SHOWING = {
    "one, full": PART,
    "one, replaced, status kept": PART,
    "one, without status": 1,  # the title: nothing else was said
    "one, asked two statuses": PART + 1,
    "one, asked everything": PART - 1 + 3,
    "four": 3 * PART + 1,
    # two statuses, two progress figures, one KPI figure, the progress or the KPI
    "four, with questions": 4 * PART - 2 + 4,
}


def rendered(language: str, case: str, said: Said = REALISTIC) -> dict[str, Any]:
    return dict(CASES[case](words(language), said).payload())


def refs(actions: dict[str, Any]) -> list[QuestionRef]:
    return [QuestionRef.model_validate_json(e["value"]) for e in actions["elements"]]


def asked_blocks(found: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for b in found["blocks"] if str(b.get("block_id", "")).startswith("ask_")]


def asked_labels(found: dict[str, Any]) -> list[str]:
    return [e["text"]["text"] for b in asked_blocks(found) for e in b["elements"]]


def spaced(text: str) -> str:
    return " ".join(text.split())


# -- what Slack accepts ------------------------------------------------------------------------


@pytest.mark.parametrize("said", SAID)
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_slack_accepts_every_receipt(language: str, case: str, said: str) -> None:
    check_message(rendered(language, case, SAID[said]))


@pytest.mark.parametrize("case", CASES)
def test_french_and_english_have_the_same_structure(case: str) -> None:
    english, french = rendered("en", case), rendered("fr", case)
    assert skeleton(french) == skeleton(english)
    assert texts(french) != texts(english), "the French rendering is in English"


@pytest.mark.parametrize(("case", "shown"), SHOWING.items())
@pytest.mark.parametrize("language", LANGUAGES)
def test_owners_words_are_shown_escaped_and_ping_nobody(
    language: str, case: str, shown: int
) -> None:
    found = rendered(language, case, HOSTILE_SAID)
    check_message(found)
    in_blocks = "\n".join(mrkdwn_texts({"blocks": found["blocks"]}))
    assert in_blocks.count("&lt;!channel&gt;") == shown
    assert assert_pings_nobody(found) > 0
    assert "{ $x }" in in_blocks and "{{ 7*7 }}" in in_blocks, "placeholders in people's words"
    assert "49" not in texts(found), "a template evaluated them"
    assert all("&lt;" not in text for text in plain_in(found)), "plain text is not escaped"
    assert HOSTILE not in "\n".join(mrkdwn_texts(found)), "shown unescaped"


# -- what it says -------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 4])
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_receipt_lists_every_initiative_answered(language: str, count: int) -> None:
    w = words(language)
    parts = [part(REALISTIC, n, replaced=n % 2 == 1) for n in range(count)]
    found = receipt.receipt(w, parts, period=PERIOD).payload()
    check_message(found)
    corrects = [b for b in found["blocks"] if str(b.get("block_id", "")).startswith("correct_")]
    assert [b["block_id"] for b in corrects] == [f"correct_{FIRST_ID + n}" for n in range(count)]
    for n, correct in enumerate(corrects):
        [button] = correct["elements"]
        assert button["action_id"] == Action.CHECKIN_CORRECT
        assert PromptRef.model_validate_json(button["value"]) == PromptRef(
            i=FIRST_ID + n, p=PERIOD, c=True
        )
        summary = found["blocks"][found["blocks"].index(correct) - 1]["text"]["text"]
        replaced = "yes" if n % 2 else "no"
        title = parts[n].initiative.title
        heading = w.md("receipt-title", replaced=replaced, title=title, period=PERIOD)
        assert summary.split("\n")[0] == heading
    assert found["blocks"][-1] == corrects[-1]
    assert len(found["blocks"]) == 2 * count, "a summary and Correct each: no question"
    assert found["text"] == w.md("receipt-fallback", title=REALISTIC.title, count=count)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_puts_each_field_on_its_own_line(language: str) -> None:
    w = words(language)
    full = sections(rendered(language, "one, full"))[0].split("\n")
    assert [line.split(" ")[0] for line in full[2:]] == [":construction:", ":scales:", ":memo:"]
    kept = sections(rendered(language, "one, replaced, status kept"))[0].split("\n")
    assert kept[-1] == w.md("receipt-kept-status")
    bare = sections(rendered(language, "one, without status"))[0].split("\n")
    assert bare[1:] == [
        f"⚪ *{w.text('status', status='none')}*",
        w.md("answer-no-blockers"),
        w.md("receipt-no-status"),
    ]
    asked = sections(rendered(language, "one, asked two statuses"))[0]
    assert w.md("receipt-no-status") not in asked, "the question asks it instead"


@pytest.mark.parametrize(("language", "shown"), [("en", "1,234.5"), ("fr", "1\u202f234,5")])
def test_numbers_are_written_the_language_s_way(language: str, shown: str) -> None:
    assert f"{shown} jours" in sections(rendered(language, "one, full"))[0]
    one = rendered(language, "one, asked one KPI figure")
    assert shown in sections(one)[1]
    # a plain-text label has its spaces made plain: the number as the language writes it
    assert spaced(shown) in asked_labels(one)[0]
    progress = asked_labels(rendered(language, "one, asked two progress figures"))
    assert progress == [spaced(words(language).pct(60)), spaced(words(language).pct(70))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_title_is_shortened_where_slack_limits_it(language: str) -> None:
    title = LONG_TITLE.title
    found = rendered(language, "one, asked two statuses", LONG_TITLE)
    summary, question = sections(found)[:2]
    [in_summary] = re.findall(r"\*([^*]{100,})\*", summary)
    assert len(in_summary) == 150 and in_summary.endswith("…")
    assert in_summary.startswith(title[:100])
    [in_question] = re.findall(r"\*([^*]{50,})\*", question)
    assert len(in_question) <= 78 and in_question.endswith("…")
    assert title[:60] in found["text"] and len(found["text"]) < len(title)


# -- questions: what the bot would not guess ----------------------------------------------------


def expected_choices(asked: Mapping[str, Sequence[str]]) -> list[list[tuple[str, float | str]]]:
    """What each question should offer, from the candidates alone: (field, value) per button;
    a number as a number; a single figure is confirmed or dropped."""
    questions = []
    for name, candidates in asked.items():
        if name == "status":
            offered = list(candidates) or [Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK]
            questions.append([("status", str(status)) for status in offered])
        elif name == "progress_or_kpi":
            [said] = candidates
            figure = parse_number(said.replace("%", "").strip())
            questions.append([("progress", figure), ("kpi", figure)])
        elif len(candidates) == 1:
            questions.append([(name, float(candidates[0])), (f"drop:{name}", "")])
        else:
            questions.append([(name, float(c)) for c in candidates])
    return questions


def choices(found: dict[str, Any]) -> list[list[tuple[str, float | str]]]:
    return [
        [
            (ref.f, ref.v if ref.f == "status" or not ref.v else parse_number(ref.v))
            for ref in refs(b)
        ]
        for b in asked_blocks(found)
    ]


@pytest.mark.parametrize("name", QUESTIONS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_unsure_field_gets_its_question_with_buttons(language: str, name: str) -> None:
    found = rendered(language, f"one, asked {name}")
    check_message(found)
    asked = QUESTIONS[name]
    assert choices(found) == expected_choices(asked)
    question_ids = [b["block_id"] for b in asked_blocks(found)]
    assert question_ids == [f"ask_{FIRST_ID}_{field}" for field in asked]
    for actions in asked_blocks(found):
        at = found["blocks"].index(actions)
        assert found["blocks"][at - 1]["type"] == "section", "the question before its buttons"
        assert found["blocks"][at - 1]["text"]["text"].startswith(":grey_question:")
        ids = [e["action_id"] for e in actions["elements"]]
        assert ids == [f"{Action.CHECKIN_QUESTION}_{n}" for n in range(1, len(ids) + 1)]
        for ref in refs(actions):
            assert (ref.i, ref.p, ref.r) == (FIRST_ID, PERIOD, [FIRST_ID])
    assert found["blocks"][-1]["block_id"] == f"correct_{FIRST_ID}", "Correct stays last"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_buttons_of_several_initiatives_name_theirs_and_redraw_them_all(
    language: str,
) -> None:
    found = rendered(language, "four, with questions")
    check_message(found)
    shown = [FIRST_ID + n for n in range(4)]
    asked = list(QUESTIONS.values())[::2]
    by_initiative: dict[int, list[str]] = {}
    for actions in asked_blocks(found):
        for ref in refs(actions):
            assert ref.r == shown and ref.p == PERIOD
            assert actions["block_id"].startswith(f"ask_{ref.i}_")
        by_initiative.setdefault(refs(actions)[0].i, []).append(actions["block_id"])
    assert by_initiative == {
        i: [f"ask_{i}_{field}" for field in fields] for i, fields in zip(shown, asked, strict=True)
    }
    # initiative by initiative: its summary, each question before its buttons, its Correct
    assert [b.get("block_id") for b in found["blocks"]] == [
        block_id
        for i, fields in zip(shown, asked, strict=True)
        for block_id in (
            None,
            *(block_id for field in fields for block_id in (None, f"ask_{i}_{field}")),
            f"correct_{i}",
        )
    ]


# Owners' words that a careful reader hesitates on, each about one initiative (read in its
# thread), with the KPI each initiative measures.
HESITANT = [
    (Initiative(3, "Refonte du parcours d’onboarding", "", "Délai d’activation", "jours", 5.0,
                None), "vert ou orange, 60 ou 70 %"),
    (Initiative(4, "Réduction du DSO", "", "DSO", "jours", 45.0, None),
     "DSO 51 or 53 depending on the scope"),
    (Initiative(5, "Optimisation des blocs opératoires", "", "Taux d'occupation des blocs", "%",
                80.0, None), "on est à 72 %"),
    (Initiative(6, "Nouvelles ventes", "", "Ventes", "", None, None), "ventes : 12,480"),
    (Initiative(7, "Programme fidélité", "", "Taux de réachat", "%", 30.0, None),
     "status : ok-ish, 40 %, bloqué par la DSI"),
]  # fmt: skip


def read_parts() -> list[ReceiptPart]:
    """The receipt's parts as bot.services.understanding and recording build them from the
    reader's parts: the sure fields stored, the others asked."""
    parts = []
    for given, text in HESITANT:
        reading = read(text, Context(known([given], [None]), thread=given.id))
        [one] = reading.parts
        read_as = answer_of(one, None)
        parts.append(
            ReceiptPart(given, read_as.answer, kept_status=read_as.kept_status, asked=read_as.asked)
        )
    return parts


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_the_reader_hesitated_on_is_asked_and_its_buttons_store_a_value(
    language: str,
) -> None:
    parts = read_parts()
    assert all(p.asked for p in parts), "each text leaves something to ask"
    found = receipt.receipt(words(language), parts, period=PERIOD).payload()
    check_message(found)
    ids = [p.initiative.id for p in parts]
    for p in parts:
        assert [
            b["block_id"]
            for b in asked_blocks(found)
            if b["block_id"].startswith(f"ask_{p.initiative.id}_")
        ] == [f"ask_{p.initiative.id}_{name}" for name in p.asked]
    seen = [choice for question in choices(found) for choice in question]
    assert seen and choices(found) == [
        question for p in parts for question in expected_choices(p.asked)
    ]
    for actions in asked_blocks(found):
        for ref in refs(actions):
            assert ref.r == ids and ref.p == PERIOD
            # what the click handler does with it: a status, or a number (progress 0–100)
            if ref.f == "status":
                assert Status(ref.v)
            elif ref.f == "progress":
                assert 0 <= parse_number(ref.v) <= 100
            elif ref.f == "kpi":
                assert parse_number(ref.v) is not None
            else:
                assert ref.f.startswith("drop:") and ref.v == ""


# -- as many initiatives as a prompt lists ------------------------------------------------------


def listed_by_a_prompt() -> int:
    """How many initiatives one prompt lists, each with its last answer: how many one reply
    to it may answer at once."""
    found = checkin.prompt(
        words("en"), [item(REALISTIC, n) for n in range(40)], period=PERIOD
    ).payload()
    return sum(1 for b in found["blocks"] if str(b.get("block_id", "")).startswith("initiative_"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reply_to_every_initiative_of_a_prompt_gets_a_receipt(language: str) -> None:
    """A reply with a line on each initiative of the prompt, each line hesitant on its status
    and its progress: one receipt Slack takes, showing what fits and counting the rest."""
    count = listed_by_a_prompt()
    assert count >= 9
    asked = QUESTIONS["status and progress"]
    parts = [part(REALISTIC, n, asked=asked) for n in range(count)]
    found = receipt.receipt(words(language), parts, period=PERIOD).payload()
    check_message(found)
    shown = [b for b in found["blocks"] if str(b.get("block_id", "")).startswith("correct_")]
    assert 1 <= len(shown) < count
    more = words(language).md("receipt-more", count=count - len(shown))
    assert found["blocks"][-1] == {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": more}],
    }
    refs = [QuestionRef.model_validate_json(e["value"]) for e in buttons(found)
            if e["action_id"].startswith(Action.CHECKIN_QUESTION)]  # fmt: skip
    assert {tuple(ref.r) for ref in refs} == {tuple(FIRST_ID + n for n in range(len(shown)))}
