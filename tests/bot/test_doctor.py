"""`ritualbot doctor` as an operator runs it after an install, and `serve` refusing a bad token:
a process of its own against the stand-in Slack, its output read line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.devtools.standin import SlackStandIn
from tests.slackbot import bot_environ, ritualbot


@pytest.fixture
def installed(tmp_path: Path, standin: SlackStandIn, sqlite_url: str) -> dict[str, str]:
    """A configured install whose schema is in place (`ritualbot db upgrade`)."""
    environ = bot_environ(tmp_path, standin, sqlite_url)
    upgraded = ritualbot(environ, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    return environ


def marks(output: str) -> list[str]:
    return [line for line in output.splitlines() if line[:1] in ("✓", "✗")]


def test_a_good_install_passes_every_check_and_sends_the_test_message(
    installed: dict[str, str], standin: SlackStandIn
) -> None:
    done = ritualbot(installed, "doctor", "--send-test", "U0OWNER01")

    lines = marks(done.stdout)
    assert done.returncode == 0
    assert lines and all(line.startswith("✓") for line in lines)
    named = " ".join(lines)
    for looked_at in ("configuration", "database", "schema", "prompts", "token", "scopes"):
        assert f"✓ {looked_at}" in named
    assert "committee comex" in named and "person U0CMO0001" in named
    assert "1 CMO," in done.stdout  # counted in words, no "(s)"
    [test] = [c for c in standin.calls("chat.postMessage") if c.params["channel"] == "U0OWNER01"]
    assert test.params["text"]


def test_a_wrong_token_is_one_failed_line_and_a_non_zero_exit(
    installed: dict[str, str], standin: SlackStandIn
) -> None:
    done = ritualbot(installed | {"SLACK_BOT_TOKEN": "xoxb-not-this-one"}, "doctor")

    assert done.returncode == 1
    [failed] = [line for line in marks(done.stdout) if line.startswith("✗")]
    assert failed.startswith("✗ token: Slack refused the bot token (invalid_auth)")
    assert "SLACK_BOT_TOKEN" in failed  # what to do
    assert "xoxb-not-this-one" not in done.stdout + done.stderr
    assert not any(line[2:].startswith("committee") for line in marks(done.stdout))  # not asked


def test_serve_refuses_a_wrong_token_in_one_line(installed: dict[str, str]) -> None:
    done = ritualbot(installed | {"SLACK_BOT_TOKEN": "xoxb-not-this-one"}, "serve", "--port", "0")

    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert "invalid_auth" in line and "SLACK_BOT_TOKEN" in line
    assert "xoxb-not-this-one" not in line


def test_an_uninvited_private_committee_channel_is_named_with_what_to_do(
    installed: dict[str, str], standin: SlackStandIn
) -> None:
    standin.set_channel("C0COMEX01", name="comex", is_private=False, is_member=True)
    standin.set_channel("C0ESCAL01", name="escalations", is_private=False, is_member=True)
    standin.set_channel("C0OPSCOM1", name="opscom", is_private=True, is_member=False)

    done = ritualbot(installed, "doctor")

    assert done.returncode == 1
    [failed] = [line for line in marks(done.stdout) if line.startswith("✗")]
    assert failed.startswith("✗ committee opscom: channel C0OPSCOM1 not found")
    assert "/invite @ritualbot" in failed


def test_an_empty_database_is_told_with_the_command_that_fills_it(
    tmp_path: Path, standin: SlackStandIn, sqlite_url: str
) -> None:
    environ = bot_environ(tmp_path, standin, sqlite_url)

    done = ritualbot(environ, "doctor")

    assert done.returncode == 1
    failed = [line for line in marks(done.stdout) if line.startswith("✗")]
    assert any(line.startswith("✗ schema: the database is empty") for line in failed)
    assert any("ritualbot db upgrade" in line for line in failed)


def test_an_unreachable_database_is_one_line_not_a_traceback(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    environ = bot_environ(tmp_path, standin, "postgresql+psycopg://nobody@127.0.0.1:9/none")

    done = ritualbot(environ, "doctor")

    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    [database] = [line for line in marks(done.stdout) if line[2:].startswith("database")]
    assert database.startswith("✗ database:") and "DATABASE_URL" in database
