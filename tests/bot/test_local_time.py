"""checkin_local_time: each owner is asked at the ritual's hour in their own Slack time zone,
spread across the day; the week stays the workspace's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import CheckinPrompt
from tests.factories import seed
from tests.slackbot import bot_environ, run_ritual, running_bot

ZONES = {"U0TOKYO01": "Asia/Tokyo", "U0PARIS01": "Europe/Paris", "U0NEWYORK": "America/New_York"}


@pytest.fixture
def world(tmp_path: Path, sqlite_url: str) -> Iterator[tuple[LocalBot, SlackStandIn]]:
    people = {
        user: {"real_name": user, "email": f"{user}@example.com", "tz": tz}
        for user, tz in ZONES.items()
    }
    with SlackStandIn(users=people) as standin:
        environ = bot_environ(tmp_path, standin, sqlite_url)
        config = Path(environ["RITUALBOT_CONFIG"])
        config.write_text("checkin_local_time = true\n" + config.read_text())
        monday = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
        with running_bot(environ, standin, clock=lambda: monday) as bot:
            seed(bot.engine, *((f"Initiative of {user}", user) for user in ZONES))
            yield bot, standin


def asked(standin: SlackStandIn) -> list[str]:
    return sorted(c.params["channel"] for c in standin.calls("chat.postMessage"))


def test_each_owner_is_asked_at_nine_in_their_own_zone(
    world: tuple[LocalBot, SlackStandIn],
) -> None:
    bot, standin = world
    for hour, expected in (
        (0, ["U0TOKYO01"]),  # Monday 09:00 in Tokyo
        (7, ["U0TOKYO01"]),  # 08:00 in Paris: not yet
        (8, ["U0PARIS01", "U0TOKYO01"]),  # 09:00 in Paris
        (13, ["U0PARIS01", "U0TOKYO01"]),  # 08:00 in New York
        (14, ["U0NEWYORK", "U0PARIS01", "U0TOKYO01"]),  # 09:00 in New York
        (20, ["U0NEWYORK", "U0PARIS01", "U0TOKYO01"]),  # nobody twice
    ):
        run_ritual(bot, "checkin", now=datetime(2026, 11, 23, hour, 0, tzinfo=UTC))
        bot.settled()
        assert asked(standin) == expected, hour
    assert {p.period for p in bot.rows(CheckinPrompt)} == {"2026-W48"}
