from slack_bolt import App

from bot.deps import Deps
from bot.listeners.views import checkin_submit, poll_submit


def register(app: App, deps: Deps) -> None:
    checkin_submit.register(app, deps)
    poll_submit.register(app, deps)
