"""Sign in with Slack for the dashboard, over plain HTTP against the stand-in's OpenID
endpoints: no page without a session, `state` and `nonce` checked and single-use, signed
HttpOnly cookies that cannot be forged, logout, and who may see what."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from bot.dashboard.openid import OpenIdError, SlackOpenId
from bot.dashboard.session import LOGIN_COOKIE, SESSION_COOKIE, Signer
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from tests.conftest import TUESDAY
from tests.dashboards import INFORMED, STRANGER, dashboard_environ, seed_quarter, sign_in
from tests.slackbot import PEOPLE, bot_environ, running_bot


@pytest.fixture(scope="module")
def standin() -> Iterator[SlackStandIn]:
    with SlackStandIn(users=PEOPLE) as fake:
        yield fake


@pytest.fixture(scope="module")
def dash(tmp_path_factory: pytest.TempPathFactory, standin: SlackStandIn) -> Iterator[LocalBot]:
    """One bot for the module: each test signs in afresh, and the pages only read."""
    folder = tmp_path_factory.mktemp("dashboard")
    environ = dashboard_environ(folder, standin, f"sqlite:///{folder / 'ritualbot.db'}")
    with running_bot(environ, standin, clock=lambda: TUESDAY) as running:
        running.ids = seed_quarter(running.engine)  # type: ignore[attr-defined]
        yield running


def _client(bot: LocalBot) -> httpx.Client:
    return httpx.Client(base_url=str(bot.http.base_url), timeout=10)


def _start(client: httpx.Client) -> tuple[str, dict[str, str]]:
    """/auth/login by hand: the authorize address and its query."""
    answer = client.get("/auth/login")
    assert answer.status_code == 302
    where = answer.headers["location"]
    return where, {k: v[0] for k, v in parse_qs(urlsplit(where).query).items()}


def _authorize(standin: SlackStandIn, where: str) -> str:
    """What the stand-in's authorize page redirects the browser to: our callback."""
    answer = httpx.get(where, timeout=10)
    assert answer.status_code == 302
    return answer.headers["location"]


def test_a_page_without_a_session_sends_the_reader_to_sign_in(dash: LocalBot) -> None:
    with _client(dash) as client:
        answer = client.get("/committees/comex?quarter=2026-Q4")
    assert answer.status_code == 302
    assert (
        answer.headers["location"] == "/auth/login?next=%2Fcommittees%2Fcomex%3Fquarter%3D2026-Q4"
    )
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    assert "comex" not in answer.text


def test_login_sends_the_browser_to_slack_with_state_nonce_and_the_callback(
    dash: LocalBot, standin: SlackStandIn
) -> None:
    with _client(dash) as client:
        where, query = _start(client)
        set_cookie = client.get("/auth/login").headers["set-cookie"]
    assert where.startswith(standin.oauth_url + "?")
    assert query["client_id"] == standin.openid.client_id
    assert query["scope"] == "openid profile" and query["response_type"] == "code"
    assert query["redirect_uri"] == f"{dash.http.base_url}".rstrip("/") + "/auth/callback"
    assert len(query["state"]) >= 32 and len(query["nonce"]) >= 32
    assert query["state"] != query["nonce"]
    assert set_cookie.startswith(LOGIN_COOKIE + "=")
    assert "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie


def test_signing_in_as_the_cmo_shows_the_portfolio_by_name(
    dash: LocalBot, standin: SlackStandIn
) -> None:
    with sign_in(dash, standin, "U0CMO0001") as client:
        cookie = next(c for c in client.cookies.jar if c.name == SESSION_COOKIE)
        page = client.get("/")
    assert page.status_code == 200
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert "Signed in as Claire Moreau" in page.text
    assert "comex" in page.text and "opscom" in page.text
    token = standin.calls("openid.connect.token")[-1].params
    assert token["client_secret"] == standin.openid.client_secret
    assert standin.calls("openid.connect.userInfo"), "the name comes from userInfo"


def test_a_replayed_state_gets_nothing(dash: LocalBot, standin: SlackStandIn) -> None:
    standin.openid.user = "U0CMO0001"
    with _client(dash) as client:
        where, _ = _start(client)
        callback = _authorize(standin, where)
        first = client.get(callback)
        assert first.status_code == 302 and client.cookies.get(SESSION_COOKIE)
        client.cookies.delete(SESSION_COOKIE)
        # the same state again, even with a fresh code Slack would give for it
        again = client.get(_authorize(standin, where), headers={"cookie": ""})
    assert again.status_code == 400
    assert SESSION_COOKIE not in again.headers.get("set-cookie", "").split("=")[0]
    assert "sign in again" in again.text


def test_a_replayed_state_with_the_login_cookie_kept_gets_nothing(
    dash: LocalBot, standin: SlackStandIn
) -> None:
    standin.openid.user = "U0CMO0001"
    with _client(dash) as client:
        where, _ = _start(client)
        login = client.cookies.get(LOGIN_COOKIE)
        assert client.get(_authorize(standin, where)).status_code == 302
        client.cookies.clear()
        client.cookies.set(LOGIN_COOKIE, login or "", path="/auth")
        replay = client.get(_authorize(standin, where))
        assert replay.status_code == 400
        assert not client.cookies.get(SESSION_COOKIE)
        assert client.get("/").status_code == 302


def test_a_callback_whose_state_is_not_the_browsers_gets_nothing(
    dash: LocalBot, standin: SlackStandIn
) -> None:
    standin.openid.user = "U0CMO0001"
    with _client(dash) as client, _client(dash) as other:
        where, _ = _start(client)
        _start(other)  # another browser's sign-in: its own cookie, its own state
        stolen = _authorize(standin, where)
        answer = other.get(stolen)
    assert answer.status_code == 400
    assert not other.cookies.get(SESSION_COOKIE)


@pytest.mark.parametrize(
    "forge",
    [
        lambda real: real[:-2] + ("AA" if real[-2:] != "AA" else "BB"),  # signature changed
        lambda real: Signer(b"another-secret-of-32-bytes-long!").dumps(
            "session", {"u": "U0CMO0001", "n": "Claire"}, TUESDAY.now()
        ),
        lambda real: "eyJ2Ijp7InUiOiJVMENNTzAwMDEifX0.",  # unsigned
        lambda real: "garbage",
    ],
)
def test_a_forged_session_cookie_gets_nothing(
    dash: LocalBot, standin: SlackStandIn, forge: object
) -> None:
    with sign_in(dash, standin, STRANGER) as signed:
        real = signed.cookies.get(SESSION_COOKIE) or ""
    with _client(dash) as client:
        client.cookies.set(SESSION_COOKIE, forge(real))  # type: ignore[operator]
        answer = client.get("/")
    assert answer.status_code == 302
    assert answer.headers["location"].startswith("/auth/login")


def test_a_login_cookie_does_not_pass_for_a_session(dash: LocalBot) -> None:
    with _client(dash) as client:
        _start(client)
        login = client.cookies.get(LOGIN_COOKIE) or ""
        client.cookies.clear()
        client.cookies.set(SESSION_COOKIE, login)
        assert client.get("/").status_code == 302


def test_logout_clears_the_session(dash: LocalBot, standin: SlackStandIn) -> None:
    with sign_in(dash, standin, "U0CMO0001") as client:
        out = client.post("/auth/logout")
        assert out.status_code == 200 and "You are signed out" in out.text
        again = client.get("/", follow_redirects=False)
    assert again.status_code == 302


def test_login_only_returns_to_a_page_of_this_site(dash: LocalBot, standin: SlackStandIn) -> None:
    standin.openid.user = "U0CMO0001"
    with httpx.Client(base_url=str(dash.http.base_url), follow_redirects=True) as client:
        landed = client.get("/auth/login?next=//evil.example.com/")
    assert landed.url.host == "127.0.0.1" and landed.url.path == "/"


def test_each_person_sees_what_they_may(dash: LocalBot, standin: SlackStandIn) -> None:
    ids = dash.ids  # type: ignore[attr-defined]
    with sign_in(dash, standin, "U0ACCT001") as member:  # sits on the opscom only
        assert member.get("/committees/opscom").status_code == 200
        refused = member.get("/committees/comex")
        assert refused.status_code == 403 and "not for you" in refused.text
        portfolio = member.get("/").text
        assert "Onboarding" in member.get("/committees/opscom").text
        assert "ERP phase 2" not in portfolio
        assert member.get(f"/initiatives/{ids['erp']}").status_code == 403
    with sign_in(dash, standin, INFORMED) as informed:  # informed on Onboarding only
        assert informed.get(f"/initiatives/{ids['onboarding']}").status_code == 200
        assert informed.get(f"/initiatives/{ids['erp']}").status_code == 403
        assert informed.get("/committees/opscom").status_code == 403
        assert "ERP phase 2" not in informed.get("/review/2026-Q4").text
    with sign_in(dash, standin, STRANGER) as stranger:
        for path in ("/", "/decisions", "/committees/comex", f"/initiatives/{ids['erp']}"):
            answer = stranger.get(path)
            assert answer.status_code == 403, path
            assert "Ask the CMO" in answer.text
            assert "ERP" not in answer.text


def test_the_user_id_comes_from_slacks_answer_never_a_parameter(
    dash: LocalBot, standin: SlackStandIn
) -> None:
    with sign_in(dash, standin, STRANGER) as client:
        answer = client.get("/?user=U0CMO0001", headers={"X-Slack-User": "U0CMO0001"})
    assert answer.status_code == 403


def test_the_id_token_is_checked_against_the_published_keys(
    dash: LocalBot, standin: SlackStandIn
) -> None:
    standin.openid.user = "U0CMO0001"
    openid = SlackOpenId(
        client_id=standin.openid.client_id,
        client_secret=standin.openid.client_secret,
        authorize_url=standin.oauth_url,
        api_url=standin.url,
    )
    where = openid.authorize(state="s", nonce="right", redirect_uri="http://127.0.0.1/cb")
    code = parse_qs(urlsplit(_authorize(standin, where)).query)["code"][0]
    token = httpx.post(
        standin.url + "openid.connect.token",
        data={
            "client_id": openid.client_id,
            "client_secret": standin.openid.client_secret,
            "code": code,
            "redirect_uri": "http://127.0.0.1/cb",
        },
    ).json()["id_token"]
    assert openid.verify(token, nonce="right")["sub"] == "U0CMO0001"
    with pytest.raises(OpenIdError, match="nonce"):
        openid.verify(token, nonce="wrong")
    head, body, signature = token.split(".")
    with pytest.raises(OpenIdError):
        openid.verify(f"{head}.{body}.{signature[::-1]}", nonce="right")
    other = SlackOpenId(
        client_id="another-app",
        client_secret="x",
        authorize_url=standin.oauth_url,
        api_url=standin.url,
    )
    with pytest.raises(OpenIdError, match=r"(?i)audience"):
        other.verify(token, nonce="right")


def test_without_client_credentials_there_is_no_dashboard(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    environ = bot_environ(tmp_path, standin, f"sqlite:///{tmp_path / 'plain.db'}")
    with running_bot(environ, standin) as plain:
        assert plain.http.get("/").status_code == 404
        assert plain.http.get("/auth/login").status_code == 404
