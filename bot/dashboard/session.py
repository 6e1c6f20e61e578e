"""Signed cookies: the dashboard's session (who signed in, until when) and the sign-in's own
short-lived cookie (its `state` and `nonce`). HMAC-SHA256 over the JSON value, as itsdangerous
does; a cookie whose signature, shape or age is wrong is no cookie at all."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.cookies import SimpleCookie
from typing import Any

SESSION_COOKIE = "ritualbot_session"
LOGIN_COOKIE = "ritualbot_login"
SESSION_AGE = timedelta(hours=12)
LOGIN_AGE = timedelta(minutes=10)


def derive_secret(signing_secret: str) -> bytes:
    """A session key of its own, derived from the Slack signing secret when none is given."""
    return hmac.new(signing_secret.encode(), b"ritualbot dashboard session", "sha256").digest()


class Signer:
    """`dumps(kind, value, now)` → a token; `loads(kind, token, now, age)` → the value or None.
    `kind` keeps a login cookie from passing for a session and the other way round."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the session secret must be at least 16 bytes")
        self._secret = secret

    def _mac(self, kind: str, body: bytes) -> str:
        mac = hmac.new(self._secret, kind.encode() + b"." + body, hashlib.sha256).digest()
        return _b64(mac)

    def dumps(self, kind: str, value: dict[str, Any], now: datetime) -> str:
        body = _b64(json.dumps({"v": value, "t": int(now.timestamp())}).encode()).encode()
        return f"{body.decode()}.{self._mac(kind, body)}"

    def loads(self, kind: str, token: str | None, now: datetime, age: timedelta) -> Any:
        if not token or token.count(".") != 1:
            return None
        body, mac = token.split(".")
        if not hmac.compare_digest(mac, self._mac(kind, body.encode())):
            return None
        try:
            data = json.loads(_unb64(body))
            issued = int(data["t"])
        except (ValueError, KeyError, TypeError):
            return None
        if not 0 <= now.timestamp() - issued <= age.total_seconds():
            return None
        return data.get("v")


@dataclass(frozen=True)
class Session:
    """Who is signed in: the Slack user id Slack's answer gave, and their name."""

    user: str
    name: str


def read_cookies(header: str | None) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header or "")
    except Exception:  # a malformed Cookie header is no cookie
        return {}
    return {key: morsel.value for key, morsel in jar.items()}


def cookie(name: str, value: str, *, max_age: int, secure: bool, path: str = "/") -> str:
    """A Set-Cookie value: HttpOnly, SameSite=Lax, Secure behind https."""
    parts = [f"{name}={value}", f"Path={path}", f"Max-Age={max_age}", "HttpOnly", "SameSite=Lax"]
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
