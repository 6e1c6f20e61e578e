"""Shared fixtures: a stand-in Slack, databases (SQLite always, PostgreSQL when configured),
and the real bot serving HTTP on loopback."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from tests.slackbot import PEOPLE, bot_environ, running_bot

POSTGRES_ENV = "RITUALBOT_TEST_POSTGRES_URL"
PARIS = ZoneInfo("Europe/Paris")
# A Tuesday of week 2026-W48, mid-morning in Paris: the check-in week of the tests.
TUESDAY = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    with SlackStandIn(users=PEOPLE) as fake:
        yield fake


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ritualbot.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(
            f"no PostgreSQL: set {POSTGRES_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"
        )
    name = f"ritualbot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the server named by the variable is not there
        admin.dispose()
        pytest.skip(f"PostgreSQL at {POSTGRES_ENV} unreachable: {exc.__class__.__name__}")
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ritualbot.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def environ(tmp_path: Path, standin: SlackStandIn, sqlite_url: str) -> dict[str, str]:
    return bot_environ(tmp_path, standin, sqlite_url)


@pytest.fixture
def bot(environ: dict[str, str], standin: SlackStandIn) -> Iterator[LocalBot]:
    with running_bot(environ, standin, clock=lambda: TUESDAY) as running:
        yield running
