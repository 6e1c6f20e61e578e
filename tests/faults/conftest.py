"""The fault campaigns' figures: each test records its lines with `figures`, and they are
printed together at the end of the run (and at once with `-s`); and a second PostgreSQL
database for the campaigns that run two lanes side by side."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

_FIGURES = pytest.StashKey[list[str]]()


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Iterator[Callable[..., None]]:
    printed = request.config.stash.setdefault(_FIGURES, [])

    def record(*lines: str) -> None:
        for line in lines:
            print(line)
            printed.append(line)

    yield record


@pytest.fixture
def another_postgres_url(postgres_url: str) -> Iterator[str]:
    """A second fresh database on the server of `postgres_url`, dropped afterwards."""
    name = f"ritualbot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = terminalreporter.config.stash.get(_FIGURES, [])
    if lines:
        terminalreporter.section("fault-injection figures")
        for line in lines:
            terminalreporter.write_line(line)
