"""The command line as an operator meets it in a shell: `--version`, shell completion, a reader
that stops reading (`| head`), a missing file, log levels and JSON logs with no secret in them.
Each test runs `python -m bot` in a process of its own."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from bot.devtools.standin import SlackStandIn
from tests.slackbot import bot_environ, ritualbot

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_the_installed_package_s() -> None:
    from importlib import metadata

    done = ritualbot({}, "--version")

    assert done.returncode == 0
    assert done.stdout.strip() == f"ritualbot {metadata.version('ritualbot')}"


def test_bash_completion_knows_every_command_and_their_options() -> None:
    done = ritualbot({}, "completion", "bash")

    assert done.returncode == 0
    script = done.stdout
    assert "complete -F" in script and "ritualbot" in script
    for command in ("serve", "doctor", "export", "roadmap", "ritual", "outbox", "db"):
        assert command in script
    assert "--send-test" in script and "--log-level" in script
    checked = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
    assert checked.returncode == 0, checked.stderr  # it parses as bash


def test_every_option_has_help_text() -> None:
    from bot.__main__ import _parser

    def walk(parser):  # type: ignore[no-untyped-def]
        for action in parser._actions:
            if action.option_strings and action.dest not in ("help", "version"):
                yield parser.prog, action
            if isinstance(action, argparse._SubParsersAction):
                for child in action.choices.values():
                    yield from walk(child)

    silent = [f"{prog} {a.option_strings[0]}" for prog, a in walk(_parser()) if not a.help]
    assert silent == []


def test_an_export_whose_reader_has_gone_ends_without_a_traceback(
    tmp_path: Path, standin: SlackStandIn, sqlite_url: str
) -> None:
    """`ritualbot roadmap export | head -n 1`: the reader closes the pipe early. Here it is
    closed before anything is written, so the broken pipe is certain, not a race."""
    environ = bot_environ(tmp_path, standin, sqlite_url)
    sample = ROOT / "bot" / "samples" / "roadmap_en.csv"
    assert ritualbot(environ, "roadmap", "import", str(sample)).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "roadmap", "export"],
            cwd=ROOT,
            env={**os.environ, **environ, "PYTHONPATH": str(ROOT)},
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)

    assert done.stderr == "", done.stderr
    assert done.returncode == 141  # what a shell reports for a command ended by SIGPIPE


def test_a_missing_file_is_one_line(tmp_path: Path, standin: SlackStandIn, sqlite_url: str) -> None:
    environ = bot_environ(tmp_path, standin, sqlite_url)

    done = ritualbot(environ, "roadmap", "import", str(tmp_path / "nowhere.csv"))

    assert done.returncode != 0
    [line] = done.stderr.strip().splitlines()
    assert "nowhere.csv" in line and "Traceback" not in line


def test_an_unreachable_database_is_one_line(tmp_path: Path, standin: SlackStandIn) -> None:
    environ = bot_environ(tmp_path, standin, "postgresql+psycopg://nobody@127.0.0.1:9/none")

    done = ritualbot(environ, "export", "checkins")

    assert done.returncode != 0
    [line] = done.stderr.strip().splitlines()
    assert "127.0.0.1" in line and "Traceback" not in line


def test_json_logs_are_one_object_a_line_with_no_secret(
    tmp_path: Path, standin: SlackStandIn, sqlite_url: str
) -> None:
    environ = bot_environ(tmp_path, standin, sqlite_url) | {"RITUALBOT_LOG_FORMAT": "json"}
    sample = ROOT / "bot" / "samples" / "roadmap_en.csv"

    done = ritualbot(environ, "--log-level", "debug", "roadmap", "import", str(sample))

    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    assert records, "debug logging wrote nothing"
    assert all({"level", "message"} <= set(record) for record in records)
    assert any(record["level"] == "debug" for record in records)
    assert standin.token not in done.stderr and environ["SLACK_SIGNING_SECRET"] not in done.stderr


def test_a_log_level_that_does_not_exist_is_refused_with_the_ones_that_do() -> None:
    done = ritualbot({}, "--log-level", "loud", "doctor")

    assert done.returncode == 2
    assert "debug" in done.stderr and "Traceback" not in done.stderr
