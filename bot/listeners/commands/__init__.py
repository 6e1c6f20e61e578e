from slack_bolt import App

from bot.deps import Deps
from bot.listeners.commands import arbitrate, checkin, decisions


def register(app: App, deps: Deps) -> None:
    for command in (checkin, arbitrate, decisions):
        command.register(app, deps)
