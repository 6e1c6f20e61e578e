"""Links from Slack to the dashboard: with `public_url` configured, the digest, the
escalations and the Home tab carry a line to the matching page, in the messages they send
anyway (no message more); without it, no link."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from tests.conftest import TUESDAY
from tests.dashboards import dashboard_environ, seed_quarter
from tests.slackbot import CONFIG, running_bot

FRIDAY = TUESDAY + timedelta(days=3, hours=6)
PUBLIC = "https://dash.example.com"


@pytest.fixture
def linked(tmp_path: Path, standin: SlackStandIn, sqlite_url: str) -> Iterator[LocalBot]:
    environ = dashboard_environ(tmp_path, standin, sqlite_url)
    config = tmp_path / "public.toml"
    config.write_text(f'public_url = "{PUBLIC}"\n' + CONFIG.format(language="en"), "utf-8")
    environ["RITUALBOT_CONFIG"] = str(config)
    with running_bot(environ, standin, clock=lambda: FRIDAY) as running:
        running.ids = seed_quarter(running.engine)  # type: ignore[attr-defined]
        yield running


def _said(params: dict) -> str:
    return json.dumps(params.get("blocks") or params.get("view") or {})


def test_the_digest_links_each_committee_to_its_page(linked: LocalBot) -> None:
    linked.core.rituals.run("digest", now=FRIDAY)
    linked.settled()
    tops = [
        c.params for c in linked.standin.calls("chat.postMessage") if not c.params.get("thread_ts")
    ]
    comex = next(p for p in tops if p["channel"] == "C0COMEX01")
    assert f"{PUBLIC}/committees/comex" in _said(comex)
    opscom = next(p for p in tops if p["channel"] == "C0OPSCOM1")
    assert f"{PUBLIC}/committees/opscom" in _said(opscom)


def test_the_home_tab_links_to_the_dashboard(linked: LocalBot) -> None:
    before = len(linked.standin.calls("views.publish"))
    linked.event(
        {
            "type": "app_home_opened",
            "user": "U0CMO0001",
            "channel": linked.standin.dm_channel("U0CMO0001"),
            "event_ts": f"{time.time():.6f}",
            "tab": "home",
        }
    )
    linked.settled()
    published = linked.standin.calls("views.publish")[before:]
    assert len(published) == 1
    assert f"{PUBLIC}/" in _said(published[0].params)


def test_escalations_link_to_the_initiatives_page(linked: LocalBot) -> None:
    ids = linked.ids  # type: ignore[attr-defined]
    for day in range(0, 15, 7):  # the ladder climbs a level a week
        linked.core.rituals.run("escalation", now=FRIDAY + timedelta(days=day))
    linked.settled()
    sent = [_said(c.params) for c in linked.standin.calls("chat.postMessage")]
    pages = {f"{PUBLIC}/initiatives/{n}" for n in ids.values()}
    assert any(page in text for text in sent for page in pages), "no escalation links its page"


def test_without_a_public_url_nothing_links(bot: LocalBot) -> None:
    from tests.factories import seed

    seed(bot.engine, ("ERP phase 2", "U0OWNER02"))
    bot.core.rituals.run("digest", now=FRIDAY)
    bot.settled()
    assert all("/committees/" not in _said(c.params) for c in bot.standin.calls("chat.postMessage"))
