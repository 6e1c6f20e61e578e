"""The dashboard in a real browser: headless Chromium (Debian's `chromium`, driven by
Playwright with `executable_path`, no browser download) signs in through the stand-in Slack's
OpenID endpoints, opens each page, and checks what a person sees: initiatives, charts drawn,
no console error, no request to another origin; a non-member gets 403; a forged cookie and a
replayed `state` get nothing. Skipped, saying why, where Chromium is not installed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from tests.conftest import TUESDAY
from tests.dashboards import STRANGER, dashboard_environ, seed_quarter
from tests.slackbot import PEOPLE, running_bot

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip(
        "no Chromium: `apt-get install chromium` (.ci/run installs it)", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the dev extra)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def standin() -> Iterator[SlackStandIn]:
    with SlackStandIn(users=PEOPLE) as fake:
        yield fake


@pytest.fixture(scope="module")
def dash(tmp_path_factory: pytest.TempPathFactory, standin: SlackStandIn) -> Iterator[LocalBot]:
    folder = tmp_path_factory.mktemp("browser")
    environ = dashboard_environ(folder, standin, f"sqlite:///{folder / 'ritualbot.db'}")
    with running_bot(environ, standin, clock=lambda: TUESDAY) as running:
        running.ids = seed_quarter(running.engine)  # type: ignore[attr-defined]
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as play:
        launched = play.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A browser page whose requests and console errors are kept."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    made = Watched(browser)
    yield made
    made.close()


def _origin(dash: LocalBot) -> str:
    return str(dash.http.base_url).rstrip("/")


def test_the_cmo_signs_in_and_every_page_draws_without_an_outside_request(
    dash: LocalBot, standin: SlackStandIn, watched: Watched
) -> None:
    origin, ids = _origin(dash), dash.ids  # type: ignore[attr-defined]
    standin.openid.user = "U0CMO0001"
    watched.page.goto(origin + "/committees/comex")
    assert watched.page.url == origin + "/committees/comex"  # back where the reader asked
    signed_in = len(watched.requests)
    assert any(url.startswith(standin.oauth_url) for url in watched.requests)
    pages = {
        "/": ("Portfolio", "svg.trend rect"),
        "/committees/comex": ("Committee comex", "section.kpis svg polyline"),
        f"/initiatives/{ids['erp']}": ("ERP phase 2", "section.kpis svg circle"),
        "/decisions": ("Decision log", "tr.decision"),
        "/review/2026-Q4": ("Quarterly review", "svg.chart polyline"),
    }
    for path, (heading, drawn) in pages.items():
        answer = watched.page.goto(origin + path)
        assert answer is not None and answer.status == 200, path
        assert heading in watched.page.locator("h1").inner_text(), path
        box = watched.page.locator(drawn).first.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0, path
    assert watched.page.get_by_text("Signed in as").count() == 0  # the review page stands alone
    watched.page.goto(origin + "/")
    assert watched.page.get_by_text("Signed in as Claire Moreau").is_visible()
    # people's text shows as written: the title's markup is text, not markup
    assert watched.page.get_by_text("Price review <b>by segment</b>").first.is_visible()
    watched.page.emulate_media(media="print")  # printed on A4: the page, not the navigation
    assert not watched.page.locator("nav").is_visible()
    assert watched.page.locator("svg.trend").is_visible()
    assert watched.page.pdf(format="A4")[:4] == b"%PDF"
    after = watched.requests[signed_in:]
    assert after and all(url.startswith(origin + "/") for url in after), after
    assert watched.errors == []


def test_a_non_member_gets_a_polite_403(
    dash: LocalBot, standin: SlackStandIn, watched: Watched
) -> None:
    origin = _origin(dash)
    standin.openid.user = STRANGER
    watched.page.goto(origin + "/")
    answer = watched.page.goto(origin + "/committees/comex")
    assert answer is not None and answer.status == 403
    assert watched.page.get_by_text("This page is not for you").is_visible()
    assert watched.page.locator("text=ERP phase 2").count() == 0
    # Chromium reports the 403 itself on the console; nothing else may be there
    refused = "the server responded with a status of 403"
    assert [error for error in watched.errors if refused not in error] == []


def test_a_forged_cookie_gets_nothing(
    dash: LocalBot, standin: SlackStandIn, watched: Watched
) -> None:
    origin = _origin(dash)
    standin.openid.user = None  # nobody may sign in: only the cookie could open the page
    watched.context.add_cookies(
        [
            {
                "name": "ritualbot_session",
                "value": "eyJ2Ijp7InUiOiJVMENNTzAwMDEifSwidCI6MX0.forged",
                "url": origin,
            }
        ]
    )
    answer = watched.context.request.get(origin + "/", max_redirects=0)
    assert answer.status == 302 and answer.headers["location"].startswith("/auth/login")
    watched.page.goto(origin + "/")
    assert watched.page.locator("text=comex").count() == 0


def test_a_replayed_state_gets_nothing(
    dash: LocalBot, standin: SlackStandIn, watched: Watched
) -> None:
    origin = _origin(dash)
    standin.openid.user = "U0CMO0001"
    watched.page.goto(origin + "/")
    callback = next(url for url in watched.requests if "/auth/callback?" in url)
    watched.context.clear_cookies()
    answer = watched.page.goto(callback)
    assert answer is not None and answer.status == 400
    assert watched.page.get_by_text("sign in again").is_visible()
    assert not [c for c in watched.context.cookies() if c["name"] == "ritualbot_session"]
