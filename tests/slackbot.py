"""Whole-app test set-up: the people of the stand-in workspace, the configuration, and the
real bot serving HTTP (bot.devtools.simulate.LocalBot), built from the environment as in
production."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bot.devtools.simulate import LocalBot
from bot.devtools.simulate import sign as _sign
from bot.devtools.standin import SlackStandIn
from bot.settings import load_settings
from rituals.registry import RunResult

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"

PEOPLE = {
    "U0CMO0001": {"email": "claire.moreau@example.com", "real_name": "Claire Moreau"},
    "U0CEO0001": {"email": "ceo@example.com", "real_name": "Paul Durand"},
    "U0CFO0001": {"email": "cfo@example.com", "real_name": "Anne Petit"},
    "U0ACCT001": {"email": "acct1@example.com", "real_name": "Marc Leroy"},
    "U0ACCT002": {"email": "acct2@example.com", "real_name": "Julie Bernard"},
    "U0STRANGE": {"email": "stranger@example.com", "real_name": "Sam Stranger"},
    **{
        f"U0OWNER0{n}": {"email": f"owner{n}@example.com", "real_name": f"Owner {n}"}
        for n in range(1, 10)
    },
    "U0INES001": {"email": "ines.martin@example.com", "real_name": "Inès Martin"},
}

CONFIG = """
timezone = "Europe/Paris"
language = "{language}"
cmo = ["U0CMO0001"]
escalation_channel = "C0ESCAL01"

[committees.comex]
channel = "C0COMEX01"
members = ["U0CEO0001", "U0CFO0001", "U0CMO0001"]

[committees.opscom]
channel = "C0OPSCOM1"
members = ["U0CMO0001", "U0ACCT001", "U0ACCT002"]

[delivery]
rate_per_second = 200
burst = 200
"""


def write_config(folder: Path, *, language: str = "en", extra: str = "") -> Path:
    path = folder / "ritualbot.toml"
    path.write_text(CONFIG.format(language=language) + extra, encoding="utf-8")
    return path


def bot_environ(
    folder: Path, standin: SlackStandIn, database_url: str, language: str = "en"
) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": standin.token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": standin.url,
        "DATABASE_URL": database_url,
        "RITUALBOT_CONFIG": str(write_config(folder, language=language)),
    }


def sign(body: bytes, timestamp: int, secret: str = SECRET) -> str:
    return _sign(body, timestamp, secret)


def running_bot(
    environ: dict[str, str], standin: SlackStandIn, clock: Callable[[], datetime] | None = None
) -> LocalBot:
    return LocalBot(load_settings(environ), standin, clock=clock)


def run_ritual(
    bot: LocalBot, name: str, *, now: datetime, committee: str | None = None
) -> RunResult:
    """Run a ritual of the running bot as the scheduler or `ritualbot ritual run` does."""
    return bot.core.rituals.run(name, now=now, committee=committee)


def ritualbot(
    environ: dict[str, str], *argv: str, stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGV…` in a process of its own, as an operator's shell runs it."""
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, **environ, "PYTHONPATH": str(root), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "bot", *argv],
        cwd=root,
        env=env,
        input=stdin,
        capture_output=True,
        encoding="utf-8",
        timeout=timeout,
    )
