"""`/checkin help`, `/arbitrate help`, `/decisions help` (`aide` in French): answered at once
and privately, with an example of every form the command takes, in the reader's language;
nothing stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import Absence, Arbitration, InboxItem
from tests.blockkit import check_message, texts
from tests.conftest import TUESDAY
from tests.slackbot import bot_environ, running_bot

CMO, OWNER = "U0CMO0001", "U0OWNER01"


@pytest.fixture
def french(tmp_path: Path, standin: SlackStandIn) -> Iterator[LocalBot]:
    folder = tmp_path / "fr"
    folder.mkdir()
    environ = bot_environ(folder, standin, f"sqlite:///{folder / 'ritualbot.db'}", language="fr")
    with running_bot(environ, standin, clock=lambda: TUESDAY) as running:
        yield running


def private(response: httpx.Response) -> str:
    """The private answer in the command's acknowledgement, checked as Slack would."""
    assert response.status_code == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    check_message(body)
    return texts(body)


def nothing_stored(bot: LocalBot, standin: SlackStandIn) -> None:
    assert bot.rows(InboxItem) == [] and bot.rows(Absence) == [] and bot.rows(Arbitration) == []
    assert standin.calls("chat.postMessage") == [] and standin.calls("views.open") == []


@pytest.mark.parametrize("asked", ["help", "HELP ", "aide", "?"])
def test_checkin_help_shows_every_form_privately(
    bot: LocalBot, standin: SlackStandIn, asked: str
) -> None:
    shown = private(bot.command(OWNER, "/checkin", asked))
    for form in (
        "`/checkin` opens the check-in form",
        "`/checkin away until 2026-12-15`",
        "`/checkin away until friday`",
        "`/checkin away for 2 weeks`",
        "`/checkin away tomorrow`",
        "`/checkin away for 2 weeks @Marie`",
        "`/checkin back`",
        "`/checkin language fr`",
        "*Record as check-in*",
        "`/checkin help`",
    ):
        assert form in shown
    assert "could not read" not in shown
    nothing_stored(bot, standin)


def test_checkin_aide_in_french(french: LocalBot, standin: SlackStandIn) -> None:
    shown = private(french.command(OWNER, "/checkin", "aide"))
    for form in (
        "`/checkin` ouvre le formulaire",
        "`/checkin absent jusqu'au 15/12/2026`",
        "`/checkin absent jusqu'à vendredi`",
        "`/checkin absent pour 2 semaines`",
        "`/checkin absent demain`",
        "`/checkin retour`",
        "`/checkin langue fr`",
        "`/checkin aide`",
    ):
        assert form in shown
    nothing_stored(french, standin)


def test_arbitrate_help_shows_every_form_to_the_cmo_and_to_anyone(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    for_cmo = private(bot.command(CMO, "/arbitrate", "help", channel="C0COMEX01"))
    for form in (
        "`/arbitrate` alone opens the form",
        "`/arbitrate Do we extend the ERP budget? | Yes | No | Only 1 month`: 2 to 10 options",
        "`/arbitrate #opscom Which supplier? | A | B`",
        "`/arbitrate comex: Extend the budget? | Yes | No`",
        "`/arbitrate help`",
    ):
        assert form in for_cmo
    assert "Only the CMO can post a poll" not in for_cmo

    for_owner = private(bot.command(OWNER, "/arbitrate", "help"))
    assert "`/arbitrate #opscom Which supplier? | A | B`" in for_owner
    assert "Only the CMO can post a poll" in for_owner and "decision needed: …" in for_owner
    nothing_stored(bot, standin)


def test_arbitrate_aide_in_french(french: LocalBot, standin: SlackStandIn) -> None:
    shown = private(french.command(OWNER, "/arbitrate", "aide"))
    assert "`/arbitrate` seul ouvre le formulaire" in shown
    assert "`/arbitrate #opscom Quel fournisseur ? | A | B`" in shown
    assert "de 2 à 10 options" in shown and "Seul le CMO peut publier un sondage" in shown
    nothing_stored(french, standin)


def test_decisions_help_says_what_it_shows(bot: LocalBot, french: LocalBot) -> None:
    shown = private(bot.command(OWNER, "/decisions", "help"))
    assert "`/decisions`: the latest decisions you can see" in shown
    assert "the committees you sit on" in shown and "the CMO sees them all" in shown
    assert "`/decisions help`" in shown

    en_francais = private(french.command(OWNER, "/decisions", "aide"))
    assert "`/decisions` : les dernières décisions que vous pouvez voir" in en_francais
    assert "le CMO les voit toutes" in en_francais
    assert bot.rows(InboxItem) == [] and french.rows(InboxItem) == []
