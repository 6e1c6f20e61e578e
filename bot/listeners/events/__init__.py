from slack_bolt import App

from bot.deps import Deps
from bot.listeners.events import app_home, messages


def register(app: App, deps: Deps) -> None:
    messages.register(app, deps)
    app_home.register(app, deps)
