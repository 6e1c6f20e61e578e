"""`ritualbot noise report`: what each person got, week by week, as Slack received it — a
silent owner climbing the escalation ladder, an owner who answers every week, their
accountable — and the one mention a channel post makes (the top level of an escalation)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.__main__ import main
from bot.devtools.standin import SlackStandIn
from rituals.periods import week_of
from tests.blockkit import texts
from tests.factories import Clock, seed
from tests.slackbot import bot_environ, run_ritual, running_bot

PARIS = ZoneInfo("Europe/Paris")
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=PARIS)  # 2026-W48
SILENT, TALKER, ACCOUNTABLE = "U0OWNER01", "U0OWNER02", "U0ACCT001"
WEEKS = 5


def unsolicited(standin: SlackStandIn, user: str) -> int:
    """The DMs Slack got for `user` that do not answer something the person did."""
    channel = standin.dm_channel(user)
    return sum(
        1
        for call in standin.calls("chat.postMessage")
        if call.response.get("channel") == channel and "Update recorded" not in texts(call.params)
    )


def test_the_report_counts_each_person_s_dms_and_mentions_week_by_week(
    tmp_path: Path,
    standin: SlackStandIn,
    sqlite_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    environ = bot_environ(tmp_path, standin, sqlite_url)
    clock = Clock(MONDAY)
    seen: dict[str, Counter[str]] = {user: Counter() for user in (SILENT, TALKER, ACCOUNTABLE)}
    with running_bot(environ, standin, clock=clock) as bot:
        seed(
            bot.engine,
            {"title": "ERP phase 2", "owner": SILENT},
            {"title": "Supplier lead time", "owner": TALKER},
            {"title": "Pricing review", "owner": TALKER},
            accountable=ACCOUNTABLE,
            due=None,
        )
        for n in range(WEEKS):
            monday = MONDAY + timedelta(weeks=n)
            week = week_of(monday, PARIS)
            before = {user: unsolicited(standin, user) for user in seen}
            clock.now = monday
            run_ritual(bot, "checkin", now=monday)
            bot.settled()
            clock.now = monday + timedelta(hours=2)
            bot.dm(TALKER, "Supplier: vert 50 %\nPricing: orange 30 %")
            run_ritual(bot, "escalation", now=monday + timedelta(days=1))
            run_ritual(bot, "reminder", now=monday + timedelta(days=2))
            bot.settled()
            for user in seen:
                seen[user][week] = unsolicited(standin, user) - before[user]

    for key, value in environ.items():  # the command reads the same settings, offline
        monkeypatch.setenv(key, value)
    assert main(["noise", "report", "--weeks", str(WEEKS), "--until", "2026-W52"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[-WEEKS - 2]: line.split()[-WEEKS - 1 :] for line in out.splitlines()[2:]}
    weeks = [week_of(MONDAY + timedelta(weeks=n), PARIS) for n in range(WEEKS)]
    for user, counts in seen.items():
        shown = rows[user][:WEEKS]
        assert [int(cell.split("@")[0]) for cell in shown] == [counts[w] for w in weeks], user
    # the silent owner gets the prompt and the reminder, the warning riding on the reminder
    assert max(seen[SILENT].values()) == 2 and max(seen[TALKER].values()) == 1
    assert sum(seen[ACCOUNTABLE].values()) >= 1, "the accountable was told, once"
    # the escalation channel named the accountable at the top level, once, in the last week
    assert rows[ACCOUNTABLE][WEEKS - 1].endswith("@1")
    assert "Mentions in channel posts: 1 (escalation 1)" in out
    assert "Marc Leroy" in out, "people shown by name"
    assert "Closest to the budget: Owner 1 (2 in 2026-W52)" in out
