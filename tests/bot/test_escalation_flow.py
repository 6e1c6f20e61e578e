"""Escalations end to end, with --at dates: silence climbs owner → accountable → escalation
channel, and resolves when the owner answers; an absent owner is not escalated."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.services.exports import ESCALATION_COLUMNS, escalation_rows, to_csv
from rituals.models import ArbitrationRequest, Escalation
from tests.blockkit import texts
from tests.factories import Clock, seed
from tests.slackbot import bot_environ, run_ritual, running_bot

PARIS = ZoneInfo("Europe/Paris")
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=PARIS)  # 2026-W48
OWNER, ACCOUNTABLE, AWAY = "U0OWNER01", "U0ACCT001", "U0OWNER02"


@pytest.fixture
def world(
    tmp_path: Path, standin: SlackStandIn, sqlite_url: str
) -> Iterator[tuple[LocalBot, Clock]]:
    clock = Clock(MONDAY)
    with running_bot(bot_environ(tmp_path, standin, sqlite_url), standin, clock=clock) as bot:
        seed(
            bot.engine,
            {"title": "ERP phase 2", "owner": OWNER, "committee": "comex"},
            {"title": "Supplier lead time", "owner": AWAY, "committee": "opscom"},
            accountable=ACCOUNTABLE,
            due=None,
        )
        yield bot, clock


def week(n: int, days: int = 0) -> datetime:
    return MONDAY + timedelta(weeks=n, days=days)


def messages_to(standin: SlackStandIn, channel: str) -> list[str]:
    return [texts(m) for m in standin.messages(channel)]


def test_silence_climbs_the_ladder_and_an_answer_resolves_it(
    world: tuple[LocalBot, Clock], standin: SlackStandIn
) -> None:
    bot, clock = world
    bot.command(AWAY, "/checkin", "away until 2026-12-31")
    for n in range(3):  # three Mondays of prompts, no answer from the owner
        clock.now = week(n)
        run_ritual(bot, "checkin", now=week(n))
    bot.settled()

    run_ritual(bot, "escalation", now=week(2, 1))  # W50: W48 and W49 went unanswered
    run_ritual(bot, "escalation", now=week(2, 2))  # the next day: nothing told twice
    bot.settled()
    [escalation] = bot.rows(Escalation)
    assert (escalation.cause, escalation.level) == ("silent", 1)
    # the owner's warning waits for the reminder they get anyway: one DM, not two
    assert not [t for t in messages_to(standin, OWNER) if "needs your attention" in t]
    run_ritual(bot, "reminder", now=week(2, 2))
    bot.settled()
    [reminder] = [m for m in standin.messages(OWNER) if m.get("thread_ts")]
    assert "reminder" in texts(reminder) and "needs your attention" in texts(reminder)
    assert "no update for 2 weeks or more" in texts(reminder)
    assert standin.messages(ACCOUNTABLE) == []

    run_ritual(bot, "checkin", now=week(3))
    run_ritual(bot, "escalation", now=week(3, 1))  # still silent a week later: accountable
    run_ritual(bot, "reminder", now=week(3, 2))
    bot.settled()
    assert bot.rows(Escalation)[0].level == 2
    [to_accountable] = messages_to(standin, ACCOUNTABLE)
    assert "You are its accountable" in to_accountable and "ERP phase 2" in to_accountable
    # told in their DM who has it now, by name: naming pings nobody
    assert any("now goes to Marc Leroy, its accountable" in t for t in messages_to(standin, OWNER))

    run_ritual(bot, "checkin", now=week(4))
    run_ritual(bot, "escalation", now=week(4, 1))  # and then the escalation channel
    bot.settled()
    assert bot.rows(Escalation)[0].level == 3
    [posted] = messages_to(standin, "C0ESCAL01")
    assert "Escalation: *ERP phase 2* (owner Owner 1, accountable <@U0ACCT001>)" in posted
    assert "no update for 2 weeks or more" in posted
    assert posted.count("<@") == 1, "the top level mentions only the accountable, asked to act"
    assert any("Top-level escalation" in t for t in messages_to(standin, "U0CMO0001"))
    [queued] = bot.rows(ArbitrationRequest)
    assert queued.committee == "comex" and "ERP phase 2" in queued.text

    clock.now = week(4, 2)
    bot.dm(OWNER, "vert 30% — on rattrape")
    run_ritual(bot, "escalation", now=week(4, 3))
    bot.settled()
    [resolved] = bot.rows(Escalation)
    assert resolved.resolved_at is not None and resolved.resolution == "cause gone"

    # the owner away all along was never escalated
    assert standin.messages(AWAY) == []
    rows = list(
        csv.DictReader(io.StringIO(to_csv(escalation_rows(bot.engine), ESCALATION_COLUMNS)))
    )
    assert [(r["initiative"], r["cause"], r["level"], bool(r["resolved_at"])) for r in rows] == [
        ("ERP phase 2", "silent", "3", True)
    ]


def test_monday_s_early_scan_rides_on_the_prompt_an_hour_later(
    world: tuple[LocalBot, Clock], standin: SlackStandIn
) -> None:
    """The scan runs at 08:00, the check-in at 09:00: the owner's warning waits an hour and
    comes inside the prompt, one DM rather than two."""
    bot, clock = world
    for n in range(2):  # two Mondays of prompts, no answer
        clock.now = week(n)
        run_ritual(bot, "checkin", now=week(n))
    bot.settled()
    before = len(standin.messages(OWNER))

    monday = week(2) - timedelta(hours=1)  # W50, 08:00, before the check-in
    run_ritual(bot, "escalation", now=monday)
    bot.settled()
    found = {(e.cause, e.level) for e in bot.rows(Escalation)}
    assert found == {("silent", 1)}  # both owners, silent for two weeks
    assert len(standin.messages(OWNER)) == before, "no DM of its own"

    clock.now = week(2)
    run_ritual(bot, "checkin", now=week(2))
    bot.settled()
    [prompt] = standin.messages(OWNER)[before:]
    assert "needs your attention" in texts(prompt)


@pytest.mark.parametrize(
    ("zone", "first_monday"),
    [
        ("America/New_York", datetime(2026, 10, 26, 9, 0)),  # clocks go back on 1 November
        ("Europe/Paris", datetime(2026, 10, 19, 9, 0)),  # clocks go back on 25 October
        ("Asia/Tokyo", datetime(2026, 12, 7, 9, 0)),  # no DST; runs into week 53
    ],
)
def test_the_ladder_counts_weeks_in_the_workspace_zone_across_dst_and_the_year_end(
    tmp_path: Path, standin: SlackStandIn, sqlite_url: str, zone: str, first_monday: datetime
) -> None:
    tz = ZoneInfo(zone)
    monday = first_monday.replace(tzinfo=tz)
    environ = bot_environ(tmp_path, standin, sqlite_url)
    config = Path(environ["RITUALBOT_CONFIG"])
    config.write_text(
        config.read_text().replace('timezone = "Europe/Paris"', f'timezone = "{zone}"')
    )
    clock = Clock(monday)
    with running_bot(environ, standin, clock=clock) as bot:
        seed(bot.engine, ("ERP phase 2", OWNER), accountable=ACCOUNTABLE, due=None)
        levels = []
        for n in range(4):
            at = monday + timedelta(weeks=n)
            run_ritual(bot, "checkin", now=at)
            run_ritual(bot, "escalation", now=at + timedelta(days=1))
            levels.append([e.level for e in bot.rows(Escalation)])
        assert levels == [[], [], [1], [2]]  # two silent weeks over, then one more
