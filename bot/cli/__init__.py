"""What each command does, once its arguments are read; every error is one line on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from bot.cli.errors import UsageError


def run(args: argparse.Namespace) -> int:
    from slack_sdk.errors import SlackApiError

    from bot.catalogue import CatalogueError
    from bot.settings import SettingsError, load_settings

    try:
        if args.command == "demo":
            from bot.devtools.demo import run_demo

            return run_demo(language=args.language)
        if args.command == "prompts":
            from bot.cli import prompts

            return prompts.run(args)
        return _command(args.command)(args, load_settings())
    except (SettingsError, UsageError) as exc:
        print(f"ritualbot: {exc}", file=sys.stderr)
        return 2
    except CatalogueError as exc:
        print(f"ritualbot: {exc}", file=sys.stderr)
        return 2
    except SlackApiError as exc:
        print(f"ritualbot: Slack refused: {exc.response.get('error', exc)}", file=sys.stderr)
        return 1


def _command(name: str) -> Callable[..., int]:
    if name == "serve":
        from bot.cli.serve import serve

        return serve
    if name == "ritual":
        from bot.cli.rituals import ritual

        return ritual
    if name == "noise":
        from bot.cli.noise import noise

        return noise
    if name in ("inbox", "outbox"):
        from bot.cli.boxes import box

        return box
    from bot.cli import data

    return {"roadmap": data.roadmap, "export": data.export, "review": data.review}[name]
