from slack_bolt import App

from bot.deps import Deps
from bot.listeners.actions import checkin_buttons, decision_buttons, poll_buttons


def register(app: App, deps: Deps) -> None:
    for surface in (checkin_buttons, poll_buttons, decision_buttons):
        surface.register(app, deps)
