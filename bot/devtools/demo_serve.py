"""`ritualbot demo --serve`: the sample roadmap with a quarter of weekly answers, decisions,
escalations and a poll, and the dashboard served on localhost, the stand-in Slack playing
Sign in with Slack as the demo CMO — a dashboard to look at with no Slack workspace."""

from __future__ import annotations

import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from pydantic import SecretStr
from sqlmodel import Session, col, select

from bot.app import Bot, build
from bot.devtools.demo import PARIS, PEOPLE, SAMPLES, demo_settings
from bot.devtools.standin import SlackStandIn
from bot.services.roadmap import import_roadmap
from bot.services.scorecard import set_indicator
from bot.settings import Indicator, Settings
from bot.web.server import ServerThread, make_server
from rituals.models import Arbitration, CheckIn, Decision, Escalation, Initiative
from rituals.periods import following

CMO = "U0CMO0001"
NOW = datetime(2026, 11, 27, 17, 0, tzinfo=PARIS)  # Friday of 2026-W48, late in 2026-Q4
FIRST_WEEK, WEEKS = "2026-W40", 9
# Each sample initiative's quarter: (status per week, KPI from → to, what the owner wrote).
# Each sample initiative's quarter: (status per week, share of the way from baseline to
# target reached by the end, what the owner wrote).
STORIES: dict[int, tuple[str, float, str]] = {
    0: ("GGGGAAAGG", 0.6, "{status}, {progress}%, kpi {kpi}: rolled out in {n} teams"),
    1: ("GGGAAARRA", 0.4, "{status} {progress}% kpi {kpi} — bloqué par le juridique"),
    2: ("AAARRRRRR", 0.15, "rouge, bloqué par les données du contrôle de gestion"),
    3: ("GGGGGGGGG", 0.9, "on track, {progress}%, KPI at {kpi}"),
}
WORDS = {"G": "on_track", "A": "at_risk", "R": "off_track"}
SAID = {"G": "green", "A": "amber", "R": "red"}


@contextmanager
def demo_dashboard(language: str = "en", port: int = 0) -> Iterator[str]:
    """The demo's dashboard served on localhost until the block ends; yields its address."""
    users = {
        user: {"real_name": name, "email": email, "tz": "Europe/Paris"}
        for user, (name, email) in PEOPLE.items()
    }
    with (
        tempfile.TemporaryDirectory(prefix="ritualbot-demo-") as folder,
        SlackStandIn(users=users) as standin,
    ):
        standin.openid.user = CMO
        bot = build(dashboard_settings(Path(folder), standin, language), now=lambda: NOW)
        server = None
        try:
            fill_quarter(bot)
            server = ServerThread(
                make_server(bot.web(None), host="127.0.0.1", port=port, threads=8)
            )
            server.start()
            yield f"http://127.0.0.1:{server.port}/"
        finally:
            if server is not None:
                server.stop()
            bot.stop()


def serve_demo(language: str = "en", port: int = 8000, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    with demo_dashboard(language, port) as url:
        print(
            f"ritualbot dashboard: {url}auth/login (signed in as Claire Moreau, the CMO)",
            file=out,
            flush=True,
        )
        print("Ctrl-C stops it; nothing is kept.", file=out, flush=True)
        with suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


# The health indicators a CMO watches outside any initiative: (title, perspective, unit,
# target, amber, better, the values of the quarter's last weeks).
INDICATORS: dict[str, tuple[str, str, str, float, float, str, tuple[float, ...]]] = {
    "pipeline": ("Pipeline coverage", "sales", "×", 3, 2.5, "higher", (2.4, 2.6, 2.9, 3.1)),
    "incidents": (
        "Customer incidents per 1,000 orders",
        "quality",
        "",
        4,
        6,
        "lower",
        (7.2, 6.8, 6.1, 5.4),
    ),
    "dso": ("Days sales outstanding", "costs", "days", 45, 55, "lower", (58, 57, 59, 61)),
    "on_time": ("Orders delivered on time", "delays", "%", 95, 90, "higher", (91, 93, 94, 96)),
    "enps": ("Employee NPS", "engagement", "", 20, 10, "higher", (12, 14, 15, 18)),
}


def dashboard_settings(folder: Path, standin: SlackStandIn, language: str) -> Settings:
    settings = demo_settings(folder, standin, language)
    indicators = {
        name: Indicator(title=title, perspective=perspective, unit=unit, target=target,
                        amber=amber, better=better)
        for name, (title, perspective, unit, target, amber, better, _) in INDICATORS.items()
    }  # fmt: skip
    return settings.model_copy(
        update={
            "config": settings.config.model_copy(update={"indicators": indicators}),
            "client_id": standin.openid.client_id,
            "client_secret": SecretStr(standin.openid.client_secret),
            "oauth_url": standin.oauth_url,
        }
    )


def fill_quarter(bot: Bot) -> None:
    """The sample roadmap, then nine weeks of answers as the owners might have written them."""
    start = datetime(2026, 9, 28, 9, 0, tzinfo=PARIS)
    text = (SAMPLES / "roadmap_en.csv").read_text(encoding="utf-8")
    import_roadmap(
        engine=bot.database.engine,
        client=bot.client,
        text=text,
        committees=tuple(bot.settings.config.committees),
        default_quarter="2026-Q4",
        now=start,
    )
    with Session(bot.database.engine) as session:
        initiatives = list(session.exec(select(Initiative).order_by(col(Initiative.id))))
        rows: list[Any] = []
        for n, initiative in enumerate(initiatives):
            assert initiative.id is not None
            rows += _answers(initiative, *STORIES[n % len(STORIES)], start)
        erp, margin = initiatives[1], initiatives[2]
        assert erp.id is not None and margin.id is not None
        decided = datetime(2026, 11, 19, 11, 0, tzinfo=UTC)
        rows += [
            Decision(
                committee="comex",
                initiative_id=erp.id,
                question="ERP go-live: January or March?",
                decision="B. March",
                rationale="Stock count in February; no go-live during the count.",
                decided_by=CMO,
                follow_up_owner="U0OWNER02",
                due=date(2026, 12, 4),
                decided_at=decided,
                tally={"voted": 2, "members": 3},
            ),
            Decision(
                committee="opscom",
                question="One onboarding checklist for every site?",
                decision="Yes, from January",
                decided_by=CMO,
                follow_up_owner="U0OWNER01",
                due=date(2026, 11, 30),
                decided_at=decided - timedelta(days=20),
            ),
            Decision(
                committee="comex",
                initiative_id=margin.id,
                question="Raise prices on segment C?",
                decision="Deferred",
                deferred=True,
                decided_by=CMO,
                decided_at=decided - timedelta(days=35),
            ),
            Escalation(
                initiative_id=margin.id,
                cause="off_track",
                level=3,
                opened_at=decided - timedelta(days=21),
                raised_at=decided,
            ),
            Escalation(
                initiative_id=erp.id, cause="blocked", level=2, opened_at=decided, raised_at=decided
            ),
            Arbitration(
                committee="comex",
                question="Hire an external recruiter for Q1?",
                options=["Yes", "No"],
                created_by=CMO,
                created_at=decided,
                deadline=NOW + timedelta(days=2),
            ),
        ]
        session.add_all(rows)
        session.commit()
    for name, (*_, values) in INDICATORS.items():
        for back, value in enumerate(reversed(values)):
            at = NOW - timedelta(weeks=back, hours=1)
            set_indicator(bot.database, name=name, value=value, at=at, now=at)


def _answers(
    initiative: Initiative, story: str, reach: float, said: str, start: datetime
) -> list[Any]:
    rows: list[Any] = []
    week = FIRST_WEEK
    low = initiative.kpi_baseline or 0.0
    high = initiative.kpi_target if initiative.kpi_target is not None else low + 10
    for n, letter in enumerate(story[:WEEKS]):
        kpi = round(low + (high - low) * reach * (n + 1) / len(story), 1)
        progress = min(100, 11 * (n + 1))
        text = said.format(status=SAID[letter], progress=progress, kpi=kpi, n=n + 1)
        rows.append(
            CheckIn(
                initiative_id=initiative.id or 0,
                period=week,
                status=WORDS[letter],
                progress=progress,
                kpi_value=kpi,
                raw_text=text,
                source="message",
                author=initiative.owner,
                blockers="legal review" if "juridique" in text else None,
                submitted_at=start + timedelta(weeks=n, hours=2),
            )
        )
        week = following(week)
    initiative.status = WORDS[story[WEEKS - 1]]
    rows.append(initiative)
    return rows
