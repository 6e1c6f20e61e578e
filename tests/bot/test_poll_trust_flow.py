"""Polls a committee trusts, end to end through signed requests and the stand-in Slack: the
secret ballot that nothing stored can tie to a voter, the hidden tally, working-day
deadlines, the one nudge inside the noise budget, and the quorum."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.services import exports
from rituals.ballot import voter_key
from rituals.models import Arbitration, Decision, FoldedNotice, InboxItem, OutboxMessage, Vote
from tests.blockkit import texts
from tests.conftest import PARIS
from tests.factories import seed
from tests.slackbot import CONFIG, bot_environ, run_ritual, running_bot

CMO, CEO, CFO = "U0CMO0001", "U0CEO0001", "U0CFO0001"
COMEX = "C0COMEX01"
THURSDAY = datetime(2026, 11, 26, 17, 0, tzinfo=PARIS)  # week 2026-W48
FRIDAY = datetime(2026, 11, 27, 17, 0, tzinfo=PARIS)
MONDAY = datetime(2026, 11, 30, 17, 0, tzinfo=PARIS)


def configured(tmp_path: Path, standin: SlackStandIn, *, top: str = "", comex: str = "") -> dict:
    """The tests' environment, with top-level keys and keys of comex's table added."""
    environ = bot_environ(tmp_path, standin, f"sqlite:///{tmp_path / 'ritualbot.db'}")
    config = CONFIG.format(language="en").replace(
        "[committees.comex]\n", f"[committees.comex]\n{comex}\n"
    )
    Path(environ["RITUALBOT_CONFIG"]).write_text(top + "\n" + config, encoding="utf-8")
    return environ


@pytest.fixture
def thursday_bot(tmp_path: Path, standin: SlackStandIn) -> Iterator[LocalBot]:
    with running_bot(configured(tmp_path, standin), standin, clock=lambda: THURSDAY) as bot:
        yield bot


def poll_message(standin: SlackStandIn) -> dict:
    [message] = [m for m in standin.messages(COMEX) if "Committee comex" in texts(m)]
    return message


def said_privately(standin: SlackStandIn) -> list[str]:
    """What the bot answered through response URLs, in order, as the person reads it."""
    return [texts(call.params) for call in standin.calls("response_url")]


def every_row(bot: LocalBot) -> Iterator[tuple[str, str]]:
    """(table, the row as JSON) for every row of every table."""
    with bot.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for row in connection.execute(text(f'SELECT * FROM "{table.name}"')):
                yield table.name, json.dumps(list(row), default=str)


def test_a_secret_ballot_leaves_no_voter_tied_to_a_vote_in_tables_exports_or_logs(
    thursday_bot: LocalBot, standin: SlackStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    bot = thursday_bot
    caplog.set_level(logging.DEBUG)
    bot.command(CMO, "/arbitrate", "Hire a data engineer? | Yes | No --anonymous", channel=COMEX)
    bot.settled()
    assert "Secret ballot: nobody can tell who voted what" in said_privately(standin)[-1]
    [poll] = bot.rows(Arbitration)
    assert poll.anonymous and poll.ballot_secret is not None
    secret = poll.ballot_secret

    bot.click(CEO, poll_message(standin), "poll_vote_1")
    bot.click(CFO, poll_message(standin), "poll_vote_1")
    bot.click(CEO, poll_message(standin), "poll_vote_0")  # changes their mind
    bot.click(CEO, poll_message(standin), "poll_vote_0")  # the same again: one vote each
    bot.settled()
    receipts = said_privately(standin)[1:]
    assert [r.split("\n")[0] for r in receipts] == [
        "Your vote for *B. No* is counted.",
        "Your vote for *B. No* is counted.",
        "Your vote is now *A. Yes*.",
        "You already voted *A. Yes*: nothing changed.",
    ]
    assert "Secret ballot: your vote is stored under a code" in receipts[0]
    votes = bot.rows(Vote)
    assert sorted(v.voter for v in votes) == sorted(voter_key(secret, m) for m in (CEO, CFO))
    assert {v.voted_at for v in votes} == {poll.created_at}  # no click's time either
    shown = texts(poll_message(standin))
    assert "*1* vote" in shown and "2 of 3 members voted, 1 not yet" in shown

    bot.click(CMO, poll_message(standin), "poll_close")
    bot.settled()
    assert "*Result: a tie* between" in texts(poll_message(standin))
    assert bot.rows(Arbitration)[0].ballot_secret is None  # the key is gone with the poll
    [offer] = [m for m in standin.messages(CMO) if "decision_record" in json.dumps(m)]
    bot.click(CMO, offer, "decision_record")
    view = standin.calls("views.open")[-1].params["view"]
    bot.submit(CMO, view, {"decision": "option:0", "rationale": "Backlog of 9 weeks"})
    bot.settled()
    assert bot.rows(Decision)[0].tally["counts"] == [1, 1]

    voters = (CEO, CFO)
    for table, row in every_row(bot):
        if any(voter in row for voter in voters):  # a voter may be named, never with a vote
            assert "vote" not in row.lower() and "Yes" not in row and "No" not in row, (table, row)
    inbox = [json.dumps(r.model_dump(), default=str) for r in bot.rows(InboxItem)]
    assert not any(v in row for row in inbox for v in voters)
    ballots = [r for r in bot.rows(OutboxMessage) if r.key.startswith("ballot:")]
    assert len(ballots) == 4 and {r.payload["text"] for r in ballots} == {""}
    every_export = [
        exports.to_csv(exports.decision_rows(bot.engine), exports.DECISION_COLUMNS),
        exports.to_json(exports.decision_rows(bot.engine, for_csv=False)),
        exports.to_json(exports.checkin_rows(bot.engine)),
        exports.to_json(exports.escalation_rows(bot.engine)),
    ]
    assert not any(v in export for export in every_export for v in voters)
    logged = [record.getMessage() for record in caplog.records]
    tied = [line for line in logged if any(v in line for v in voters) and "vote" in line.lower()]
    assert logged and tied == []
    # without the destroyed key, trying every member finds none of the stored hashes
    for guess in (None, "", poll.question):
        keys = {voter_key(guess or "", m) for m in (CEO, CFO, CMO)}
        assert not keys & {v.voter for v in votes}


def test_a_hidden_poll_shows_turnout_only_until_it_closes(
    thursday_bot: LocalBot, standin: SlackStandIn
) -> None:
    bot = thursday_bot
    bot.command(CMO, "/arbitrate", "", channel=COMEX)
    view = standin.calls("views.open")[-1].params["view"]
    bot.submit(
        CMO,
        view,
        {
            "question": "Move the go-live to March?",
            "options": "Yes\nNo",
            "committee": "comex",
            "deadline": int((THURSDAY + timedelta(days=5)).timestamp()),
            "visibility": "names",
            "tally": ["hidden"],
        },
    )
    bot.settled()
    assert bot.rows(Arbitration)[0].hidden
    assert "you will see the turnout only" in said_privately(standin)[-1]
    bot.click(CEO, poll_message(standin), "poll_vote_0")
    bot.click(CFO, poll_message(standin), "poll_vote_0")
    bot.settled()
    shown = poll_message(standin)
    assert "2 of 3 have voted · the tally shows when the poll closes" in texts(shown)
    assert not any(f"*{n}* vote" in texts(shown) for n in range(3))  # no counts
    assert "█" not in texts(shown) and "Paul Durand" not in texts(shown)  # no bars, no names

    bot.click(CMO, shown, "poll_close")
    bot.settled()
    closed = texts(poll_message(standin))
    assert "*Result: A. Yes* with 2 of 2 votes." in closed and "Paul Durand" in closed
    assert "*2* votes" in closed


def test_a_48_hour_poll_opened_on_thursday_at_17_closes_on_monday_at_17(
    thursday_bot: LocalBot, standin: SlackStandIn
) -> None:
    bot = thursday_bot
    bot.command(CMO, "/arbitrate", "Q? | A | B --hidden", channel=COMEX)
    bot.settled()
    [poll] = bot.rows(Arbitration)
    assert poll.deadline == MONDAY and poll.hidden and not poll.anonymous
    assert f"<!date^{int(MONDAY.timestamp())}^" in said_privately(standin)[-1]
    assert bot.core.polls.close_due(MONDAY - timedelta(minutes=1)) == 0
    assert bot.rows(Arbitration)[0].closed_at is None
    bot.core.polls.close_due(MONDAY)
    assert bot.rows(Arbitration)[0].closed_at == MONDAY


def test_a_configured_holiday_does_not_count(tmp_path: Path, standin: SlackStandIn) -> None:
    environ = configured(tmp_path, standin, top='holidays = ["2026-11-27"]')
    with running_bot(environ, standin, clock=lambda: THURSDAY) as bot:
        bot.command(CMO, "/arbitrate", "Q? | A | B", channel=COMEX)
        bot.settled()
        [poll] = bot.rows(Arbitration)
        assert poll.deadline == MONDAY + timedelta(days=1)


def test_who_has_not_voted_is_nudged_once_a_working_day_before_inside_the_noise_budget(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    environ = configured(tmp_path, standin, top="")
    config = Path(environ["RITUALBOT_CONFIG"])
    config.write_text(config.read_text() + "\n[noise]\nweekly_dms = 1\n", encoding="utf-8")
    with running_bot(environ, standin, clock=lambda: THURSDAY) as bot:
        seed(bot.engine, ("ERP phase 2", CFO))
        run_ritual(bot, "checkin", now=datetime(2026, 11, 23, 9, 0, tzinfo=PARIS))
        run_ritual(bot, "reminder", now=datetime(2026, 11, 25, 9, 0, tzinfo=PARIS))
        bot.settled()
        before = len(standin.messages(CFO))  # her prompt and reminder: her week's budget
        bot.command(CMO, "/arbitrate", "Budget 2027? | Approve | Reject --anonymous", channel=COMEX)
        bot.settled()
        bot.click(CEO, poll_message(standin), "poll_vote_0")
        bot.settled()

        assert run_ritual(bot, "nudge", now=FRIDAY - timedelta(minutes=30)).queued == 0
        nudged = run_ritual(bot, "nudge", now=FRIDAY + timedelta(minutes=30))
        bot.settled()
        assert nudged.queued == 1  # the CMO; the CEO voted; the CFO's is folded
        [nudge] = [m for m in standin.messages(CMO) if "you have not voted yet" in texts(m)]
        assert "*Budget 2027?* of comex closes <!date^" in texts(nudge)
        assert "<#C0COMEX01>" in texts(nudge)
        assert not any("not voted" in texts(m) for m in standin.messages(CEO))
        assert len(standin.messages(CFO)) == before  # past her budget: nothing more this week
        [folded] = [f for f in bot.rows(FoldedNotice) if f.person == CFO]
        assert folded.key.startswith("poll-nudge:") and "Budget 2027?" in folded.text

        for later in (FRIDAY + timedelta(hours=2), MONDAY - timedelta(hours=1)):
            assert run_ritual(bot, "nudge", now=later).queued == 0  # never a second nudge
        bot.settled()
        assert len([m for m in standin.messages(CMO) if "not voted yet" in texts(m)]) == 1


def test_below_the_quorum_the_result_says_so_and_a_decision_taken_anyway_is_noted(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    environ = configured(tmp_path, standin, comex="quorum = 0.5")
    with running_bot(environ, standin, clock=lambda: THURSDAY) as bot:
        bot.command(CMO, "/arbitrate", "Open a Lyon office? | Yes | No", channel=COMEX)
        bot.settled()
        assert "Quorum: 2 votes" in texts(poll_message(standin))
        bot.click(CEO, poll_message(standin), "poll_vote_0")
        bot.settled()
        bot.core.polls.close_due(MONDAY)
        bot.settled()
        closed = texts(poll_message(standin))
        assert "*No quorum:* 1 of 3 voted, 2 needed. The decision is deferred" in closed
        [deferred] = bot.rows(Decision)
        assert deferred.deferred and deferred.no_quorum and deferred.decided_by == CMO

        [offer] = [m for m in standin.messages(CMO) if "decision_record" in json.dumps(m)]
        assert "*No quorum* (1 of 3 voted, 2 needed)" in texts(offer)
        bot.click(CMO, offer, "decision_record")
        view = standin.calls("views.open")[-1].params["view"]
        assert view["blocks"][1]["element"]["initial_option"]["value"] == "deferred"
        bot.submit(CMO, view, {"decision": "option:0", "rationale": "Lease expires"})
        bot.settled()
        [anyway] = bot.rows(Decision)
        assert (anyway.decision, anyway.deferred, anyway.no_quorum) == ("Yes", False, True)
        notice = standin.messages(COMEX)[-1]
        assert "Yes" in texts(notice) and "taken without quorum" in texts(notice)
        [row] = exports.decision_rows(bot.engine)
        assert row["no_quorum"] is True and row["decision"] == "Yes"


def test_home_knows_who_voted_in_a_secret_ballot_without_knowing_what(
    thursday_bot: LocalBot, standin: SlackStandIn
) -> None:
    bot = thursday_bot
    bot.command(CMO, "/arbitrate", "Budget 2027? | Approve | Reject --anonymous", channel=COMEX)
    bot.settled()
    bot.click(CEO, poll_message(standin), "poll_vote_1")
    bot.settled()
    seen = {user: texts(open_home(bot, user)) for user in (CEO, CFO)}
    assert "Budget 2027?" not in seen[CEO]  # voted: nothing owed
    assert "Budget 2027?" in seen[CFO]


def open_home(bot: LocalBot, user: str) -> dict:
    """The user opens the Home tab; the view Slack now shows them."""
    before = len(bot.standin.calls("views.publish"))
    bot.event(
        {
            "type": "app_home_opened",
            "user": user,
            "channel": bot.standin.dm_channel(user),
            "event_ts": "1796000000.000100",
            "tab": "home",
            "view": {"id": "V0HOME001", "type": "home", "blocks": [], "private_metadata": ""},
        }
    )
    bot.settled()
    published = bot.standin.calls("views.publish")[before:]
    return [c for c in published if c.params["user_id"] == user][-1].params["view"]
