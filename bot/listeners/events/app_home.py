"""The App Home: published afresh each time its owner opens the Home tab."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltResponse

from bot.listeners.base import Listening, guarded
from bot.work import HomeOpened


def register(app: App, listening: Listening) -> None:
    @guarded
    def on_home_opened(body: dict[str, Any], event: dict[str, Any]) -> BoltResponse | None:
        # The Messages and About tabs send this event too: answered, not published.
        if event.get("tab") != "home" or not event.get("user"):
            return None
        return listening.event(body, HomeOpened(user=str(event["user"])))

    app.event("app_home_opened")(on_home_opened)
