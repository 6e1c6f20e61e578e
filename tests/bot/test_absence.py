"""Absences and holidays: nobody is asked while away (or their deputy is), nobody on a holiday."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import Absence, CheckIn, CheckinPrompt, InboxItem
from tests.blockkit import texts
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import bot_environ, run_ritual, running_bot

OWNER, DEPUTY = "U0OWNER01", "U0OWNER02"
NEXT_MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))


def answered(bot: LocalBot, standin: SlackStandIn) -> str:
    """The private answer to the last command, which comes through its response URL."""
    bot.settled()
    [reply] = standin.calls("response_url")[-1:]
    assert reply.params["response_type"] == "ephemeral"
    return texts(reply.params)


def test_an_owner_away_is_not_asked_and_the_week_is_excused(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    response = bot.command(OWNER, "/checkin", "away until 2026-12-15")
    assert response.status_code == 200
    assert "you are away until Dec 15, 2026" in answered(bot, standin)
    [absence] = bot.rows(Absence)
    assert (str(absence.until), absence.deputy) == ("2026-12-15", None)
    run_ritual(bot, "checkin", now=NEXT_MONDAY)
    run_ritual(bot, "reminder", now=NEXT_MONDAY + timedelta(days=2))
    bot.settled()
    assert standin.calls("chat.postMessage") == []
    [prompt] = bot.rows(CheckinPrompt)
    assert prompt.skipped_at is not None

    bot.command(OWNER, "/checkin", "back")
    assert "Welcome back" in answered(bot, standin)
    assert bot.rows(Absence) == []


def test_a_deputy_gets_the_prompt_and_answers_for_the_owner(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    [initiative] = seed(bot.engine, ("Onboarding standard", OWNER))
    bot.command(OWNER, "/checkin", f"absent jusqu'au 15/12/2026 <@{DEPUTY}|thomas>")
    run_ritual(bot, "checkin", now=NEXT_MONDAY)
    bot.settled()
    [prompt] = standin.messages(DEPUTY)
    assert "Onboarding standard" in texts(prompt) and standin.messages(OWNER) == []
    bot.dm(DEPUTY, "vert 70%", thread_ts=prompt["ts"])
    bot.settled()
    [checkin] = bot.rows(CheckIn)
    assert (checkin.initiative_id, checkin.author, checkin.progress) == (initiative.id, DEPUTY, 70)


@pytest.mark.parametrize("text", ["away until 2020-01-01", "away until 2026-13-45", "on holiday"])
def test_an_absence_that_cannot_be_read_is_explained_and_nothing_stored(
    bot: LocalBot, text: str
) -> None:
    response = bot.command(OWNER, "/checkin", text)
    assert response.json()["response_type"] == "ephemeral"
    assert "/checkin away until 2026-12-15" in response.json()["text"]
    assert bot.rows(Absence) == [] and bot.rows(InboxItem) == []  # refused before any work


@pytest.fixture
def holiday_bot(tmp_path: Path, standin: SlackStandIn, sqlite_url: str) -> Iterator[LocalBot]:
    environ = bot_environ(tmp_path, standin, sqlite_url)
    config = Path(environ["RITUALBOT_CONFIG"])
    config.write_text("holidays = [2026-11-30]\n" + config.read_text())
    with running_bot(environ, standin, clock=lambda: TUESDAY) as bot:
        yield bot


def test_nobody_is_prompted_on_a_holiday(holiday_bot: LocalBot, standin: SlackStandIn) -> None:
    seed(holiday_bot.engine, ("Onboarding standard", OWNER))
    result = run_ritual(holiday_bot, "checkin", now=NEXT_MONDAY)
    holiday_bot.settled()
    assert result.queued == 0 and standin.calls("chat.postMessage") == []
    run_ritual(holiday_bot, "checkin", now=NEXT_MONDAY + timedelta(days=1))
    holiday_bot.settled()
    assert len(standin.calls("chat.postMessage")) == 1


def test_im_away_on_the_prompt_opens_a_form_that_records_the_absence(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    run_ritual(bot, "checkin", now=TUESDAY)
    bot.settled()
    [prompt] = standin.messages(OWNER)
    bot.click(OWNER, prompt, "checkin_away")
    view = standin.calls("views.open")[-1].params["view"]
    assert view["callback_id"] == "absence_modal"
    refused = bot.submit(OWNER, view, {"until": "2026-11-01"})
    assert set(refused.json()["errors"]) == {"until"} and bot.rows(Absence) == []
    bot.submit(OWNER, view, {"until": "2026-12-11", "deputy": DEPUTY})
    bot.settled()
    [absence] = bot.rows(Absence)
    assert (str(absence.until), absence.deputy) == ("2026-12-11", DEPUTY)
    assert "you are away until Dec 11, 2026" in texts(standin.messages(OWNER)[-1])


def test_relative_absence_dates_are_read_from_today(bot: LocalBot, standin: SlackStandIn) -> None:
    """Today is Tuesday 24 November 2026 in Paris."""
    seed(bot.engine, ("Onboarding standard", OWNER))
    bot.command(OWNER, "/checkin", f"away for 2 weeks <@{DEPUTY}|thomas>")
    assert "you are away until Dec 7, 2026" in answered(bot, standin)
    [absence] = bot.rows(Absence)
    assert (str(absence.since), str(absence.until), absence.deputy) == (
        "2026-11-24",
        "2026-12-07",
        DEPUTY,
    )

    bot.command(OWNER, "/checkin", "absent jusqu’à vendredi")  # Slack's curly apostrophe
    assert "you are away until Nov 27, 2026" in answered(bot, standin)
    [absence] = bot.rows(Absence)
    assert (str(absence.until), absence.deputy) == ("2026-11-27", None), "the new one replaces"
    run_ritual(bot, "checkin", now=NEXT_MONDAY)  # back by then: asked as usual
    bot.settled()
    assert "Onboarding standard" in texts(standin.messages(OWNER)[-1])

    bot.command(OWNER, "/checkin", "away tomorrow")
    assert "you will be away on Nov 25, 2026" in answered(bot, standin)
    [absence] = bot.rows(Absence)
    assert (str(absence.since), str(absence.until)) == ("2026-11-25", "2026-11-25")


@pytest.mark.parametrize("text", ["away for 0 days", "absent jusqu'à bientôt", "away until 23/11"])
def test_a_relative_absence_that_cannot_be_read_or_is_past_stores_nothing(
    bot: LocalBot, text: str
) -> None:
    response = bot.command(OWNER, "/checkin", text)
    assert response.json()["response_type"] == "ephemeral"
    assert "nothing was recorded" in response.json()["text"]
    assert bot.rows(Absence) == [] and bot.rows(InboxItem) == []
