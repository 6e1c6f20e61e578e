"""Arbitration end to end: /arbitrate, votes, closing, the decision log and the monthly
committee, through signed requests to the running bot and the stand-in Slack."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.services.exports import DECISION_COLUMNS, decision_rows, to_csv
from rituals.models import Arbitration, ArbitrationRequest, Decision, Vote
from tests.blockkit import texts
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import PEOPLE, bot_environ, run_ritual, running_bot, write_config

CMO, CEO, CFO = "U0CMO0001", "U0CEO0001", "U0CFO0001"
COMEX = "C0COMEX01"
BOARD = [f"U0M{n:06d}" for n in range(30)]
BOARD_NAMES = {member: f"Member {n:02d}" for n, member in enumerate(BOARD)}
BOARD_CONFIG = f"""
[committees.board]
channel = "C0BOARD01"
members = {json.dumps(BOARD)}
"""


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    """The stand-in workspace, where the board's members have names too."""
    board = {
        m: {"email": f"{m.lower()}@example.com", "real_name": n} for m, n in BOARD_NAMES.items()
    }
    with SlackStandIn(users=PEOPLE | board) as fake:
        yield fake


@pytest.fixture
def board_bot(tmp_path: Path, standin: SlackStandIn, database_url: str) -> Iterator[LocalBot]:
    """A bot whose 'board' committee has 30 members, on SQLite and on PostgreSQL."""
    environ = bot_environ(tmp_path, standin, database_url)
    write_config(tmp_path, extra=BOARD_CONFIG)
    with running_bot(environ, standin, clock=lambda: TUESDAY) as bot:
        yield bot


def poll_message(standin: SlackStandIn, channel: str = COMEX) -> dict:
    [message] = [
        m
        for m in standin.messages(channel)
        if "poll_close" in json.dumps(m) or "Result" in texts(m)
    ]
    return message


def ack_text(response) -> str:
    """What the command's acknowledgement says at once (a refusal, a mistake)."""
    body = response.json() if response.content else {}
    return body.get("text", "")


def told(standin: SlackStandIn) -> list[str]:
    """What the bot answered privately through response URLs, in order."""
    return [call.params["text"] for call in standin.calls("response_url")]


def test_the_cmo_puts_a_question_members_vote_the_cmo_closes_and_records_the_decision(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    response = bot.command(
        CMO,
        "/arbitrate",
        "Extend the ERP budget by 3 months? | Yes | No | Only 1 month",
        channel=COMEX,
    )
    assert response.status_code == 200
    bot.settled()
    [posted] = told(standin)  # privately, through the command's response URL
    assert "Poll posted in <#C0COMEX01>, closes <!date^" in posted
    poll = poll_message(standin)
    assert "Extend the ERP budget" in texts(poll)
    votes = [
        e
        for b in poll["blocks"]
        if b["type"] == "section" and "accessory" in b
        for e in [b["accessory"]]
    ]
    assert [v["text"]["text"] for v in votes] == ["Vote A", "Vote B", "Vote C"]
    assert "<!date^" in texts(poll) and "0 of 3 members voted, 3 not yet" in texts(poll)

    bot.click(CEO, poll, "poll_vote_0")
    bot.click(CFO, poll, "poll_vote_1")
    bot.click(CFO, poll, "poll_vote_0")  # changes her vote
    bot.click(CFO, poll, "poll_vote_0")  # the same again: nothing twice
    refused = bot.click("U0OWNER01", poll, "poll_vote_2")  # not a member of comex
    assert refused.status_code == 200
    bot.settled()
    replies = told(standin)[1:]
    assert replies == [
        "Your vote for *A. Yes* is counted.",
        "Your vote for *B. No* is counted.",
        "Your vote is now *A. Yes*.",
        "You already voted *A. Yes*: nothing changed.",
        "Only members of comex vote here; your click was not counted.",
    ]
    poll = poll_message(standin)
    # voters named by their display names, notifying nobody in the channel
    assert "*2* votes · Paul Durand Anne Petit" in texts(poll) and "<@" not in texts(poll)
    assert "2 of 3 members voted, 1 not yet" in texts(poll)
    assert sorted((v.voter, v.option) for v in bot.rows(Vote)) == [(CEO, 0), (CFO, 0)]

    bot.click(CEO, poll, "poll_close")  # only the CMO closes
    bot.click(CMO, poll, "poll_close")
    bot.settled()
    closed = poll_message(standin)
    assert "*Result: A. Yes* with 2 of 2 votes." in texts(closed)
    assert "poll_vote" not in json.dumps(closed) and "poll_close" not in json.dumps(closed)
    assert "Only the CMO can close a poll" in standin.calls("response_url")[-1].params["text"]

    [offer] = [m for m in standin.messages(CMO) if "decision_record" in json.dumps(m)]
    bot.click(CMO, offer, "decision_record")
    view = standin.calls("views.open")[-1].params["view"]
    assert view["callback_id"] == "decision_modal"
    assert view["blocks"][1]["element"]["initial_option"]["value"] == "option:0"
    filled = {
        "decision": "option:2",
        "rationale": "Cash is tight; one month to re-plan.",
        "follow_up": "U0OWNER02",
        "due": "2026-12-15",
    }
    forged = bot.submit(CEO, view, filled)  # the CMO's form, submitted by someone else
    assert set(forged.json()["errors"]) == {"decision"} and bot.rows(Decision) == []
    response = bot.submit(CMO, view, filled)
    assert response.status_code == 200
    bot.settled()
    [decision] = bot.rows(Decision)
    assert (decision.decision, decision.follow_up_owner, str(decision.due)) == (
        "Only 1 month",
        "U0OWNER02",
        "2026-12-15",
    )
    notice = standin.messages(COMEX)[-1]
    assert "Only 1 month" in texts(notice) and "Cash is tight" in texts(notice)
    assert "Owner 2" in texts(notice) and "<@" not in texts(notice)  # named, not pinged

    [row] = list(csv.DictReader(io.StringIO(to_csv(decision_rows(bot.engine), DECISION_COLUMNS))))
    assert row["decision"] == "Only 1 month" and row["committee"] == "comex"
    assert row["tally"] == "Yes: 2; No: 0; Only 1 month: 0 (2 of 3 voted)"
    assert row["arbitration_id"] == str(decision.arbitration_id) and row["decided_by"] == CMO

    bot.command(CEO, "/decisions")
    bot.settled()
    assert "Only 1 month" in json.dumps(standin.calls("response_url")[-1].params)


def test_arbitrate_by_anyone_but_the_cmo_is_refused_privately_and_creates_nothing(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    response = bot.command(CEO, "/arbitrate", "Q? | A | B", channel=COMEX)
    assert response.json()["response_type"] == "ephemeral"
    assert "Only the CMO" in ack_text(response)
    assert bot.rows(Arbitration) == [] and standin.calls("chat.postMessage") == []


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("| A | B", "there is no question"),
        ("Q? | A", "at least two options"),
        ("Q? | " + " | ".join(f"O{n}" for n in range(11)), "at most 10 options (you gave 11)"),
        ("Q? | A | | B", "option 2 is empty"),
        ("#board Q? | A | B", "there is no committee “board” (known: comex, opscom)"),
    ],
)
def test_bad_arbitrate_input_is_explained_privately_and_creates_nothing(
    bot: LocalBot, standin: SlackStandIn, text: str, says: str
) -> None:
    response = bot.command(CMO, "/arbitrate", text, channel=COMEX)
    assert response.json()["response_type"] == "ephemeral"
    assert says in ack_text(response) and "Nothing was posted" in ack_text(response)
    assert bot.rows(Arbitration) == [] and standin.calls("chat.postMessage") == []


def test_a_committee_is_chosen_by_name_and_long_options_are_whole_in_the_message(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    long_option = (
        "Move the ERP go-live to March and keep the legacy invoicing running in parallel " * 2
    )
    bot.command(
        CMO,
        "/arbitrate",
        f"opscom: Which plan? | {long_option} | Keep January",
        channel="D0CMODM01",
    )
    bot.settled()
    [poll] = standin.messages("C0OPSCOM1")
    assert long_option.strip() in texts(poll)
    buttons = [b["accessory"]["text"]["text"] for b in poll["blocks"] if "accessory" in b]
    assert all(len(b) <= 75 for b in buttons)


def test_the_modal_posts_an_anonymous_poll_whose_tally_names_nobody(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    bot.command(CMO, "/arbitrate", "", channel=COMEX)
    view = standin.calls("views.open")[-1].params["view"]
    assert view["callback_id"] == "arbitrate_modal"
    deadline = int((TUESDAY + timedelta(days=2)).timestamp())
    bad = bot.submit(
        CMO,
        view,
        {
            "question": "Hire?",
            "options": "Yes",
            "committee": "comex",
            "deadline": int((TUESDAY - timedelta(hours=1)).timestamp()),
            "visibility": "names",
        },
    )
    assert set(bad.json()["errors"]) == {"options", "deadline"}
    assert bot.rows(Arbitration) == []

    bot.submit(
        CMO,
        view,
        {
            "question": "Hire a second data engineer?",
            "options": "Yes\nNo\n",
            "committee": "comex",
            "deadline": deadline,
            "visibility": "anonymous",
            "context": "Backlog is 9 weeks",
        },
    )
    bot.settled()
    poll = poll_message(standin)
    bot.click(CEO, poll, "poll_vote_1")
    bot.settled()
    poll = poll_message(standin)
    assert "*1* vote" in texts(poll) and "Backlog is 9 weeks" in texts(poll)
    assert "U0CEO0001" not in json.dumps(poll) and "Paul Durand" not in json.dumps(poll)
    # the CMO is told through the response URL of the /arbitrate that opened the form
    [confirm] = [c for c in standin.calls("response_url") if "Poll posted" in c.params["text"]]
    assert confirm.params["_key"].startswith("command-")


def test_a_poll_past_its_deadline_closes_after_a_restart(
    tmp_path: Path, standin: SlackStandIn, environ: dict[str, str]
) -> None:
    with running_bot(environ, standin, clock=lambda: TUESDAY) as bot:
        bot.command(CMO, "/arbitrate", "Q? | A | B", channel=COMEX)
        bot.settled()
        bot.click(CEO, poll_message(standin), "poll_vote_1")
        bot.settled()
    # the bot was down when the deadline passed; it comes back three days later
    later = TUESDAY + timedelta(days=3)
    with running_bot(environ, standin, clock=lambda: later) as bot:
        bot.core.scheduler().catch_up(later)
        bot.settled()
        [poll] = bot.rows(Arbitration)
        assert poll.closed_at == later and poll.closed_by is None
        assert "*Result: B. B* with 1 of 1 votes." in texts(poll_message(standin))
        assert any("decision_record" in json.dumps(m) for m in standin.messages(CMO))


def test_thirty_members_voting_in_the_same_second_all_count(
    board_bot: LocalBot, standin: SlackStandIn
) -> None:
    bot = board_bot
    bot.command(
        CMO,
        "/arbitrate",
        "#board Approve the 2027 budget? | Approve | Reject | Defer",
        channel="D0CMODM01",
    )
    bot.settled()
    poll = poll_message(standin, "C0BOARD01")
    choices = {member: n % 3 for n, member in enumerate(BOARD)}
    with ThreadPoolExecutor(30) as pool:
        responses = list(pool.map(lambda m: bot.click(m, poll, f"poll_vote_{choices[m]}"), BOARD))
    assert {r.status_code for r in responses} == {200}
    bot.settled()
    assert len(bot.rows(Vote)) == 30
    poll = poll_message(standin, "C0BOARD01")
    options = [b["text"]["text"] for b in poll["blocks"] if "accessory" in b]
    assert [text.split("\n")[1].split(" · ")[0].split("` ")[-1] for text in options] == [
        "*10* votes"
    ] * 3
    for index, text in enumerate(options):  # each voter named under their choice, and only there
        assert [m for m in BOARD if BOARD_NAMES[m] in text] == [
            m for m in BOARD if choices[m] == index
        ]
    assert "30 of 30 members voted" in texts(poll) and "<@" not in texts(poll)
    updates = standin.calls("chat.update")
    assert 1 <= len(updates) < 30, "votes in a burst share their redraws"


def test_a_decision_needed_in_a_checkin_goes_on_the_next_monthly_agenda_once(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    [erp] = seed(bot.engine, ("ERP phase 2", "U0OWNER02"))
    bot.dm("U0OWNER02", "amber 40% — décision: prolonger le budget de 3 mois")
    bot.settled()
    [request] = bot.rows(ArbitrationRequest)
    assert (request.committee, request.text) == ("comex", "prolonger le budget de 3 mois")

    first_tuesday = TUESDAY + timedelta(days=7)  # 2026-12-01, first Tuesday of December
    run_ritual(bot, "arbitration", now=first_tuesday)
    run_ritual(bot, "arbitration", now=first_tuesday + timedelta(hours=1))
    bot.settled()
    agenda, poll = standin.messages(COMEX)
    assert "Monthly arbitration · comex · 2026-12" in texts(agenda) and "ERP phase 2" in texts(
        agenda
    )
    assert "prolonger le budget de 3 mois" in texts(poll)
    assert "Owner 2" in texts(agenda) and "<@" not in texts(agenda) + texts(poll)
    options = [b["text"]["text"].split("\n")[0] for b in poll["blocks"] if "accessory" in b]
    assert options == [
        "*A.* Approve: prolonger le budget de 3 mois",
        "*B.* Reject",
        "*C.* Defer to next month",
    ]
    [arbitration] = bot.rows(Arbitration)
    assert (
        arbitration.initiative_id == erp.id
        and bot.rows(ArbitrationRequest)[0].arbitration_id == arbitration.id
    )

    # the deadline passes: the next run closes it, and the decision reaches the owner's check-in
    after = first_tuesday + timedelta(days=3)
    run_ritual(bot, "arbitration", now=after)
    bot.settled()
    assert bot.rows(Arbitration)[0].closed_at == after
    [offer] = [m for m in standin.messages(CMO) if "decision_record" in json.dumps(m)]
    bot.click(CMO, offer, "decision_record")
    view = standin.calls("views.open")[-1].params["view"]
    bot.submit(CMO, view, {"decision": "option:0", "rationale": "Go-live protected"})
    bot.settled()
    run_ritual(bot, "checkin", now=after + timedelta(days=4))
    bot.settled()
    prompt = [m for m in standin.messages("U0OWNER02") if "Weekly check-in" in texts(m)][-1]
    assert "Approve: prolonger le budget de 3 mois" in texts(
        prompt
    ) and "Is it carried out?" in texts(prompt)
    bot.click("U0OWNER02", prompt, "decision_done")
    assert bot.rows(Decision)[0].carried_out is True
