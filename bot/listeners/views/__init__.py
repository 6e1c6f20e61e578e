from slack_bolt import App

from bot.deps import Deps
from bot.listeners.views import checkin_submit


def register(app: App, deps: Deps) -> None:
    checkin_submit.register(app, deps)
