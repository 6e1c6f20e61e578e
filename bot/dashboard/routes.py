"""The dashboard's WSGI routes and its sign-in: every page needs a session (else a redirect to
`/auth/login`); `/auth/login` sends the browser to Slack with a fresh `state` and `nonce`, kept
in a signed short-lived cookie; `/auth/callback` spends the `state` once (on any replica),
exchanges the code, checks the `id_token` and its nonce, and sets the session cookie;
`/auth/logout` clears it. Every answer carries a Content-Security-Policy allowing nothing
from elsewhere, and no page is cached."""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, quote

from bot.dashboard.openid import OpenIdError, SlackOpenId
from bot.dashboard.session import (
    LOGIN_AGE,
    LOGIN_COOKIE,
    SESSION_AGE,
    SESSION_COOKIE,
    Session,
    Signer,
    cookie,
    read_cookies,
)
from bot.dashboard.views import Page, Pages
from rituals.db import Database
from rituals.store import dashboard as store

log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_HEADERS = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("Cache-Control", "no-store"),
]
_REASONS = {
    200: "OK",
    204: "No Content",
    302: "Found",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
}
_REASONS |= {405: "Method Not Allowed", 500: "Internal Server Error"}
_PAGES = re.compile(r"^/(?:$|committees/[^/]+$|initiatives/\d+$|decisions$|review/[^/]+$)")
_AUTH = ("/auth/login", "/auth/callback", "/auth/logout", "/favicon.ico")


def _wall() -> datetime:
    return datetime.now(UTC)


class Dashboard:
    def __init__(
        self,
        pages: Pages,
        openid: SlackOpenId,
        signer: Signer,
        database: Database,
        *,
        public_url: str | None,
        language: str,
        clock: Callable[[], datetime] = _wall,
    ) -> None:
        self.pages = pages
        self.openid = openid
        self.signer = signer
        self.database = database
        self.public_url = public_url.rstrip("/") if public_url else None
        self.language = language
        self.clock = clock  # the wall clock: cookies and states age in real time

    @staticmethod
    def handles(path: str) -> bool:
        return path in _AUTH or bool(_PAGES.match(path))

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or "/"
        method = environ.get("REQUEST_METHOD") or "GET"
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING") or "").items()}
        cookies = read_cookies(environ.get("HTTP_COOKIE"))
        try:
            if path == "/auth/login":
                return self._login(environ, query, start_response)
            if path == "/auth/callback":
                return self._callback(environ, query, cookies, start_response)
            if path == "/auth/logout":
                return self._logout(environ, start_response)
            if path == "/favicon.ico":  # asked by browsers for pages without an icon of their own
                return _send(start_response, 204, b"", "image/x-icon")
            if method not in ("GET", "HEAD"):
                return _send(start_response, 405, b"GET only\n", "text/plain; charset=utf-8")
            session = self.session(cookies.get(SESSION_COOKIE))
            if session is None:
                target = path + (
                    f"?{environ['QUERY_STRING']}" if environ.get("QUERY_STRING") else ""
                )
                return _redirect(start_response, "/auth/login?next=" + quote(target, safe=""))
            return _page(start_response, self._page(session.user, path, query))
        except Exception:
            log.exception("dashboard page %s failed", path)
            return _send(
                start_response,
                500,
                b"Something went wrong; it is logged.\n",
                "text/plain; charset=utf-8",
            )

    def session(self, token: str | None) -> Session | None:
        value = self.signer.loads("session", token, self.clock(), SESSION_AGE)
        if not isinstance(value, dict) or not isinstance(value.get("u"), str):
            return None
        return Session(value["u"], str(value.get("n") or value["u"]))

    def _page(self, user: str, path: str, query: dict[str, str]) -> Page:
        parts = path.strip("/").split("/") if path != "/" else []
        quarter = query.get("quarter")
        if not parts:
            return self.pages.portfolio(user, quarter)
        if parts[0] == "committees":
            return self.pages.committee(user, parts[1], quarter)
        if parts[0] == "initiatives":
            return self.pages.initiative(user, int(parts[1]) if len(parts[1]) < 12 else 0)
        if parts[0] == "decisions":
            return self.pages.decisions(user, query.get("committee"), query.get("status"))
        return self.pages.review(user, parts[1])

    # -- sign-in --------------------------------------------------------------------------

    def _redirect_uri(self, environ: dict[str, Any]) -> str:
        if self.public_url:
            return f"{self.public_url}/auth/callback"
        scheme = environ.get("wsgi.url_scheme") or "http"
        host = (
            environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}"
        )
        return f"{scheme}://{host}/auth/callback"

    def _secure(self, environ: dict[str, Any]) -> bool:
        return self._redirect_uri(environ).startswith("https://")

    def _login(
        self, environ: dict[str, Any], query: dict[str, str], start_response: StartResponse
    ) -> Iterable[bytes]:
        state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        target = query.get("next") or "/"
        if not target.startswith("/") or target.startswith("//") or "\\" in target:
            target = "/"
        value = self.signer.dumps("login", {"s": state, "n": nonce, "t": target}, self.clock())
        age = int(LOGIN_AGE.total_seconds())
        set_cookie = cookie(
            LOGIN_COOKIE, value, max_age=age, secure=self._secure(environ), path="/auth"
        )
        where = self.openid.authorize(
            state=state, nonce=nonce, redirect_uri=self._redirect_uri(environ)
        )
        return _redirect(start_response, where, [("Set-Cookie", set_cookie)])

    def _callback(
        self,
        environ: dict[str, Any],
        query: dict[str, str],
        cookies: dict[str, str],
        start_response: StartResponse,
    ) -> Iterable[bytes]:
        login = self.signer.loads("login", cookies.get(LOGIN_COOKIE), self.clock(), LOGIN_AGE)
        state, code = query.get("state") or "", query.get("code") or ""
        if (
            not isinstance(login, dict)
            or not state
            or not code
            or not secrets.compare_digest(str(login.get("s")), state)
        ):
            log.info("sign-in refused: no such sign-in under way (state or cookie)")
            return self._failed(environ, start_response)
        with self.database.write() as session:
            fresh = store.spend_state(session=session, state=state, now=self.clock())
        if not fresh:
            log.info("sign-in refused: a state used before")
            return self._failed(environ, start_response)
        try:
            identity = self.openid.sign_in(
                code=code, redirect_uri=self._redirect_uri(environ), nonce=str(login.get("n"))
            )
        except OpenIdError as exc:
            log.warning("sign-in refused: %s", exc)
            return self._failed(environ, start_response)
        value = self.signer.dumps("session", {"u": identity.user, "n": identity.name}, self.clock())
        secure = self._secure(environ)
        headers = [
            (
                "Set-Cookie",
                cookie(
                    SESSION_COOKIE, value, max_age=int(SESSION_AGE.total_seconds()), secure=secure
                ),
            ),
            ("Set-Cookie", cookie(LOGIN_COOKIE, "", max_age=0, secure=secure, path="/auth")),
        ]
        log.info("signed in to the dashboard: %s", identity.user)
        return _redirect(start_response, str(login.get("t") or "/"), headers)

    def _failed(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        cleared = cookie(LOGIN_COOKIE, "", max_age=0, secure=self._secure(environ), path="/auth")
        page = self.pages.signed_out(self.language, failed=True)
        return _page(start_response, page, [("Set-Cookie", cleared)])

    def _logout(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        cleared = cookie(SESSION_COOKIE, "", max_age=0, secure=self._secure(environ))
        return _page(
            start_response, self.pages.signed_out(self.language), [("Set-Cookie", cleared)]
        )


def _page(
    start_response: StartResponse, page: Page, extra: list[tuple[str, str]] | None = None
) -> Iterable[bytes]:
    return _send(start_response, page.status, page.html.encode(), "text/html; charset=utf-8", extra)


def _redirect(
    start_response: StartResponse, where: str, extra: list[tuple[str, str]] | None = None
) -> Iterable[bytes]:
    return _send(
        start_response, 302, b"", "text/plain; charset=utf-8", [("Location", where)] + (extra or [])
    )


def _send(
    start_response: StartResponse,
    status: int,
    body: bytes,
    content_type: str,
    extra: list[tuple[str, str]] | None = None,
) -> Iterable[bytes]:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body))), *_HEADERS]
    start_response(f"{status} {_REASONS.get(status, 'Error')}", headers + (extra or []))
    return [body]
