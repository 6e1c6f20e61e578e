"""The scorecard where people read it: a digest's top message gains a line per perspective
(health indicators read from their source before the digest, or set by a CMO, and the
committee's initiatives' KPIs), and the CMO's Home a scorecard section."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.services.scorecard import scorecard_of, set_indicator
from rituals.models import IndicatorReading
from tests.blockkit import texts
from tests.bot.test_home import open_home, shown
from tests.conftest import TUESDAY
from tests.factories import answer, seed
from tests.slackbot import CONFIG, bot_environ, run_ritual, running_bot

FRIDAY = TUESDAY + timedelta(days=3)
WEEK = "2026-W48"
INDICATORS = """
[indicators.dso]
title = "DSO"
perspective = "costs"
unit = "d"
target = 45
green = 50
amber = 60

[indicators.enps]
title = "eNPS"
perspective = "engagement"
target = 30
green = 20
amber = 0
source = "{hr}/enps.json#json:data.enps"

[indicators.incidents]
title = "Incident rate"
perspective = "safety"
unit = "%"
target = 1
better = "lower"
source = "{hr}/gone.csv#csv:B2"
"""
PERSPECTIVES = 'perspectives = ["sales", "quality", "costs", "delays", "engagement", "safety"]\n'


class _HR(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/enps.json":
            body, status = json.dumps({"data": {"enps": "24,5"}}).encode(), 200
        else:
            body, status = b"not here", 404
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def hr() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HR)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def scorecard_bot(folder: Path, standin: SlackStandIn, hr: str, language: str) -> LocalBot:
    environ = bot_environ(folder, standin, f"sqlite:///{folder / 'ritualbot.db'}", language)
    config = folder / "scorecard.toml"
    text = PERSPECTIVES + CONFIG.format(language=language) + INDICATORS.format(hr=hr)
    config.write_text(text, encoding="utf-8")
    environ["RITUALBOT_CONFIG"] = str(config)
    return running_bot(environ, standin, clock=lambda: TUESDAY)


@pytest.fixture
def english(tmp_path: Path, standin: SlackStandIn, hr: str) -> Iterator[LocalBot]:
    with scorecard_bot(tmp_path, standin, hr, "en") as running:
        yield running


@pytest.fixture
def french(tmp_path: Path, standin: SlackStandIn, hr: str) -> Iterator[LocalBot]:
    with scorecard_bot(tmp_path, standin, hr, "fr") as running:
        yield running


def quarter_of_kpis(bot: LocalBot) -> None:
    """Two comex initiatives under costs (one half way to its target, one there), one
    without a value under engagement, and an opscom one the comex digest does not count."""
    invoicing, billing, _, _ = seed(
        bot.engine,
        {"title": "Faster invoicing", "owner": "U0OWNER01", "perspective": "costs",
         "kpi_name": "Invoice delay", "kpi_baseline": 9.0, "kpi_target": 5.0},
        {"title": "Clean billing", "owner": "U0OWNER02", "perspective": "coûts",
         "kpi_name": "Billing errors", "kpi_baseline": 20.0, "kpi_target": 2.0},
        {"title": "Onboarding", "owner": "U0OWNER03", "perspective": "engagement"},
        {"title": "Plant costs", "owner": "U0OWNER04", "perspective": "costs",
         "committee": "opscom"},
    )  # fmt: skip
    assert invoicing.id and billing.id
    with bot.core.database.write() as session:
        session.add(answer(invoicing.id, WEEK, kpi_value=6.5))  # past 7, half way: amber
        session.add(answer(billing.id, "2026-W47", kpi_value=3.0))
        session.add(answer(billing.id, WEEK, kpi_value=2.0))  # at its target: green


def test_the_digest_top_message_shows_a_line_per_perspective(
    english: LocalBot, standin: SlackStandIn
) -> None:
    bot = english
    quarter_of_kpis(bot)
    set_indicator(bot.core.database, name="dso", value=52, at=TUESDAY, now=TUESDAY)

    run_ritual(bot, "digest", now=FRIDAY)
    bot.settled()

    top = texts(standin.messages("C0COMEX01")[0])
    assert ":bar_chart: *Scorecard*" in top
    assert "*Costs*: DSO 52 d 🟠 · 2 initiatives 🟢 1 · 🟠 1" in top  # opscom's not counted
    assert "*Engagement*: eNPS 24.5 🟢 · 1 initiative ⚪ 1" in top  # read from its source
    assert "*Safety*: Incident rate no value ⚪" in top  # its source answered 404
    assert "Sales" not in top  # a perspective with nothing to show is left out
    readings = {r.name: (r.value, r.error, r.period) for r in bot.rows(IndicatorReading)}
    assert readings["enps"] == (24.5, None, WEEK)
    assert readings["incidents"] == (None, "HTTP 404", WEEK)

    posted = len(standin.messages("C0COMEX01"))
    run_ritual(bot, "digest", now=FRIDAY + timedelta(hours=1))  # the same week again
    bot.settled()
    assert len(standin.messages("C0COMEX01")) == posted
    sourced = [r for r in bot.rows(IndicatorReading) if r.origin == "source"]
    assert len(sourced) == 2  # one reading per indicator and week, the latest

    opscom = texts(standin.messages("C0OPSCOM1")[0])
    assert "*Costs*: DSO 52 d 🟠 · 1 initiative ⚪ 1" in opscom


def test_french_readers_get_french_titles_and_numbers(
    french: LocalBot, standin: SlackStandIn
) -> None:
    quarter_of_kpis(french)
    set_indicator(french.core.database, name="dso", value=52.5, at=TUESDAY, now=TUESDAY)
    run_ritual(french, "digest", now=FRIDAY)
    french.settled()
    top = texts(standin.messages("C0COMEX01")[0])
    assert ":bar_chart: *Tableau de bord*" in top
    assert "*Coûts* : DSO 52,5 d 🟠 · 2 initiatives 🟢 1 · 🟠 1" in top
    assert "*Engagement* : eNPS 24,5 🟢" in top
    assert "*Safety* : Incident rate sans valeur ⚪" in top  # the TOML's own word, capitalised


def test_the_cmo_s_home_has_the_scorecard_and_an_owner_s_has_not(english: LocalBot) -> None:
    bot = english
    quarter_of_kpis(bot)
    for days, value in ((21, 58.0), (14, 55.0), (7, 49.0)):
        at = TUESDAY - timedelta(days=days)
        set_indicator(bot.core.database, name="dso", value=value, at=at, now=at)

    home = shown(open_home(bot, "U0CMO0001"))
    assert "Scorecard by perspective" in home
    [dso] = [line for line in home.splitlines() if "*DSO*" in line]
    assert dso.startswith("• 🟢 *DSO*: 49 d · target 45 d · as of <!date^")
    assert dso.endswith(" · trend █▆▁")
    assert "• ⚪ *Incident rate*: no value · target 1 %" in home
    assert "• Initiatives' KPIs: 🟢 1 · 🟠 1 · ⚪ 1" in home  # every committee's

    owner = shown(open_home(bot, "U0OWNER01"))
    assert "Scorecard" not in owner


def test_the_dashboard_reads_the_same_scorecard(english: LocalBot) -> None:
    bot = english
    quarter_of_kpis(bot)
    set_indicator(bot.core.database, name="dso", value=61, at=TUESDAY, now=TUESDAY)
    found = scorecard_of(bot.core.database, bot.settings, now=TUESDAY)
    costs, engagement, safety = found.perspectives
    assert (costs.name, costs.title) == ("costs", "Costs")
    dso = costs.indicators[0]
    assert (dso.title, dso.value, dso.unit, dso.target, dso.level) == ("DSO", 61, "d", 45, "red")
    assert [(c.title, c.kpi, c.value, c.level, c.trend) for c in costs.kpis] == [
        ("Faster invoicing", "Invoice delay", 6.5, "amber", (6.5,)),
        ("Clean billing", "Billing errors", 2.0, "green", (3.0, 2.0)),
        ("Plant costs", "Délai moyen", None, "unknown", ()),  # opscom's too
    ]
    assert [c.title for c in engagement.indicators] == ["eNPS", "Onboarding"]
    assert [(c.title, c.level) for c in safety.indicators] == [("Incident rate", "unknown")]
