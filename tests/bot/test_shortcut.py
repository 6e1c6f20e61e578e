"""*Record as check-in*, the message shortcut: on a message its owner wrote in any channel it
becomes their check-in, through the same reading as a DM, with the receipt in their DM; on
anyone else's message nothing is stored and the clicker is told why, privately."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import CheckIn, InboxItem
from tests.blockkit import texts
from tests.bot.test_manifest import _matches
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import run_ritual

OWNER, OTHER, STRANGER = "U0OWNER01", "U0OWNER02", "U0STRANGE"
OPSCOM = "C0OPSCOM1"
MANIFEST = Path(__file__).resolve().parents[2] / "manifest.yml"


def ephemeral(standin: SlackStandIn) -> str:
    [reply] = standin.calls("response_url")[-1:]
    assert reply.params["response_type"] == "ephemeral"
    return texts(reply.params)


def test_the_manifest_s_shortcut_has_a_listener(bot: LocalBot) -> None:
    manifest: dict[str, Any] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    [shortcut] = manifest["features"]["shortcuts"]
    assert (shortcut["name"], shortcut["type"]) == ("Record as check-in", "message")
    body = {"type": "message_action", "callback_id": shortcut["callback_id"]}
    assert any(_matches(listener, body) for listener in bot.app._listeners)


def test_an_owner_records_their_own_channel_message_as_their_check_in(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    [initiative] = seed(bot.engine, ("Onboarding standard", OWNER))
    said = LocalBot.written(OWNER, "vert 60% kpi 4,5 — bloqué par le juridique", channel=OPSCOM)

    response = bot.shortcut(OWNER, said)

    assert response.status_code == 200
    bot.settled()
    [checkin] = bot.rows(CheckIn)
    assert (checkin.initiative_id, checkin.period, checkin.author) == (
        initiative.id,
        "2026-W48",
        OWNER,
    )
    assert (checkin.status, checkin.progress, checkin.kpi_value) == ("on_track", 60, 4.5)
    assert checkin.blockers == "le juridique" and checkin.source == "message"
    [receipt] = standin.messages(OWNER)
    assert "Onboarding standard" in texts(receipt) and "60%" in texts(receipt)
    assert standin.messages(OPSCOM) == [], "nothing said in the channel"
    assert standin.calls("response_url") == []

    bot.shortcut(OWNER, said)  # again on the same words: nothing new
    bot.settled()
    assert len(bot.rows(CheckIn)) == 1 and len(standin.messages(OWNER)) == 1
    assert "already recorded as your check-in" in ephemeral(standin)


def test_someone_else_s_message_is_not_recorded_and_the_clicker_is_told_why(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER), ("ERP phase 2", OTHER))
    theirs = LocalBot.written(OTHER, "red 10%, blocked by the supplier", channel=OPSCOM)

    response = bot.shortcut(OWNER, theirs)

    assert response.status_code == 200
    bot.settled()
    assert bot.rows(CheckIn) == []
    assert "this one is someone else's: nothing was recorded" in ephemeral(standin)
    assert standin.calls("chat.postMessage") == [], "no DM, no receipt, nobody else told"
    assert [item.state for item in bot.rows(InboxItem)] == ["done"]


def test_the_bot_s_own_message_is_not_anyone_s_check_in(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    run_ritual(bot, "checkin", now=TUESDAY)
    bot.settled()
    [prompt] = standin.messages(OWNER)
    bot.shortcut(OWNER, prompt)
    bot.settled()
    assert bot.rows(CheckIn) == [] and "someone else's" in ephemeral(standin)


def test_the_shortcut_reads_as_a_dm_does(bot: LocalBot, standin: SlackStandIn) -> None:
    """Someone who owns nothing gets the DM's polite explanation; words that say nothing get
    its help; people's markup is read as written."""
    bot.shortcut(STRANGER, LocalBot.written(STRANGER, "green 80%", channel=OPSCOM))
    bot.settled()
    [explained] = standin.messages(STRANGER)
    assert "initiative" in texts(explained) and bot.rows(CheckIn) == []

    seed(bot.engine, ("Onboarding standard", OWNER))
    bot.shortcut(OWNER, LocalBot.written(OWNER, "lunch anyone?", channel=OPSCOM))
    bot.settled()
    assert "nothing was recorded" in texts(standin.messages(OWNER)[-1])
    assert bot.rows(CheckIn) == []

    hostile = LocalBot.written(OWNER, "amber 40% blocked by &lt;!channel&gt; &amp; co")
    bot.shortcut(OWNER, hostile)
    bot.settled()
    [checkin] = bot.rows(CheckIn)
    assert checkin.blockers == "<!channel> & co"
    assert "<!channel>" not in json.dumps(standin.messages(OWNER)[-1])
