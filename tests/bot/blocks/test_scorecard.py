"""The scorecard's Slack lines: what a digest's top message and a CMO's Home show of it, in
both languages, within Slack's limits however many indicators the configuration lists."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.blocks import kit
from bot.blocks.digest import digest_posts
from bot.blocks.home import home_view
from bot.blocks.scorecard import digest_section, home_lines
from bot.text import Mrkdwn
from rituals.escalation import Thresholds
from rituals.scorecard import IndicatorCard, PerspectiveCard, Scorecard
from tests.blockkit import HOSTILE, assert_pings_nobody, check_message, check_view, texts
from tests.bot.blocks.test_digest import committee
from tests.bot.blocks.test_home import (
    CONFIGURED,
    NOW,
    QUARTER,
    WEEK,
    mine,
    names,
    portfolio,
    view,
    words,
)

AT = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def scorecard(perspectives: int, indicators: int, text: str = "") -> Scorecard:
    def indicator(n: int) -> IndicatorCard:
        title, unit, error = f"Indicator {n} {text}", f"u {text}", f"HTTP 500 {text}"
        return IndicatorCard(title, 1234.5, unit, 1000.0, "amber", at=AT, trend=(1, 2), error=error)

    kpi = IndicatorCard("KPI", 1.0, "", 2.0, "red", initiative=1)
    return Scorecard(
        tuple(
            PerspectiveCard(
                f"p{p}", f"Perspective {p} {text}", (*map(indicator, range(indicators)), kpi)
            )
            for p in range(perspectives)
        )
    )


SMALL = Scorecard(
    (
        PerspectiveCard(
            "costs",
            "Costs",
            (
                IndicatorCard("DSO", 52.5, "d", 45, "amber", at=AT),
                IndicatorCard("Lead time", 6.5, "days", 5, "green", initiative=3),
                IndicatorCard("Errors", None, "", 2, "unknown", initiative=4),
            ),
        ),
    )
)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "*Costs*: DSO 52.5 d 🟠 · 2 initiatives 🟢 1 · ⚪ 1"),
        ("fr", "*Costs* : DSO 52,5 d 🟠 · 2 initiatives 🟢 1 · ⚪ 1"),
    ],
)
def test_the_digest_line_per_perspective(language: str, line: str) -> None:
    section = digest_section(words(language), SMALL)
    assert section is not None
    assert line in texts({"blocks": [section.to_dict()]})
    assert digest_section(words(language), Scorecard()) is None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_huge_scorecard_keeps_the_digest_and_the_home_within_slack_s_limits(
    language: str,
) -> None:
    huge = scorecard(40, 40, "long & <text> " * 40)
    posts = digest_posts(
        words(language), committee(30), who=names, thresholds=Thresholds(), scorecard=huge
    )
    check_message(posts.top.payload())
    assert len(posts.top.blocks) == 1 + len(
        digest_posts(  # one section more, that is all
            words(language), committee(30), who=names, thresholds=Thresholds()
        ).top.blocks
    )

    home = view(language, mine(5000, "long & <text> " * 40), portfolio(5000, "x" * 300))  # without
    with_scorecard = view_with(language, huge)
    check_view(with_scorecard)
    assert len(with_scorecard["blocks"]) <= 100
    assert len(with_scorecard["blocks"]) - len(home["blocks"]) <= 8
    assert words(language).md("home-more", count=40 - 5) in texts(with_scorecard)


def view_with(language: str, found: Scorecard) -> dict[str, Any]:
    return home_view(
        words(language),
        mine(5000, "long & <text> " * 40),
        portfolio(5000, "x" * 300),
        week=WEEK,
        quarter=QUARTER,
        now=NOW,
        who=names,
        thresholds=CONFIGURED,
        scorecard=found,
    )


def test_people_s_text_in_titles_and_units_is_escaped() -> None:
    hostile = scorecard(2, 2, HOSTILE)
    lines: list[Mrkdwn] = home_lines(words("en"), hostile)
    section = digest_section(words("en"), hostile)
    assert section is not None
    assert_pings_nobody({"blocks": [kit.section(Mrkdwn("\n".join(lines))).to_dict()]})
    assert_pings_nobody({"blocks": [section.to_dict()]})


def test_an_empty_scorecard_says_how_to_fill_it() -> None:
    assert home_lines(words("en"), Scorecard()) == [words("en").md("scorecard-home-empty")]
