"""The `ritualbot` command line (also `python -m bot`)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from slack_sdk.errors import SlackApiError

from bot import cli
from bot.cli import UsageError
from bot.settings import RITUALS, SettingsError, load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ritualbot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the bot (HTTP mode, or Socket Mode)")
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--socket", action="store_true", help="Socket Mode: no public URL needed")

    roadmap = commands.add_parser("roadmap", help="import or export the roadmap").add_subparsers(
        dest="action", required=True
    )
    load = roadmap.add_parser("import", help="load initiatives from a CSV file")
    load.add_argument("file", type=Path)
    dump = roadmap.add_parser("export", help="the roadmap with each initiative's latest status")
    dump.add_argument("--format", choices=("csv", "json"), default="csv")

    ritual = commands.add_parser("ritual", help="run a ritual now, or show the schedule")
    ritual_actions = ritual.add_subparsers(dest="action", required=True)
    run = ritual_actions.add_parser("run", help="run one ritual as if it were --at")
    run.add_argument("name", choices=RITUALS)
    run.add_argument("--at", default=None, help="ISO-8601 time (default: now)")
    run.add_argument("--committee", default=None)
    ritual_actions.add_parser("schedule", help="each ritual's next run time")

    export = commands.add_parser("export", help="export recorded data")
    export.add_argument("what", choices=("checkins", "decisions", "escalations"))
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument(
        "--history", action="store_true", help="also the answers later replaced in the same period"
    )

    review = commands.add_parser("review", help="the quarterly review").add_subparsers(
        dest="action", required=True
    )
    page = review.add_parser("export", help="the review as one self-contained HTML page")
    page.add_argument("--quarter", required=True, help="e.g. 2026-Q4")
    page.add_argument("--out", required=True, type=Path, help="the HTML file to write")

    demo = commands.add_parser("demo", help="an offline tour against a local stand-in for Slack")
    demo.add_argument("--language", choices=("en", "fr"), default="en")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.command == "serve" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per Slack call is noise
    try:
        if args.command == "demo":
            from bot.demo import run_demo

            return run_demo(language=args.language)
        settings = load_settings()
        return cli.dispatch(args, settings)
    except (SettingsError, UsageError) as exc:
        print(f"ritualbot: {exc}", file=sys.stderr)
        return 2
    except SlackApiError as exc:
        print(f"ritualbot: Slack refused: {exc.response.get('error', exc)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
