"""Sign in with Slack (OpenID Connect), the client side: the authorize address, the code
exchanged at `openid.connect.token`, the `id_token` checked (RS256, against the keys Slack
publishes beside its authorize page; issuer, audience, expiry, nonce), then
`openid.connect.userInfo` for the name. The user id is what Slack's signed answer says."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
import jwt

log = logging.getLogger(__name__)

SCOPES = "openid profile"
USER_CLAIM = "https://slack.com/user_id"
TEAM_CLAIM = "https://slack.com/team_id"


class OpenIdError(Exception):
    """Slack did not vouch for the person (a bad code, a bad token, Slack away)."""


@dataclass(frozen=True)
class Identity:
    user: str
    team: str | None
    name: str


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class SlackOpenId:
    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        authorize_url: str,
        api_url: str,
        timeout: float = 10,
    ) -> None:
        self.client_id = client_id
        self._secret = client_secret
        self.authorize_url = authorize_url
        self.api_url = api_url if api_url.endswith("/") else api_url + "/"
        self.issuer = origin_of(authorize_url)
        self.keys_url = f"{self.issuer}/openid/connect/keys"
        self._timeout = timeout  # a client per call: sign-ins are rare, nothing stays open
        self._keys: jwt.PyJWKSet | None = None
        self._lock = threading.Lock()

    def authorize(self, *, state: str, nonce: str, redirect_uri: str) -> str:
        query = {
            "response_type": "code",
            "scope": SCOPES,
            "client_id": self.client_id,
            "state": state,
            "nonce": nonce,
            "redirect_uri": redirect_uri,
        }
        return f"{self.authorize_url}?{urlencode(query)}"

    def sign_in(self, *, code: str, redirect_uri: str, nonce: str) -> Identity:
        """The person Slack vouches for, given the code it sent back; OpenIdError otherwise."""
        answer = self._call(
            "openid.connect.token",
            data={
                "client_id": self.client_id,
                "client_secret": self._secret,
                "code": code,
                "redirect_uri": redirect_uri,
                "grant_type": "authorization_code",
            },
        )
        token = answer.get("id_token")
        if not isinstance(token, str):
            raise OpenIdError("openid.connect.token gave no id_token")
        claims = self.verify(token, nonce=nonce)
        user = claims.get(USER_CLAIM) or claims.get("sub")
        if not isinstance(user, str) or not user:
            raise OpenIdError("the id_token names nobody")
        name = str(claims.get("name") or "")
        access = answer.get("access_token")
        if isinstance(access, str) and access:
            info = self._call("openid.connect.userInfo", token=access)
            if (info.get(USER_CLAIM) or info.get("sub")) != user:
                raise OpenIdError("userInfo names someone else than the id_token")
            name = str(info.get("name") or name)
        team = claims.get(TEAM_CLAIM)
        return Identity(user, team if isinstance(team, str) else None, name or user)

    def verify(self, token: str, *, nonce: str) -> dict[str, Any]:
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            key = self._key(kid)
            claims: dict[str, Any] = jwt.decode(
                token,
                key.key,
                algorithms=["RS256"],
                audience=self.client_id,
                issuer=self.issuer,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
                leeway=30,
            )
        except jwt.PyJWTError as exc:
            raise OpenIdError(f"the id_token does not check: {exc}") from None
        if claims.get("nonce") != nonce:
            raise OpenIdError("the id_token's nonce is not this sign-in's")
        return claims

    def _key(self, kid: Any) -> jwt.PyJWK:
        """The key of `kid`, the key set fetched again once when it names an unknown one."""
        for fresh in (False, True):
            keys = self._keyset(fresh)
            for key in keys.keys:
                if key.key_id == kid or (kid is None and len(keys.keys) == 1):
                    return key
        raise OpenIdError(f"no published key {kid!r}")

    def _keyset(self, fresh: bool) -> jwt.PyJWKSet:
        with self._lock:
            if self._keys is None or fresh:
                try:
                    response = httpx.get(self.keys_url, timeout=self._timeout)
                    response.raise_for_status()
                    self._keys = jwt.PyJWKSet.from_dict(response.json())
                except (httpx.HTTPError, ValueError, jwt.PyJWTError) as exc:
                    raise OpenIdError(f"the signing keys cannot be read: {exc}") from None
            return self._keys

    def _call(
        self, method: str, *, data: dict[str, str] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = httpx.post(
                self.api_url + method, data=data or {}, headers=headers, timeout=self._timeout
            )
            answer = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise OpenIdError(f"{method}: {type(exc).__name__}") from None
        if not isinstance(answer, dict) or not answer.get("ok"):
            error = answer.get("error") if isinstance(answer, dict) else "not JSON"
            raise OpenIdError(f"{method}: {error}")
        return answer
