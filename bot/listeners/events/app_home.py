"""The App Home: published afresh each time its owner opens the Home tab."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.deps import Deps
from bot.home import publish_home


def register(app: App, deps: Deps) -> None:
    def on_home_opened(event: dict[str, Any]) -> None:
        # The Messages and About tabs send this event too: answered, not published.
        if event.get("tab") != "home" or not event.get("user"):
            return
        user = event["user"]
        deps.after_ack(lambda: publish_home(deps, user))

    app.event("app_home_opened")(on_home_opened)
