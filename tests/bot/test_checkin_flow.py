"""The weekly check-in, end to end: signed Slack requests into the running bot, the Slack
traffic it causes and the rows it stores."""

from __future__ import annotations

import json
import time
from datetime import timedelta

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import CheckIn, CheckinPrompt, InboxItem, Initiative, ProcessedEvent
from tests.blockkit import assert_pings_nobody, check_message, texts
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import run_ritual, sign

OWNER, OTHER, STRANGER = "U0OWNER01", "U0OWNER02", "U0STRANGE"


def run_checkin(bot: LocalBot, at=TUESDAY) -> None:
    run_ritual(bot, "checkin", now=at)
    bot.settled()


def current(bot: LocalBot) -> list[CheckIn]:
    return [c for c in bot.rows(CheckIn) if c.is_current]


def test_checkin_dms_each_person_once_listing_their_initiatives_and_a_rerun_sends_nothing(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER), ("ERP phase 2", OWNER), ("Revue prix", OTHER))
    run_checkin(bot)

    posts = standin.calls("chat.postMessage")
    assert sorted(c.params["channel"] for c in posts) == [OWNER, OTHER]
    [prompt] = standin.messages(OWNER)
    assert "Onboarding standard" in texts(prompt) and "ERP phase 2" in texts(prompt)
    assert "Revue prix" not in texts(prompt)
    actions = [
        [e["action_id"] for e in b["elements"]] for b in prompt["blocks"] if b["type"] == "actions"
    ]
    each = ["checkin_update", "checkin_no_change", "checkin_skip"]
    assert actions == [each, each, ["checkin_update_all", "checkin_away"]]
    assert "target *5 jours*" in texts(prompt)
    [single] = standin.messages(OTHER)
    assert [b["elements"][-1]["action_id"] for b in single["blocks"] if b["type"] == "actions"][
        -1
    ] == "checkin_away"
    assert "checkin_update_all" not in json.dumps(single)
    for message in (prompt, single):
        check_message(message)

    run_checkin(bot)
    run_checkin(bot, at=TUESDAY + timedelta(days=2))
    assert len(standin.calls("chat.postMessage")) == 2
    assert sorted(p.recipient for p in bot.rows(CheckinPrompt)) == [OWNER, OWNER, OTHER]


def test_a_french_reply_in_the_prompt_thread_naming_an_initiative_is_stored_and_confirmed(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER), ("ERP phase 2", OWNER))
    run_checkin(bot)
    [prompt] = standin.messages(OWNER)

    response, _ = bot.dm(
        OWNER, "ERP : vert 60% kpi 4,5 — bloqué par le juridique", thread_ts=prompt["ts"]
    )
    assert response.status_code == 200
    bot.settled()

    [checkin] = current(bot)
    titles = {i.id: i.title for i in bot.rows(Initiative)}
    assert titles[checkin.initiative_id] == "ERP phase 2"
    assert (
        checkin.status,
        checkin.progress,
        checkin.kpi_value,
        checkin.source,
    ) == ("on_track", 60, 4.5, "message")
    assert "juridique" in (checkin.blockers or "")
    assert checkin.period == "2026-W48"
    receipt = standin.messages(OWNER)[-1]
    assert receipt["thread_ts"] == prompt["ts"]
    assert "ERP phase 2" in texts(receipt) and "60%" in texts(receipt)
    assert "juridique" in texts(receipt) and "Correct" in texts(receipt)


def test_four_initiatives_answered_in_one_message_get_one_receipt(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(
        bot.engine,
        ("ERP phase 2", OWNER),
        ("Onboarding standard", OWNER),
        ("Revue prix", OWNER),
        ("Data warehouse", OWNER),
    )
    run_checkin(bot)
    [prompt] = standin.messages(OWNER)
    bot.dm(
        OWNER,
        "ERP : vert 60 %\nOnboarding : orange 40 %\nRevue prix : rouge, bloqué par la DAF\n"
        "Data warehouse : terminé",
        thread_ts=prompt["ts"],
    )
    bot.settled()

    titles = {i.id: i.title for i in bot.rows(Initiative)}
    stored = {titles[c.initiative_id]: (c.status, c.progress) for c in current(bot)}
    assert stored == {
        "ERP phase 2": ("on_track", 60),
        "Onboarding standard": ("at_risk", 40),
        "Revue prix": ("off_track", None),
        "Data warehouse": ("done", None),
    }
    replies = standin.messages(OWNER)[1:]
    assert len(replies) == 1
    [receipt] = replies
    assert all(title in texts(receipt) for title in stored)
    check_message(receipt)


def test_a_plain_english_dm_from_a_single_initiative_owner_is_recorded(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Price review by segment", OTHER))
    bot.dm(OTHER, "on track, 80%, KPI at 12.3 days; no blockers")
    bot.settled()

    [checkin] = current(bot)
    assert (checkin.status, checkin.progress, checkin.kpi_value, checkin.blockers) == (
        "on_track",
        80,
        12.3,
        None,
    )
    assert "Price review by segment" in texts(standin.messages(OTHER)[-1])


def test_an_owner_of_several_initiatives_is_asked_which_and_the_answer_is_stored_once_chosen(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER), ("ERP phase 2", OWNER))
    bot.dm(OWNER, "🔴 stuck: waiting for the supplier")
    bot.settled()
    assert current(bot) == []
    question = standin.messages(OWNER)[-1]
    assert "Which initiative" in texts(question)

    bot.click(OWNER, question, "checkin_choose_1")  # initiatives are offered by title
    bot.settled()
    [checkin] = current(bot)
    assert checkin.status == "off_track" and "supplier" in (checkin.blockers or "")
    titles = {i.id: i.title for i in bot.rows(Initiative)}
    assert titles[checkin.initiative_id] == "ERP phase 2"
    [answered] = [m for m in standin.messages(OWNER) if m["ts"] == question["ts"]]
    assert "Recorded for *ERP phase 2*" in texts(answered) and "checkin_choose" not in str(answered)
    receipt = standin.messages(OWNER)[-1]
    assert "Update recorded for *ERP phase 2*" in texts(receipt)

    sent = len(standin.calls())
    bot.click(OWNER, question, "checkin_choose_2")  # a second click changes nothing
    bot.settled()
    assert len(current(bot)) == 1 and len(standin.calls()) == sent


def test_something_unreadable_gets_help_and_nothing_is_stored(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    bot.dm(OWNER, "hello, how are you?")
    bot.settled()
    assert bot.rows(CheckIn) == []
    help_text = texts(standin.messages(OWNER)[-1])
    assert "nothing was recorded" in help_text and "green, 60%" in help_text


def test_a_dm_from_someone_who_owns_nothing_gets_a_polite_explanation(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    bot.dm(STRANGER, "green 50%")
    bot.settled()
    assert bot.rows(CheckIn) == []
    assert "do not own any initiative" in texts(standin.messages(STRANGER)[-1])


def test_a_later_answer_replaces_the_current_one_and_history_is_kept(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    bot.dm(OWNER, "amber 40%")
    bot.dm(OWNER, "green 55%")
    bot.settled()
    rows = sorted(bot.rows(CheckIn), key=lambda c: c.id)
    assert [(c.status, c.progress, c.is_current) for c in rows] == [
        ("at_risk", 40, False),
        ("on_track", 55, True),
    ]
    assert "replaced" in texts(standin.messages(OWNER)[-1])


def test_an_edited_message_updates_its_checkin(bot: LocalBot, standin: SlackStandIn) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    _, ts = bot.dm(OWNER, "amber 40%")
    channel = standin.dm_channel(OWNER)
    bot.event(
        {
            "type": "message",
            "subtype": "message_changed",
            "hidden": True,
            "channel": channel,
            "channel_type": "im",
            "ts": f"{time.time():.6f}",
            "event_ts": f"{time.time():.6f}",
            "message": {
                "type": "message",
                "user": OWNER,
                "text": "amber 45% kpi 7",
                "ts": ts,
                "edited": {"user": OWNER, "ts": f"{time.time():.6f}"},
            },
            "previous_message": {"type": "message", "user": OWNER, "text": "amber 40%", "ts": ts},
        }
    )
    bot.settled()
    [checkin] = current(bot)
    assert (checkin.status, checkin.progress, checkin.kpi_value, checkin.message_ts) == (
        "at_risk",
        45,
        7.0,
        ts,
    )


def test_slack_redeliveries_and_the_bots_own_messages_are_processed_once_or_not_at_all(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    _, ts = bot.dm(OWNER, "green 30%", event_id="Ev0REPEAT1")
    bot.dm(OWNER, "green 30%", event_id="Ev0REPEAT1", ts=ts)  # Slack's retry
    bot.dm(OWNER, "green 30%", event_id="Ev0OTHER01", ts=ts)  # same message, new envelope
    bot.event(
        {
            "type": "message",
            "channel": standin.dm_channel(OWNER),
            "bot_id": "B0BOT0001",
            "text": "green 99%",
            "ts": f"{time.time():.6f}",
            "channel_type": "im",
        }
    )
    bot.settled()
    assert len(bot.rows(CheckIn)) == 1
    assert len([m for m in standin.messages(OWNER) if "Update recorded" in texts(m)]) == 1
    # Slack's retry is the same inbox row; the bot's own message is not work at all
    assert sorted(row.key for row in bot.rows(InboxItem)) == [
        "event:Ev0OTHER01",
        "event:Ev0REPEAT1",
    ]
    channel = standin.dm_channel(OWNER)
    assert [e.key for e in bot.rows(ProcessedEvent)] == [f"msg:{channel}:{ts}"]


def test_no_change_repeats_the_last_status_and_skip_spares_the_owner_the_reminder(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER), ("Revue prix", OTHER))
    bot.dm(OWNER, "red 20% blocker: budget freeze")
    bot.settled()
    run_checkin(bot, at=TUESDAY + timedelta(days=7))
    [prompt] = [p for p in standin.messages(OWNER) if "Weekly check-in" in texts(p)]
    assert "budget freeze" in texts(prompt)  # the last answer is shown

    bot.click(OWNER, prompt, "checkin_no_change")
    other_prompt = next(p for p in standin.messages(OTHER) if "Weekly check-in" in texts(p))
    bot.click(OTHER, other_prompt, "checkin_skip")
    bot.settled()
    latest = [c for c in current(bot) if c.period == "2026-W49"]
    assert [(c.status, c.progress, c.blockers, c.source) for c in latest] == [
        ("off_track", 20, "budget freeze", "button")
    ]

    reminded = run_ritual(bot, "reminder", now=TUESDAY + timedelta(days=8))
    bot.settled()
    assert reminded.first_run and reminded.queued == 0
    assert not [
        c for c in standin.calls("chat.postMessage") if "reminder" in json.dumps(c.params).lower()
    ]


def test_the_reminder_nudges_only_those_who_have_not_answered_once_in_the_thread(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER), ("Revue prix", OTHER))
    run_checkin(bot)
    bot.dm(OTHER, "vert 70%")
    bot.settled()

    for _ in range(2):
        run_ritual(bot, "reminder", now=TUESDAY + timedelta(days=1))
        bot.settled()
    nudges = [c for c in standin.calls("chat.postMessage") if "reminder" in texts(c.params).lower()]
    assert len(nudges) == 1
    prompt = next(p for p in standin.messages(OWNER) if "Weekly check-in" in texts(p))
    assert nudges[0].params["thread_ts"] == prompt["ts"]
    assert nudges[0].response["channel"] == standin.dm_channel(OWNER)


def test_update_opens_the_modal_and_the_submission_is_stored_with_a_receipt(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    run_checkin(bot)
    prompt = standin.messages(OWNER)[0]
    bot.click(OWNER, prompt, "checkin_update")
    [opened] = standin.calls("views.open")
    view = opened.params["view"]
    assert view["callback_id"] == "checkin_modal"

    response = bot.submit(
        OWNER,
        view,
        {
            "status": "at_risk",
            "progress": 35,
            "kpi": "6.5",
            "blockers": "hiring freeze",
            "decision": "Extend budget?",
        },
    )
    assert response.status_code == 200 and response.content in (b"", b"{}")
    bot.settled()
    [checkin] = current(bot)
    assert (
        checkin.status,
        checkin.progress,
        checkin.kpi_value,
        checkin.blockers,
        checkin.decision_request,
        checkin.source,
    ) == ("at_risk", 35, 6.5, "hiring freeze", "Extend budget?", "modal")
    receipt = standin.messages(OWNER)[-1]
    assert receipt["thread_ts"] == prompt["ts"] and "hiring freeze" in texts(receipt)


def test_a_bad_modal_value_is_shown_in_the_form_and_nothing_is_stored(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    bot.command(OWNER, "/checkin")
    [opened] = standin.calls("views.open")
    response = bot.submit(OWNER, opened.params["view"], {"status": "on_track", "progress": "140"})
    assert response.json() == {
        "response_action": "errors",
        "errors": {"progress": "Write a whole number from 0 to 100, e.g. 60."},
    }
    assert bot.rows(CheckIn) == []


def test_checkin_command_from_someone_without_initiatives_is_answered_privately(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    bot.command(STRANGER, "/checkin")
    bot.settled()
    [reply] = standin.calls("response_url")
    assert reply.params["response_type"] == "ephemeral"
    assert "do not own any initiative" in reply.params["text"]
    assert standin.calls("views.open") == []


def test_owners_text_is_shown_as_written_and_pings_nobody(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    bot.dm(OWNER, "green 10% blocker: &lt;!channel&gt; {{ 7*7 }} &lt;@U0CEO0001&gt; &amp; co")
    bot.settled()
    [checkin] = current(bot)
    assert checkin.blockers == "<!channel> {{ 7*7 }} <@U0CEO0001> & co"
    receipt = standin.messages(OWNER)[-1]
    assert "&lt;!channel&gt; {{ 7*7 }} &lt;@U0CEO0001&gt; &amp; co" in texts(receipt)
    assert "49" not in texts(receipt)
    assert assert_pings_nobody(receipt) > 0


def test_forged_unsigned_and_stale_requests_are_refused_and_change_nothing(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    body = json.dumps(
        {
            "type": "event_callback",
            "event_id": "Ev0FORGED1",
            "event": {
                "type": "message",
                "channel": standin.dm_channel(OWNER),
                "user": OWNER,
                "text": "green 99%",
                "ts": "1.2",
                "channel_type": "im",
            },
        }
    ).encode()
    now = int(time.time())
    forged = bot.post(body, "application/json", signature=sign(body, now, secret="not-the-secret"))
    stale = bot.post(body, "application/json", timestamp=now - 301)
    unsigned = bot.http.post(
        "/slack/events", content=body, headers={"Content-Type": "application/json"}
    )
    assert [r.status_code for r in (forged, stale, unsigned)] == [401, 401, 401]
    assert bot.rows(CheckIn) == [] and bot.rows(ProcessedEvent) == []
    assert standin.calls() == []


def test_healthz_answers_when_the_database_is_reachable(bot: LocalBot) -> None:
    response = bot.http.get("/healthz")
    assert response.status_code == 200 and response.text == "ok\n"


def test_a_failure_behind_a_button_is_told_privately_and_logged_not_shown(
    bot: LocalBot, standin: SlackStandIn, caplog
) -> None:
    seed(bot.engine, ("Onboarding standard", OWNER))
    standin.fail("views.open", error="internal_error")
    response = bot.command(OWNER, "/checkin")
    assert response.status_code == 200 and response.content == b""
    bot.settled()
    [reply] = standin.calls("response_url")
    assert reply.params["response_type"] == "ephemeral"
    assert "Something went wrong on my side" in reply.params["text"]
    assert "Traceback" not in json.dumps(reply.params)
    assert any(r.exc_info for r in caplog.records), "the log keeps the stack trace"


def test_an_event_no_listener_expects_is_still_acknowledged(bot: LocalBot) -> None:
    response = bot.event(
        {
            "type": "message",
            "subtype": "channel_join",
            "channel": "C0COMEX01",
            "user": OWNER,
            "ts": "1.000001",
            "channel_type": "channel",
        }
    )
    assert response.status_code == 200
