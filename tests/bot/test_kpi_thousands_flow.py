"""`kpi 12,480` sent by owners in Slack: stored with the KPI's scale or the owner's own
language, asked about with buttons when neither says — never stored wrong."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import CheckIn, Initiative
from tests.blockkit import texts
from tests.factories import seed
from tests.slackbot import PEOPLE

FRENCH, ENGLISH, UNKNOWN, SCALED = "U0OWNER01", "U0OWNER02", "U0OWNER03", "U0OWNER04"


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    """The stand-in workspace, where Slack knows two owners' locales and not the others'."""
    users = {k: dict(v) for k, v in PEOPLE.items()}
    users[FRENCH]["locale"], users[ENGLISH]["locale"] = "fr-FR", "en-US"
    with SlackStandIn(users=users) as fake:
        yield fake


def kpi_of(bot: LocalBot, title: str) -> float | None:
    ids = {i.title: i.id for i in bot.rows(Initiative)}
    [checkin] = [c for c in bot.rows(CheckIn) if c.is_current and c.initiative_id == ids[title]]
    return checkin.kpi_value


def test_twelve_comma_four_eighty_is_read_by_scale_then_locale_and_otherwise_asked(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    unscaled = {"kpi_target": None, "kpi_baseline": None, "kpi_unit": ""}
    seed(
        bot.engine,
        {"title": "Ventes Sud", "owner": FRENCH, **unscaled},
        {"title": "Sales North", "owner": ENGLISH, **unscaled},
        {"title": "Ventes Est", "owner": UNKNOWN, **unscaled},
        {"title": "Doublons", "owner": SCALED, "kpi_target": 15000.0, "kpi_name": "Fiches"},
        {"title": "Délais", "owner": ENGLISH, "kpi_target": 12.0} | {"kpi_name": "Délai"},
    )

    for owner in (FRENCH, UNKNOWN, SCALED):
        bot.dm(owner, "vert, kpi 12,480")
    bot.settled()
    bot.dm(ENGLISH, "Sales North: on track, kpi 12,480. Délais: on track, kpi 12,480")
    bot.settled()

    assert kpi_of(bot, "Ventes Sud") == 12.48  # French: the comma is decimal
    assert kpi_of(bot, "Sales North") == 12480  # English: it groups thousands
    assert kpi_of(bot, "Doublons") == 12480  # a target of 15,000: thousands, in any language
    assert kpi_of(bot, "Délais") == 12.48  # a KPI around 12, though the owner writes English

    # nothing says which for the owner whose language Slack does not give: asked, not stored
    assert kpi_of(bot, "Ventes Est") is None
    question = standin.messages(UNKNOWN)[-1]
    shown = texts(question)
    assert "12.48" in shown or "12,48" in shown
    assert "12,480" in shown or "12 480" in shown or "12480" in shown
    assert '"type": "button"' in json.dumps(question)
