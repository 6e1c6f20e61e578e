"""The App Home as Slack shows it: a person's initiatives, what they owe, their escalations,
a CMO's portfolio; within 100 blocks whatever the data, in French and English."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import pytest

from bot.blocks.home import (
    CommitteeCounts,
    LastAnswer,
    Listed,
    Mine,
    MyEscalation,
    MyInitiative,
    OpenPoll,
    Overdue,
    Portfolio,
    Queued,
    RecentDecision,
    home_view,
)
from bot.ids import Action, PromptRef
from bot.text import Mrkdwn, escape
from bot.words import Catalogue, Words
from rituals.escalation import Thresholds
from tests.blockkit import HOSTILE, assert_pings_nobody, buttons, check_view, texts

LANGUAGES = ("en", "fr")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
WEEK, QUARTER = "2026-W48", "2026-Q4"
CONFIGURED = Thresholds(silent_periods=4, off_track_periods=3, blocked_periods=5)


@cache
def words(language: str) -> Words:
    return Catalogue(strict=True).words(language)


def names(user: str) -> Mrkdwn:
    return escape(f"Person {user[-3:]}")


def listed(items: list[Any], total: int | None = None) -> Listed[Any]:
    return Listed(tuple(items), len(items) if total is None else total)


def initiative(n: int, text: str = "") -> MyInitiative:
    last = LastAnswer(
        period="2026-W47",
        status="at_risk",
        progress=60,
        kpi_value=4.5,
        blockers=f"legal & <procurement> {text}",
        decision_request=f"budget? {text}" if n % 2 else None,
        highlights=f"shipped {text}",
    )
    return MyInitiative(
        id=n,
        title=f"Initiative #{n:03} & <x> {text}",
        status=("on_track", "at_risk", "off_track", "done", None)[n % 5],
        due=date(2026, 12, 18),
        kpi_name=f"Lead time {text}",
        kpi_unit="days",
        kpi_target=2000.0,
        last=None if n % 3 == 0 else last,
    )


def mine(size: int, text: str = "") -> Mine:
    return Mine(
        initiatives=listed([initiative(n, text) for n in range(1, min(size, 20) + 1)], size),
        prompts=listed([f"Prompt #{n} {text}" for n in range(min(size, 8))], size),
        polls=listed(
            [
                OpenPoll(f"comex {text}", f"Q{n}? {text}", NOW, "C0COMEX01")
                for n in range(min(size, 5))
            ],
            size,
        ),
        escalations=listed(
            [
                MyEscalation(
                    f"Late #{n} {text}", f"U0OWNER{n:02}", ("silent", "overdue")[n % 2], 2, NOW
                )
                for n in range(min(size, 8))
            ],
            size,
        ),
    )


def portfolio(size: int, text: str = "") -> Portfolio:
    counts = {"on_track": 3, "at_risk": 2, "off_track": 1, "done": 4, "none": 2000}
    return Portfolio(
        committees=listed(
            [CommitteeCounts(f"committee {n} {text}", counts) for n in range(min(size, 20))]
            + [CommitteeCounts(None, counts)],
            size + 1,
        ),
        overdue=listed(
            [Overdue(f"Overdue #{n} {text}", f"U0LATE{n:03}", date(2026, 11, 1)) for n in range(8)],
            size,
        ),
        queue=listed(
            [
                Queued(f"comex {text}", f"Item {n} {text}", f"Decide {text}", "U0ASKER01")
                for n in range(8)
            ],
            size,
        ),
        decisions=listed(
            [
                RecentDecision(f"comex {text}", f"Q{n} {text}", f"yes {text}", n == 0, NOW)
                for n in range(5)
            ],
            size,
        ),
    )


def view(
    language: str, mine_: Mine, portfolio_: Portfolio | None = None, **extra: Any
) -> dict[str, Any]:
    return home_view(
        words(language),
        mine_,
        portfolio_,
        week=WEEK,
        quarter=QUARTER,
        now=NOW,
        who=extra.get("who", names),
        thresholds=CONFIGURED,
    )


CASES = {
    "empty": (Mine(), None),
    "owner": (mine(3), None),
    "cmo": (mine(3), portfolio(3)),
    "cmo-with-nothing-of-their-own": (Mine(), portfolio(3)),
    "huge": (mine(5000, "long & <text> " * 40), portfolio(5000, "long & <text> " * 40)),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_home_is_what_slack_accepts_within_100_blocks(language: str, case: str) -> None:
    home = view(language, *CASES[case])
    check_view(home)
    assert home["type"] == "home" and len(home["blocks"]) <= 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_big_lists_are_capped_and_say_how_many_more(language: str) -> None:
    home = view(language, mine(300), portfolio(300))
    shown = texts(home)
    w = words(language)
    for hidden in (300 - 20, 300 - 8, 300 - 5, 301 - 20):  # initiatives, lines, polls, committees
        assert w.md("home-more", count=hidden) in shown, hidden
    assert len(home["blocks"]) < 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_initiative_has_a_check_in_now_button_on_this_week(language: str) -> None:
    home = view(language, mine(3))
    found = buttons(home)
    assert [b["action_id"] for b in found] == [Action.CHECKIN_UPDATE] * 3
    refs = [PromptRef.model_validate_json(b["value"]) for b in found]
    assert refs == [PromptRef(i=n, p=WEEK) for n in (1, 2, 3)]
    assert found[0]["text"]["text"] == words(language).text("home-button-checkin")


@pytest.mark.parametrize(
    ("language", "numbers"), [("en", ("4.5 days", "2,000")), ("fr", ("4,5 days", "2\u202f000"))]
)
def test_numbers_and_dates_are_written_as_the_language_writes_them(
    language: str, numbers: tuple[str, str]
) -> None:
    shown = texts(view(language, mine(3), portfolio(3)))
    assert all(number in shown for number in numbers)
    assert words(language).day(date(2026, 12, 18)) in shown
    assert words(language).pct(60) in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_escalations_state_the_configured_thresholds(language: str) -> None:
    shown = texts(view(language, mine(3)))
    assert ("4 weeks" if language == "en" else "4 semaines") in shown
    assert words(language).md("escalation-level", level=2) in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_waiting_gets_a_friendly_home(language: str) -> None:
    shown = texts(view(language, Mine()))
    assert words(language).md("home-empty") in shown
    assert words(language).text("home-owe") not in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_text_in_every_people_field_is_escaped_and_pings_nobody(language: str) -> None:
    home = view(language, mine(3, HOSTILE), portfolio(3, HOSTILE), who=lambda user: escape(HOSTILE))
    check_view(home)
    assert assert_pings_nobody(home) > 10
    assert "&amp;amp;" not in texts(home)


@pytest.mark.parametrize("language", LANGUAGES)
def test_people_are_shown_through_who_only(language: str) -> None:
    shown = texts(view(language, mine(3), portfolio(3)))
    assert "Person R00" in shown and "Person 001" in shown
    assert "U0OWNER00" not in shown and "U0ASKER01" not in shown


def test_french_and_english_have_the_same_structure() -> None:
    def skeleton(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: skeleton(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [skeleton(item) for item in value]
        return "…" if key == "text" else value

    english, french = view("en", mine(30), portfolio(30)), view("fr", mine(30), portfolio(30))
    assert skeleton(english) == skeleton(french)
    assert texts(english) != texts(french)
