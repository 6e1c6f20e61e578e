from slack_bolt import App

from bot.deps import Deps
from bot.listeners.views import absence_submit, checkin_submit, poll_submit


def register(app: App, deps: Deps) -> None:
    for view in (checkin_submit, poll_submit, absence_submit):
        view.register(app, deps)
