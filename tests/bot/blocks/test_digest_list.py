"""The digest's full list as Slack shows it in a modal: every initiative once, grouped by
status worst first, named and never mentioned, cut into pages Slack takes at any committee
size, with Previous and Next where there is a page to turn to, in French and English."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from bot.blocks import digest_list
from bot.ids import Action, DigestRef
from bot.text import Mrkdwn, escape
from rituals.digest import InitiativeLine, build_digest
from tests.blockkit import HOSTILE, assert_pings_nobody, buttons, check_view, plain_in, texts
from tests.bot.blocks.test_digest import LANGUAGES, committee, lines, names, words

SIZES = (1, 30, 300, 2000)
NUMBER = re.compile(r"#(\d{5})")
STATUSES = ("off_track", "at_risk", "on_track", "done", "none")  # worst first


def every_page(language: str, size: int) -> list[dict[str, Any]]:
    w, found = words(language), committee(size)
    count = len(digest_list.pages(w, found, who=names))
    return [digest_list.view(w, found, page=n, who=names) for n in range(count)]


def shown(view: dict[str, Any]) -> list[int]:
    """The initiatives a page lists, by number, in order."""
    return [int(n) for n in NUMBER.findall(texts(view))]


def turns(view: dict[str, Any]) -> dict[str, DigestRef]:
    return {
        b["action_id"]: DigestRef.model_validate_json(b["value"])
        for b in buttons(view)
        if b["action_id"].startswith(Action.DIGEST_PAGE)
    }


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_initiative_is_on_exactly_one_page_and_every_page_is_a_modal_slack_takes(
    language: str, size: int
) -> None:
    views = every_page(language, size)
    listed = [n for view in views for n in shown(view)]
    assert sorted(listed) == list(range(1, size + 1)), "each initiative once, none left out"
    assert listed == [int(NUMBER.findall(line.title)[0]) for line in committee(size).lines]
    for view in views:
        check_view(view)
        assert len(shown(view)) <= digest_list.PAGE_LINES
        assert "<@" not in json.dumps(view), "owners are named, never mentioned"
    if size == 2000:
        assert len(views) == -(-2000 // digest_list.PAGE_LINES), "about 150 a page"


@pytest.mark.parametrize("language", LANGUAGES)
def test_previous_and_next_turn_to_the_neighbouring_pages(language: str) -> None:
    views = every_page(language, 2000)
    last = len(views) - 1
    for number, view in enumerate(views):
        found = turns(view)
        expected = {}
        if number > 0:
            expected["digest_page_previous"] = DigestRef(c="comex", p=number - 1)
        if number < last:
            expected["digest_page_next"] = DigestRef(c="comex", p=number + 1)
        assert found == expected
        assert f"{number + 1}" in texts(view["blocks"][0]), "the page says which it is"
    labels = [b["text"]["text"] for b in buttons(views[1])]
    w = words(language)
    assert labels == [w.text("digest-list-previous"), w.text("digest-list-next")]
    assert turns(every_page(language, 30)[0]) == {}, "one page: nothing to turn"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_is_grouped_by_status_worst_first_and_says_its_week(language: str) -> None:
    views = every_page(language, 30)
    [view] = views
    shown_text = texts(view)
    w = words(language)
    headings = [w.text("status", status=status) for status in STATUSES]
    positions = [shown_text.index(f"*{heading}* (") for heading in headings]
    assert positions == sorted(positions)
    assert "2026-W48" in texts(view["blocks"][0]) and "comex" in texts(view["blocks"][0])
    assert w.text("digest-list-title") == view["title"]["text"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_line_shows_status_title_owner_progress_kpi_target_and_blockers(language: str) -> None:
    w = words(language)
    blocked = InitiativeLine(
        7, "ERP phase 2", "U00000007", "off_track", "on_track", 40, 7.5, 5.0, "days", (),
        "legal review", True,
    )  # fmt: skip
    silent = InitiativeLine(
        8, "Onboarding", "U00000008", None, None, None, None, None, "", (), None, False
    )
    two = build_digest("comex", "2026-W48", [blocked, silent])
    view = digest_list.view(w, two, page=0, who=names)
    [erp] = [line for line in texts(view).split("\n") if "ERP phase 2" in line]
    assert erp.startswith("🔴 *ERP phase 2* · Person 0007")
    assert w.md("answer-progress", progress=w.pct(40)) in erp
    assert w.num(7.5) in erp and w.num(5.0) in erp and "days" in erp
    assert w.md("digest-list-blocked") in erp
    [onboarding] = [line for line in texts(view).split("\n") if "Onboarding" in line]
    assert onboarding.startswith("⚪ *Onboarding* · Person 0008")
    assert w.md("digest-reason-missing") in onboarding


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_text_is_escaped_and_long_text_is_cut_within_the_limits(language: str) -> None:
    w = words(language)
    hostile = build_digest(
        HOSTILE,
        "2026-W48",
        lines(400, title=lambda n: f"{HOSTILE} {'é' * 900} #{n:05}", blockers=lambda n: HOSTILE),
    )

    def who(user: str) -> Mrkdwn:
        return escape(HOSTILE * 3)

    count = len(digest_list.pages(w, hostile, who=who))
    for page in range(count):
        view = digest_list.view(w, hostile, page=page, who=who)
        check_view(view)
        assert assert_pings_nobody(view) > 0
        assert all("<@" not in text for text in plain_in(view))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_past_the_end_shows_the_last_one_and_an_empty_committee_says_so(
    language: str,
) -> None:
    w = words(language)
    views = every_page(language, 300)
    beyond = digest_list.view(w, committee(300), page=99, who=names)
    assert beyond == views[-1], "the list grew shorter since the click: its last page"
    empty = digest_list.view(w, build_digest("comex", "2026-W48", []), page=0, who=names)
    check_view(empty)
    assert w.md("digest-top-empty") in texts(empty) and turns(empty) == {}


def test_french_and_english_pages_list_the_same_initiatives_in_their_own_words() -> None:
    english, french = every_page("en", 2000), every_page("fr", 2000)
    assert [shown(view) for view in english] == [shown(view) for view in french]
    assert texts(english[3]) != texts(french[3])
