"""`ritual run digest` end to end: each committee with initiatives gets one top message that
counts every initiative and at most five thread messages that name what needs attention (no
update, off track, blocked), naming owners without pinging them; nothing twice; also at 300."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import Session

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.services.digest import DigestRitual
from rituals.models import Absence, CheckinPrompt, Initiative
from tests.blockkit import check_message, texts
from tests.conftest import TUESDAY
from tests.factories import answer, seed
from tests.slackbot import run_ritual

FRIDAY = TUESDAY + timedelta(days=3, hours=6)
THREAD_MAX = 5


def roadmap(bot: LocalBot, count: int) -> list[Initiative]:
    """`count` initiatives of comex: one in three without any answer; the others answered
    last week on track and this week on track (even) or off track (odd); #001 is blocked."""
    rows = seed(
        bot.engine,
        *({"title": f"Initiative {n:03d}", "owner": f"U0OWNER0{n % 9 + 1}"} for n in range(count)),
        kpi_name="Lead time",
        kpi_unit="days",
        kpi_target=5.0,
    )
    with Session(bot.engine) as session:
        for n, row in enumerate(rows):
            if n % 3 == 0:
                continue
            assert row.id is not None
            for period, status in (
                ("2026-W47", "on_track"),
                ("2026-W48", "off_track" if n % 2 else "on_track"),
            ):
                session.add(
                    answer(
                        row.id,
                        period,
                        status=status,
                        progress=40,
                        kpi_value=7.5,
                        author=row.owner,
                        blockers="legal review" if n == 1 else None,
                    )
                )
        session.commit()
    return rows


@pytest.mark.parametrize("count", [1, 30, 300])
def test_each_committee_gets_a_digest_counting_everything_and_naming_what_needs_attention(
    bot: LocalBot, standin: SlackStandIn, count: int
) -> None:
    initiatives = roadmap(bot, count)
    result = run_ritual(bot, "digest", now=FRIDAY)
    again = run_ritual(bot, "digest", now=FRIDAY + timedelta(hours=1))
    bot.settled(timeout=30)
    assert again.queued == 0  # nothing twice
    posted = standin.calls("chat.postMessage")
    assert len(posted) == result.queued  # opscom has no initiative: no digest, no noise
    assert {c.response["channel"] for c in posted} == {"C0COMEX01"}
    top, *thread = posted
    assert 1 <= len(thread) <= THREAD_MAX, "one top message, at most five in its thread"
    assert all(c.params.get("thread_ts") == top.response["ts"] for c in thread)
    for call in posted:
        check_message({k: call.params[k] for k in ("text", "blocks")})
        assert "<@" not in texts(call.params), "a digest names people, it pings nobody"

    silent = [i for n, i in enumerate(initiatives) if n % 3 == 0]
    off_track = [i for n, i in enumerate(initiatives) if n % 3 and n % 2]
    steady = [i for n, i in enumerate(initiatives) if n % 3 and not n % 2]
    summary = texts(top.params)
    assert "2026-W48" in summary
    assert f"*{count} initiative{'s' if count > 1 else ''}*" in summary  # every one counted
    assert f"Off track *{len(off_track)}*" in summary and f"On track *{len(steady)}*" in summary
    assert f"*{len(silent)}* of {count} updates missing this week" in summary

    detail = "\n".join(texts(c.params) for c in thread)
    for initiative in silent + off_track:  # every exception named…
        assert detail.count(f"*{initiative.title}*") == 1, initiative.title
    for initiative in steady:  # …and what goes as planned only counted
        assert f"*{initiative.title}*" not in detail, initiative.title
    assert "Owner 1" in detail, "owners are named by their display name"
    if count >= 3:
        assert "legal review" in detail


def test_a_week_skipped_and_an_owner_away_are_counted_apart_not_as_missing(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    """Five owners this week: one answers, one clicks Skip this week, one is away before the
    check-in (nobody is asked), one goes away after it, one stays silent."""
    owners = [f"U0OWNER0{n}" for n in range(1, 6)]
    seed(bot.engine, *((f"Initiative {n}", owner) for n, owner in enumerate(owners, start=1)))
    bot.command(owners[3], "/checkin", "away until 2026-12-15")
    run_ritual(bot, "checkin", now=TUESDAY)
    bot.settled()
    bot.dm(owners[0], "green 50%")
    [prompt] = standin.messages(owners[1])
    bot.click(owners[1], prompt, "checkin_skip")
    bot.command(owners[4], "/checkin", "away until 2026-12-01")
    bot.settled()

    run_ritual(bot, "digest", now=FRIDAY)
    bot.settled()
    top, *thread = [
        call.params
        for call in standin.calls("chat.postMessage")
        if call.response["channel"] == "C0COMEX01"
    ]
    assert "*1* of 5 updates missing this week · 1 skipped · 2 away" in texts(top)
    detail = "\n".join(texts(reply) for reply in thread)
    assert "No update this week* (1)" in detail and "*Initiative 3*" in detail
    for excused in ("Initiative 2", "Initiative 4", "Initiative 5"):
        assert excused not in detail, f"{excused} is counted, not named"


def test_the_digest_reads_the_same_number_of_statements_at_any_committee_size(
    bot: LocalBot,
) -> None:
    """Skips and absences are read in one query each: ten or four hundred initiatives, the
    same statements."""
    ritual = DigestRitual(bot.core.database, bot.core.settings, bot.core.readers, bot.core.people)

    def statements(count: int, committee: str) -> int:
        rows = seed(
            bot.engine,
            *({"title": f"{committee} {n}", "owner": f"U0OWNER0{n % 9 + 1}"} for n in range(count)),
            committee=committee,
        )
        with Session(bot.engine) as session:
            for n, row in enumerate(rows):
                assert row.id is not None
                if n % 3 == 0:
                    session.add(answer(row.id, "2026-W48", status="on_track"))
                elif n % 3 == 1:
                    session.add(
                        CheckinPrompt(
                            initiative_id=row.id,
                            period="2026-W48",
                            owner=row.owner,
                            recipient=row.owner,
                            message_key=f"prompt:{n}",
                            created_at=TUESDAY,
                            skipped_at=TUESDAY,
                        )
                    )
            session.add(
                Absence(
                    user="U0OWNER03", since=TUESDAY.date(), until=FRIDAY.date(), created_at=TUESDAY
                )
            )
            session.commit()
        seen: list[str] = []
        reader = threading.get_ident()

        def count_one(*args: Any) -> None:
            if threading.get_ident() == reader:  # not the running bot's own workers
                seen.append(args[2])

        event.listen(bot.engine, "before_cursor_execute", count_one)
        try:
            with Session(bot.engine) as session:
                found = ritual.committee_digest(session, committee, now=FRIDAY)
        finally:
            event.remove(bot.engine, "before_cursor_execute", count_one)
        assert len(found.lines) == count and found.skipped and found.away
        return len(seen)

    assert statements(10, "comex") == statements(400, "opscom")
