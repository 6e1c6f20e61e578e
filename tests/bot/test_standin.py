"""The Slack stand-in, driven over real HTTP by slack_sdk's WebClient and by httpx."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.devtools.standin import Call, SlackStandIn

TOKEN = "xoxb-test"
USERS: dict[str, dict[str, Any]] = {
    "U0ALICE": {
        "email": "Alice.Martin@Example.com",
        "real_name": "Alice Martin",
        "tz": "Europe/Paris",
        "is_bot": False,
    },
    "W0BOB": {"email": "bob@example.com", "real_name": "Bob Stone", "tz": "Asia/Tokyo"},
}
TS = re.compile(r"^\d{10}\.\d{6}$")


@pytest.fixture
def slack() -> Iterator[SlackStandIn]:
    with SlackStandIn(users=USERS, token=TOKEN) as standin:
        yield standin


@pytest.fixture
def client(slack: SlackStandIn) -> WebClient:
    return WebClient(token=TOKEN, base_url=slack.url)


def api(
    slack: SlackStandIn,
    method: str,
    token: str = TOKEN,
    json: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
) -> httpx.Response:
    """A raw call, for what WebClient refuses to send or hides (headers, missing token)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.post(slack.url + method, headers=headers, json=json, data=data, timeout=5)


def test_post_message_to_a_user_id_lands_in_their_dm(
    slack: SlackStandIn, client: WebClient
) -> None:
    first = client.chat_postMessage(channel="U0ALICE", text="Check-in time")
    second = client.chat_postMessage(channel="U0ALICE", text="Reply", thread_ts=first["ts"])

    assert first["channel"] == second["channel"] == slack.dm_channel("U0ALICE")
    assert first["channel"].startswith("D")
    assert TS.match(first["ts"]) and TS.match(second["ts"])
    assert float(second["ts"]) > float(first["ts"])
    assert first["message"]["bot_id"] == "B0BOT0001"
    assert first["message"]["user"] == "U0BOT0001"
    assert "thread_ts" not in first["message"]
    assert second["message"]["thread_ts"] == first["ts"]
    assert [(m["text"], m["thread_ts"]) for m in slack.messages("U0ALICE")] == [
        ("Check-in time", None),
        ("Reply", first["ts"]),
    ]
    assert slack.messages(first["channel"]) == slack.messages("U0ALICE")
    opened = client.conversations_open(users="U0ALICE")
    assert opened["channel"]["id"] == first["channel"]


def test_post_message_refuses_unknown_users_and_empty_messages(
    slack: SlackStandIn, client: WebClient
) -> None:
    with pytest.raises(SlackApiError) as unknown:
        client.chat_postMessage(channel="U0NOBODY", text="hi")
    assert unknown.value.response["error"] == "channel_not_found"
    empty = api(slack, "chat.postMessage", json={"channel": "C0RITUALS", "text": ""})
    assert empty.json() == {"ok": False, "error": "no_text"}
    assert slack.messages("C0RITUALS") == []


def test_update_edits_the_message_state(slack: SlackStandIn, client: WebClient) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*Vote*"}}]
    posted = client.chat_postMessage(channel="C0RITUALS", text="Vote", blocks=blocks)
    client.chat_postMessage(channel="C0RITUALS", text="Other")

    updated = client.chat_update(channel="C0RITUALS", ts=posted["ts"], text="Closed")

    assert updated["ts"] == posted["ts"] and updated["text"] == "Closed"
    assert slack.messages("C0RITUALS")[0] == {
        "ts": posted["ts"],
        "channel": "C0RITUALS",
        "text": "Closed",
        "blocks": blocks,
        "thread_ts": None,
    }
    assert slack.messages("C0RITUALS")[1]["text"] == "Other"
    with pytest.raises(SlackApiError) as missing:
        client.chat_update(channel="C0RITUALS", ts="1.000001", text="x")
    assert missing.value.response["error"] == "message_not_found"


def test_delete_and_permalink(slack: SlackStandIn, client: WebClient) -> None:
    posted = client.chat_postMessage(channel="C0RITUALS", text="Oops")
    link = client.chat_getPermalink(channel="C0RITUALS", message_ts=posted["ts"])
    assert link["permalink"].endswith("/archives/C0RITUALS/p" + posted["ts"].replace(".", ""))

    client.chat_delete(channel="C0RITUALS", ts=posted["ts"])

    assert slack.messages("C0RITUALS") == []
    assert client.chat_postEphemeral(channel="C0RITUALS", user="U0ALICE", text="psst")["message_ts"]


def test_lookup_by_email_is_case_insensitive_and_misses_cleanly(client: WebClient) -> None:
    found = client.users_lookupByEmail(email="alice.martin@example.COM")
    assert found["user"]["id"] == "U0ALICE"
    with pytest.raises(SlackApiError) as missing:
        client.users_lookupByEmail(email="carol@example.com")
    assert missing.value.response["error"] == "users_not_found"


def test_users_info_has_slack_shape(client: WebClient) -> None:
    user = client.users_info(user="U0ALICE")["user"]

    assert user["real_name"] == "Alice Martin"
    assert user["tz"] == "Europe/Paris" and user["tz_offset"] in (3600, 7200)
    assert user["is_bot"] is False
    assert user["profile"]["email"] == "Alice.Martin@Example.com"
    assert client.users_info(user="W0BOB")["user"]["tz_offset"] == 9 * 3600
    with pytest.raises(SlackApiError) as missing:
        client.users_info(user="U0NOBODY")
    assert missing.value.response["error"] == "user_not_found"


def test_views_open_update_and_publish(slack: SlackStandIn, client: WebClient) -> None:
    view = {
        "type": "modal",
        "callback_id": "arbitrate",
        "title": {"type": "plain_text", "text": "A"},
    }
    opened = client.views_open(trigger_id="111.222.valid", view=view)["view"]
    assert opened["id"].startswith("V") and opened["callback_id"] == "arbitrate"

    updated = client.views_update(view_id=opened["id"], view={**view, "callback_id": "b"})
    assert updated["view"]["id"] == opened["id"] and updated["view"]["callback_id"] == "b"
    home = client.views_publish(user_id="U0ALICE", view={"type": "home", "blocks": []})
    assert home["view"]["type"] == "home"
    no_trigger = api(slack, "views.open", json={"view": view}).json()
    assert no_trigger == {"ok": False, "error": "invalid_arguments"}


def test_injected_500_fails_once_then_recovers(slack: SlackStandIn, client: WebClient) -> None:
    slack.fail("chat.postMessage", status=500)

    with pytest.raises(SlackApiError) as failed:
        client.chat_postMessage(channel="C0RITUALS", text="first")
    assert failed.value.response.status_code == 500
    client.chat_postMessage(channel="C0RITUALS", text="second")

    assert [c.params["text"] for c in slack.calls("chat.postMessage")] == ["second"]
    assert [c.status for c in slack.calls("chat.postMessage", all=True)] == [500, 200]
    assert [m["text"] for m in slack.messages("C0RITUALS")] == ["second"]


def test_injected_error_only_hits_its_channel(slack: SlackStandIn, client: WebClient) -> None:
    slack.fail("chat.postMessage", error="channel_not_found", channel="C0GONE", times=2)

    client.chat_postMessage(channel="C0RITUALS", text="fine")
    for _ in range(2):
        with pytest.raises(SlackApiError) as failed:
            client.chat_postMessage(channel="C0GONE", text="lost")
        assert failed.value.response.status_code == 200
        assert failed.value.response["error"] == "channel_not_found"
    client.chat_postMessage(channel="C0GONE", text="back")

    assert [m["text"] for m in slack.messages("C0GONE")] == ["back"]


def test_rate_limit_answers_429_with_retry_after() -> None:
    with SlackStandIn(token=TOKEN, rate_limits={"chat.postMessage": (2, 2)}) as slack:
        client = WebClient(token=TOKEN, base_url=slack.url)
        client.chat_postMessage(channel="C0RITUALS", text="1")
        client.chat_postMessage(channel="C0RITUALS", text="2")
        with pytest.raises(SlackApiError) as limited:
            client.chat_postMessage(channel="C0RITUALS", text="3")

        assert limited.value.response.status_code == 429
        assert limited.value.response["error"] == "ratelimited"
        assert int(limited.value.response.headers["Retry-After"]) >= 1
        raw = api(slack, "chat.postMessage", json={"channel": "C0RITUALS", "text": "4"})
        assert raw.status_code == 429 and int(raw.headers["Retry-After"]) >= 1
        assert len(slack.calls("chat.postMessage")) == 2


def test_response_url_posts_are_recorded(slack: SlackStandIn) -> None:
    webhook = WebhookClient(slack.response_url("cmd-42"))

    answer = webhook.send_dict({"text": "Done", "replace_original": True})

    assert answer.status_code == 200
    [call] = slack.calls("response_url")
    assert call.params == {"text": "Done", "replace_original": True, "_key": "cmd-42"}


def test_wait_for_sees_a_call_made_from_another_thread(
    slack: SlackStandIn, client: WebClient
) -> None:
    def post_later() -> None:
        time.sleep(0.05)
        client.chat_postMessage(channel="U0ALICE", text="from the worker")

    worker = threading.Thread(target=post_later)
    started = time.monotonic()
    worker.start()
    calls = slack.wait_for(lambda calls: any(c.method == "chat.postMessage" for c in calls))
    waited = time.monotonic() - started
    worker.join()

    assert waited < 2, "wait_for woke on its timeout, not on the call"

    assert calls[-1].params["text"] == "from the worker"
    assert calls[-1].response["channel"] == slack.dm_channel("U0ALICE")


def test_concurrent_posts_get_unique_increasing_ts(slack: SlackStandIn) -> None:
    def post_many(worker: int) -> None:
        client = WebClient(token=TOKEN, base_url=slack.url)
        for i in range(25):
            client.chat_postMessage(channel="C0LOAD", text=f"{worker}-{i}")

    workers = [threading.Thread(target=post_many, args=(n,)) for n in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    stamps = [m["ts"] for m in slack.messages("C0LOAD")]
    assert len(stamps) == len(set(stamps)) == 200
    assert stamps == sorted(stamps, key=float)
    assert len(slack.calls("chat.postMessage")) == 200


def test_wait_for_timeout_says_what_was_seen(slack: SlackStandIn, client: WebClient) -> None:
    client.chat_postMessage(channel="C0RITUALS", text="not what you wait for")

    def never(calls: list[Call]) -> bool:
        return any(c.method == "views.open" for c in calls)

    with pytest.raises(AssertionError, match=r"0\.2s(.|\n)*chat\.postMessage -> 200 ok"):
        slack.wait_for(never, timeout=0.2)


def test_auth_is_checked(slack: SlackStandIn) -> None:
    with pytest.raises(SlackApiError) as wrong:
        WebClient(token="xoxb-wrong", base_url=slack.url).auth_test()
    assert wrong.value.response["error"] == "invalid_auth"
    assert api(slack, "auth.test", token="").json()["error"] == "not_authed"
    form_token = api(slack, "auth.test", token="", data={"token": TOKEN}).json()
    assert form_token["user_id"] == "U0BOT0001" and form_token["team_id"] == "T0STANDIN"
    assert api(slack, "chat.unknownThing").json() == {"ok": False, "error": "unknown_method"}


def test_form_query_and_keep_alive(slack: SlackStandIn) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    blocks = '[{"type": "divider"}]'
    ports = set()
    started = time.monotonic()
    with httpx.Client(base_url=slack.url, headers=headers, timeout=2) as http:
        for _ in range(100):
            form = http.post("chat.postMessage", data={"channel": "C0RITUALS", "blocks": blocks})
            query = http.get("users.info", params={"user": "W0BOB"})
            assert form.json()["ok"] and query.json()["user"]["id"] == "W0BOB"
            for response in (form, query):
                ports.add(response.extensions["network_stream"].get_extra_info("client_addr"))

    assert len(ports) == 1, "each call opened its own connection: no keep-alive"
    # Nagle's algorithm against delayed ACKs would cost ~40 ms a call.
    assert time.monotonic() - started < 3
    assert slack.messages("C0RITUALS")[0]["blocks"] == [{"type": "divider"}]
    assert slack.calls("chat.postMessage")[0].params["blocks"] == [{"type": "divider"}]


def test_bolt_app_starts_against_the_standin(slack: SlackStandIn, client: WebClient) -> None:
    app = App(client=client, signing_secret="secret")

    assert app.client.auth_test()["bot_id"] == "B0BOT0001"
    assert [c.method for c in slack.calls()] == ["auth.test", "auth.test"]


def test_stop_closes_the_port_and_idle_connections() -> None:
    standin = SlackStandIn(token=TOKEN).start()
    url = standin.url
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=1) as kept_alive:
        assert kept_alive.post(url + "auth.test").json()["ok"]
        standin.stop()

        with pytest.raises(httpx.TransportError):
            kept_alive.post(url + "auth.test")
    with pytest.raises(httpx.ConnectError):
        httpx.post(url + "auth.test", timeout=1)
