"""`ritual run digest`: each committee gets a valid top message and its detail in the thread,
showing every initiative, the missing answers and the week's changes; also at 300."""

from __future__ import annotations

from datetime import timedelta

import pytest
from slack_sdk.models.blocks import Block
from sqlmodel import Session

from bot.digest_render import check_message
from bot.jobs import run_ritual
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import CheckIn, Initiative
from tests.bot.test_checkin_flow import texts
from tests.conftest import TUESDAY

FRIDAY = TUESDAY + timedelta(days=3, hours=6)


def roadmap(bot: LocalBot, count: int) -> list[Initiative]:
    with Session(bot.deps.engine, expire_on_commit=False) as session:
        rows = [
            Initiative(
                title=f"Initiative {n:03d}",
                owner=f"U0OWNER0{n % 9 + 1}",
                quarter="2026-Q4",
                committee="comex",
                kpi_name="Lead time",
                kpi_unit="days",
                kpi_target=5.0,
            )
            for n in range(count)
        ]
        session.add_all(rows)
        session.flush()
        for n, row in enumerate(rows):
            if n % 3:  # two in three answered this week and last week
                for period, status, kpi in (
                    ("2026-W47", "on_track", 9.0),
                    ("2026-W48", "off_track" if n % 2 else "on_track", 7.5),
                ):
                    session.add(
                        CheckIn(
                            initiative_id=row.id or 0,
                            period=period,
                            status=status,
                            progress=40,
                            kpi_value=kpi,
                            source="message",
                            author=row.owner,
                            blockers="legal review" if n == 1 else None,
                        )
                    )
        session.commit()
    return rows


@pytest.mark.parametrize("count", [1, 30, 300])
def test_each_committee_gets_a_valid_digest_showing_every_initiative(
    bot: LocalBot, standin: SlackStandIn, count: int
) -> None:
    initiatives = roadmap(bot, count)
    result = run_ritual(bot.deps, "digest", now=FRIDAY)
    run_ritual(bot.deps, "digest", now=FRIDAY + timedelta(hours=1))  # nothing twice
    bot.settled(timeout=30)
    posted = standin.calls("chat.postMessage")
    assert len(posted) == result.queued  # opscom has no initiative: no digest, no noise
    comex = [c for c in posted if c.response["channel"] == "C0COMEX01"]
    assert comex == posted
    top, *thread = comex
    assert all(c.params.get("thread_ts") == top.response["ts"] for c in thread)
    for call in comex:
        message = {k: call.params[k] for k in ("text", "blocks")}
        check_message(message)
        for block in message["blocks"]:
            assert Block.parse(block).to_dict() == block
    detail = "\n".join(texts(c.params) for c in thread)
    for initiative in initiatives:
        assert detail.count(initiative.title) >= 1, initiative.title
    assert "2026-W48" in texts(top.params)
    if count >= 3:
        assert "legal review" in detail
