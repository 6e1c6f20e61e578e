"""The scheduler: rituals at their cadence, and a missed ritual run once when the bot is back."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.scheduler import previous_fire
from rituals.models import RitualRun
from tests.factories import seed

PARIS = ZoneInfo("Europe/Paris")
MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=PARIS)


def test_jobs_have_stable_ids_coalesce_and_a_misfire_grace(bot: LocalBot) -> None:
    scheduler = bot.core.scheduler()
    scheduler.start()
    try:
        jobs = {job.id: job for job in scheduler.scheduler.get_jobs()}
        assert {"ritual:checkin", "ritual:reminder"} <= set(jobs)
        checkin = jobs["ritual:checkin"]
        assert checkin.coalesce and checkin.misfire_grace_time >= 3600
        fire = checkin.trigger.get_next_fire_time(None, MONDAY_9 - timedelta(minutes=1))
        assert fire == MONDAY_9
        assert len([j for j in scheduler.scheduler.get_jobs() if j.id == "ritual:checkin"]) == 1
    finally:
        scheduler.stop()


def test_a_bot_down_over_the_checkin_runs_it_once_when_it_comes_back(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", "U0OWNER01"), ("ERP phase 2", "U0OWNER02"))
    scheduler = bot.core.scheduler()
    back = MONDAY_9 + timedelta(hours=3)
    assert previous_fire(bot.settings, "checkin", back) == MONDAY_9

    assert scheduler.catch_up(back) == ["checkin"]
    assert scheduler.catch_up(back + timedelta(minutes=5)) == []
    bot.settled()
    assert sorted(c.params["channel"] for c in standin.calls("chat.postMessage")) == [
        "U0OWNER01",
        "U0OWNER02",
    ]
    assert [(r.ritual, r.period) for r in bot.rows(RitualRun)] == [("checkin", "2026-W48")]


def test_a_ritual_missed_beyond_the_grace_is_left_to_its_next_time(bot: LocalBot) -> None:
    seed(bot.engine, ("Onboarding standard", "U0OWNER01"))
    scheduler = bot.core.scheduler()
    assert previous_fire(bot.settings, "checkin", MONDAY_9 + timedelta(days=2)) is None
    # Wednesday 09:00: the reminder is due (nothing to remind), the Monday check-in is not
    assert scheduler.catch_up(MONDAY_9 + timedelta(days=2)) == ["reminder"]
    assert [r.ritual for r in bot.rows(RitualRun)] == ["reminder"]
