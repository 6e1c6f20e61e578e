"""The App Home, end to end: a signed `app_home_opened` into the running bot, the view it
publishes to the stand-in Slack, and the "Check in now" button that opens the check-in modal."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View
from sqlalchemy import event
from sqlmodel import Session

from bot.delivery import keys
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.ids import ModalState, PromptRef
from rituals.models import (
    Absence,
    Arbitration,
    ArbitrationRequest,
    CheckIn,
    CheckinPrompt,
    Decision,
    Escalation,
    Initiative,
    Vote,
)
from tests import factories
from tests.blockkit import texts
from tests.conftest import TUESDAY
from tests.slackbot import bot_environ, running_bot

OWNER, OTHER, STRANGER = "U0OWNER01", "U0OWNER02", "U0STRANGE"
CMO, ACCT, ACCT2 = "U0CMO0001", "U0ACCT001", "U0ACCT002"  # ACCT sits on opscom
WEEK, LAST_WEEK, QUARTER = "2026-W48", "2026-W47", "2026-Q4"
HOSTILE = "<!channel> <@U123> & {{ 7*7 }}"
ESCAPED = "&lt;!channel&gt; &lt;@U123&gt; &amp; {{ 7*7 }}"
BEFORE = TUESDAY - timedelta(days=1)


# -- the running bot --------------------------------------------------------------------------


@pytest.fixture
def french(tmp_path: Path, standin: SlackStandIn) -> Iterator[LocalBot]:
    folder = tmp_path / "fr"
    folder.mkdir()
    environ = bot_environ(folder, standin, f"sqlite:///{folder / 'ritualbot.db'}", language="fr")
    with running_bot(environ, standin, clock=lambda: TUESDAY) as running:
        yield running


def open_home(bot: LocalBot, user: str, tab: str = "home") -> dict[str, Any]:
    """The user opens the app's Home tab; the view Slack now shows them."""
    before = len(bot.standin.calls("views.publish"))
    ts = f"{time.time():.6f}"
    response = bot.event(
        {
            "type": "app_home_opened",
            "user": user,
            "channel": bot.standin.dm_channel(user),
            "event_ts": ts,
            "tab": tab,
            "view": {"id": "V0HOME001", "type": "home", "blocks": [], "private_metadata": ""},
        }
    )
    assert response.status_code == 200
    bot.settled()
    published = bot.standin.calls("views.publish")[before:]
    assert len(published) == 1, f"{len(published)} views.publish for one opening"
    assert published[0].params["user_id"] == user
    stored: dict[str, Any] = published[0].response["view"]
    assert stored["type"] == "home"
    return stored


def drawn(bot: LocalBot, user: str) -> dict[str, Any]:
    """The Home tab of `user` as the outbox draws it when it sends it."""
    with Session(bot.engine) as session:
        view: dict[str, Any] = bot.core.home.draw(session, user)["view"]
    return view


# -- the roadmap and what happened to it ----------------------------------------------------


def seed(bot: LocalBot, *rows: dict[str, Any]) -> list[Initiative]:
    """Initiatives of this quarter, owned by OWNER unless a row says otherwise."""
    return factories.seed(
        bot.engine,
        *({"owner": OWNER} | row for row in rows),
        kpi_name="Lead time",
        kpi_unit="days",
        kpi_baseline=None,
    )


def add(bot: LocalBot, *rows: Any) -> None:
    with Session(bot.engine) as session:
        session.add_all(rows)
        session.commit()


def answer(initiative: Initiative, period: str, **fields: Any) -> CheckIn:
    assert initiative.id is not None
    return factories.answer(
        initiative.id, period, at=BEFORE, source="modal", author=initiative.owner, **fields
    )


def prompt(initiative: Initiative, **fields: Any) -> CheckinPrompt:
    assert initiative.id is not None
    return CheckinPrompt(
        initiative_id=initiative.id,
        period=WEEK,
        owner=initiative.owner,
        message_key=keys.prompt(WEEK, initiative.id),
        created_at=BEFORE,
        **fields,
    )


def poll(committee: str, question: str, **fields: Any) -> Arbitration:
    defaults: dict[str, Any] = {
        "options": ["Yes", "No"],
        "created_by": CMO,
        "created_at": TUESDAY - timedelta(hours=2),
        "deadline": TUESDAY + timedelta(days=2),
    }
    return Arbitration(committee=committee, question=question, **(defaults | fields))


def escalation(initiative: Initiative, cause: str, **fields: Any) -> Escalation:
    assert initiative.id is not None
    defaults: dict[str, Any] = {"level": 1, "opened_at": BEFORE, "raised_at": BEFORE}
    return Escalation(initiative_id=initiative.id, cause=cause, **(defaults | fields))


def request(initiative: Initiative, text: str, **fields: Any) -> ArbitrationRequest:
    assert initiative.id is not None
    return ArbitrationRequest(
        committee="comex",
        initiative_id=initiative.id,
        requested_by=initiative.owner,
        text=text,
        created_at=BEFORE,
        **fields,
    )


# -- what the reader sees -----------------------------------------------------------------


def sections(view: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]


def headers(view: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in view["blocks"] if b["type"] == "header"]


def section_of(view: dict[str, Any], words: str) -> str:
    [text] = [text for text in sections(view) if words in text]
    return text


def mrkdwn(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if value.get("type") == "mrkdwn":
            yield value["text"]
        for item in value.values():
            yield from mrkdwn(item)
    elif isinstance(value, list):
        for item in value:
            yield from mrkdwn(item)


def shown(view: dict[str, Any]) -> str:
    return "\n".join([*headers(view), *mrkdwn(view["blocks"])])


def checkin_buttons(view: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(section text, button) for every "Check in now" button."""
    return [
        (b["text"]["text"], b["accessory"])
        for b in view["blocks"]
        if b.get("accessory", {}).get("action_id") == "checkin_update"
    ]


def check_slack_accepts(view: dict[str, Any]) -> None:
    """What Slack checks of a Home tab: the view, every block, and the lengths."""
    published = {k: view[k] for k in ("type", "blocks", "private_metadata", "callback_id")}
    View(**published).to_dict()
    assert 1 <= len(view["blocks"]) <= 100
    for block in view["blocks"]:
        parsed = Block.parse(block)
        assert parsed is not None, f"unknown block {block}"
        assert parsed.to_dict() == block, "slack_sdk dropped or changed a key"
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        if "accessory" in block:
            assert 1 <= len(block["accessory"]["text"]["text"]) <= 75
            assert len(block["accessory"]["value"]) <= 2000


# -- tests --------------------------------------------------------------------------------


def test_an_owner_sees_their_initiatives_their_last_answers_and_what_they_owe(
    bot: LocalBot,
) -> None:
    onboarding, erp, pricing, _ = seed(
        bot,
        {"title": "Onboarding standard", "status": "at_risk"},
        {"title": "ERP phase 2"},
        {"title": "Pricing review", "status": "on_track"},
        {"title": "Someone else's", "owner": OTHER},
    )
    add(
        bot,
        answer(onboarding, LAST_WEEK, status="at_risk", progress=60, blockers="legal review"),
        answer(pricing, LAST_WEEK, status="on_track", progress=20, is_current=False),
        answer(pricing, WEEK, status="on_track", progress=30, kpi_value=4.5),
        prompt(onboarding),
        prompt(erp),
        prompt(pricing),  # answered this week: owed no more
    )

    view = open_home(bot, OWNER)

    check_slack_accepts(view)
    assert headers(view)[:3] == ["Your rituals", "Your initiatives · 2026-Q4", "What you owe"]
    buttons = checkin_buttons(view)
    assert [text.split("\n")[0] for text, _ in buttons] == [
        "⚪ *ERP phase 2* · due Dec 18, 2026",
        "🟡 *Onboarding standard* · due Dec 18, 2026",
        "🟢 *Pricing review* · due Dec 18, 2026",
    ]
    assert all(button["text"]["text"] == "Check in now" for _, button in buttons)
    assert [PromptRef.model_validate_json(b["value"]) for _, b in buttons] == [
        PromptRef(i=i.id or 0, p=WEEK) for i in (erp, onboarding, pricing)
    ]
    erp_text, onboarding_text, pricing_text = (text for text, _ in buttons)
    assert "No update yet" in erp_text
    assert "*Last update* (2026-W47)\n🟡 *At risk* · progress *60%*" in onboarding_text
    assert ":construction: Blockers: legal review" in onboarding_text
    assert (
        "*Last update* (2026-W48)\n🟢 *On track* · progress *30%*"
        " · Lead time *4.5 days* (target 5 days)"
    ) in pricing_text, "this week's answer, not the one it replaced"
    owed = section_of(view, "Check-ins of week 2026-W48")
    assert owed.split("\n")[1:] == ["• ERP phase 2", "• Onboarding standard"]
    assert "Someone else's" not in shown(view)
    assert "Portfolio" not in shown(view)


def test_a_skipped_prompt_is_not_owed_and_an_answer_clears_it(bot: LocalBot) -> None:
    erp, legal = seed(bot, {"title": "ERP phase 2"}, {"title": "Legal revamp"})
    add(bot, prompt(erp, skipped_at=TUESDAY), prompt(legal))
    assert section_of(open_home(bot, OWNER), "Check-ins of week").endswith("\n• Legal revamp")

    add(bot, answer(legal, WEEK, status="on_track"))
    view = open_home(bot, OWNER)
    assert "Check-ins of week" not in shown(view)
    assert "You are all caught up" in shown(view)


def test_a_member_sees_the_polls_they_have_not_voted_and_the_escalations_they_answer_for(
    bot: LocalBot,
) -> None:
    mine, theirs = seed(
        bot,
        {"title": "CRM migration", "accountable": ACCT},
        {"title": "Warehouse move", "accountable": ACCT2},
    )
    assert mine.id and theirs.id
    open_unvoted = poll("opscom", "Hire two more agents?")
    voted = poll("opscom", "Move the go-live to March?")
    add(
        bot,
        open_unvoted,
        voted,
        poll("opscom", "Closed already?", closed_at=TUESDAY - timedelta(hours=1)),
        poll("comex", "Not my committee?"),
        escalation(mine, "silent", level=2, opened_at=TUESDAY),
        escalation(mine, "overdue", resolved_at=TUESDAY),
        escalation(theirs, "blocked", level=3),
    )
    [voted_id] = [p.id for p in bot.rows(Arbitration) if p.question.startswith("Move")]
    assert voted_id
    add(bot, Vote(arbitration_id=voted_id, voter=ACCT, option=0, voted_at=TUESDAY))

    view = open_home(bot, ACCT)

    check_slack_accepts(view)
    assert "_You own no initiative this quarter._" in sections(view)
    [vote] = [text for text in sections(view) if "Vote in" in text]
    deadline = int((TUESDAY + timedelta(days=2)).timestamp())
    assert vote.startswith(":ballot_box_with_ballot: *Vote in opscom*: Hire two more agents?")
    assert f"Deadline <!date^{deadline}^" in vote and "vote in <#C0OPSCOM1>" in vote
    assert "Escalations you are accountable for" in headers(view)
    escalations = section_of(view, ":rotating_light:")
    assert escalations.startswith(
        ":rotating_light: *CRM migration* (Owner 1) has had no update for 2 weeks or more"
        " · level 2, accountable · since <!date^"
    )
    assert "\n" not in escalations, "the resolved one and the other accountable's are not shown"


def test_the_cmo_s_home_adds_the_portfolio(bot: LocalBot) -> None:
    late, _, _, _, _, _ = seed(
        bot,
        {"title": "Late one", "status": "off_track", "due": date(2026, 11, 20)},
        {"title": "Late but done", "status": "done", "due": date(2026, 11, 1)},
        {"title": "Comex green", "status": "on_track"},
        {"title": "Comex amber", "status": "at_risk"},
        {"title": "Ops green", "status": "on_track", "committee": "opscom"},
        {"title": "Nobody's", "committee": None},
    )
    seed(bot, {"title": "Last quarter, overdue", "quarter": "2026-Q3", "due": date(2026, 9, 1)})
    assert late.id
    agenda = poll("comex", "Agenda item")
    add(bot, agenda)
    add(
        bot,
        request(late, "More budget?"),
        request(late, "Already on the agenda", arbitration_id=bot.rows(Arbitration)[0].id),
        *[
            Decision(
                committee="comex",
                question=f"Question {n}",
                decision=f"Decision {n}",
                decided_by=CMO,
                decided_at=TUESDAY - timedelta(days=n),
                deferred=n == 2,
            )
            for n in range(1, 8)
        ],
    )

    view = open_home(bot, CMO)

    check_slack_accepts(view)
    assert "Portfolio · 2026-Q4" in headers(view)
    assert section_of(view, "*Initiatives by committee*").split("\n")[1:] == [
        "• *comex*: 🔴 1 · 🟡 1 · 🟢 1 · ✅ 1 · ⚪ 0",
        "• *opscom*: 🔴 0 · 🟡 0 · 🟢 1 · ✅ 0 · ⚪ 0",
        "• *No committee*: 🔴 0 · 🟡 0 · 🟢 0 · ✅ 0 · ⚪ 1",
    ]
    assert section_of(view, "*Overdue*").split("\n")[1:] == [
        "• *Last quarter, overdue* (Owner 1): due Sep 1, 2026",
        "• *Late one* (Owner 1): due Nov 20, 2026",
    ]
    assert section_of(view, "*Arbitration queue*").split("\n")[1:] == [
        "• comex · *Late one*: More budget? (Owner 1)"
    ]
    decisions = section_of(view, "*Recent decisions*").split("\n")[1:]
    assert [re.sub(r"<!date[^>]*> · ", "", line) for line in decisions] == [
        "• comex · *Question 1* → Decision 1",
        "• comex · *Question 2* → Deferred",
        "• comex · *Question 3* → Decision 3",
        "• comex · *Question 4* → Decision 4",
        "• comex · *Question 5* → Decision 5",
    ]
    # the CMO sits on both committees: the open poll is theirs to vote on too
    assert any(
        text.startswith(":ballot_box_with_ballot: *Vote in comex*") for text in sections(view)
    )


def test_someone_with_nothing_gets_a_friendly_empty_home(bot: LocalBot) -> None:
    seed(bot, {"title": "Not theirs"})
    view = open_home(bot, STRANGER)
    check_slack_accepts(view)
    assert headers(view) == ["Your rituals"]
    assert sections(view)[0].startswith(":sunny: *Nothing waits for you right now.*")
    assert checkin_buttons(view) == []


def test_only_the_home_tab_is_published(bot: LocalBot) -> None:
    seed(bot, {"title": "ERP phase 2"})
    response = bot.event(
        {
            "type": "app_home_opened",
            "user": OWNER,
            "channel": bot.standin.dm_channel(OWNER),
            "tab": "messages",
            "event_ts": f"{time.time():.6f}",
        }
    )
    assert response.status_code == 200, "the event has a listener: Slack does not retry"
    bot.settled()
    assert bot.standin.calls("views.publish") == []


def test_check_in_now_opens_the_check_in_modal_on_that_initiative(bot: LocalBot) -> None:
    _, erp = seed(bot, {"title": "Alpha rollout"}, {"title": "ERP phase 2"})
    view = open_home(bot, OWNER)
    [(_, button)] = [(t, b) for t, b in checkin_buttons(view) if "ERP phase 2" in t]

    response = bot.interact(
        {
            "type": "block_actions",
            "user": {"id": OWNER, "username": "owner1", "name": "owner1", "team_id": "T0STANDIN"},
            "api_app_id": "A0RITUAL1",
            "token": "verification_token",
            "container": {"type": "view", "view_id": view["id"]},
            "trigger_id": "12345.98765.home",
            "team": {"id": "T0STANDIN", "domain": "standin"},
            "is_enterprise_install": False,
            "view": view,
            "actions": [
                {
                    "type": "button",
                    "block_id": "home_initiative",
                    "action_id": button["action_id"],
                    "text": button["text"],
                    "value": button["value"],
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        }
    )

    assert response.status_code == 200
    [opened] = bot.standin.calls("views.open")
    assert opened.params["trigger_id"] == "12345.98765.home"
    modal = opened.params["view"]
    assert modal["callback_id"] == "checkin_modal"
    assert ModalState.model_validate_json(modal["private_metadata"]).period == WEEK
    chosen = modal["blocks"][0]["element"]["initial_option"]
    assert chosen["value"] == str(erp.id)


def test_owners_words_are_escaped_and_ping_nobody(bot: LocalBot) -> None:
    mine = seed(bot, {"title": HOSTILE, "kpi_name": HOSTILE, "accountable": OWNER})[0]
    assert mine.id
    add(
        bot,
        answer(mine, LAST_WEEK, status="at_risk", kpi_value=3.0, blockers=HOSTILE),
        prompt(mine),
        escalation(mine, "blocked"),
    )
    view = open_home(bot, OWNER)
    text = "\n".join(mrkdwn(view["blocks"]))
    assert "<!channel>" not in text and "<@U123>" not in text
    assert "49" not in re.sub(r"<!date\^[^>]*>", "", text), "a template evaluated the owner's text"
    # the title (initiative, owed list, escalation), the KPI name, the blockers
    assert text.count(ESCAPED) == 5


def test_three_hundred_initiatives_stay_within_slack_s_limits(bot: LocalBot) -> None:
    """The worst the roadmap can hold: 300 of everything, every text as long as its column
    allows and made of the characters that escaping lengthens most."""
    worst = "&<>" * 100  # 300 characters, 1300 once escaped
    owned = seed(
        bot,
        *[
            {
                "title": f"{n:03d}{worst}"[:300],
                "owner": CMO,
                "accountable": CMO,
                "due": date(2026, 11, 1),
            }
            for n in range(300)
        ],
        *[{"title": f"owner {n:03d}", "due": date(2026, 11, 2)} for n in range(300)],
    )
    rows: list[Any] = []
    for n, initiative in enumerate(owned):
        assert initiative.id
        rows += [
            prompt(initiative),
            answer(
                initiative,
                LAST_WEEK,
                status="off_track",
                progress=10,
                kpi_value=1.5,
                blockers=worst * 7,
                highlights=worst * 7,
                decision_request=worst,
            ),
            escalation(initiative, "off_track", level=3),
            request(initiative, worst * 7),
            Decision(
                committee="comex",
                question=worst * 7,
                decision=worst * 7,
                decided_by=CMO,
                decided_at=TUESDAY - timedelta(minutes=n),
            ),
        ]
    rows += [poll("comex", worst * 7) for _ in range(40)]
    add(bot, *rows)

    for user in (CMO, OWNER):
        view = open_home(bot, user)
        check_slack_accepts(view)
        assert len(checkin_buttons(view)) == 20
        assert {"type": "mrkdwn", "text": "_…and 280 more_"} in [
            e for b in view["blocks"] if b["type"] == "context" for e in b["elements"]
        ]
    assert section_of(view, "Check-ins of week").endswith("\n_…and 292 more_")


def test_the_home_takes_as_many_queries_for_300_initiatives_as_for_3(bot: LocalBot) -> None:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    def queries() -> int:
        statements.clear()
        event.listen(bot.engine, "before_cursor_execute", count)
        try:
            drawn(bot, CMO)
        finally:
            event.remove(bot.engine, "before_cursor_execute", count)
        return len(statements)

    def grow(start: int, stop: int) -> None:
        initiatives = seed(
            bot,
            *[
                {"title": f"I{n:03d}", "owner": CMO, "accountable": CMO, "due": date(2026, 11, 1)}
                for n in range(start, stop)
            ],
        )
        add(bot, *[answer(i, LAST_WEEK, status="at_risk") for i in initiatives])
        add(bot, *[prompt(i) for i in initiatives])
        add(bot, *[escalation(i, "silent") for i in initiatives])

    grow(0, 3)
    few = queries()
    grow(3, 300)
    many = queries()
    grow(300, 310)
    assert queries() == many <= few + 5, "a query per initiative (or per row shown)"


def test_the_french_home_says_it_in_french_with_the_same_structure(
    french: LocalBot, bot: LocalBot
) -> None:
    for each in (french, bot):  # the same roadmap, in a French and an English workspace
        initiative = seed(each, {"title": "Onboarding standard", "accountable": CMO})[0]
        add(
            each,
            answer(initiative, LAST_WEEK, status="at_risk", progress=60, kpi_value=4.5),
            prompt(initiative),
            escalation(initiative, "overdue", level=2),
        )

    view = open_home(french, OWNER)
    check_slack_accepts(view)
    assert headers(view)[:3] == ["Vos rituels", "Vos initiatives · 2026-Q4", "Ce que vous devez"]
    [(text, button)] = checkin_buttons(view)
    assert button["text"]["text"] == "Faire le point"
    assert text.startswith("⚪ *Onboarding standard* · échéance 18 déc. 2026\n")
    assert "*Dernier point* (2026-W47)\n🟡 *À risque* · avancement *60\xa0%*" in text
    assert "Lead time *4,5 days* (cible 5 days)" in text

    def skeleton(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: skeleton(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [skeleton(item) for item in value]
        return "…" if key == "text" else value

    for user in (OWNER, CMO, STRANGER):
        english, in_french = drawn(bot, user), drawn(french, user)
        assert skeleton(in_french) == skeleton(english)
        assert in_french != english


def test_the_home_tab_is_redrawn_after_an_answer_once_per_burst(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot, {"title": "Onboarding standard"})
    bot.dm(OWNER, "amber 40%")
    bot.settled()
    [published] = standin.calls("views.publish")
    assert published.params["user_id"] == OWNER
    assert "Onboarding standard" in json.dumps(published.params["view"])
    assert "At risk" in json.dumps(published.params["view"])

    # three answers while nothing is sent yet: one redraw, showing the last of them
    bot.core.delivery.stop()
    for said in ("red 10%", "amber 20%", "green 50%"):
        bot.dm(OWNER, said)
    bot.core.delivery.start()
    bot.settled()
    [redrawn] = standin.calls("views.publish")[1:]
    assert "On track" in json.dumps(redrawn.params["view"])
    assert "*50%*" in json.dumps(redrawn.params["view"], ensure_ascii=False)


def test_the_cmo_sees_how_often_owners_corrected_how_the_bot_read_them(bot: LocalBot) -> None:
    first, second = seed(bot, {"title": "ERP phase 2"}, {"title": "Pricing review"})
    assert first.id and second.id
    written, last_quarter = BEFORE, datetime(2026, 9, 20, 9, 0, tzinfo=UTC)
    add(
        bot,
        factories.answer(first.id, "2026-W45", at=written, is_current=False),
        factories.answer(first.id, "2026-W46", at=written, is_current=False),
        factories.answer(second.id, "2026-W46", at=written),
        # Correct on a receipt; then the form used on its own, not a correction
        factories.answer(first.id, "2026-W46", at=written, source="modal", corrected=True),
        factories.answer(first.id, "2026-W47", at=written, source="modal"),
        factories.answer(second.id, "2026-W38", at=last_quarter),  # not this quarter
    )
    view = open_home(bot, CMO)
    check_slack_accepts(view)
    said = "3 answers written as a message this quarter, one corrected afterwards with *Correct*"
    assert f"{said} (33.3%)." in texts(view)
    assert "written as a message" not in texts(open_home(bot, OWNER)), "the CMO's only"


def test_the_home_shows_an_absence_and_i_m_back_ends_it(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot, {"title": "Onboarding standard"})
    bot.command(OWNER, "/checkin", f"away for 2 weeks <@{OTHER}|someone>")
    bot.settled()

    view = open_home(bot, OWNER)
    check_slack_accepts(view)
    [away] = [b for b in view["blocks"] if ":palm_tree:" in b.get("text", {}).get("text", "")]
    assert away["text"]["text"] == (
        ":palm_tree: *You are away* until Dec 7, 2026, included:"
        " Owner 2 gets your prompts and answers for you meanwhile."
    )
    assert view["blocks"].index(away) == 1, "right under the header"
    assert (away["accessory"]["action_id"], away["accessory"]["text"]["text"]) == (
        "absence_back",
        "I'm back",
    )

    response = bot.click_in_view(OWNER, view, "absence_back")
    assert response.status_code == 200
    bot.settled()
    assert bot.rows(Absence) == [], "the same as /checkin back"
    assert "Welcome back" in texts(standin.messages(OWNER)[-1])
    redrawn = standin.calls("views.publish")[-1]
    assert redrawn.params["user_id"] == OWNER
    assert ":palm_tree:" not in json.dumps(redrawn.params["view"])
    assert "Onboarding standard" in json.dumps(redrawn.params["view"])


def test_a_coming_absence_shows_with_a_button_to_call_it_off(
    bot: LocalBot, french: LocalBot
) -> None:
    bot.command(STRANGER, "/checkin", "away tomorrow")
    bot.settled()
    view = open_home(bot, STRANGER)
    check_slack_accepts(view)
    [away] = [text for text in sections(view) if ":palm_tree:" in text]
    assert away == (
        ":palm_tree: *You will be away* on Nov 25, 2026: nobody will ask you for a check-in"
        " that day."
    )
    [button] = [b["accessory"] for b in view["blocks"] if "accessory" in b]
    assert (button["action_id"], button["text"]["text"]) == ("absence_back", "Cancel this absence")
    assert "Nothing waits for you right now" in shown(view)

    french.command(OWNER, "/checkin", "absent jusqu'au 15/12/2026")
    french.settled()
    vue = open_home(french, OWNER)
    [absent] = [text for text in sections(vue) if ":palm_tree:" in text]
    assert absent.startswith(":palm_tree: *Vous êtes absent* jusqu'au 15 déc. 2026 inclus")
    assert "Je suis de retour" in json.dumps(vue, ensure_ascii=False)
