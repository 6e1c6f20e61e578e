"""The RACI at work, end to end through the stand-in Slack: co-owners each prompted once and
either answering; the Informed's weekly "following" message and its Stop following; the
Consulted asked their view before a poll about their initiative opens."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlmodel import Session

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import (
    Arbitration,
    ArbitrationRequest,
    CheckIn,
    CheckinPrompt,
    Consultation,
    Escalation,
    Person,
)
from tests.blockkit import check_message, texts
from tests.bot.test_home import open_home
from tests.conftest import TUESDAY
from tests.factories import answer, seed
from tests.slackbot import run_ritual

OWNER1, OWNER2, OWNER3 = "U0OWNER01", "U0OWNER02", "U0OWNER03"
INES, ACCT, CMO, COMEX = "U0INES001", "U0ACCT001", "U0CMO0001", "C0COMEX01"
FRIDAY = TUESDAY + timedelta(days=3, hours=6)  # 2026-11-27 16:00 in Paris


def prompts_of(standin: SlackStandIn, user: str) -> list[dict]:
    return [m for m in standin.messages(user) if "Weekly check-in" in texts(m)]


# -- co-owners ---------------------------------------------------------------------------------


def test_co_owners_each_get_one_prompt_either_answers_and_the_answer_says_who(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(
        bot.engine,
        {"title": "ERP phase 2", "owner": OWNER1, "co_owners": [OWNER2]},
        {"title": "Onboarding", "owner": OWNER2},
        {"title": "Pricing", "owner": OWNER3, "co_owners": [OWNER2]},
    )
    run_ritual(bot, "checkin", now=TUESDAY)
    run_ritual(bot, "checkin", now=TUESDAY + timedelta(hours=2))  # asks nobody twice
    bot.settled()

    [first] = prompts_of(standin, OWNER1)
    [second] = prompts_of(standin, OWNER2)  # co-owns two and owns one: one prompt of three
    assert "ERP phase 2" in texts(first) and "Onboarding" not in texts(first)
    assert all(t in texts(second) for t in ("ERP phase 2", "Onboarding", "Pricing"))
    assert "Pricing" in texts(prompts_of(standin, OWNER3)[0])
    assert len(bot.rows(CheckinPrompt)) == 5
    check_message(second)

    bot.dm(OWNER1, "ERP phase 2: green 55%")
    bot.settled()
    [stored] = [c for c in bot.rows(CheckIn) if c.is_current]
    assert (stored.author, stored.status, stored.progress) == (OWNER1, "on_track", 55)
    assert "by Owner 1" in texts(standin.messages(OWNER1)[-1])  # the receipt says who

    bot.dm(OWNER2, "ERP phase 2: red 60%", thread_ts=second["ts"])  # the latest answer wins
    bot.settled()
    [latest] = [c for c in bot.rows(CheckIn) if c.is_current]
    assert (latest.author, latest.status, latest.progress) == (OWNER2, "off_track", 60)
    assert "by Owner 2" in texts(standin.messages(OWNER2)[-1])

    # answered by either, it is answered: the reminder names only what is still missing
    run_ritual(bot, "reminder", now=TUESDAY + timedelta(days=1))
    bot.settled()
    assert not [m for m in standin.messages(OWNER1) if m.get("thread_ts") == first["ts"]][1:]
    [nudge] = [
        m
        for m in standin.messages(OWNER2)
        if m.get("thread_ts") == second["ts"] and "ERP phase 2" not in texts(m)
    ]
    assert "Onboarding" in texts(nudge) and "Pricing" in texts(nudge)

    run_ritual(bot, "digest", now=FRIDAY)
    bot.settled()
    digest = "\n".join(texts(m) for m in standin.messages(COMEX))
    assert "*ERP phase 2* · Owner 1 (by Owner 2)" in digest and "<@" not in digest
    home = json.dumps(open_home(bot, OWNER2), ensure_ascii=False)
    assert all(t in home for t in ("ERP phase 2", "Onboarding", "Pricing"))  # co-owned too


# -- the Informed ----------------------------------------------------------------------------


def test_an_informed_person_gets_one_weekly_following_dm_and_can_stop_it(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    [erp, quiet] = seed(
        bot.engine,
        {"title": "ERP phase 2", "owner": OWNER1, "informed": [INES]},
        {"title": "Quiet one", "owner": OWNER2, "informed": [INES]},
    )
    with Session(bot.engine) as session:
        session.add(answer(erp.id, "2026-W47", status="on_track", at=TUESDAY - timedelta(days=7)))
        session.add(answer(quiet.id, "2026-W47", status="on_track", at=TUESDAY - timedelta(days=7)))
        session.add(answer(erp.id, "2026-W48", status="off_track", at=TUESDAY))
        session.add(
            Escalation(
                initiative_id=erp.id, cause="off_track", opened_at=TUESDAY, raised_at=TUESDAY
            )
        )
        session.commit()

    run_ritual(bot, "following", now=FRIDAY)
    run_ritual(bot, "following", now=FRIDAY + timedelta(hours=3))  # once a week
    bot.settled()
    [news] = standin.messages(INES)
    check_message(news)
    said = texts(news)
    assert "ERP phase 2" in said and "Off track" in said and "escalated: off track" in said
    assert "Quiet one" not in said and "<@" not in said  # unchanged: not listed

    bot.click(INES, news, "following_stop")
    bot.settled()
    [person] = [p for p in bot.rows(Person) if p.user == INES]
    assert person.following is False
    assert "no longer" in standin.calls("response_url")[-1].params["text"]

    with Session(bot.engine) as session:
        session.add(answer(quiet.id, "2026-W49", status="at_risk", at=FRIDAY + timedelta(days=4)))
        session.commit()
    run_ritual(bot, "following", now=FRIDAY + timedelta(days=7))
    bot.settled()
    assert len(standin.messages(INES)) == 1  # stopped: nothing more


def test_nothing_changed_nothing_sent_and_past_the_budget_it_rides_on_the_next_prompt(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    [erp, _] = seed(
        bot.engine,
        {"title": "ERP phase 2", "owner": OWNER1, "informed": [OWNER2]},
        {"title": "Onboarding", "owner": OWNER2},
    )
    run_ritual(bot, "following", now=FRIDAY - timedelta(days=7))
    bot.settled()
    assert standin.messages(OWNER2) == []  # nothing changed: nothing said

    run_ritual(bot, "checkin", now=TUESDAY)  # OWNER2's prompt and reminder: the budget is spent
    run_ritual(bot, "reminder", now=TUESDAY + timedelta(days=1))
    with Session(bot.engine) as session:
        session.add(answer(erp.id, "2026-W48", status="at_risk", at=TUESDAY))
        session.commit()
    bot.settled()
    before = len(standin.messages(OWNER2))
    run_ritual(bot, "following", now=FRIDAY)
    bot.settled()
    assert len(standin.messages(OWNER2)) == before  # folded, not sent

    run_ritual(bot, "checkin", now=TUESDAY + timedelta(days=7))
    bot.settled()
    prompt = prompts_of(standin, OWNER2)[-1]
    assert "Following" in texts(prompt) and "ERP phase 2" in texts(prompt)


# -- the Consulted ----------------------------------------------------------------------------


def test_a_consulted_person_s_view_appears_under_the_poll_s_question(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, {"title": "ERP phase 2", "owner": OWNER2, "consulted": [ACCT, INES]})
    bot.dm(OWNER2, "amber 40% — décision: prolonger le budget de 3 mois")
    bot.settled()
    assert len(bot.rows(ArbitrationRequest)) == 1

    first_tuesday = TUESDAY + timedelta(days=7)
    run_ritual(bot, "arbitration", now=first_tuesday)
    bot.settled()
    assert [texts(m) for m in standin.messages(COMEX) if "poll_vote" in json.dumps(m)] == []
    [poll] = bot.rows(Arbitration)
    assert poll.consult_until == first_tuesday + timedelta(hours=48)
    [asked] = standin.messages(ACCT)
    check_message(asked)
    assert "ERP phase 2" in texts(asked) and "prolonger le budget" in texts(asked)

    bot.click(ACCT, asked, "consult_view")
    view = standin.calls("views.open")[-1].params["view"]
    bot.submit(ACCT, view, {"view": "Only if the <!channel> go-live holds"})
    bot.settled()
    assert [c.view for c in bot.rows(Consultation) if c.user == ACCT] == [
        "Only if the <!channel> go-live holds"
    ]

    run_ritual(bot, "consult", now=first_tuesday + timedelta(hours=47))
    bot.settled()
    assert not [m for m in standin.messages(COMEX) if "poll_vote" in json.dumps(m)]
    run_ritual(bot, "consult", now=first_tuesday + timedelta(hours=48))
    bot.settled()
    [posted] = [m for m in standin.messages(COMEX) if "poll_vote" in json.dumps(m)]
    check_message(posted)
    shown = texts(posted)
    assert "Marc Leroy: Only if the &lt;!channel&gt; go-live holds" in shown
    assert "Inès Martin gave no view" in shown and "<@" not in shown
    [opened] = bot.rows(Arbitration)
    assert opened.consult_until is None
    # opened when its round ended, it keeps the whole time it had to be voted on
    assert opened.deadline == poll.deadline > first_tuesday + timedelta(hours=48)

    late = standin.messages(INES)[0]
    bot.click(INES, late, "consult_view")  # the poll is open: the form says so
    bot.settled()
    assert "already" in standin.calls("response_url")[-1].params["text"]


def test_with_nobody_consulted_the_poll_opens_at_once(bot: LocalBot, standin: SlackStandIn) -> None:
    seed(bot.engine, {"title": "ERP phase 2", "owner": OWNER2})
    bot.dm(OWNER2, "amber 40% — décision: prolonger le budget de 3 mois")
    bot.settled()
    run_ritual(bot, "arbitration", now=TUESDAY + timedelta(days=7))
    bot.settled()
    assert [m for m in standin.messages(COMEX) if "poll_vote" in json.dumps(m)]
    assert bot.rows(Consultation) == []
