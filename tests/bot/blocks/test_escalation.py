"""Escalation messages by audience and cause, in French and English: what Slack accepts, the
thresholds as configured, the person addressed as "you" and everyone else through `who`."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

import pytest

from bot.blocks import escalation
from bot.blocks.kit import Message
from bot.ids import Action, PromptRef
from bot.text import Mrkdwn, escape
from bot.words import Catalogue, Words
from rituals.escalation import Cause, Thresholds
from tests.blockkit import HOSTILE, assert_pings_nobody, buttons, check_message, texts

LANGUAGES = ("en", "fr")
AUDIENCES = ("owner", "owner_told", "accountable", "channel", "cmo")
CONFIGURED = Thresholds(silent_periods=4, off_track_periods=3, blocked_periods=5)
OWNER, ACCOUNTABLE = "U0OWNER01", "U0ACCT001"
# The configured number of weeks as each language writes it, per cause.
WEEKS = {
    "en": {Cause.SILENT: "4 weeks", Cause.OFF_TRACK: "3 weeks", Cause.BLOCKED: "5 weeks"},
    "fr": {Cause.SILENT: "4 semaines", Cause.OFF_TRACK: "3 semaines", Cause.BLOCKED: "5 semaines"},
}
DUE = {"en": "Dec 18, 2026", "fr": "18 déc. 2026"}


@dataclass(frozen=True)
class Initiative:
    id: int | None = 7
    title: str = "ERP phase 2 & <billing>"
    owner: str = OWNER
    accountable: str | None = ACCOUNTABLE
    due: date | None = date(2026, 12, 18)


@dataclass(frozen=True)
class Answer:
    period: str
    status: str | None
    progress: int | None = None
    blockers: str | None = None


HISTORY = (
    Answer("2026-W45", "at_risk", 40, "legal & procurement"),
    Answer("2026-W46", "off_track", 35),
    Answer("2026-W47", None),
)


@cache
def words(language: str) -> Words:
    return Catalogue(strict=True).words(language)


def names(user: str) -> Mrkdwn:
    return escape({OWNER: "Marie Curie", ACCOUNTABLE: "Paul Dupont"}.get(user, user))


def build(
    audience: str,
    language: str,
    case: escalation.Case,
    who: Callable[[str], Mrkdwn] = names,
    history: tuple[Answer, ...] = HISTORY,
    queue: str | None = "comex",
) -> Message:
    w = words(language)
    if audience == "owner":
        return escalation.owner(w, case, period="2026-W48")
    if audience == "owner_told":
        return escalation.owner_told(w, case, who=who)
    if audience == "accountable":
        return escalation.accountable(w, case, who=who, history=history)
    builder = escalation.channel if audience == "channel" else escalation.cmo
    return builder(w, case, who=who, history=history, queue=queue)


def case(cause: Cause, **changes: object) -> escalation.Case:
    return escalation.Case(replace(Initiative(), **changes), cause, CONFIGURED)


@pytest.mark.parametrize("cause", list(Cause))
@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_audience_and_cause_is_what_slack_accepts_and_states_the_threshold(
    language: str, audience: str, cause: Cause
) -> None:
    payload = build(audience, language, case(cause)).payload()
    check_message(payload)
    shown = texts(payload)
    expected = WEEKS[language].get(cause) or DUE[language]
    assert expected in shown, f"the configured threshold in {shown!r}"
    assert "two weeks" not in shown and "deux semaines" not in shown
    assert "ERP phase 2 &amp; &lt;billing&gt;" in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_threshold_of_one_week_is_singular(language: str) -> None:
    single = escalation.Case(Initiative(), Cause.SILENT, Thresholds(silent_periods=1))
    shown = texts(escalation.owner(words(language), single, period="2026-W48").payload())
    assert ("1 week or more" if language == "en" else "1 semaine ou plus") in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_owner_gets_an_update_now_button_on_this_week(language: str) -> None:
    payload = build("owner", language, case(Cause.SILENT)).payload()
    [button] = buttons(payload)
    assert button["action_id"] == Action.CHECKIN_UPDATE
    assert PromptRef.model_validate_json(button["value"]) == PromptRef(i=7, p="2026-W48")
    assert button["text"]["text"] == words(language).text("escalation-owner-button")


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_person_addressed_is_you_and_the_others_come_through_who(
    language: str, audience: str
) -> None:
    asked: list[str] = []

    def who(user: str) -> Mrkdwn:
        asked.append(user)
        return names(user)

    shown = texts(build(audience, language, case(Cause.SILENT), who=who).payload())
    expected = {
        "owner": set(),
        "owner_told": {ACCOUNTABLE},
        "accountable": {OWNER},
        "channel": {OWNER, ACCOUNTABLE},
        "cmo": {OWNER},
    }[audience]
    assert set(asked) == expected
    assert all(names(user) in shown for user in expected)
    assert OWNER not in shown and ACCOUNTABLE not in shown, "ids never shown, only `who`"


ALONE = {
    ("en", "owner_told"): "It has no accountable",
    ("en", "channel"): "no accountable",
    ("fr", "owner_told"): "n'a pas d'approbateur",
    ("fr", "channel"): "sans approbateur",
}


@pytest.mark.parametrize(("language", "audience"), list(ALONE))
def test_without_an_accountable_the_messages_say_so(language: str, audience: str) -> None:
    payload = build(audience, language, case(Cause.OFF_TRACK, accountable=None)).payload()
    check_message(payload)
    assert ALONE[language, audience] in texts(payload)
    assert "Paul Dupont" not in texts(payload)


@pytest.mark.parametrize("audience", ["accountable", "channel", "cmo"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_recent_history_shows_each_answer(language: str, audience: str) -> None:
    shown = texts(build(audience, language, case(Cause.OFF_TRACK)).payload())
    w = words(language)
    for answer in HISTORY:
        assert answer.period in shown
    assert w.pct(40) in shown and "legal &amp; procurement" in shown
    empty = texts(build(audience, language, case(Cause.OFF_TRACK), history=()).payload())
    assert w.md("escalation-history-none") in empty


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_committee_less_escalation_joins_the_committee_s_queue(language: str) -> None:
    for audience in ("channel", "cmo"):
        shown = texts(build(audience, language, case(Cause.SILENT), queue=None).payload())
        assert words(language).md("escalation-queue-none") in shown
        named = texts(build(audience, language, case(Cause.SILENT), queue="comex").payload())
        assert words(language).md("escalation-queue", committee="comex") in named


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_text_is_escaped_and_pings_nobody(language: str, audience: str) -> None:
    hostile = case(Cause.BLOCKED, title=HOSTILE)
    history = (Answer("2026-W47", "at_risk", 20, HOSTILE),)
    message = build(
        audience,
        language,
        hostile,
        who=lambda user: escape(HOSTILE),
        history=history,
        queue=HOSTILE,
    )
    payload = message.payload()
    check_message(payload)
    assert assert_pings_nobody(payload) > 0
    assert "&amp;amp;" not in texts(payload)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_level_three_channel_post_names_people_without_mentions(language: str) -> None:
    payload = build("channel", language, case(Cause.SILENT)).payload()
    assert "<@" not in json.dumps(payload, ensure_ascii=False)
    assert "Marie Curie" in texts(payload) and "Paul Dupont" in texts(payload)


@pytest.mark.parametrize("cause", list(Cause))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_queued_request_is_plain_text_with_the_threshold(language: str, cause: Cause) -> None:
    text = escalation.request(words(language), case(cause, title=HOSTILE))
    assert HOSTILE in text, "plain text: escaped where it is shown, not here"
    assert (WEEKS[language].get(cause) or DUE[language]) in text
    assert text.endswith("?")
