"""What each command does, once its arguments are read; every error is one line on stderr:
a bad argument or configuration (exit 2), a database that does not answer (named, never its
password), a file that cannot be read, Slack refusing (exit 1)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from bot.cli.errors import Unready, UsageError


def run(args: argparse.Namespace) -> int:
    from slack_sdk.errors import SlackApiError
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    from bot.catalogue import CatalogueError
    from bot.settings import SettingsError, load_settings

    settings = None
    try:
        if args.command == "demo" and getattr(args, "serve", False):
            from bot.devtools.demo_serve import serve_demo

            return serve_demo(language=args.language, port=args.port)
        if args.command == "demo":
            from bot.devtools.demo import run_demo

            return run_demo(language=args.language, html=getattr(args, "html", None))
        if args.command == "prompts":
            from bot.cli import prompts

            return prompts.run(args)
        if args.command == "doctor":
            from bot.cli.doctor import doctor

            return doctor(args)
        settings = load_settings()
        return _command(args.command)(args, settings)
    except (SettingsError, UsageError) as exc:
        print(f"ritualbot: {exc}", file=sys.stderr)
        return 2
    except CatalogueError as exc:
        print(f"ritualbot: {exc}", file=sys.stderr)
        return 2
    except Unready as exc:
        print(f"ritualbot: {exc}", file=sys.stderr)
        return 1
    except SlackApiError as exc:
        print(f"ritualbot: Slack refused: {exc.response.get('error', exc)}", file=sys.stderr)
        return 1
    except DBAPIError as exc:
        print(f"ritualbot: {_unreachable(settings, exc)}", file=sys.stderr)
        return 1
    except (ArgumentError, NoSuchModuleError):
        print(
            "ritualbot: DATABASE_URL: not a database URL this bot reads; write "
            "sqlite:///path.db or postgresql+psycopg://user:password@host/name",
            file=sys.stderr,
        )
        return 2
    except BrokenPipeError:
        raise  # the reader of the output went away: `main` ends quietly
    except OSError as exc:
        print(f"ritualbot: {_os_error(exc)}", file=sys.stderr)
        return 2


def _unreachable(settings: object, exc: BaseException) -> str:
    """`the database at postgresql+psycopg://ritualbot:***@db/ritualbot is unreachable: …`"""
    from bot.checks.local import reason, shown

    url = getattr(settings, "database_url", None) or os.environ.get("DATABASE_URL", "")
    text = f"the database at {shown(url)} is unreachable: {reason(exc)}"
    password = _password(url)
    return text.replace(password, "***") if password else text


def _password(url: str) -> str | None:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).password
    except Exception:
        return None


def _os_error(exc: OSError) -> str:
    what = exc.strerror or str(exc)
    return f"{exc.filename}: {what}" if exc.filename else what


def _command(name: str) -> Callable[..., int]:
    if name == "serve":
        from bot.cli.serve import serve

        return serve
    if name == "ritual":
        from bot.cli.rituals import ritual

        return ritual
    if name == "db":
        from bot.cli.db import db

        return db
    if name == "noise":
        from bot.cli.noise import noise

        return noise
    if name == "indicator":
        from bot.cli.indicators import indicator

        return indicator
    if name in ("inbox", "outbox"):
        from bot.cli.boxes import box

        return box
    from bot.cli import data

    return {"roadmap": data.roadmap, "export": data.export, "review": data.review}[name]
