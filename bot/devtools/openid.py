"""The stand-in Slack's Sign in with Slack: an authorize page that sends the browser back at
once with a code for the person set in `user` (no password: a test or the demo decides who
signs in), `openid.connect.token` issuing an RS256 `id_token` for that code, once, the keys
that sign it, and `openid.connect.userInfo`. Shapes as Slack documents them."""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

Reply = tuple[int, dict[str, Any], dict[str, str]]
USER_CLAIM = "https://slack.com/user_id"
TEAM_CLAIM = "https://slack.com/team_id"


class OpenIdProvider:
    """State of the stand-in's OpenID side; the stand-in's lock is not needed: it has its own."""

    def __init__(
        self,
        issuer: Callable[[], str],
        users: Callable[[], dict[str, dict[str, Any]]],
        team: str,
        *,
        client_id: str = "standin-client",
        client_secret: str = "standin-secret",
    ) -> None:
        self._issuer = issuer
        self._users = users
        self.team = team
        self.client_id = client_id
        self.client_secret = client_secret
        self.user: str | None = None  # who signs in on the authorize page
        self.kid = "standin-" + secrets.token_hex(4)
        self._codes: dict[str, tuple[str, str | None, str]] = {}  # code → user, nonce, redirect
        self._tokens: dict[str, str] = {}  # access token → user
        self._lock = threading.Lock()
        self._private: Any = None

    def _key(self) -> Any:
        from cryptography.hazmat.primitives.asymmetric import rsa

        with self._lock:
            if self._private is None:
                self._private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            return self._private

    def authorize(self, params: dict[str, Any]) -> Reply:
        redirect = str(params.get("redirect_uri") or "")
        if params.get("client_id") != self.client_id or not redirect.startswith("http"):
            return 400, {"ok": False, "error": "invalid_client_id"}, {}
        if self.user is None:
            return 403, {"ok": False, "error": "nobody_signs_in"}, {}
        code = secrets.token_urlsafe(16)
        with self._lock:
            self._codes[code] = (self.user, params.get("nonce"), redirect)
        query = urlencode({"code": code, "state": params.get("state", "")})
        separator = "&" if urlsplit(redirect).query else "?"
        return 302, {}, {"Location": f"{redirect}{separator}{query}"}

    def keys(self) -> Reply:
        from jwt.algorithms import RSAAlgorithm

        public = json.loads(RSAAlgorithm.to_jwk(self._key().public_key()))
        public |= {"kid": self.kid, "use": "sig", "alg": "RS256"}
        return 200, {"keys": [public]}, {}

    def token(self, params: dict[str, Any]) -> dict[str, Any]:
        import jwt

        if (params.get("client_id"), params.get("client_secret")) != (
            self.client_id,
            self.client_secret,
        ):
            return {"ok": False, "error": "invalid_client"}
        with self._lock:
            found = self._codes.pop(str(params.get("code") or ""), None)
        if found is None:
            return {"ok": False, "error": "invalid_code"}
        user, nonce, redirect = found
        if params.get("redirect_uri") != redirect:
            return {"ok": False, "error": "bad_redirect_uri"}
        now = int(time.time())
        claims = {
            "iss": self._issuer(),
            "sub": user,
            "aud": self.client_id,
            "exp": now + 3600,
            "iat": now,
            "auth_time": now,
            USER_CLAIM: user,
            TEAM_CLAIM: self.team,
            "name": self._name(user),
        }
        if nonce:
            claims["nonce"] = nonce
        id_token = jwt.encode(claims, self._key(), algorithm="RS256", headers={"kid": self.kid})
        access = "xoxp-standin-" + secrets.token_hex(8)
        with self._lock:
            self._tokens[access] = user
        return {"ok": True, "access_token": access, "token_type": "Bearer", "id_token": id_token}

    def user_info(self, auth: str) -> dict[str, Any]:
        with self._lock:
            user = self._tokens.get(auth.removeprefix("Bearer "))
        if user is None:
            return {"ok": False, "error": "invalid_auth"}
        return {
            "ok": True,
            "sub": user,
            USER_CLAIM: user,
            TEAM_CLAIM: self.team,
            "name": self._name(user),
        }

    def _name(self, user: str) -> str:
        found = self._users().get(user) or {}
        return str(found.get("real_name") or found.get("display_name") or user)
