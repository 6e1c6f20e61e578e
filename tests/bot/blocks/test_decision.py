"""The decision log in Slack: the form on a closed poll (built and read back), the notice in
the committee channel and /decisions, in both languages, whatever people wrote."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from bot.blocks import decision
from bot.blocks.decision import DecisionEntry, DecisionForm
from bot.ids import PollRef
from bot.text import escape, mention
from tests.blockkit import HOSTILE, assert_pings_nobody, check_message, check_view, texts
from tests.bot.blocks.test_arbitrate import submitted
from tests.bot.blocks.test_poll import (
    ALLOWED,
    CLOSED,
    CMO,
    LANGUAGES,
    OWNER,
    POLL_ID,
    SAID,
    card,
    display_name,
    same_words,
    words,
)

TODAY = date(2026, 11, 24)
DUE = date(2027, 1, 15)
DECIDED = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)

# -- the form -------------------------------------------------------------------------------


@pytest.mark.parametrize("said", list(SAID))
@pytest.mark.parametrize("variant", CLOSED)
@pytest.mark.parametrize("language", LANGUAGES)
def test_slack_accepts_the_form(language: str, variant: str, said: str) -> None:
    view = decision.form(words(language), card(SAID[said], variant))
    check_view(view)
    assert view["callback_id"] == "decision_modal"
    assert [b.get("block_id") for b in view["blocks"][1:]] == [
        "decision",
        "rationale",
        "follow_up",
        "due",
        "review",
    ]
    if said == "hostile":
        assert assert_pings_nobody(view) > 0


@pytest.mark.parametrize("variant", CLOSED)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_offers_the_options_and_deferred_with_the_winner_preselected(
    language: str, variant: str
) -> None:
    given = card(SAID["realistic"], variant)
    view = decision.form(words(language), given)
    select = view["blocks"][1]["element"]
    values = [option["value"] for option in select["options"]]
    assert values == [f"option:{n}" for n in range(len(given.options))] + ["deferred"]
    assert select["options"][-1]["text"]["text"] == {"en": "Deferred", "fr": "Reportée"}[language]
    if given.winner is not None:
        assert select["initial_option"]["value"] == f"option:{given.winner}"
    else:
        assert "initial_option" not in select, "no winner: the CMO chooses"
    assert PollRef.model_validate_json(view["private_metadata"]) == PollRef(a=POLL_ID)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_recalls_the_question_and_the_result(language: str) -> None:
    view = decision.form(words(language), card(SAID["realistic"], "closed_winner"))
    text = view["blocks"][0]["text"]["text"]
    question, result = text.split("\n")
    assert question == f"*{SAID['realistic'].question}*"
    assert result.startswith(
        {"en": "Most votes: *A. ", "fr": "Option arrivée en tête : *A. "}[language]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_suggests_the_initiative_s_owner_to_follow_up(language: str) -> None:
    def follow_up(variant: str) -> dict[str, Any]:
        view = decision.form(words(language), card(SAID["realistic"], variant))
        return next(b["element"] for b in view["blocks"] if b.get("block_id") == "follow_up")

    assert follow_up("closed_ten_way_tie")["initial_user"] == OWNER
    assert "initial_user" not in follow_up("closed_winner")


def filled(language: str, **given: Any) -> dict[str, Any]:
    view = decision.form(words(language), card(SAID["realistic"], "closed_winner"))
    shape = {"decision": "option:2", "rationale": " Cash is tight ", "follow_up": OWNER}
    return submitted(view, **{**shape, "due": "2027-01-15", **given})


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_reads_back_the_decision(language: str) -> None:
    assert decision.read(filled(language), words(language), today=TODAY) == (
        DecisionForm(POLL_ID, 2, "Cash is tight", OWNER, DUE),
        {},
    )
    bare = filled(language, decision="deferred", follow_up=None, due=None, rationale=HOSTILE)
    assert decision.read(bare, words(language), today=TODAY) == (
        DecisionForm(POLL_ID, None, HOSTILE, None, None),
        {},
    )
    today = filled(language, due=TODAY.isoformat())
    assert decision.read(today, words(language), today=TODAY)[0] is not None


BAD = {
    "no_decision": ({"decision": None}, {"decision": ("one of the options", "l’une des options")}),
    "bad_decision": ({"decision": "option:x"}, {"decision": ("or deferred", "ou reportée")}),
    "no_rationale": ({"rationale": "  "}, {"rationale": ("decision log", "registre")}),
    "bad_due": ({"due": "2027-02-30"}, {"due": ("Pick a date", "Choisissez une date")}),
    "past_due": ({"due": "2026-11-23"}, {"due": ("from today on", "à partir d’aujourd’hui")}),
    "forged_follow_up": (
        {"follow_up": "<!channel>"},
        {"follow_up": ("from the list", "dans la liste")},
    ),
    "all_at_once": (
        {"decision": None, "rationale": None, "due": "soon"},
        {
            "decision": ("one of the options", "l’une des options"),
            "rationale": ("decision log", "registre"),
            "due": ("Pick a date", "Choisissez une date"),
        },
    ),
}


@pytest.mark.parametrize("variant", list(BAD))
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_bad_field_gets_its_error_beside_its_block(language: str, variant: str) -> None:
    changed, expected = BAD[variant]
    given, errors = decision.read(filled(language, **changed), words(language), today=TODAY)
    assert given is None and set(errors) == set(expected)
    for block, (en, fr) in expected.items():
        assert {"en": en, "fr": fr}[language] in errors[block]


# -- the notice and the list ---------------------------------------------------------------


def entry(said: str = "realistic", **changed: Any) -> DecisionEntry:
    """A decision as a service reads it from the log."""
    words_ = SAID[said]
    rationale = {"hostile": HOSTILE, "longest": "&" * 2000}.get(said, "Cash & go-live first.")
    made = DecisionEntry(
        question=words_.question,
        decision=words_.options[0],
        decided_by=CMO,
        decided_at=DECIDED,
        committee=words_.committee,
        rationale=rationale,
        follow_up=OWNER,
        due=DUE,
        initiative=words_.title,
        voted=5,
        members=10,
    )
    return replace(made, **changed)


ENTRIES = {
    "chosen": {},
    "deferred_bare": {"decision": None, "rationale": "", "follow_up": None, "due": None},
    "due_only": {"follow_up": None, "initiative": None},
    "follow_up_only": {"due": None, "voted": 1, "members": 3},
    "carried_out": {"carried_out": True},
}


@pytest.mark.parametrize("said", list(SAID))
@pytest.mark.parametrize("variant", list(ENTRIES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_slack_accepts_the_notice(language: str, variant: str, said: str) -> None:
    rendered = decision.notice(
        words(language), entry(said, **ENTRIES[variant]), who=mention
    ).payload()
    check_message(rendered)
    if said == "hostile":
        assert assert_pings_nobody(rendered, allowed=ALLOWED) > 0


NOTICE = {
    "en": {
        "chosen": "Decided by <@U0CMO0001> · follow-up <@U0OWNER01> by Jan 15, 2027"
        " · 5 of 10 voted",
        "deferred_bare": "Decided by <@U0CMO0001> · 5 of 10 voted",
        "due_only": "Decided by <@U0CMO0001> · due Jan 15, 2027 · 5 of 10 voted",
        "follow_up_only": "Decided by <@U0CMO0001> · follow-up <@U0OWNER01> · 1 of 3 voted",
    },
    "fr": {
        "chosen": "Décision prise par <@U0CMO0001> · suivi : <@U0OWNER01> d’ici le 15 janv. 2027"
        " · 5 votants sur 10",
        "deferred_bare": "Décision prise par <@U0CMO0001> · 5 votants sur 10",
        "due_only": "Décision prise par <@U0CMO0001> · échéance : 15 janv. 2027 · 5 votants sur 10",
        "follow_up_only": "Décision prise par <@U0CMO0001> · suivi : <@U0OWNER01> · 1 votant sur 3",
    },
}


@pytest.mark.parametrize("variant", list(NOTICE["en"]))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_notice_says_what_was_decided_by_whom(language: str, variant: str) -> None:
    given = entry(**ENTRIES[variant])
    rendered = decision.notice(words(language), given, who=mention).payload()
    text = rendered["blocks"][0]["text"]["text"]
    if given.decision:
        assert f"*{given.decision}*" in text and escape(given.rationale) in text
        shows_title = f"initiative *{SAID['realistic'].title}*" in text
        assert shows_title == (given.initiative is not None)
    else:
        assert f"*{ {'en': 'Deferred', 'fr': 'Reportée'}[language] }*" in text
        assert SAID["realistic"].options[0] not in text
    assert rendered["blocks"][1]["elements"][0]["text"] == NOTICE[language][variant]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_notice_shows_people_through_who(language: str) -> None:
    rendered = decision.notice(words(language), entry(), who=display_name).payload()
    assert "<@" not in json.dumps(rendered) and f"({CMO})" in texts(rendered)


def recent(count: int, said: str = "realistic") -> list[DecisionEntry]:
    shapes = list(ENTRIES.values())
    return [
        entry(said, decided_at=DECIDED - timedelta(days=n), **shapes[n % len(shapes)])
        for n in range(count)
    ]


@pytest.mark.parametrize("said", list(SAID))
@pytest.mark.parametrize("count", [0, 1, 10, 12])
@pytest.mark.parametrize("language", LANGUAGES)
def test_slack_accepts_the_list(language: str, count: int, said: str) -> None:
    rendered = decision.decisions(words(language), recent(count, said), who=mention).payload()
    check_message(rendered)
    if said == "hostile" and count:
        assert assert_pings_nobody(rendered, allowed=ALLOWED) > 0


@pytest.mark.parametrize(
    ("language", "count", "said"),
    [
        ("en", 1, "1 recent decision"),
        ("en", 12, "10 recent decisions"),
        ("fr", 1, "1 décision récente"),
        ("fr", 12, "10 décisions récentes"),
    ],
)
def test_the_list_shows_the_ten_most_recent(language: str, count: int, said: str) -> None:
    rendered = decision.decisions(words(language), recent(count), who=mention).payload()
    assert rendered["text"] == said
    lines = [b["text"]["text"] for b in rendered["blocks"] if b["type"] == "section"]
    assert len(lines) == min(count, 10)
    assert lines[0].startswith(f"<!date^{int(DECIDED.timestamp())}^{{date_short}}|")
    assert f" · comex · *{SAID['realistic'].question}*\n→ " in lines[0]
    if count > 10:
        more = rendered["blocks"][-1]["elements"][0]["text"]
        assert more == {"en": "…and 2 earlier decisions", "fr": "…et 2 plus anciennes"}[language]
        deferred, carried = lines[1], lines[4]
        assert deferred.endswith({"en": "→ Deferred", "fr": "→ Reportée"}[language])
        assert carried.endswith(
            {"en": ":white_check_mark: carried out", "fr": ":white_check_mark: mise en œuvre"}[
                language
            ]
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_list_says_how_decisions_get_there(language: str) -> None:
    rendered = decision.decisions(words(language), [], who=mention).payload()
    check_message(rendered)
    start = {"en": "No decision has been recorded yet.", "fr": "Aucune décision n’a encore"}
    assert rendered["text"].startswith(start[language])
    assert "CMO" in rendered["blocks"][0]["text"]["text"]


def test_both_languages_have_the_decision_words() -> None:
    same_words("decision.ftl")
