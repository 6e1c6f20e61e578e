"""Every Bolt listener, registered on the app the composition root builds."""

from slack_bolt import App

from bot.deps import Deps
from bot.listeners import actions, commands, events, views


def register(app: App, deps: Deps) -> None:
    for surface in (events, actions, views, commands):
        surface.register(app, deps)
