"""A bot process started ahead of time: it imports the bot, then waits for its environment and
its arguments (one JSON line on stdin) and runs `ritualbot` with them, as `python -m bot` does.

A restart after `kill -9` then takes the time of the bot's start, not of Python's imports.
Nothing is read from the environment on import (STYLE.md), so the bot it runs is the one
`python -m bot serve` runs."""

from __future__ import annotations

import json
import os
import sys

import slack_bolt.adapter.wsgi
import waitress.server

import bot.app
import bot.cli.serve
import bot.web.server
from bot.__main__ import main

PRELOADED = (bot.app, bot.cli.serve, bot.web.server, slack_bolt.adapter.wsgi, waitress.server)


def run() -> int:
    line = sys.stdin.readline()
    if not line:
        return 0  # never needed
    order = json.loads(line)
    os.environ.update(order["env"])
    return main(order["argv"])


if __name__ == "__main__":
    sys.exit(run())
