"""The quarterly review's summary in a committee channel: counts by status, each initiative's
share of its KPI target and check-in completion, decisions counted; a capped list."""

from __future__ import annotations

import json
from functools import cache

import pytest

from bot.blocks.review import SHOWN, review_summary
from bot.words import Catalogue, Words
from rituals.review import InitiativeReview, KpiPoint
from tests.blockkit import HOSTILE, assert_pings_nobody, check_message, texts

LANGUAGES = ("en", "fr")
STATUSES = ("done", "on_track", "at_risk", "off_track", None)


@cache
def words(language: str) -> Words:
    return Catalogue(strict=True).words(language)


def item(n: int, title: str | None = None) -> InitiativeReview:
    return InitiativeReview(
        initiative_id=n,
        title=title or f"Initiative #{n:03} & <x>",
        objective="Ship faster",
        owner=f"U0OWNER{n:02}",
        committee="comex",
        kpi_name="Lead time",
        kpi_unit="days",
        baseline=45.0,
        target=30.0,
        achieved=36.0,
        reached=0.625 if n % 4 else None,
        status=STATUSES[n % 5],
        completion=0.75 if n % 3 else None,
        escalations=n % 2,
        points=(KpiPoint("2026-W41", 44.0), KpiPoint("2026-W45", 36.0)),
    )


def summary(language: str, count: int, **extra: object) -> dict[str, object]:
    items = [item(n) for n in range(count)]
    return review_summary(
        words(language), committee="comex", quarter="2026-Q4", items=items, decisions=3, **extra
    ).payload()


@pytest.mark.parametrize("count", [0, 1, 3, SHOWN, 400])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_is_what_slack_accepts_and_names_nobody(language: str, count: int) -> None:
    payload = summary(language, count)
    check_message(payload)
    assert "<@" not in json.dumps(payload, ensure_ascii=False)
    assert words(language).md("review-summary-decisions", count=3) in texts(payload)


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_by_status_shares_and_completion(language: str) -> None:
    shown = texts(summary(language, 10))
    w = words(language)
    assert w.md("review-summary-total", count=10) in shown
    for status, count in (("done", 2), ("on_track", 2), ("at_risk", 2), ("off_track", 2)):
        assert f"{w.text('status', status=status)} *{w.num(count)}*" in shown, status
    assert f"{w.text('status', status='none')} *{w.num(2)}*" in shown, "the unknown are counted"
    assert w.md("review-summary-reached", share=w.pct(62.5)) in shown
    assert w.md("review-summary-checkins", share=w.pct(75)) in shown
    assert ("62.5%" if language == "en" else "62,5\u00a0%") in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_list_is_capped_with_how_many_more(language: str) -> None:
    shown = texts(summary(language, 400))
    assert words(language).md("review-summary-more", count=400 - SHOWN) in shown
    assert "Initiative #014" in shown and "Initiative #015" not in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_is_linked_when_the_dashboard_serves_it(language: str) -> None:
    url = "https://ritualbot.example/review/2026-Q4"
    assert f"<{url}|" in texts(summary(language, 3, page=url))
    assert "ritualbot review export --quarter 2026-Q4" in texts(summary(language, 3))


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_titles_and_committee_are_escaped_and_ping_nobody(language: str) -> None:
    items = [item(n, title=f"{HOSTILE} #{n}") for n in range(3)]
    payload = review_summary(
        words(language), committee=HOSTILE, quarter="2026-Q4", items=items, decisions=0
    ).payload()
    check_message(payload)
    assert assert_pings_nobody(payload) >= 2  # the fallback and the list
