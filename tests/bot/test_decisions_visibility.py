"""Who sees which decisions, in `/decisions` and on the Home tab: the members of a committee
its decisions, the owner and the accountable of an initiative those about it, a CMO every
one; someone who sees none is told why."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import Decision
from tests.blockkit import check_message, texts
from tests.bot.test_home import open_home
from tests.conftest import TUESDAY
from tests.factories import seed

CMO, CEO, ACCT, OWNER, STRANGER = "U0CMO0001", "U0CEO0001", "U0ACCT001", "U0OWNER01", "U0STRANGE"
# comex: CEO, CFO, CMO; opscom: CMO, ACCT, ACCT2 (tests/slackbot.py)
QUESTIONS = ("Extend the ERP budget?", "Hire two more agents?", "Delay the onboarding?")


@pytest.fixture
def logged(bot: LocalBot) -> LocalBot:
    """A comex decision, an opscom decision, and a comex decision about OWNER's initiative,
    whose accountable (ACCT) sits on opscom only."""
    [onboarding] = seed(bot.engine, {"title": "Onboarding", "owner": OWNER, "accountable": ACCT})

    def decided(n: int, committee: str, **fields: Any) -> Decision:
        return Decision(
            committee=committee,
            question=QUESTIONS[n],
            decision=f"Decision {n}",
            decided_by=CMO,
            decided_at=TUESDAY - timedelta(days=n + 1),
            **fields,
        )

    with Session(bot.engine) as session:
        session.add_all(
            [
                decided(0, "comex"),
                decided(1, "opscom"),
                decided(2, "comex", initiative_id=onboarding.id),
            ]
        )
        session.commit()
    return bot


def listed(bot: LocalBot, standin: SlackStandIn, user: str) -> str:
    """What `/decisions` answers `user`, privately."""
    response = bot.command(user, "/decisions")
    assert response.status_code == 200
    bot.settled()
    [reply] = standin.calls("response_url")[-1:]
    assert reply.params["response_type"] == "ephemeral"
    check_message(reply.params)
    return texts(reply.params)


def questions_in(text: str) -> list[str]:
    return [q for q in QUESTIONS if q in text]


def test_a_member_sees_their_committee_s_decisions_and_those_about_their_initiatives(
    logged: LocalBot, standin: SlackStandIn
) -> None:
    ceo = listed(logged, standin, CEO)
    assert questions_in(ceo) == ["Extend the ERP budget?", "Delay the onboarding?"]
    assert "Decisions of comex and about your initiatives." in ceo

    accountable = listed(logged, standin, ACCT)  # opscom, and accountable of Onboarding
    assert questions_in(accountable) == ["Hire two more agents?", "Delay the onboarding?"]


def test_an_owner_on_no_committee_sees_the_decisions_about_their_initiative(
    logged: LocalBot, standin: SlackStandIn
) -> None:
    owner = listed(logged, standin, OWNER)
    assert questions_in(owner) == ["Delay the onboarding?"]
    assert "Decisions about the initiatives you own or are accountable for." in owner


def test_someone_who_sees_none_is_told_why(logged: LocalBot, standin: SlackStandIn) -> None:
    stranger = listed(logged, standin, STRANGER)
    assert questions_in(stranger) == []
    assert stranger.startswith("You sit on no committee and no decision concerns an initiative")
    assert "shown to the members of its committee" in stranger
    assert "Recent decisions" not in stranger


def test_the_cmo_sees_every_decision(logged: LocalBot, standin: SlackStandIn) -> None:
    cmo = listed(logged, standin, CMO)
    assert questions_in(cmo) == list(QUESTIONS)
    assert "Decisions of every committee." in cmo


def test_a_member_whose_committees_decided_nothing_yet_is_told_so(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    with Session(bot.engine) as session:
        session.add(
            Decision(
                committee="comex",
                question="Not for opscom",
                decision="Yes",
                decided_by=CMO,
                decided_at=TUESDAY,
            )
        )
        session.commit()
    said = listed(bot, standin, ACCT)
    assert "Not for opscom" not in said
    assert "No decision of opscom or about your initiatives has been recorded yet." in said


def test_the_list_says_how_many_more_there_are(bot: LocalBot, standin: SlackStandIn) -> None:
    with Session(bot.engine) as session:
        session.add_all(
            Decision(
                committee="comex",
                question=f"Question {n:02d}",
                decision="Yes",
                decided_by=CMO,
                decided_at=TUESDAY - timedelta(hours=n),
            )
            for n in range(13)
        )
        session.commit()
    said = listed(bot, standin, CEO)
    assert "Question 00" in said and "Question 09" in said and "Question 10" not in said
    assert "…and 3 earlier decisions" in said


def test_the_home_shows_a_person_the_decisions_they_may_see(logged: LocalBot) -> None:
    view = open_home(logged, ACCT)
    shown = json.dumps(view)
    assert "Decisions of your committees and initiatives" in shown
    assert "Hire two more agents?" in shown and "Delay the onboarding?" in shown
    assert "Extend the ERP budget?" not in shown, "a comex decision, not theirs"

    nothing = json.dumps(open_home(logged, STRANGER))
    assert not any(q in nothing for q in QUESTIONS)
    assert "Nothing waits for you right now" in nothing

    cmo = json.dumps(open_home(logged, CMO))
    assert all(q in cmo for q in QUESTIONS)
    assert "Decisions of your committees" not in cmo, "the portfolio lists them once"
