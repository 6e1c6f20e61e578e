"""Decisions as commitments, end to end through signed requests and the stand-in Slack: the
follow-up owner is asked in the week the decision is due, an overdue decision climbs to the CMO
and then to the committee's queue, marking it done resolves it, the committee is asked at its
review date, and a new decision may supersede an earlier one."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.services.exports import DECISION_COLUMNS, decision_rows, escalation_rows, to_csv
from rituals.models import ArbitrationRequest, Decision, Escalation, FoldedNotice
from tests.blockkit import texts
from tests.conftest import PARIS, TUESDAY
from tests.factories import Clock, seed
from tests.slackbot import bot_environ, run_ritual, running_bot

CMO, CEO, CFO = "U0CMO0001", "U0CEO0001", "U0CFO0001"
OWNER, FOLLOWER = "U0OWNER01", "U0OWNER02"
COMEX = "C0COMEX01"


def at(day: str, hour: int = 8) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour:02d}:00").replace(tzinfo=PARIS)


@pytest.fixture
def clock() -> Clock:
    return Clock(TUESDAY)


@pytest.fixture
def running(
    tmp_path: Path, standin: SlackStandIn, database_url: str, clock: Clock
) -> Iterator[LocalBot]:
    environ = bot_environ(tmp_path, standin, database_url)
    with running_bot(environ, standin, clock=clock) as bot:
        yield bot


def decide(
    bot: LocalBot, standin: SlackStandIn, question: str, filled: dict[str, Any]
) -> dict[str, Any]:
    """The CMO puts a question to comex, a member votes, the CMO closes the poll and fills
    the Record decision form with `filled` (the decision: option A); the form it was."""
    bot.command(CMO, "/arbitrate", f"{question} | Yes | No", channel=COMEX)
    bot.settled()
    [poll] = [
        m for m in standin.messages(COMEX) if question in texts(m) and "poll_close" in json.dumps(m)
    ]
    bot.click(CEO, poll, "poll_vote_0")
    bot.click(CMO, poll, "poll_close")
    bot.settled()
    offer = [m for m in standin.messages(CMO) if "decision_record" in json.dumps(m)][-1]
    bot.click(CMO, offer, "decision_record")
    bot.settled()
    view = standin.calls("views.open")[-1].params["view"]
    values = {"decision": "option:0", "rationale": "Agreed in committee."} | filled
    assert bot.submit(CMO, view, values).status_code == 200
    bot.settled()
    return view


def dms(standin: SlackStandIn, user: str) -> list[dict[str, Any]]:
    return standin.messages(user)


def the(rows: list[Any], **fields: Any) -> Any:
    [row] = [r for r in rows if all(getattr(r, k) == v for k, v in fields.items())]
    return row


def test_a_decision_due_next_friday_is_asked_then_climbs_then_resolves_then_is_reviewed(
    running: LocalBot, standin: SlackStandIn, clock: Clock
) -> None:
    bot = running
    seed(bot.engine, ("ERP phase 2", FOLLOWER), ("Onboarding standard", OWNER))
    # Tuesday of W48: a decision tied to no initiative, due Friday of next week (W49)
    view = decide(
        bot,
        standin,
        "Extend the ERP budget?",
        {"follow_up": FOLLOWER, "due": "2026-12-04", "review": "2027-01-11"},
    )
    assert {b["block_id"] for b in view["blocks"] if b["type"] == "input"} >= {"review"}
    decision = the(bot.rows(Decision), question="Extend the ERP budget?")
    assert (str(decision.due), str(decision.review_on), decision.initiative_id) == (
        "2026-12-04",
        "2027-01-11",
        None,
    )

    # this week's prompt (W48) does not ask yet: it is due next week
    run_ritual(bot, "checkin", now=at("2026-11-23", 9))
    bot.settled()
    assert "Decisions you follow up" not in texts(dms(standin, FOLLOWER)[-1])

    # Monday of W49: the follow-up owner's one weekly prompt asks about it
    clock.now = at("2026-11-30", 9)
    run_ritual(bot, "checkin", now=clock.now)
    bot.settled()
    prompt = dms(standin, FOLLOWER)[-1]
    assert "Decisions you follow up" in texts(prompt) and "Yes" in texts(prompt)
    assert "ERP phase 2" in texts(prompt)  # the same single prompt as their initiative
    assert "decision_new_date" in json.dumps(prompt) and "decision_blocked" in json.dumps(prompt)
    assert len([m for m in dms(standin, FOLLOWER) if "checkin_update" in json.dumps(m)]) == 2
    assert "Decisions you follow up" not in texts(dms(standin, OWNER)[-1])

    # left unanswered: past its date, the follow-up owner is told (level 1)…
    clock.now = at("2026-12-07")
    run_ritual(bot, "escalation", now=clock.now)
    bot.settled()
    [escalation] = [e for e in bot.rows(Escalation) if e.decision_id == decision.id]
    assert (escalation.level, escalation.initiative_id, escalation.resolved_at) == (1, None, None)
    told = [m for m in dms(standin, FOLLOWER) if "was due" in texts(m)]
    folded = [n for n in bot.rows(FoldedNotice) if n.person == FOLLOWER and "was due" in n.text]
    assert len(told) + len(folded) == 1  # a DM within the budget, or folded: never both
    run_ritual(bot, "escalation", now=at("2026-12-08"))  # the next day: nobody told again
    bot.settled()
    assert len([m for m in dms(standin, FOLLOWER) if "was due" in texts(m)]) == len(told)

    # …a week later, the CMO who decided (level 2)…
    clock.now = at("2026-12-14")
    run_ritual(bot, "escalation", now=clock.now)
    bot.settled()
    [to_cmo] = [m for m in dms(standin, CMO) if "that you recorded was due" in texts(m)]
    assert "Owner 2" in texts(to_cmo)
    told = [m for m in dms(standin, FOLLOWER) if "now goes to" in texts(m)]
    folded = [n for n in bot.rows(FoldedNotice) if n.person == FOLLOWER and "now goes to" in n.text]
    assert len(told) + len(folded) == 1  # Monday 08:00: it may ride on the 09:00 prompt

    # …then the committee's arbitration queue (level 3), once
    clock.now = at("2026-12-21")
    run_ritual(bot, "escalation", now=clock.now)
    run_ritual(bot, "escalation", now=at("2026-12-22"))
    bot.settled()
    [queued] = [r for r in bot.rows(ArbitrationRequest) if r.decision_id == decision.id]
    assert (queued.committee, queued.arbitration_id) == ("comex", None)
    assert "Extend the ERP budget?" in queued.text
    assert len([m for m in dms(standin, CMO) if "it joins" in texts(m)]) == 1
    assert the(bot.rows(Escalation), decision_id=decision.id).level == 3

    # the follow-up owner marks it done: the escalation resolves by itself
    clock.now = at("2026-12-22", 11)
    asking = [m for m in dms(standin, FOLLOWER) if "decision_done" in json.dumps(m)][-1]
    bot.click(FOLLOWER, asking, "decision_done")
    bot.settled()
    assert the(bot.rows(Decision), id=decision.id).carried_out is True
    resolved = the(bot.rows(Escalation), decision_id=decision.id)
    assert resolved.resolved_at is not None and resolved.resolution == "done"
    run_ritual(bot, "escalation", now=at("2026-12-28"))
    bot.settled()
    assert len([e for e in bot.rows(Escalation) if e.decision_id == decision.id]) == 1
    assert [r for r in bot.rows(ArbitrationRequest) if r.decision_id == decision.id] == []
    [exported] = [r for r in escalation_rows(bot.engine) if r["decision_id"] == decision.id]
    assert (exported["initiative"], exported["owner"], exported["accountable"]) == (
        "Extend the ERP budget?",
        FOLLOWER,
        CMO,
    )
    assert (exported["level"], exported["resolution"]) == (3, "done")

    # at its review date, the committee is asked once whether it still holds
    before = len(standin.messages(COMEX))
    clock.now = at("2027-01-11")
    run_ritual(bot, "escalation", now=clock.now)
    run_ritual(bot, "escalation", now=at("2027-01-12"))
    bot.settled()
    [review] = [m for m in standin.messages(COMEX)[before:] if "still hold" in texts(m)]
    assert "Claire Moreau" in texts(review) and "<@" not in json.dumps(review)
    bot.click(CEO, review, "decision_revisit")
    bot.click(CFO, review, "decision_keep")  # reviewed already: nothing changes
    bot.settled()
    reviewed = the(bot.rows(Decision), id=decision.id)
    assert (reviewed.review_outcome, reviewed.reviewed_at is not None) == ("revisit", True)
    revisit = [r for r in bot.rows(ArbitrationRequest) if r.decision_id == decision.id]
    assert len(revisit) == 1 and "Revisit the decision" in revisit[0].text
    redrawn = next(m for m in standin.messages(COMEX) if m["ts"] == review["ts"])
    assert "asked to revisit it" in texts(redrawn) and "decision_keep" not in json.dumps(redrawn)
    assert len(standin.messages(COMEX)) == before + 1  # one channel message per review

    [row] = [
        r
        for r in csv.DictReader(io.StringIO(to_csv(decision_rows(bot.engine), DECISION_COLUMNS)))
        if r["question"] == "Extend the ERP budget?"
    ]
    assert (row["status"], row["due"], row["review_on"]) == ("done", "2026-12-04", "2027-01-11")
    columns = list(DECISION_COLUMNS)  # appended after the columns the contract lists
    assert columns.index("carried_out") < columns.index("id") < columns.index("status")
    assert columns[columns.index("id") :][:5] == ["id", "status", "review_on", "supersedes",
                                                  "blocked_reason"]  # fmt: skip


def test_not_yet_moves_the_date_blocked_asks_why_and_a_new_decision_supersedes(
    running: LocalBot, standin: SlackStandIn, clock: Clock
) -> None:
    bot = running
    seed(bot.engine, ("ERP phase 2", FOLLOWER))
    decide(bot, standin, "Which supplier?", {"follow_up": FOLLOWER, "due": "2026-11-27"})
    first = the(bot.rows(Decision), question="Which supplier?")
    run_ritual(bot, "checkin", now=at("2026-11-23", 9))
    bot.settled()
    prompt = dms(standin, FOLLOWER)[-1]
    assert "Which supplier?" in texts(prompt)

    # Not yet: a new date from the picker (a date in the past is refused, nothing changes)
    picker = json.loads(json.dumps(prompt))
    for block in picker["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == "decision_new_date":
                element["selected_date"] = "2026-11-01"
    bot.click(FOLLOWER, picker, "decision_new_date")
    bot.settled()
    assert str(the(bot.rows(Decision), id=first.id).due) == "2026-11-27"
    for block in picker["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == "decision_new_date":
                element["selected_date"] = "2026-12-11"
    bot.click(FOLLOWER, picker, "decision_new_date")
    bot.settled()
    assert str(the(bot.rows(Decision), id=first.id).due) == "2026-12-11"
    replies = [c.params["text"] for c in standin.calls("response_url")]
    assert any("from today on" in r for r in replies) and any("now due" in r for r in replies)

    # Blocked: a short reason, in a form; an empty one is refused beside its field
    bot.click(FOLLOWER, prompt, "decision_blocked")
    bot.settled()
    form = standin.calls("views.open")[-1].params["view"]
    assert form["callback_id"] == "decision_blocked_modal"
    assert "errors" in bot.submit(FOLLOWER, form, {"reason": "  "}).json()
    bot.submit(FOLLOWER, form, {"reason": "Waiting for the legal review"})
    bot.settled()
    assert the(bot.rows(Decision), id=first.id).blocked_reason == "Waiting for the legal review"
    stranger = bot.click("U0STRANGE", prompt, "decision_done")  # not theirs: refused
    bot.settled()
    still = the(bot.rows(Decision), id=first.id)
    assert stranger.status_code == 200 and not still.carried_out and still.blocked_reason
    assert "Only the owner" in standin.calls("response_url")[-1].params["text"]

    # a new decision supersedes it: the link is kept, both stay in the log
    view = decide(bot, standin, "Which supplier, again?", {"supersedes": f"decision:{first.id}"})
    [select] = [b for b in view["blocks"] if b.get("block_id") == "supersedes"]
    assert any("Yes" in o["text"]["text"] for o in select["element"]["options"])
    second = the(bot.rows(Decision), question="Which supplier, again?")
    assert second.supersedes_id == first.id and len(bot.rows(Decision)) == 2
    bot.command(CEO, "/decisions")
    bot.settled()
    listed = json.dumps(standin.calls("response_url")[-1].params)
    assert f"superseded by #{second.id}" in listed and f"supersedes #{first.id}" in listed
    rows = {r["question"]: r for r in decision_rows(bot.engine)}
    assert rows["Which supplier?"]["status"] == "superseded"
    assert rows["Which supplier, again?"]["supersedes"] == first.id
    # superseded, it is no longer asked about
    clock.now = at("2026-11-30", 9)
    run_ritual(bot, "checkin", now=clock.now)
    bot.settled()
    assert "Which supplier?" not in texts(dms(standin, FOLLOWER)[-1])


def test_a_follow_up_owner_with_no_prompt_is_asked_in_one_dm_of_its_own(
    running: LocalBot, standin: SlackStandIn, clock: Clock
) -> None:
    bot = running
    seed(bot.engine, ("ERP phase 2", OWNER))
    decide(bot, standin, "Hire a PMO?", {"follow_up": "U0OWNER05", "due": "2026-11-27"})
    run_ritual(bot, "escalation", now=at("2026-11-24", 8))  # before the week's check-in: wait
    bot.settled()
    assert dms(standin, "U0OWNER05") == []
    run_ritual(bot, "checkin", now=at("2026-11-23", 9))
    run_ritual(bot, "escalation", now=at("2026-11-25", 8))
    run_ritual(bot, "escalation", now=at("2026-11-26", 8))
    bot.settled()
    [asked] = dms(standin, "U0OWNER05")
    assert "Hire a PMO?" in texts(asked) and "decision_done" in json.dumps(asked)


def test_a_decision_recorded_after_the_prompt_is_asked_in_the_reminder(
    running: LocalBot, standin: SlackStandIn, clock: Clock
) -> None:
    bot = running
    seed(bot.engine, ("ERP phase 2", FOLLOWER))
    run_ritual(bot, "checkin", now=at("2026-11-23", 9))  # Monday: nothing to follow up yet
    bot.settled()
    assert "Decisions you follow up" not in texts(dms(standin, FOLLOWER)[-1])
    decide(bot, standin, "Freeze hiring?", {"follow_up": FOLLOWER, "due": "2026-11-27"})
    run_ritual(bot, "reminder", now=at("2026-11-25", 9))
    bot.settled()
    reminder = dms(standin, FOLLOWER)[-1]
    assert "Freeze hiring?" in texts(reminder) and "decision_done" in json.dumps(reminder)
    assert len(dms(standin, FOLLOWER)) == 2  # the prompt and its reminder: nothing more
