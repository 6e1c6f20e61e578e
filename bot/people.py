"""People as Slack knows them (users.info, cached per process): time zone, display name and
language, each with the workspace's default when Slack cannot say."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.text import Mrkdwn, clip, mention

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Person:
    id: str
    name: str  # the display name, else the real name, else the id
    zone: ZoneInfo
    locale: str | None  # e.g. "fr-FR", when Slack says


class People:
    """`person(user)` from users.info once per process; the defaults when Slack cannot say."""

    def __init__(self, client: WebClient, default_zone: ZoneInfo) -> None:
        self.client = client
        self.default_zone = default_zone
        self._known: dict[str, Person] = {}
        self._lock = threading.Lock()

    def person(self, user: str) -> Person:
        with self._lock:
            found = self._known.get(user)
        if found is not None:
            return found
        found = self._ask(user)
        with self._lock:
            self._known[user] = found
        return found

    def zone(self, user: str) -> ZoneInfo:
        return self.person(user).zone

    def name(self, user: str) -> str:
        return self.person(user).name

    def named(self, user: str) -> Mrkdwn:
        """The person by name, notifying nobody: for channel posts."""
        return clip(self.name(user), 80)

    @staticmethod
    def mentioned(user: str) -> Mrkdwn:
        """The person notified: only where the message asks them to act now."""
        return mention(user)

    def _ask(self, user: str) -> Person:
        try:
            found = self.client.users_info(user=user, include_locale=True)["user"]
        except (SlackApiError, KeyError, TypeError, ValueError) as exc:
            log.warning("users.info %s failed (%s): using the defaults", user, _error(exc))
            return Person(user, user, self.default_zone, None)
        profile = found.get("profile") or {}
        name = profile.get("display_name") or found.get("real_name") or found.get("name") or user
        return Person(user, str(name), self._zone(found.get("tz")), found.get("locale"))

    def _zone(self, name: object) -> ZoneInfo:
        try:
            return ZoneInfo(str(name)) if name else self.default_zone
        except (ZoneInfoNotFoundError, ValueError):
            return self.default_zone


def _error(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error", "error"))
    return type(exc).__name__
