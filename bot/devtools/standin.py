"""A local stand-in for the Slack Web API over real HTTP, for the offline demo and whole-app tests.

Point `WebClient(base_url=standin.url)` at it: it answers the methods ritualbot uses with the
shapes Slack documents, keeps the state of the messages the bot posted, records every call
(`calls`, `wait_for`), and can inject failures (`fail`) and rate limits. It plays the bot
token's scopes (the `x-oauth-scopes` header of every answer, `missing_scope`) and, given
`channels`, a workspace's channels as a bot sees them: a private one it is not in does not
exist for it, an archived one refuses posts. It also plays Sign in with Slack (`openid`).
Standard library only, but for the id_token's signature (PyJWT, in bot/devtools/openid.py).
Past the ~300-line mark because it holds fifteen Web API methods, response URLs and the HTTP
server in one module: each piece is short, and splitting them would scatter one fake's state.
"""

from __future__ import annotations

import json
import math
import socket
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit
from zoneinfo import ZoneInfo

from bot.scopes import BOT_SCOPES

TEAM_ID, BOT_USER_ID, BOT_ID, APP_ID = "T0STANDIN", "U0BOT0001", "B0BOT0001", "A0STANDIN"
_JSON_FIELDS = ("blocks", "view", "attachments", "metadata")
_VIEW_DEFAULTS: dict[str, Any] = {
    "type": "modal",
    "blocks": [],
    "private_metadata": "",
    "callback_id": "",
    "external_id": "",
    "clear_on_close": False,
    "notify_on_close": False,
}
Reply = tuple[int, dict[str, Any], dict[str, str]]


@dataclass(frozen=True)
class Call:
    """One request the stand-in answered; `method` is "response_url" for response URL posts."""

    method: str
    params: dict[str, Any]
    at: float
    status: int
    response: dict[str, Any]


@dataclass
class _Failure:
    method: str
    error: str
    status: int
    times: int
    channel: str | None


class _SlackError(Exception):
    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class SlackStandIn:
    """The fake Slack; thread-safe: one condition guards all state and wakes `wait_for`."""

    def __init__(
        self,
        *,
        users: dict[str, dict[str, Any]] | None = None,
        token: str = "xoxb-standin",
        rate_limits: dict[str, tuple[float, int]] | None = None,
        scopes: Iterable[str] | None = None,
        channels: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self._users = users
        # The scopes the bot token was granted (the `x-oauth-scopes` header of every answer);
        # a method needing one it lacks answers `missing_scope`, as Slack does.
        self._scopes = tuple(BOT_SCOPES if scopes is None else scopes)
        # None: every channel id exists and has the bot in it. Otherwise the workspace's
        # channels: id → name, is_private, is_member, is_archived (see `set_channel`).
        self._channels = None if channels is None else {k: dict(v) for k, v in channels.items()}
        self._token = token
        self._rate_limits = dict(rate_limits or {})
        self._buckets: dict[str, tuple[float, float]] = {}
        self._failures: list[_Failure] = []
        self._calls: list[Call] = []
        self._messages: dict[str, dict[str, dict[str, Any]]] = {}
        self._views: dict[str, dict[str, Any]] = {}
        self._last_us = 0
        self._seq = 0
        self._cond = threading.Condition()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        # What apps.connections.open answers, e.g. a test's Socket Mode server; None: a URL
        # nobody serves.
        self.socket_mode_url: str | None = None
        # Sign in with Slack (bot/devtools/openid.py): set `openid.user` to who signs in.
        from bot.devtools.openid import OpenIdProvider

        self.openid = OpenIdProvider(lambda: self._origin, lambda: self._users or {}, TEAM_ID)

    @property
    def token(self) -> str:
        """The bot token it accepts."""
        return self._token

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> SlackStandIn:
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.close_connections()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join()
        self._server = self._thread = None

    def __enter__(self) -> SlackStandIn:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def _origin(self) -> str:
        if self._server is None:
            raise RuntimeError("SlackStandIn is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def url(self) -> str:
        """Base URL for `WebClient(base_url=...)`."""
        return f"{self._origin}/api/"

    def response_url(self, key: str) -> str:
        return f"{self._origin}/response/{key}"

    @staticmethod
    def dm_channel(user_id: str) -> str:
        """The id of the app's DM with a user: stable, and distinct for every user id."""
        return f"D{user_id}"

    # -- what tests look at ----------------------------------------------------------------

    def calls(self, method: str | None = None, *, all: bool = False) -> list[Call]:
        """Calls in arrival order; only the successful ones (HTTP 200 and ok) unless `all`."""
        with self._cond:
            return self._select(method, all)

    def wait_for(
        self, predicate: Callable[[list[Call]], bool], timeout: float = 5.0, *, all: bool = False
    ) -> list[Call]:
        """Block until `predicate(calls(all=all))` holds, and return those calls."""
        seen: list[Call] = []

        def ready() -> bool:
            nonlocal seen
            seen = self._select(None, all)
            return predicate(seen)

        with self._cond:
            if self._cond.wait_for(ready, timeout):
                return seen
            lines = [_describe(call) for call in self._calls] or ["  (none)"]
        raise AssertionError(
            f"Slack stand-in: condition not met within {timeout}s; "
            f"{len(lines)} call(s) seen:\n" + "\n".join(lines)
        )

    def fail(
        self,
        method: str,
        *,
        error: str | None = None,
        status: int = 200,
        times: int = 1,
        channel: str | None = None,
    ) -> None:
        """Make the next `times` calls of `method` (to `channel`, if given) fail."""
        if status == 200 and error is None:
            raise ValueError("fail() needs an error for an HTTP 200 answer")
        with self._cond:
            self._failures.append(_Failure(method, error or "fatal_error", status, times, channel))

    def recover(self) -> None:
        """Every failure set with `fail()` is over: Slack answers normally again."""
        with self._cond:
            self._failures.clear()

    def reset(self) -> None:
        with self._cond:
            self._calls.clear()

    def set_channel(self, channel: str, **fields: Any) -> None:
        """Create or change a channel: `name`, `is_private`, `is_member` (the bot is in it),
        `is_archived`, and `visible` — whether a private channel the bot is not in shows its
        info all the same (Slack answers `channel_not_found` to a bot for such a channel;
        some org-wide installs see it)."""
        with self._cond:
            if self._channels is None:
                self._channels = {}
            self._channels.setdefault(channel, {}).update(fields)

    def messages(self, channel: str) -> list[dict[str, Any]]:
        """The bot's messages in a channel (a user id means the DM), as edited, oldest first."""
        if channel[:1] in ("U", "W"):
            channel = self.dm_channel(channel)
        with self._cond:
            return [dict(m) for m in self._messages.get(channel, {}).values()]

    def view(self, view_id: str) -> dict[str, Any]:
        """A view the bot opened or published, as last updated (KeyError if none)."""
        with self._cond:
            return dict(self._views[view_id])

    # -- request pipeline ------------------------------------------------------------------

    def _select(self, method: str | None, all: bool) -> list[Call]:
        return [
            c
            for c in self._calls
            if (method is None or c.method == method)
            and (all or (c.status == 200 and c.response.get("ok") is True))
        ]

    @property
    def oauth_url(self) -> str:
        """Its authorize page, for SLACK_OAUTH_URL; the keys are beside it."""
        return f"{self._origin}/openid/connect/authorize"

    def _dispatch(self, path: str, params: dict[str, Any], auth: str, at: float) -> Reply:
        if path.startswith(("/openid/", "/api/openid.")):
            return self._openid(path, params, auth, at)
        if path.startswith("/api/"):
            method, handler = path[5:], getattr(self, "_api_" + path[5:].replace(".", "_"), None)
            if "." not in method:
                handler = None
        elif path.startswith("/response/"):
            method, handler = "response_url", self._response_url
            params = {**params, "_key": unquote(path[10:])}
        else:
            return 404, {"ok": False, "error": "not_found"}, {}
        with self._cond:
            reply = self._answer(method, handler, params, auth)
            self._calls.append(Call(method, params, at, reply[0], reply[1]))
            self._cond.notify_all()
        return reply

    def _openid(self, path: str, params: dict[str, Any], auth: str, at: float) -> Reply:
        method = path.removeprefix("/api/")
        if path == "/openid/connect/authorize":
            reply = self.openid.authorize(params)
        elif path == "/openid/connect/keys":
            reply = self.openid.keys()
        elif method == "openid.connect.token":
            reply = 200, self.openid.token(params), {}
        elif method == "openid.connect.userInfo":
            reply = 200, self.openid.user_info(auth), {}
        else:
            reply = 404, {"ok": False, "error": "not_found"}, {}
        with self._cond:
            self._calls.append(Call(method, params, at, reply[0], reply[1]))
            self._cond.notify_all()
        return reply

    def _answer(self, method: str, handler: Any, params: dict[str, Any], auth: str) -> Reply:
        granted: dict[str, str] = {}
        try:
            if method != "response_url":
                self._authenticate(method, params, auth)
                scopes = ("connections:write",) if method == "apps.connections.open" else None
                granted = {"x-oauth-scopes": ",".join(scopes or self._scopes)}
            retry_after = self._take_token(method)
            if retry_after:
                limited = {"ok": False, "error": "ratelimited"}
                return 429, limited, {"Retry-After": str(retry_after), **granted}
            failure = self._take_failure(method, params)
            if failure is not None:
                return failure.status, {"ok": False, "error": failure.error}, granted
            if handler is None:
                raise _SlackError("unknown_method")
            needed = self._scope_needed(method, params)
            if needed and needed not in self._scopes:
                refusal = {"ok": False, "error": "missing_scope", "needed": needed}
                return 200, refusal | {"provided": ",".join(self._scopes)}, granted
            return 200, handler(params), granted
        except _SlackError as e:
            return 200, {"ok": False, "error": e.error}, granted

    def _scope_needed(self, method: str, params: dict[str, Any]) -> str | None:
        """The scope a method needs, for the methods whose scope the checks care about."""
        if method == "conversations.info":
            channel = str(params.get("channel") or "")
            found = (self._channels or {}).get(channel, {})
            private = channel[:1] == "G" or bool(found.get("is_private"))
            return "groups:read" if private else "channels:read" if channel[:1] == "C" else None
        needs = {"chat.postMessage": "chat:write", "users.info": "users:read"}
        return needs.get(method) or {"users.lookupByEmail": "users:read.email"}.get(method)

    def _authenticate(self, method: str, params: dict[str, Any], auth: str) -> None:
        token = auth[7:] if auth.startswith("Bearer ") else params.get("token")
        if not token:
            raise _SlackError("not_authed")
        if method == "apps.connections.open" and not token.startswith("xapp-"):
            raise _SlackError("not_allowed_token_type" if token == self._token else "invalid_auth")
        if method != "apps.connections.open" and token != self._token:
            raise _SlackError("invalid_auth")

    def _take_token(self, method: str) -> int:
        """A token bucket per method; 0 if the call may go, else the seconds to wait."""
        if method not in self._rate_limits:
            return 0
        rate, burst = self._rate_limits[method]
        now = time.monotonic()
        tokens, last = self._buckets.get(method, (float(burst), now))
        tokens = min(float(burst), tokens + (now - last) * rate)
        if tokens >= 1:
            self._buckets[method] = (tokens - 1, now)
            return 0
        self._buckets[method] = (tokens, now)
        return max(1, math.ceil((1 - tokens) / rate))

    def _take_failure(self, method: str, params: dict[str, Any]) -> _Failure | None:
        channel = str(params.get("channel") or "")
        targets = {channel, self.dm_channel(channel)} if channel[:1] in ("U", "W") else {channel}
        for failure in self._failures:
            if failure.method == method and failure.channel in (None, *targets):
                failure.times -= 1
                if failure.times <= 0:
                    self._failures.remove(failure)
                return failure
        return None

    # -- state helpers ---------------------------------------------------------------------

    def _next_ts(self) -> str:
        self._last_us = max(time.time_ns() // 1000, self._last_us + 100)
        return f"{self._last_us // 1_000_000}.{self._last_us % 1_000_000:06d}"

    def _target_channel(self, params: dict[str, Any]) -> str:
        channel = str(params.get("channel") or "")
        if not channel:
            raise _SlackError("channel_not_found")
        if channel[0] in ("U", "W"):
            if self._users is not None and channel not in self._users:
                raise _SlackError("channel_not_found")
            return self.dm_channel(channel)
        if self._channels is not None and channel[0] in ("C", "G"):
            found = self._channels.get(channel)
            if found is None or (found.get("is_private") and not found.get("is_member", True)):
                raise _SlackError("channel_not_found")
            if found.get("is_archived"):
                raise _SlackError("is_archived")
            if not found.get("is_member", True) and "chat:write.public" not in self._scopes:
                raise _SlackError("not_in_channel")
        return channel

    def _find(self, params: dict[str, Any], ts_key: str = "ts") -> dict[str, Any]:
        channel = str(params.get("channel") or "")
        if not channel or channel[0] in ("U", "W"):
            raise _SlackError("channel_not_found")
        message = self._messages.get(channel, {}).get(str(params.get(ts_key)))
        if message is None:
            raise _SlackError("message_not_found")
        return message

    def _user(self, user_id: Any) -> dict[str, Any]:
        if not user_id or user_id not in (self._users or {}):
            raise _SlackError("user_not_found")
        return (self._users or {})[user_id]

    def _user_object(self, user_id: str) -> dict[str, Any]:
        user = self._user(user_id)
        email, real_name = user.get("email", ""), user.get("real_name", "")
        tz = user.get("tz", "UTC")
        offset = ZoneInfo(tz).utcoffset(datetime.now(UTC))
        name = user.get("name") or email.split("@")[0] or user_id.lower()
        profile = {"email": email, "real_name": real_name, "real_name_normalized": real_name}
        profile["display_name"] = user.get("display_name", "")
        found = {
            "id": user_id,
            "team_id": TEAM_ID,
            "name": name,
            "deleted": bool(user.get("deleted", False)),
            "real_name": real_name,
            "tz": tz,
            "tz_offset": int(offset.total_seconds()) if offset is not None else 0,
            "is_bot": bool(user.get("is_bot", False)),
            "profile": profile,
        }
        if user.get("locale"):  # on include_locale; only for people given one here
            found["locale"] = user["locale"]
        return found

    def _new_view(self, params: dict[str, Any], view_id: str | None = None) -> dict[str, Any]:
        view = params.get("view")
        if not isinstance(view, dict):
            raise _SlackError("invalid_arguments")
        self._seq += 1
        view_id = view_id or f"V{self._seq:010d}"
        stored = _VIEW_DEFAULTS | view | {"id": view_id, "root_view_id": view_id}
        stored |= {"team_id": TEAM_ID, "app_installed_team_id": TEAM_ID, "app_id": APP_ID}
        stored |= {"bot_id": BOT_ID, "state": {"values": {}}, "previous_view_id": None}
        stored["hash"] = f"{int(time.time())}.{self._seq:08x}"
        self._views[view_id] = stored
        return {"ok": True, "view": stored}

    @staticmethod
    def _message_body(message: dict[str, Any]) -> dict[str, Any]:
        body = {"type": "message", "text": message["text"], "blocks": message["blocks"]}
        body |= {"user": BOT_USER_ID, "bot_id": BOT_ID, "app_id": APP_ID, "team": TEAM_ID}
        body["ts"] = message["ts"]
        if message["thread_ts"]:
            body["thread_ts"] = message["thread_ts"]
        if message.get("metadata"):
            body["metadata"] = message["metadata"]
        return body

    def _listed(self, messages: list[dict[str, Any]], params: dict[str, Any]) -> list[dict]:
        """Messages as conversations.history/replies list them: metadata only when asked."""
        oldest, latest = float(params.get("oldest") or 0), float(params.get("latest") or 1e12)
        limit = max(1, min(1000, int(params.get("limit") or 100)))
        keep = str(params.get("include_all_metadata", "")).lower() in ("true", "1")
        shown = [m for m in messages if oldest <= float(m["ts"]) <= latest][:limit]
        bodies = [self._message_body(m) for m in shown]
        return bodies if keep else [{k: v for k, v in b.items() if k != "metadata"} for b in bodies]

    # -- Web API methods -------------------------------------------------------------------

    def _response_url(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True}

    def _api_auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://ritualbot-standin.slack.com/",
            "team": "Stand-in",
            "user": "ritualbot",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _api_apps_connections_open(self, params: dict[str, Any]) -> dict[str, Any]:
        url = self.socket_mode_url or f"ws{self._origin[4:]}/link/?ticket=standin"
        return {"ok": True, "url": url}

    def _api_chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = self._target_channel(params)
        text, blocks = params.get("text"), params.get("blocks")
        if not text and not blocks and not params.get("attachments"):
            raise _SlackError("no_text")
        ts, thread_ts = self._next_ts(), params.get("thread_ts") or None
        message = {"ts": ts, "channel": channel, "text": text or "", "blocks": blocks or []}
        if isinstance(params.get("metadata"), dict):
            message["metadata"] = params["metadata"]
        self._messages.setdefault(channel, {})[ts] = message | {"thread_ts": thread_ts}
        body = self._message_body(self._messages[channel][ts])
        return {"ok": True, "channel": channel, "ts": ts, "message": body}

    def _api_chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._find(params)
        if not any(params.get(k) is not None for k in ("text", "blocks", "attachments")):
            raise _SlackError("no_text")
        for key in ("text", "blocks"):
            if params.get(key) is not None:
                message[key] = params[key]
        body = {"ok": True, "channel": message["channel"], "ts": message["ts"]}
        return body | {"text": message["text"], "message": self._message_body(message)}

    def _api_chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        self._target_channel(params)
        if not params.get("user") or (
            self._users is not None and params["user"] not in self._users
        ):
            raise _SlackError("user_not_in_channel")
        if not params.get("text") and not params.get("blocks") and not params.get("attachments"):
            raise _SlackError("no_text")
        return {"ok": True, "message_ts": self._next_ts()}

    def _api_chat_delete(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._find(params)
        del self._messages[message["channel"]][message["ts"]]
        return {"ok": True, "channel": message["channel"], "ts": message["ts"]}

    def _api_chat_getPermalink(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._find(params, "message_ts")
        link = f"https://ritualbot-standin.slack.com/archives/{message['channel']}/p"
        return {
            "ok": True,
            "channel": message["channel"],
            "permalink": link + message["ts"].replace(".", ""),
        }

    def _api_views_open(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("trigger_id") and not params.get("interactivity_pointer"):
            raise _SlackError("invalid_arguments")
        return self._new_view(params)

    _api_views_push = _api_views_open

    def _api_views_update(self, params: dict[str, Any]) -> dict[str, Any]:
        view_id, external_id = params.get("view_id"), params.get("external_id")
        found = [
            v
            for v in self._views.values()
            if v["id"] == view_id or (external_id and v["external_id"] == external_id)
        ]
        if not found:
            raise _SlackError("not_found")
        if params.get("hash") and params["hash"] != found[-1]["hash"]:
            raise _SlackError("hash_conflict")
        return self._new_view(params, found[-1]["id"])

    def _api_views_publish(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("user_id"):
            raise _SlackError("invalid_arguments")
        if self._users is not None:
            self._user(params["user_id"])
        params = {**params, "view": {"type": "home", **(params.get("view") or {})}}
        return self._new_view(params)

    def _api_users_info(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "user": self._user_object(str(params.get("user")))}

    def _api_users_list(self, params: dict[str, Any]) -> dict[str, Any]:
        """The workspace's members, a page at a time (`limit`, `cursor`), as Slack pages them."""
        everyone = sorted(self._users or {})
        start = int(params.get("cursor") or 0) if str(params.get("cursor") or "0").isdigit() else 0
        limit = max(1, min(1000, int(params.get("limit") or 200)))
        page = everyone[start : start + limit]
        following = str(start + limit) if start + limit < len(everyone) else ""
        members = [self._user_object(user) for user in page]
        return {"ok": True, "members": members, "response_metadata": {"next_cursor": following}}

    def _api_users_lookupByEmail(self, params: dict[str, Any]) -> dict[str, Any]:
        email = str(params.get("email") or "").casefold()
        for user_id, user in (self._users or {}).items():
            if email and str(user.get("email", "")).casefold() == email:
                return {"ok": True, "user": self._user_object(user_id)}
        raise _SlackError("users_not_found")

    def _api_conversations_history(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = str(params.get("channel") or "")
        if channel not in self._messages:
            raise _SlackError("channel_not_found")
        found = self._messages[channel].values()
        top = [m for m in found if not m["thread_ts"] or m["thread_ts"] == m["ts"]]
        newest_first = sorted(top, key=lambda m: float(m["ts"]), reverse=True)
        return {"ok": True, "messages": self._listed(newest_first, params), "has_more": False}

    def _api_conversations_replies(self, params: dict[str, Any]) -> dict[str, Any]:
        channel, ts = str(params.get("channel") or ""), str(params.get("ts") or "")
        found = self._messages.get(channel, {})
        if ts not in found:
            raise _SlackError("thread_not_found")
        thread = [m for m in found.values() if m["ts"] == ts or m["thread_ts"] == ts]
        oldest_first = sorted(thread, key=lambda m: float(m["ts"]))
        return {"ok": True, "messages": self._listed(oldest_first, params), "has_more": False}

    def _api_conversations_open(self, params: dict[str, Any]) -> dict[str, Any]:
        if params.get("channel"):
            return {"ok": True, "channel": {"id": params["channel"]}}
        users = params.get("users") or ""
        ids = sorted(users.split(",") if isinstance(users, str) else users)
        if not ids:
            raise _SlackError("users_list_not_supplied")
        if self._users is not None:
            for user_id in ids:
                self._user(user_id)
        if len(ids) == 1:
            return {"ok": True, "channel": {"id": self.dm_channel(ids[0])}}
        return {"ok": True, "channel": {"id": f"G{zlib.crc32(','.join(ids).encode()):08X}"}}

    def _api_conversations_info(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = str(params.get("channel") or "")
        if not channel:
            raise _SlackError("channel_not_found")
        kind = channel[0]
        info = {"id": channel, "name": channel.lower(), "created": 0, "is_archived": False}
        info |= {"is_channel": kind == "C", "is_group": kind == "G", "is_im": kind == "D"}
        info |= {"is_mpim": False, "is_private": kind != "C", "is_member": True}
        if self._channels is not None and kind in ("C", "G"):
            found = self._channels.get(channel)
            hidden = found is not None and found.get("is_private") and not found.get("is_member")
            if found is None or (hidden and not found.get("visible")):
                raise _SlackError("channel_not_found")  # Slack hides private channels
            info |= {"name": found.get("name", info["name"])}
            for key in ("is_private", "is_member", "is_archived"):
                info[key] = bool(found.get(key, info[key]))
            info |= {"is_channel": True, "is_group": False, "name_normalized": info["name"]}
        if kind == "D" and channel[1:2] in ("U", "W"):
            info["user"] = channel[1:]
        return {"ok": True, "channel": info}


def _describe(call: Call) -> str:
    outcome = "ok" if call.response.get("ok") else call.response.get("error")
    params = json.dumps({k: v for k, v in call.params.items() if k != "token"}, default=str)
    return f"  {call.method} -> {call.status} {outcome} {params[:160]}"


def _decode(raw: bytes, content_type: str, query: str) -> dict[str, Any]:
    """Query string plus body, form or JSON; JSON-encoded fields of either are decoded."""
    params: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    if content_type.startswith("application/json") and raw:
        body = json.loads(raw)
        params.update(body if isinstance(body, dict) else {})
    elif raw:
        params.update(parse_qsl(raw.decode(), keep_blank_values=True))
    for key in _JSON_FIELDS:
        value = params.get(key)
        if isinstance(value, str) and value[:1] in ("[", "{"):
            with suppress(ValueError):
                params[key] = json.loads(value)
    return params


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, standin: SlackStandIn) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.standin = standin
        self.connections: set[socket.socket] = set()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-request (a process killed on purpose) is no error."""
        if isinstance(sys.exc_info()[1], ConnectionResetError | BrokenPipeError):
            return
        super().handle_error(request, client_address)

    def close_connections(self) -> None:
        """Idle keep-alive connections would otherwise keep their threads waiting."""
        for connection in list(self.connections):
            with suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.connections.add(self.connection)

    def finish(self) -> None:
        self.server.connections.discard(self.connection)
        super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_GET

    def _serve(self) -> None:
        at = time.monotonic()
        url = urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            params = _decode(raw, self.headers.get("Content-Type", ""), url.query)
        except ValueError:
            reply: Reply = (200, {"ok": False, "error": "invalid_json"}, {})
        else:
            auth = self.headers.get("Authorization", "")
            reply = self.server.standin._dispatch(url.path, params, auth, at)
        status, body, headers = reply
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
