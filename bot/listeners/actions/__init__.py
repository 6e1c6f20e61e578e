from slack_bolt import App

from bot.deps import Deps
from bot.listeners.actions import checkin_buttons


def register(app: App, deps: Deps) -> None:
    checkin_buttons.register(app, deps)
