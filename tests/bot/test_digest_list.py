"""The digest's Full list, end to end: a signed click on the top message opens a modal, for
the clicker only and in their language, listing every initiative of the committee by name;
Previous and Next, clicked inside the modal, page through 2,000 initiatives in the same modal;
a failure is told where it can be, and logged where it cannot."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import InboxItem, Initiative
from tests.blockkit import buttons, check_view, texts
from tests.bot.test_inbox import locked
from tests.conftest import TUESDAY
from tests.factories import answer, seed
from tests.slackbot import PEOPLE, run_ritual

FRIDAY = TUESDAY + timedelta(days=3, hours=6)
CEO, FRENCH = "U0CEO0001", "U0FRENCH1"
TITLE = re.compile(r"Initiative \d{4}")


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    """The workspace of the tests, with one member whose Slack speaks French."""
    french = {"email": "lea@example.com", "real_name": "Léa Roux", "locale": "fr-FR"}
    with SlackStandIn(users=PEOPLE | {FRENCH: french}) as fake:
        yield fake


def roadmap(bot: LocalBot, count: int) -> list[Initiative]:
    """`count` initiatives of comex with every status; one in three not answered."""
    rows = seed(
        bot.engine,
        *({"title": f"Initiative {n:04d}", "owner": f"U0OWNER0{n % 9 + 1}"} for n in range(count)),
        kpi_name="Lead time",
        kpi_unit="days",
        kpi_target=5.0,
    )
    statuses = ("on_track", "at_risk", "off_track", "done")
    with Session(bot.engine) as session:
        session.add_all(
            answer(
                row.id or 0,
                "2026-W48",
                status=statuses[n % 4],
                progress=n % 101,
                kpi_value=7.5,
                author=row.owner,
                blockers="legal review" if n % 10 == 1 else None,
            )
            for n, row in enumerate(rows)
            if n % 3
        )
        session.commit()
    return rows


def digest_top(bot: LocalBot, standin: SlackStandIn) -> dict[str, Any]:
    run_ritual(bot, "digest", now=FRIDAY)
    bot.settled(timeout=60)
    return standin.messages("C0COMEX01")[0]


def opened(standin: SlackStandIn) -> dict[str, Any]:
    [call] = standin.calls("views.open")
    return call.response["view"]


def listed(view: dict[str, Any]) -> list[str]:
    return TITLE.findall(texts(view))


def test_the_full_list_button_is_on_the_top_message_and_opens_every_initiative_privately(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    initiatives = roadmap(bot, 30)
    top = digest_top(bot, standin)
    [button] = [b for b in buttons(top) if b["action_id"] == "digest_list"]
    assert button["text"]["text"] == "Full list"
    posted = len(standin.calls("chat.postMessage"))

    response = bot.click(CEO, top, "digest_list")
    assert response.status_code == 200
    bot.settled()
    view = opened(standin)
    check_view(view)
    assert sorted(listed(view)) == sorted(i.title for i in initiatives), "each one, once"
    assert "<@" not in json.dumps(view), "owners are named, never mentioned"
    shown = texts(view)
    assert "Owner 1" in shown and "week 2026-W48" in shown and "page 1 of 1" in shown
    assert "legal review" not in shown and ":construction: blocked" in shown
    assert "Off track (" in shown.replace("*", "") and "no update this week" in shown
    assert len(standin.calls("chat.postMessage")) == posted, "private: nothing in the channel"
    assert standin.calls("chat.postEphemeral") == [] and standin.calls("response_url") == []


def test_next_and_previous_page_through_2000_initiatives_in_the_same_modal(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    initiatives = roadmap(bot, 2000)
    top = digest_top(bot, standin)
    bot.click(CEO, top, "digest_list")
    bot.settled()
    view = opened(standin)
    pages = [view]
    while any(b["action_id"] == "digest_page_next" for b in buttons(view)):
        response = bot.click_in_view(CEO, view, "digest_page_next")
        assert response.status_code == 200
        bot.settled()
        view = standin.view(view["id"])
        pages.append(view)
    seen = [title for page in pages for title in listed(page)]
    assert sorted(seen) == sorted(i.title for i in initiatives), "every one on exactly one page"
    assert 10 <= len(pages) <= 20, "about 150 a page"
    for number, page in enumerate(pages, start=1):
        check_view(page)
        assert f"page {number} of {len(pages)}" in texts(page)
        assert "<@" not in json.dumps(page)
    updates = standin.calls("views.update")
    assert len(updates) == len(pages) - 1 and len(standin.calls("views.open")) == 1
    assert {call.params["view_id"] for call in updates} == {pages[0]["id"]}, "the same modal"

    bot.click_in_view(CEO, view, "digest_page_previous")
    bot.settled()
    assert listed(standin.view(view["id"])) == listed(pages[-2])


def test_a_french_member_reads_the_full_list_in_french(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    roadmap(bot, 400)
    top = digest_top(bot, standin)
    assert "Full list" in texts(top), "the channel reads the committee's language"
    bot.click(FRENCH, top, "digest_list")
    bot.settled()
    view = opened(standin)
    shown = texts(view)
    assert view["title"]["text"] == "Liste complète"
    assert "semaine 2026-W48" in shown and "page 1 sur 3" in shown and "En retard" in shown
    assert [b["text"]["text"] for b in buttons(view)] == ["Suivante ›"]
    bot.click_in_view(FRENCH, view, "digest_page_next")
    bot.settled()
    turned = texts(standin.view(view["id"]))
    assert "page 2 sur 3" in turned and "‹ Précédente" in turned


def test_the_list_is_built_from_the_data_of_the_click(bot: LocalBot, standin: SlackStandIn) -> None:
    roadmap(bot, 3)
    top = digest_top(bot, standin)
    seed(bot.engine, ("Initiative 9999", "U0OWNER01"))  # added after the digest was posted
    bot.click(CEO, top, "digest_list")
    bot.settled()
    assert "Initiative 9999" in listed(opened(standin))


def test_a_modal_slack_refuses_to_open_is_told_privately(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    roadmap(bot, 3)
    top = digest_top(bot, standin)
    standin.fail("views.open", error="expired_trigger_id")
    bot.click(CEO, top, "digest_list")
    bot.settled()
    [reply] = standin.calls("response_url")
    assert reply.params["response_type"] == "ephemeral"
    assert "Please click again" in texts(reply.params)


def test_a_page_slack_refuses_leaves_the_modal_as_it_was_and_is_logged(
    bot: LocalBot, standin: SlackStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    roadmap(bot, 400)
    bot.click(CEO, digest_top(bot, standin), "digest_list")
    bot.settled()
    view = opened(standin)
    standin.fail("views.update", error="hash_conflict")
    bot.click_in_view(CEO, view, "digest_page_next")
    bot.settled()
    assert standin.view(view["id"])["hash"] == view["hash"], "the modal stays"
    assert standin.calls("response_url") == [], "a click in a modal has no response URL"
    assert any("hash_conflict" in r.getMessage() for r in caplog.records)


def test_a_page_click_the_inbox_cannot_store_is_logged_and_the_modal_stays(
    bot: LocalBot, standin: SlackStandIn, sqlite_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    roadmap(bot, 400)
    bot.click(CEO, digest_top(bot, standin), "digest_list")
    bot.settled()
    view = opened(standin)
    stored = len(bot.rows(InboxItem))
    with locked(sqlite_url):
        response = bot.click_in_view(CEO, view, "digest_page_next")
    assert response.status_code == 200
    bot.settled()
    assert len(bot.rows(InboxItem)) == stored and standin.calls("views.update") == []
    assert any("was not recorded" in r.getMessage() for r in caplog.records)


def test_a_committee_no_longer_configured_is_told_privately(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    roadmap(bot, 3)
    top = digest_top(bot, standin)
    [button] = [b for b in buttons(top) if b["action_id"] == "digest_list"]
    button["value"] = '{"c":"legacy"}'  # a digest of a committee removed since
    bot.click(CEO, top, "digest_list")
    bot.settled()
    [reply] = standin.calls("response_url")
    assert "no longer in the configuration" in texts(reply.params)
    assert standin.calls("views.open") == []
