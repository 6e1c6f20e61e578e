"""The dashboard's test set-up: the bot with Sign in with Slack configured against the
stand-in's OpenID endpoints, a quarter of rows to look at, and a browser-less sign-in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import Engine
from sqlmodel import Session

from bot.dashboard.session import SESSION_COOKIE
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import Arbitration, Decision, Dependency, Escalation
from tests.factories import answer, seed
from tests.slackbot import bot_environ, write_config

# Named on the opscom initiative only (informed): sees it, and nothing of the comex.
INFORMED = "U0OWNER07"
STRANGER = "U0STRANGE"


# A health indicator of the scorecard, outside any initiative.
INDICATORS = """
[indicators.dso]
title = "Days sales outstanding"
perspective = "costs"
unit = "days"
target = 45
amber = 60
better = "lower"
"""


def dashboard_environ(folder: Path, standin: SlackStandIn, database_url: str) -> dict[str, str]:
    return bot_environ(folder, standin, database_url) | {
        "RITUALBOT_CONFIG": str(write_config(folder, extra=INDICATORS)),
        "SLACK_CLIENT_ID": standin.openid.client_id,
        "SLACK_CLIENT_SECRET": standin.openid.client_secret,
        "SLACK_OAUTH_URL": standin.oauth_url,
    }


def seed_quarter(engine: Engine) -> dict[str, int]:
    """Two comex initiatives and one opscom, eight weeks of answers, a decision, an
    escalation and an open poll; returns the initiatives' ids by short name."""
    erp, margin, onboarding = seed(
        engine,
        {
            "title": "ERP phase 2",
            "owner": "U0OWNER02",
            "accountable": "U0ACCT002",
            "kpi_name": "Sites migrated",
            "kpi_unit": "%",
            "kpi_baseline": 40.0,
            "kpi_target": 100.0,
        },
        {
            "title": "Price review <b>by segment</b>",
            "owner": "U0OWNER03",
            "due": date(2026, 11, 13),
        },
        {
            "title": "Onboarding",
            "owner": "U0OWNER01",
            "committee": "opscom",
            "informed": [INFORMED],
        },
    )
    assert erp.id and margin.id and onboarding.id
    rows: list[object] = []
    for n in range(8):
        week = f"2026-W{41 + n}"
        at = datetime(2026, 10, 6, 9, tzinfo=UTC) + timedelta(weeks=n)
        status = "on_track" if n < 5 else "at_risk"
        rows.append(
            answer(
                erp.id,
                week,
                at=at,
                status=status,
                progress=10 * n,
                kpi_value=40.0 + 6 * n,
                author="U0OWNER02",
                raw_text=f"week {n}: {status} {10 * n}% kpi {40 + 6 * n}",
            )
        )
        rows.append(
            answer(
                margin.id,
                week,
                at=at,
                status="off_track",
                kpi_value=5.0 + n / 2,
                author="U0OWNER03",
                blockers="waiting for <script>data</script>",
                raw_text="rouge, bloqué par <script>alert(1)</script>",
            )
        )
        rows.append(
            answer(
                onboarding.id,
                week,
                at=at,
                status="on_track",
                kpi_value=9.0 - n / 2,
                author="U0OWNER01",
                raw_text="vert",
            )
        )
    decided = datetime(2026, 11, 19, 10, tzinfo=UTC)
    rows.append(
        Decision(
            committee="comex",
            initiative_id=erp.id,
            question="ERP go-live: January or March?",
            decision="March",
            rationale="Stock count in February",
            decided_by="U0CMO0001",
            follow_up_owner="U0OWNER02",
            due=date(2026, 12, 4),
            decided_at=decided,
        )
    )
    rows.append(
        Decision(
            committee="opscom",
            initiative_id=onboarding.id,
            question="Buddy system?",
            decision="Yes",
            decided_by="U0CMO0001",
            decided_at=decided,
            carried_out=True,
        )
    )
    rows.append(
        Escalation(
            initiative_id=margin.id,
            cause="off_track",
            level=2,
            opened_at=decided,
            raised_at=decided,
        )
    )
    rows.append(
        Arbitration(
            committee="comex",
            question="Hire an external recruiter?",
            options=["Yes", "No"],
            created_by="U0CMO0001",
            created_at=decided,
            deadline=decided + timedelta(days=30),
        )
    )
    rows.append(
        Dependency(
            dependent_id=erp.id,
            provider_id=margin.id,
            needed_by=date(2026, 12, 1),
            state="accepted",
            created_at=decided,
        )
    )
    with Session(engine) as session:
        session.add_all(rows)
        session.commit()
    return {"erp": erp.id, "margin": margin.id, "onboarding": onboarding.id}


@contextmanager
def sign_in(bot: LocalBot, standin: SlackStandIn, user: str) -> Iterator[httpx.Client]:
    """A browser-less client signed in as `user` through the stand-in's OpenID endpoints."""
    standin.openid.user = user
    with httpx.Client(base_url=str(bot.http.base_url), follow_redirects=True, timeout=10) as client:
        answer = client.get("/auth/login")
        assert answer.status_code in (200, 403), answer.text
        assert client.cookies.get(SESSION_COOKIE), "no session after signing in"
        yield client
