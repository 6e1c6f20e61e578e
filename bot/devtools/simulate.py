"""The real bot serving HTTP on loopback, and simulated Slack users sending it requests
signed as Slack signs them: used by `ritualbot demo`, the whole-app tests and benchmarks.

Past 300 lines: the whole app on loopback plus one signed-request helper per Slack
surface (event, command, action, view, shortcut) the tests and the demo drive."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.parse
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx
from sqlmodel import Session, SQLModel, select

from bot.app import Bot, build
from bot.devtools.standin import APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID, SlackStandIn
from bot.settings import Settings
from bot.web.server import ServerThread, make_server
from rituals.models import InboxItem, OutboxMessage


def sign(body: bytes, timestamp: int, secret: str) -> str:
    base = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class LocalBot:
    """ritualbot serving HTTP on loopback, with the stand-in Slack behind it.

    Requests take the production path — stored in the inbox, acknowledged, done by the inbox
    worker — and each request helper returns once the inbox has nothing left to do, so
    whoever drives it can look at the stored rows as soon as it returns."""

    _ids = itertools.count(1)

    @classmethod
    def _next_ts(cls) -> str:
        """A message ts as Slack writes them, unique within the run."""
        return f"{int(time.time())}.{next(cls._ids):06d}"

    def __init__(
        self,
        settings: Settings,
        standin: SlackStandIn,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        assert settings.signing_secret is not None
        self.secret = settings.signing_secret.get_secret_value()
        self.standin = standin
        self.settings = settings
        self.core: Bot = build(self.settings, now=clock, strict_words=True)
        self.app = self.core.bolt()
        self.server = ServerThread(
            make_server(self.core.web(self.app), host="127.0.0.1", port=0, threads=8)
        )
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{self.server.port}", timeout=10)

    @property
    def engine(self) -> Any:
        return self.core.database.engine

    def __enter__(self) -> LocalBot:
        self.server.start()
        self.core.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()
        self.http.close()
        self.core.stop()

    # -- requests as Slack sends them ------------------------------------------------

    def post(
        self,
        body: bytes,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        stamp = int(time.time()) if timestamp is None else timestamp
        response = self.http.post(
            "/slack/events",
            content=body,
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": str(stamp),
                "X-Slack-Signature": signature or sign(body, stamp, self.secret),
                **(headers or {}),
            },
        )
        self.worked()
        return response

    def event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry: int | None = None
    ) -> httpx.Response:
        envelope = {
            "token": "verification_token",
            "team_id": "T0STANDIN",
            "api_app_id": "A0RITUAL1",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self._ids):08d}",
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "team_id": "T0STANDIN",
                    "user_id": "U0BOT0001",
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
        }
        headers = (
            {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
            if retry
            else None
        )
        return self.post(json.dumps(envelope).encode(), "application/json", headers=headers)

    def dm(
        self,
        user: str,
        text: str,
        *,
        thread_ts: str | None = None,
        ts: str | None = None,
        event_id: str | None = None,
    ) -> tuple[httpx.Response, str]:
        """The owner writes to the bot in their DM (or in a thread of it)."""
        ts = ts or self._next_ts()
        event = {
            "type": "message",
            "channel": self.standin.dm_channel(user),
            "user": user,
            "text": text,
            "ts": ts,
            "event_ts": ts,
            "channel_type": "im",
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
            event["parent_user_id"] = "U0BOT0001"
        return self.event(event, event_id=event_id), ts

    def interact(self, payload: dict[str, Any]) -> httpx.Response:
        body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(body, "application/x-www-form-urlencoded")

    def click(
        self, user: str, message: dict[str, Any], action_id: str, *, block: str | None = None
    ) -> httpx.Response:
        """The user clicks a button of a message the bot posted (the first `action_id`, or
        the one in the block `block`)."""
        block_id, button = next(
            (found.get("block_id", "b"), element)
            for found in message.get("blocks") or []
            if block is None or found.get("block_id") == block
            for element in [*found.get("elements", []), found.get("accessory") or {}]
            if element.get("action_id") == action_id
        )
        return self.interact(
            {
                "type": "block_actions",
                "user": _who(user),
                "api_app_id": "A0RITUAL1",
                "token": "verification_token",
                "container": {
                    "type": "message",
                    "message_ts": message["ts"],
                    "channel_id": message["channel"],
                    "is_ephemeral": False,
                },
                "trigger_id": f"{next(self._ids)}.222.trigger",
                "team": {"id": "T0STANDIN", "domain": "standin"},
                "channel": {"id": message["channel"], "name": "directmessage"},
                "message": {
                    "type": "message",
                    "ts": message["ts"],
                    "text": message.get("text", ""),
                    "blocks": message.get("blocks", []),
                },
                "response_url": self.standin.response_url(f"action-{next(self._ids)}"),
                "actions": [{**button, "block_id": block_id, "action_ts": f"{time.time():.6f}"}],
            }
        )

    def click_in_view(self, user: str, view: dict[str, Any], action_id: str) -> httpx.Response:
        """The user clicks a button inside a modal the bot opened (`view` as Slack answered
        views.open or views.update): a block_actions whose container is the view, carrying
        the view itself and no response URL, as Slack sends it."""
        block_id, button = next(
            (found.get("block_id", "b"), element)
            for found in view.get("blocks") or []
            for element in [*found.get("elements", []), found.get("accessory") or {}]
            if element.get("action_id") == action_id
        )
        shown = {"state": {"values": {}}, "private_metadata": "", **view}
        return self.interact(
            {
                "type": "block_actions",
                "user": _who(user),
                "api_app_id": "A0RITUAL1",
                "token": "verification_token",
                "container": {"type": "view", "view_id": view["id"]},
                "trigger_id": f"{next(self._ids)}.555.trigger",
                "team": {"id": "T0STANDIN", "domain": "standin"},
                "enterprise": None,
                "is_enterprise_install": False,
                "view": shown,
                "actions": [{**button, "block_id": block_id, "action_ts": f"{time.time():.6f}"}],
            }
        )

    def command(
        self, user: str, command: str, text: str = "", channel: str = "D0SOMEDM1"
    ) -> httpx.Response:
        form = {
            "token": "verification_token",
            "team_id": "T0STANDIN",
            "team_domain": "standin",
            "channel_id": channel,
            "channel_name": "directmessage",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0RITUAL1",
            "is_enterprise_install": "false",
            "response_url": self.standin.response_url(f"command-{next(self._ids)}"),
            "trigger_id": f"{next(self._ids)}.333.trigger",
        }
        return self.post(urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded")

    @classmethod
    def written(cls, author: str, text: str, channel: str = "C0GENERAL1") -> dict[str, Any]:
        """A message a person wrote in a channel, as Slack hands it to a message shortcut:
        the author's id, the text as Slack escapes it, and its rich_text block."""
        ts = cls._next_ts()
        return {
            "client_msg_id": f"{next(cls._ids):08d}-0000-4000-8000-000000000000",
            "type": "message",
            "text": text,
            "user": author,
            "ts": ts,
            "team": "T0STANDIN",
            "channel": channel,  # not in Slack's message: where the payload says it is
            "blocks": [
                {
                    "type": "rich_text",
                    "block_id": f"r{next(cls._ids)}",
                    "elements": [
                        {
                            "type": "rich_text_section",
                            "elements": [{"type": "text", "text": text}],
                        }
                    ],
                }
            ],
        }

    def shortcut(
        self, user: str, message: dict[str, Any], callback_id: str = "record_checkin"
    ) -> httpx.Response:
        """The user runs a message shortcut (⋮ More actions) on `message` (from `written`,
        or one the bot posted): a `message_action` carrying the whole message, its channel
        and a response URL, as Slack sends it."""
        channel = str(message.get("channel") or "C0GENERAL1")
        shown = {k: v for k, v in message.items() if k not in ("channel", "thread_ts")}
        shown.setdefault("type", "message")
        if "user" not in shown:  # one the bot posted (SlackStandIn.messages): Slack says so
            shown |= {"user": BOT_USER_ID, "bot_id": BOT_ID, "app_id": APP_ID, "team": TEAM_ID}
        if message.get("thread_ts"):
            shown["thread_ts"] = message["thread_ts"]
        return self.interact(
            {
                "type": "message_action",
                "token": "verification_token",
                "action_ts": f"{time.time():.6f}",
                "team": {"id": "T0STANDIN", "domain": "standin"},
                "user": {"id": user, "name": user.lower(), "team_id": "T0STANDIN"},
                "channel": {"id": channel, "name": channel.lower()},
                "is_enterprise_install": False,
                "enterprise": None,
                "callback_id": callback_id,
                "trigger_id": f"{next(self._ids)}.666.trigger",
                "message_ts": message["ts"],
                "message": shown,
                "response_url": self.standin.response_url(f"shortcut-{next(self._ids)}"),
            }
        )

    def submit(self, user: str, view: dict[str, Any], values: dict[str, Any]) -> httpx.Response:
        """The user fills the modal the bot opened and presses Save: each value lands in
        the state shape of its input's element type, as Slack sends it."""
        elements = {
            block["block_id"]: block["element"]
            for block in view.get("blocks", [])
            if block.get("type") == "input"
        }
        state: dict[str, dict[str, Any]] = {}
        for block_id, value in values.items():
            element = elements[block_id]
            kind = element["type"]
            if kind in ("static_select", "radio_buttons"):
                option = next(o for o in element["options"] if o["value"] == str(value))
                entry: dict[str, Any] = {"selected_option": option}
            elif kind == "users_select":
                entry = {"selected_user": value}
            elif kind == "datepicker":
                entry = {"selected_date": value}
            elif kind == "datetimepicker":
                entry = {"selected_date_time": int(value)}
            elif kind == "checkboxes":  # `value`: the values ticked
                ticked = [o for o in element["options"] if o["value"] in value]
                entry = {"selected_options": ticked}
            else:
                entry = {"value": str(value)}
            state[block_id] = {element["action_id"]: {"type": kind, **entry}}
        submitted = {
            **view,
            "id": "V0MODAL01",
            "team_id": "T0STANDIN",
            "state": {"values": state},
            "hash": "1.abc",
            "app_id": "A0RITUAL1",
            "bot_id": "B0BOT0001",
        }
        return self.interact(
            {
                "type": "view_submission",
                "team": {"id": "T0STANDIN", "domain": "standin"},
                "user": _who(user),
                "api_app_id": "A0RITUAL1",
                "token": "verification_token",
                "trigger_id": f"{next(self._ids)}.444.trigger",
                "view": submitted,
                "response_urls": [],
            }
        )

    # -- what happened ---------------------------------------------------------------

    def rows(self, model: type[SQLModel]) -> list[Any]:
        with Session(self.engine) as session:
            return list(session.exec(select(model)))

    def worked(self, timeout: float = 10.0) -> None:
        """Wait until the inbox has nothing left to do."""
        if not self.core.inbox.settle(timeout):
            pending = [r.key for r in self.rows(InboxItem) if r.state == "pending"]
            raise AssertionError(f"inbox still pending after {timeout}s: {pending}")

    def settled(self, timeout: float = 10.0) -> None:
        """Wait until the inbox has nothing left to do and the outbox nothing left to send."""
        self.worked(timeout)
        if not self.core.delivery.settle(timeout):
            pending = [r.key for r in self.rows(OutboxMessage) if r.state == "pending"]
            raise AssertionError(f"outbox still pending after {timeout}s: {pending}")


def _who(user: str) -> dict[str, str]:
    """The `user` object of an interaction payload."""
    return {"id": user, "username": user.lower(), "name": user.lower(), "team_id": "T0STANDIN"}
