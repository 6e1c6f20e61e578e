"""Each person in their own language, each committee channel in its own: a French-speaking
owner in an English workspace reads the prompt, the receipt and the form in French; the comex
reads its digest in French while opscom reads English; `/checkin language` wins over Slack's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from tests.blockkit import texts
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import PEOPLE, bot_environ, run_ritual, running_bot

FRENCH, ENGLISH = "U0OWNER03", "U0OWNER04"


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    people = {**PEOPLE, FRENCH: {**PEOPLE[FRENCH], "locale": "fr-FR"}}
    people[ENGLISH] = {**PEOPLE[ENGLISH], "locale": "en-GB"}
    with SlackStandIn(users=people) as fake:
        yield fake


@pytest.fixture
def bot(tmp_path: Path, standin: SlackStandIn, sqlite_url: str) -> Iterator[LocalBot]:
    environ = bot_environ(tmp_path, standin, sqlite_url)  # an English workspace
    config = Path(environ["RITUALBOT_CONFIG"])
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('channel = "C0COMEX01"', 'channel = "C0COMEX01"\nlanguage = "fr"'),
        encoding="utf-8",
    )
    with running_bot(environ, standin, clock=lambda: TUESDAY) as running:
        seed(
            running.engine,
            {"title": "ERP phase 2", "owner": FRENCH, "committee": "comex"},
            {"title": "Pricing review", "owner": ENGLISH, "committee": "opscom"},
        )
        yield running


def test_a_french_speaking_owner_reads_the_prompt_the_receipt_and_the_form_in_french(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    run_ritual(bot, "checkin", now=TUESDAY)
    bot.settled()
    [prompt] = standin.messages(FRENCH)
    [english] = standin.messages(ENGLISH)
    assert "Point hebdo · 2026-W48" in texts(prompt)
    assert "Weekly check-in · 2026-W48" in texts(english)

    bot.dm(FRENCH, "vert 60 %", thread_ts=prompt["ts"])
    bot.settled()
    receipt = standin.messages(FRENCH)[-1]
    assert "Point enregistré pour *ERP phase 2*" in texts(receipt)
    assert "Update recorded" not in texts(receipt)

    bot.click(FRENCH, prompt, "checkin_update")
    bot.settled()
    [opened] = standin.calls("views.open")
    view = opened.params["view"]
    assert view["title"]["text"] == "Point hebdo" and view["submit"]["text"] == "Enregistrer"


def test_each_committee_reads_its_digest_in_its_own_language(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    run_ritual(bot, "digest", now=TUESDAY + timedelta(days=3))
    bot.settled()
    [comex, *_] = standin.messages("C0COMEX01")
    [opscom, *_] = standin.messages("C0OPSCOM1")
    assert "Synthèse hebdomadaire · comex · 2026-W48" in texts(comex)
    assert "Weekly digest · opscom · 2026-W48" in texts(opscom)


def test_a_person_s_own_choice_wins_over_slack_s_locale_and_auto_gives_it_back(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    bot.command(FRENCH, "/checkin", "language en")
    bot.settled()
    [said] = standin.calls("response_url")
    assert said.params["text"] == "From now on I write to you in English."
    run_ritual(bot, "checkin", now=TUESDAY)
    bot.settled()
    assert "Weekly check-in · 2026-W48" in texts(standin.messages(FRENCH)[-1])

    bot.command(FRENCH, "/checkin", "langue auto")
    bot.settled()
    auto = standin.calls("response_url")[-1].params["text"]
    assert auto == "Désormais, je vous écris dans la langue de votre Slack."
    run_ritual(bot, "checkin", now=TUESDAY + timedelta(days=7))
    bot.settled()
    assert "Point hebdo · 2026-W49" in texts(standin.messages(FRENCH)[-1])
