"""`ritualbot serve` serves the dashboard on its own port, in HTTP mode beside
`/slack/events` and in Socket Mode beside `/healthz`: a person signs in through the
stand-in Slack's OpenID endpoints and reads the portfolio."""

from __future__ import annotations

from pathlib import Path

import httpx

from bot.devtools.standin import SlackStandIn
from tests.bot.test_readyz import serving
from tests.bot.test_socket_mode import APP_TOKEN, SocketModeServer
from tests.dashboards import dashboard_environ


def _signed_in_portfolio(url: str, standin: SlackStandIn) -> str:
    standin.openid.user = "U0CMO0001"
    with httpx.Client(base_url=url, follow_redirects=True, timeout=10) as browser:
        assert browser.get("/", follow_redirects=False).status_code == 302
        page = browser.get("/auth/login")
        assert page.status_code == 200, page.text
        assert browser.get("/healthz").text == "ok\n"
        return page.text


def test_serve_in_http_mode_serves_the_dashboard(
    tmp_path: Path, standin: SlackStandIn, sqlite_url: str
) -> None:
    environ = dashboard_environ(tmp_path, standin, sqlite_url)
    with serving(environ, tmp_path / "bot.log") as url:
        assert "Signed in as Claire Moreau" in _signed_in_portfolio(url, standin)


def test_serve_in_socket_mode_serves_the_dashboard_beside_health(
    tmp_path: Path, standin: SlackStandIn, sqlite_url: str
) -> None:
    with SocketModeServer() as slack_end:
        standin.socket_mode_url = slack_end.url
        environ = dashboard_environ(tmp_path, standin, sqlite_url) | {"SLACK_APP_TOKEN": APP_TOKEN}
        with serving(environ, tmp_path / "bot.log", "--socket") as url:
            assert "Signed in as Claire Moreau" in _signed_in_portfolio(url, standin)
