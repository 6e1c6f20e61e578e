"""Readiness (`GET /readyz`): the database answers, its schema is this version's, and Slack
accepts the bot token. The database is asked at each call; the token once a minute at most
(a load balancer asks every few seconds, `auth.test` is Tier 4). A Slack that cannot be
reached says nothing about the token: the last answer stands, and a replica is not taken out
of service for Slack's own outage."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine, text

from bot.checks import Check
from bot.checks import local as local_checks
from bot.checks import slack as slack_checks

TOKEN_TTL = 60.0  # seconds a token check is kept


class Readiness:
    def __init__(
        self,
        engine: Engine,
        *,
        slack_url: str | None = None,
        token: str | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine = engine
        self.slack_url = slack_url
        self.token = token
        self.monotonic = monotonic
        self._lock = threading.Lock()
        self._token_check: Check | None = None
        self._checked_at = -TOKEN_TTL

    def checks(self) -> list[Check]:
        found = self._database()
        if self.slack_url is not None:
            found.append(self._token())
        return found

    def _database(self) -> list[Check]:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
                schema = local_checks.schema_of(connection)
        except Exception as exc:
            detail = f"unreachable: {local_checks.reason(exc)}"
            return [Check("database", False, detail), Check("schema", False, "not read")]
        return [Check("database", True, "answers"), schema]

    def _token(self) -> Check:
        with self._lock:  # one auth.test at a time, whatever the number of probes
            if self._token_check is None or self.monotonic() - self._checked_at >= TOKEN_TTL:
                self._token_check = self._ask_slack(self._token_check)
                self._checked_at = self.monotonic()
            return self._token_check

    def _ask_slack(self, last: Check | None) -> Check:
        assert self.slack_url is not None
        if not self.token:
            return Check("token", False, "SLACK_BOT_TOKEN is not set")
        slack = slack_checks.Slack(self.slack_url, self.token, timeout=5)
        try:
            check, _ = slack_checks.token(slack, self.token)
        except slack_checks.Unreachable as exc:
            seen = f"; last answer: {last.detail}" if last is not None and last.ok else ""
            ok = last is None or last.ok
            return Check("token", ok, f"not checked, Slack unreachable ({exc}){seen}")
        finally:
            slack.close()
        return check
