"""The bot on PostgreSQL (the production store) as on SQLite: migrations, the check-in loop,
and concurrent answers. PostgreSQL cases skip, with the reason, where no server is configured."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.db import make_engine, migrate
from rituals.models import CheckIn, CheckinPrompt
from tests.blockkit import texts
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import bot_environ, run_ritual, running_bot


def test_migrations_build_exactly_the_models_schema(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)  # applying twice is a no-op
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    engine.dispose()
    assert diff == []


@pytest.fixture
def pg_bot(tmp_path: Path, standin: SlackStandIn, postgres_url: str) -> Iterator[LocalBot]:
    environ = bot_environ(tmp_path, standin, postgres_url)
    with running_bot(environ, standin, clock=lambda: TUESDAY) as bot:
        yield bot


@pytest.mark.postgres
def test_the_checkin_loop_on_postgresql(pg_bot: LocalBot, standin: SlackStandIn) -> None:
    seed(pg_bot.engine, ("Onboarding standard", "U0OWNER01"), ("ERP phase 2", "U0OWNER02"))
    run_ritual(pg_bot, "checkin", now=TUESDAY)
    run_ritual(pg_bot, "checkin", now=TUESDAY)
    pg_bot.settled()
    assert len(standin.calls("chat.postMessage")) == 2 and len(pg_bot.rows(CheckinPrompt)) == 2

    prompt = standin.messages("U0OWNER01")[0]
    pg_bot.dm("U0OWNER01", "rouge 20 % bloqué par le budget", thread_ts=prompt["ts"])
    pg_bot.dm("U0OWNER01", "orange 25 %")
    pg_bot.settled()
    rows = sorted(pg_bot.rows(CheckIn), key=lambda c: c.id)
    assert [(c.status, c.progress, c.is_current) for c in rows] == [
        ("off_track", 20, False),
        ("at_risk", 25, True),
    ]
    assert rows[0].submitted_at.tzinfo is not None

    run_ritual(pg_bot, "reminder", now=TUESDAY)
    pg_bot.settled()
    nudges = [c for c in standin.calls("chat.postMessage") if "reminder" in texts(c.params).lower()]
    assert [n.response["channel"] for n in nudges] == [standin.dm_channel("U0OWNER02")]


@pytest.fixture
def any_bot(tmp_path: Path, standin: SlackStandIn, database_url: str) -> Iterator[LocalBot]:
    environ = bot_environ(tmp_path, standin, database_url)
    with running_bot(environ, standin, clock=lambda: TUESDAY) as bot:
        yield bot


def test_answers_arriving_at_the_same_instant_are_all_recorded(
    any_bot: LocalBot, standin: SlackStandIn
) -> None:
    pg_bot = any_bot
    owners = [f"U0OWNER0{n}" for n in range(1, 10)]
    seed(pg_bot.engine, *[(f"Initiative {o}", o) for o in owners])
    with ThreadPoolExecutor(9) as pool:
        responses = list(pool.map(lambda o: pg_bot.dm(o, "green 50%")[0], owners * 3))
    assert {r.status_code for r in responses} == {200}
    pg_bot.settled()
    current = [c for c in pg_bot.rows(CheckIn) if c.is_current]
    assert sorted(c.author for c in current) == sorted(owners)
    assert len(pg_bot.rows(CheckIn)) == 27


def test_twenty_answers_for_one_initiative_at_the_same_instant_keep_one_current_answer(
    any_bot: LocalBot,
) -> None:
    seed(any_bot.engine, ("ERP phase 2", "U0OWNER01"))
    texts_sent = [f"green {n}%" for n in range(20, 40)]
    with ThreadPoolExecutor(10) as pool:
        responses = list(pool.map(lambda text: any_bot.dm("U0OWNER01", text)[0], texts_sent))
    assert {r.status_code for r in responses} == {200}
    any_bot.settled()
    answers = any_bot.rows(CheckIn)
    assert len(answers) == 20  # every answer kept, as history
    [current] = [c for c in answers if c.is_current]
    assert current.id == max(c.id for c in answers)  # the last one stored is the current one
    assert sorted(c.progress for c in answers) == list(range(20, 40))
