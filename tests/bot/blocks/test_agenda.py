"""The monthly arbitration's agenda and the standard options of a request, in both languages,
whatever the owners wrote."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.blocks import agenda
from bot.blocks.agenda import AgendaLine
from bot.text import escape, mention
from rituals.arbitration import MAX_OPTION, agenda_item, validate_poll
from tests.blockkit import HOSTILE, assert_pings_nobody, check_message, texts
from tests.bot.blocks.test_poll import LANGUAGES, display_name, same_words, words

OWNER = "U0OWNER01"
DEADLINE = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
TITLE, REQUEST = "ERP phase 2 & migration", "extend the budget by 3 months?"
WRITTEN = {
    "realistic": (TITLE, REQUEST),
    "hostile": (HOSTILE, HOSTILE),
    "longest": ("&" * 300, "&" * 2000),
}


def items(count: int, written: str = "realistic") -> list[AgendaLine]:
    title, request = WRITTEN[written]
    return [AgendaLine(f"{title} · {n + 1}", OWNER, request) for n in range(count)]


def sections(rendered: dict) -> list[str]:
    return [b["text"]["text"] for b in rendered["blocks"] if b["type"] == "section"]


def post(language: str, count: int, written: str = "realistic", **given: object) -> dict:
    shape: dict = {"committee": "comex", "period": "2026-12", "who": mention, **given}
    return agenda.agenda(
        words(language), items=items(count, written), deadline=DEADLINE, **shape
    ).payload()


@pytest.mark.parametrize("written", list(WRITTEN))
@pytest.mark.parametrize("count", [0, 1, 10, 11, 30])
@pytest.mark.parametrize("language", LANGUAGES)
def test_slack_accepts_the_agenda(language: str, count: int, written: str) -> None:
    rendered = post(language, count, written)
    check_message(rendered)
    if written == "hostile" and count:
        assert assert_pings_nobody(rendered, allowed=frozenset({f"<@{OWNER}>"})) > 0


@pytest.mark.parametrize("count", [1, 10, 30])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_lists_the_requests_ten_at_most(language: str, count: int) -> None:
    rendered = post(language, count)
    header = rendered["blocks"][0]["text"]["text"]
    assert header == {"en": "Monthly arbitration", "fr": "Arbitrage mensuel"}[language] + (
        " · comex · 2026-12"
    )
    intro, listed = sections(rendered)
    assert intro.startswith(f"{count} ") and f"<!date^{int(DEADLINE.timestamp())}^" in intro
    lines = listed.split("\n")
    colon = {"en": ":", "fr": " :"}[language]
    assert lines[0] == f"• *{escape(TITLE)} · 1* (<@{OWNER}>){colon} {REQUEST}"
    assert len([line for line in lines if line.startswith("• ")]) == min(count, 10)
    if count > 10:
        more = {"en": f"…and {count - 10} more", "fr": f"…et {count - 10} autres"}[language]
        assert lines[-1] == more


@pytest.mark.parametrize(
    ("language", "count", "said"),
    [
        ("en", 1, "1 decision requested by an initiative owner; its poll is below."),
        ("en", 3, "3 decisions requested by initiative owners; each has its poll below."),
        ("fr", 1, "1 décision demandée par un responsable d’initiative ;"),
        ("fr", 3, "3 décisions demandées par les responsables d’initiative ;"),
    ],
)
def test_the_agenda_counts_its_items_in_words(language: str, count: int, said: str) -> None:
    rendered = post(language, count)
    assert sections(rendered)[0].startswith(said)
    fallback = {"en": ("item", "items"), "fr": ("sujet", "sujets")}[language][count > 1]
    assert rendered["text"].endswith(f" {count} {fallback}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_shows_owners_through_who(language: str) -> None:
    rendered = post(language, 3, who=display_name)
    assert "<@" not in json.dumps(rendered) and f"({OWNER})" in texts(rendered)


@pytest.mark.parametrize("language", LANGUAGES)
def test_long_lines_are_shortened_and_the_rest_still_counted(language: str) -> None:
    rendered = post(language, 30, "longest", who=display_name)
    listed = sections(rendered)[1]
    assert len(listed) <= 3000 and listed.count("\n• ") == 9 and "20" in listed.split("\n")[-1]


STANDARD = {
    "en": ("Approve: ", "Reject", "Defer to next month"),
    "fr": ("Approuver : ", "Rejeter", "Reporter au mois prochain"),
}


@pytest.mark.parametrize("proposal", [REQUEST, HOSTILE, "word " * 300, "&" * 2000])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_standard_options_keep_the_owner_s_proposal_as_written(
    language: str, proposal: str
) -> None:
    approve, reject, defer = agenda.standard_options(words(language), proposal)
    prefix, *others = STANDARD[language]
    assert approve.startswith(prefix) and [reject, defer] == others
    assert len(approve) <= MAX_OPTION
    if len(proposal) < 400:
        assert approve == prefix + proposal, "a poll option is plain text, escaped where shown"
    else:
        assert approve.endswith("…")
    item = agenda_item(proposal)
    validate_poll(item.question, (approve, reject, defer))


def test_both_languages_have_the_agenda_words() -> None:
    same_words("agenda.ftl")
