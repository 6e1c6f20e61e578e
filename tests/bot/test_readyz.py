"""`/healthz` and `/readyz` as a load balancer or an orchestrator asks them: `ritualbot serve`
in a process of its own, in HTTP mode and in Socket Mode, its PostgreSQL behind a proxy the
test cuts. Readiness turns 503 while the database is away and 200 once it is back; liveness
stays 200 throughout. The token check is asked of Slack once a minute at most."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from bot.checks.ready import TOKEN_TTL, Readiness
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from tests.bot.test_socket_mode import APP_TOKEN, SocketModeServer
from tests.faults.proxy import TcpProxy
from tests.slackbot import bot_environ

ROOT = Path(__file__).resolve().parents[2]
LISTENING = re.compile(r"listening on (http://[\d.]+:\d+)/")


@contextmanager
def serving(environ: dict[str, str], log: Path, *argv: str) -> Iterator[str]:
    """`python -m bot serve … --port 0` until the block ends; yields its base URL."""
    env = {**os.environ, **environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", "0", *argv],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    lines: list[str] = []
    found = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if LISTENING.search(line):
                found.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not found.wait(30):
            raise AssertionError(f"the bot did not start:\n{log.read_text(errors='replace')}")
        match = LISTENING.search(next(line for line in lines if LISTENING.search(line)))
        assert match is not None
        yield match.group(1)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        reader.join(5)
        assert process.stdout is not None
        process.stdout.close()


def until(what: str, condition: Callable[[], bool], timeout: float) -> float:
    """Seconds it took for `condition` to hold."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"{what}: not within {timeout:.0f} s")


def status(client: httpx.Client, path: str) -> int:
    try:
        return client.get(path).status_code
    except httpx.HTTPError:
        return 0


def outage(url: str, proxy: TcpProxy) -> None:
    """Ready, then 503 with the database away (alive all along), then ready again."""
    with httpx.Client(base_url=url, timeout=10) as client:
        until("ready at start", lambda: status(client, "/readyz") == 200, timeout=30)
        ready = client.get("/readyz").text
        assert "database: answers" in ready and "token: @ritualbot" in ready
        proxy.cut()
        until("not ready with the database away", lambda: status(client, "/readyz") == 503, 15)
        body = client.get("/readyz").text
        assert "database: unreachable" in body, body
        assert status(client, "/healthz") == 200  # alive: nothing to restart
        assert status(client, "/metrics") == 200
        proxy.restore()
        until("ready again once it is back", lambda: status(client, "/readyz") == 200, 30)


def proxied(postgres_url: str) -> TcpProxy:
    url = make_url(postgres_url)
    return TcpProxy((url.host or "127.0.0.1", url.port or 5432))


@pytest.mark.postgres
def test_readyz_turns_503_while_the_database_is_away_in_http_mode(
    tmp_path: Path, standin: SlackStandIn, postgres_url: str
) -> None:
    with proxied(postgres_url) as proxy:
        environ = bot_environ(tmp_path, standin, proxy.url(postgres_url))
        with serving(environ, tmp_path / "bot.log") as url:
            outage(url, proxy)
    assert "Traceback" not in (tmp_path / "bot.log").read_text(errors="replace")


@pytest.mark.postgres
def test_readyz_turns_503_while_the_database_is_away_in_socket_mode(
    tmp_path: Path, standin: SlackStandIn, postgres_url: str
) -> None:
    with proxied(postgres_url) as proxy, SocketModeServer() as slack_end:
        standin.socket_mode_url = slack_end.url
        environ = bot_environ(tmp_path, standin, proxy.url(postgres_url))
        environ |= {"SLACK_APP_TOKEN": APP_TOKEN}
        del environ["SLACK_SIGNING_SECRET"]  # Socket Mode needs none
        with serving(environ, tmp_path / "bot.log", "--socket") as url:
            slack_end.wait_connected(15)
            with httpx.Client(base_url=url, timeout=10) as client:
                assert status(client, "/slack/events") == 404  # Slack comes by the socket
            outage(url, proxy)
    assert "Traceback" not in (tmp_path / "bot.log").read_text(errors="replace")


def test_readiness_asks_slack_about_the_token_once_a_minute(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    assert [bot.http.get("/readyz").status_code for _ in range(5)] == [200] * 5
    assert len(standin.calls("auth.test")) == 1


def test_a_token_slack_refuses_makes_the_bot_not_ready(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    clock = [0.0]
    readiness = Readiness(
        bot.engine, slack_url=standin.url, token="xoxb-revoked", monotonic=lambda: clock[0]
    )
    [database, schema, token] = readiness.checks()
    assert database.ok and schema.ok and not token.ok
    assert "invalid_auth" in token.detail
    readiness.token = standin.token  # the operator fixes it: seen within a minute
    assert not readiness.checks()[-1].ok
    clock[0] += TOKEN_TTL
    assert readiness.checks()[-1].ok


def test_a_slack_that_cannot_be_reached_does_not_make_a_good_bot_unready(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    readiness = Readiness(bot.engine, slack_url="http://127.0.0.1:9/api/", token=standin.token)
    [_, _, token] = readiness.checks()
    assert token.ok and "Slack unreachable" in token.detail


def test_serve_socket_answers_health_on_port(
    tmp_path: Path, standin: SlackStandIn, sqlite_url: str
) -> None:
    with SocketModeServer() as slack_end:
        standin.socket_mode_url = slack_end.url
        environ = bot_environ(tmp_path, standin, sqlite_url) | {"SLACK_APP_TOKEN": APP_TOKEN}
        with (
            serving(environ, tmp_path / "bot.log", "--socket") as url,
            httpx.Client(base_url=url, timeout=10) as client,
        ):
            assert client.get("/healthz").text == "ok\n"
            assert client.get("/readyz").status_code == 200
            assert "ritualbot_outbox_depth" in client.get("/metrics").text
