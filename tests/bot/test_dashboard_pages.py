"""What the dashboard's pages show a signed-in person: the portfolio's counts, trend,
overdue, escalations and decisions due; a committee's initiatives and KPI charts; an
initiative's answers as written and by whom; the decision log filtered; the quarterly review
as `ritualbot review export` writes it. People's text escaped, people by name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.pages.review import review_page
from bot.services.review import load_review
from bot.services.scorecard import set_indicator
from tests.conftest import PARIS, TUESDAY
from tests.dashboards import INFORMED, dashboard_environ, seed_quarter, sign_in
from tests.slackbot import PEOPLE, running_bot


@pytest.fixture(scope="module")
def standin() -> Iterator[SlackStandIn]:
    with SlackStandIn(users=PEOPLE) as fake:
        yield fake


@pytest.fixture(scope="module")
def dash(tmp_path_factory: pytest.TempPathFactory, standin: SlackStandIn) -> Iterator[LocalBot]:
    folder = tmp_path_factory.mktemp("pages")
    environ = dashboard_environ(folder, standin, f"sqlite:///{folder / 'ritualbot.db'}")
    with running_bot(environ, standin, clock=lambda: TUESDAY) as running:
        running.ids = seed_quarter(running.engine)  # type: ignore[attr-defined]
        at = TUESDAY - timedelta(days=1)
        set_indicator(running.core.database, name="dso", value=52, at=at, now=at)
        yield running


@pytest.fixture(scope="module")
def cmo(dash: LocalBot, standin: SlackStandIn) -> Iterator[httpx.Client]:
    with sign_in(dash, standin, "U0CMO0001") as client:
        yield client


def _section(html: str, name: str) -> str:
    found = re.search(rf'<section class="{name}">(.*?)</section>', html, re.S)
    assert found, f"no section {name}"
    return found.group(1)


def test_the_portfolio_counts_statuses_per_committee_and_draws_their_trend(
    cmo: httpx.Client,
) -> None:
    page = cmo.get("/")
    assert page.status_code == 200
    counts = _section(page.text, "counts")
    comex = re.search(r'<a href="/committees/comex">comex</a>.*?</tr>', counts, re.S)
    assert comex is not None
    # off track, at risk, on track, done, no status, total
    assert re.findall(r'<td class="num">(\d+)</td>', comex.group(0)) == [
        "1",
        "1",
        "0",
        "0",
        "0",
        "2",
    ]
    trend = _section(page.text, "trend")
    assert trend.count("<svg") == 1
    # weeks 2026-W40 to 2026-W48 (the Tuesday of the tests): a bar for each
    assert "2026-W40" in trend and "2026-W48" in trend
    assert "2026-W49" not in trend


def test_the_portfolio_lists_what_is_overdue_escalated_and_due(cmo: httpx.Client) -> None:
    page = cmo.get("/").text
    overdue = _section(page, "overdue")
    assert "Price review &lt;b&gt;by segment&lt;/b&gt;" in overdue  # due 13 Nov, not done
    assert "ERP phase 2" not in overdue
    assert "Owner 3" in overdue
    assert "Off track" in _section(page, "escalations")
    due = _section(page, "decisions-due")
    assert "ERP go-live" in due and "Owner 2" in due and "Dec 4, 2026" in due
    assert "Buddy system" not in due  # carried out


def test_the_portfolio_shows_the_scorecard_by_perspective(
    cmo: httpx.Client, dash: LocalBot, standin: SlackStandIn
) -> None:
    card = _section(cmo.get("/").text, "scorecard")
    assert "Scorecard by perspective" in card
    dso = re.search(r"<tr><td>Days sales outstanding</td>.*?</tr>", card, re.S)
    assert dso is not None
    assert "52 days" in dso.group(0) and "target 45" in dso.group(0)
    assert 'class="status level-amber">Amber' in dso.group(0)
    with sign_in(dash, standin, INFORMED) as informed:  # named on an initiative, on no committee
        assert 'class="scorecard"' not in informed.get("/").text


def test_a_committee_page_shows_each_initiative_with_its_kpi_chart(cmo: httpx.Client) -> None:
    page = cmo.get("/committees/comex")
    assert page.status_code == 200
    table = _section(page.text, "initiatives")
    assert "ERP phase 2" in table and "Owner 2" in table and "70%" in table
    assert "Onboarding" not in table  # an opscom initiative
    assert "waiting for &lt;script&gt;data&lt;/script&gt;" in table
    charts = _section(page.text, "kpis")
    assert charts.count("<svg") == 2 and "<polyline" in charts
    assert "Hire an external recruiter?" in _section(page.text, "polls")
    assert "ERP go-live" in _section(page.text, "decisions")
    links = _section(page.text, "dependencies")
    assert "ERP phase 2" in links and "Depends on" in links and "Price review" in links


def test_an_initiative_page_shows_the_answers_as_written_and_who_gave_them(
    dash: LocalBot, cmo: httpx.Client
) -> None:
    ids = dash.ids  # type: ignore[attr-defined]
    page = cmo.get(f"/initiatives/{ids['margin']}")
    assert page.status_code == 200
    history = _section(page.text, "history")
    assert history.count("<tr") == 1 + 8  # the header and a row per week
    assert "rouge, bloqué par &lt;script&gt;alert(1)&lt;/script&gt;" in history
    assert "<script>" not in page.text
    assert "Owner 3" in history and "by message" in history
    assert history.index("2026-W48") < history.index("2026-W41")  # newest first
    assert "<svg" in _section(page.text, "kpis")
    assert cmo.get("/initiatives/999999").status_code == 404
    needed = _section(page.text, "dependencies")
    assert "Needed by the initiative" in needed and "ERP phase 2" in needed
    assert "accepted" in needed and "Dec 1, 2026" in needed
    erp = _section(cmo.get(f"/initiatives/{ids['erp']}").text, "dependencies")
    assert "Depends on" in erp and "Price review" in erp


def test_the_decision_log_filters_by_committee_and_status(cmo: httpx.Client) -> None:
    everything = cmo.get("/decisions").text
    assert everything.count('<tr class="decision">') == 2
    comex = cmo.get("/decisions", params={"committee": "comex"}).text
    assert "ERP go-live" in comex and "Buddy system" not in comex
    done = cmo.get("/decisions", params={"status": "done"}).text
    assert "Buddy system" in done and "ERP go-live" not in done
    assert '<option value="done" selected>' in done
    nothing = cmo.get("/decisions", params={"committee": "opscom", "status": "deferred"}).text
    assert "No decision matches." in nothing


def test_the_review_page_is_the_one_review_export_writes(dash: LocalBot, cmo: httpx.Client) -> None:
    page = cmo.get("/review/2026-Q4")
    assert page.status_code == 200
    review = load_review(dash.core.database, "2026-Q4", tz=PARIS)
    names = {f"U0OWNER0{n}": f"Owner {n}" for n in range(1, 4)}
    assert page.text == review_page(review, dash.core.readers.workspace, names)
    assert cmo.get("/review/2026-W48").status_code == 404


def test_every_page_forbids_anything_from_elsewhere(dash: LocalBot, cmo: httpx.Client) -> None:
    ids = dash.ids  # type: ignore[attr-defined]
    for path in (
        "/",
        "/committees/comex",
        f"/initiatives/{ids['erp']}",
        "/decisions",
        "/review/2026-Q4",
    ):
        answer = cmo.get(path)
        policy = answer.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy, path
        assert answer.headers["cache-control"] == "no-store"
        assert not re.search(r'(?:src|href)="(?:https?:)?//', answer.text), path
        assert "<script" not in answer.text


def test_pages_are_in_the_readers_language(dash: LocalBot, standin: SlackStandIn) -> None:
    standin._users["U0CFO0001"]["locale"] = "fr-FR"  # type: ignore[index]
    try:
        with sign_in(dash, standin, "U0CFO0001") as cfo:
            page = cfo.get("/committees/comex").text
        assert '<html lang="fr">' in page and "Comité comex" in page
    finally:
        standin._users["U0CFO0001"].pop("locale")  # type: ignore[index]
