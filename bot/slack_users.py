"""People as Slack knows them: each owner's time zone (users.info), cached per process."""

from __future__ import annotations

import logging
import threading
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)


class UserZones:
    """`zone(user)`: the user's Slack time zone, or the workspace's when Slack cannot say."""

    def __init__(self, client: WebClient, default: ZoneInfo) -> None:
        self.client = client
        self.default = default
        self._known: dict[str, ZoneInfo] = {}
        self._lock = threading.Lock()

    def zone(self, user: str) -> ZoneInfo:
        with self._lock:
            if user in self._known:
                return self._known[user]
        zone = self._ask(user)
        with self._lock:
            self._known[user] = zone
        return zone

    def _ask(self, user: str) -> ZoneInfo:
        try:
            name = self.client.users_info(user=user)["user"].get("tz")
            return ZoneInfo(name) if name else self.default
        except (SlackApiError, ZoneInfoNotFoundError, ValueError, KeyError):
            log.warning("no time zone for %s: using the workspace's", user)
            return self.default
