"""A hidden tally, a quorum not reached, a secret receipt and the nudge, as Slack accepts them
and as readers see them in both languages."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.blocks import poll
from bot.blocks.poll import PollCard
from bot.text import md
from bot.words import Catalogue
from rituals.arbitration import result
from tests.blockkit import check_message, texts

CATALOGUE = Catalogue(strict=True)
MEMBERS = tuple(f"U0MEMBER{n:02}" for n in range(1, 13))
DEADLINE = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
VOTES = tuple((member, n % 2) for n, member in enumerate(MEMBERS[:7]))


def card(*, closed: bool = False, hidden: bool = True, quorum: int = 0, votes=VOTES) -> PollCard:
    return PollCard.of(
        result(2, votes, MEMBERS),
        id=7,
        committee="comex",
        channel="C0COMEX01",
        question="Move the go-live to March?",
        options=("Yes", "No"),
        deadline=DEADLINE,
        closed=closed,
        hidden=hidden,
        quorum=quorum,
    )


def who(user: str) -> str:
    return md(f"Name of {user}")


@pytest.mark.parametrize(
    ("language", "turnout"),
    [("en", "7 of 12 have voted"), ("fr", "7 sur 12 ont voté")],
)
def test_an_open_hidden_poll_shows_turnout_only(language: str, turnout: str) -> None:
    message = poll.message(CATALOGUE.words(language), card(), who=who).payload()
    check_message(message)
    shown = texts(message)
    assert turnout in shown
    assert "█" not in shown and "Name of" not in shown and "*4* votes" not in shown
    closed = texts(poll.message(CATALOGUE.words(language), card(closed=True), who=who).payload())
    assert "*4*" in closed and "Name of U0MEMBER01" in closed and "█" in closed


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "*No quorum:* 3 of 12 voted, 6 needed"), ("fr", "*Quorum non atteint :* 3 sur 12")],
)
def test_a_poll_closed_below_its_quorum_says_so(language: str, said: str) -> None:
    words = CATALOGUE.words(language)
    short = card(closed=True, hidden=False, quorum=6, votes=VOTES[:3])
    message = poll.message(words, short, who=who).payload()
    check_message(message)
    assert said in texts(message)
    notice = poll.closed_notice(words, short).payload()
    check_message(notice)
    assert "6" in texts(notice) and "decision_record" in json.dumps(notice)
    met = texts(poll.message(words, card(closed=True, hidden=False, quorum=6), who=who).payload())
    assert said not in met and "*4*" in met


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_secret_receipt_and_the_nudge(language: str) -> None:
    words = CATALOGUE.words(language)
    told = poll.vote_told(words, "new", option=1, text="No", committee="comex", secret=True)
    check_message(told.payload())
    lines = texts(told.payload()).split("\n")
    assert "*B. No*" in lines[-2] and lines[-1] == words.md("poll-vote-secret")
    nudge = poll.nudge(
        words,
        question="Budget <2027>?",
        committee="comex",
        channel_id="C0COMEX01",
        deadline=DEADLINE,
    ).payload()
    check_message(nudge)
    assert "Budget &lt;2027&gt;?" in texts(nudge) and "<#C0COMEX01>" in texts(nudge)
