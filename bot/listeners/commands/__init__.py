from slack_bolt import App

from bot.deps import Deps
from bot.listeners.commands import checkin


def register(app: App, deps: Deps) -> None:
    checkin.register(app, deps)
