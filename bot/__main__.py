"""The `ritualbot` command line (also `python -m bot`). Each command imports what it needs
when it runs, so that `--help` answers at once. Output piped into a reader that stops early
(`| head`) ends the command quietly."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from bot.logs import LEVELS
from rituals.registry import NAMES as RITUALS


def _version() -> str:
    try:
        return metadata.version("ritualbot")
    except metadata.PackageNotFoundError:  # pragma: no cover - a checkout never installed
        return "unknown"


def _count(low: int, high: int) -> Callable[[str], int]:
    def count(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"write a number from {low} to {high}")
        return value

    return count


def _week(text: str) -> str:
    from rituals.periods import parse_period

    try:
        period = parse_period(text)
    except ValueError:
        period = None
    if period is None or period.kind != "week":
        raise argparse.ArgumentTypeError(f"{text!r} is not a week; write e.g. 2026-W48")
    return str(period)


DESCRIPTION = (
    "ritualbot runs a CMO's leadership rituals in Slack: weekly check-ins, reminders, digests, "
    "escalations, arbitrations and the quarterly review."
)
EPILOG = (
    "`ritualbot COMMAND --help` tells a command's options; `ritualbot doctor` checks an "
    "install; `ritualbot completion bash|zsh` prints a shell completion script. Environment: "
    "SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET or SLACK_APP_TOKEN, DATABASE_URL, RITUALBOT_CONFIG, "
    "PORT, RITUALBOT_LOG_LEVEL, RITUALBOT_LOG_FORMAT (see the README)."
)


def _file_options(command: argparse.ArgumentParser) -> None:
    """How an export is written: `--format`, `--excel`, `--out`."""
    command.add_argument(
        "--format",
        choices=("csv", "json", "xlsx"),
        default=None,
        help="default: csv, or xlsx for an --out FILE.xlsx",
    )
    command.add_argument(
        "--excel",
        action="store_true",
        help="CSV for French Excel: ';' between cells, a BOM, decimal commas",
    )
    command.add_argument(
        "--out", type=Path, default=None, help="the file to write (default: standard output)"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ritualbot", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument(
        "--version",
        action="version",
        version=f"ritualbot {_version()}",
        help="print the version and exit",
    )
    parser.add_argument(
        "--log-level",
        type=str.lower,
        choices=LEVELS,
        default=None,
        metavar="LEVEL",
        help="debug, info, warning, error or critical: how much the log says (default: "
        "$RITUALBOT_LOG_LEVEL, else info for serve, warning for the other commands)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the bot (HTTP mode, or Socket Mode)")
    serve.add_argument("--port", type=int, default=None, help="HTTP port (default: $PORT, 3000)")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all)")
    serve.add_argument("--socket", action="store_true", help="Socket Mode: no public URL needed")

    roadmap = commands.add_parser("roadmap", help="import or export the roadmap")
    roadmap_actions = roadmap.add_subparsers(dest="action", required=True, metavar="ACTION")
    load = roadmap_actions.add_parser("import", help="load initiatives from a CSV file")
    load.add_argument("file", type=Path, help="the roadmap CSV")
    dump = roadmap_actions.add_parser("export", help="the roadmap with each initiative's status")
    _file_options(dump)

    ritual = commands.add_parser("ritual", help="run a ritual now, or show the schedule")
    ritual_actions = ritual.add_subparsers(dest="action", required=True, metavar="ACTION")
    run = ritual_actions.add_parser("run", help="run one ritual as if it were --at")
    run.add_argument("name", choices=RITUALS, help=f"which ritual: {', '.join(RITUALS)}")
    run.add_argument(
        "--at", default=None, help="ISO-8601 time, e.g. 2026-11-23T09:00 (default: now)"
    )
    run.add_argument("--committee", default=None, help="only this committee")
    ritual_actions.add_parser("schedule", help="each ritual's next run time")

    export = commands.add_parser("export", help="export recorded data")
    export.add_argument(
        "what",
        choices=("checkins", "decisions", "escalations", "dependencies"),
        help="checkins, decisions, escalations or dependencies",
    )
    _file_options(export)
    export.add_argument(
        "--history", action="store_true", help="also the answers later replaced in the same period"
    )

    review = commands.add_parser("review", help="the quarterly review")
    review_actions = review.add_subparsers(dest="action", required=True, metavar="ACTION")
    page = review_actions.add_parser("export", help="the review as one self-contained HTML page")
    page.add_argument("--quarter", required=True, help="e.g. 2026-Q4")
    page.add_argument("--out", required=True, type=Path, help="the HTML file to write")

    prompts = commands.add_parser("prompts", help="the message catalogue: export it, check yours")
    prompt_actions = prompts.add_subparsers(dest="action", required=True, metavar="ACTION")
    write = prompt_actions.add_parser("export", help="write the packaged catalogue to DIR")
    write.add_argument("dir", type=Path, help="the folder to write (created if needed)")
    write.add_argument("--language", choices=("en", "fr"), default=None, help="only this one")
    check = prompt_actions.add_parser("check", help="check a catalogue against the bot's")
    check.add_argument("dir", type=Path, nargs="?", default=None, help="default: prompts_dir")

    for name, what in (("inbox", "incoming work"), ("outbox", "messages on their way to Slack")):
        box = commands.add_parser(name, help=f"{what}: list it, retry what failed")
        box_actions = box.add_subparsers(dest="action", required=True, metavar="ACTION")
        listing = box_actions.add_parser("list", help=f"the {what} not done")
        listing.add_argument("--failed", action="store_true", help="only what failed for good")
        again = box_actions.add_parser("retry", help="try again what failed")
        again.add_argument("keys", nargs="*", help="the keys to retry (default: all that failed)")
        again.add_argument("--all-failed", action="store_true", help="every row that failed")

    noise = commands.add_parser("noise", help="what the bot sent each person, week by week")
    noise_actions = noise.add_subparsers(dest="action", required=True, metavar="ACTION")
    report = noise_actions.add_parser("report", help="DMs and mentions per person and week")
    report.add_argument("--weeks", type=_count(1, 53), default=4, help="how many (default: 4)")
    report.add_argument("--until", type=_week, default=None, help="last week, e.g. 2026-W48")
    report.add_argument("--top", type=_count(1, 100_000), default=20, help="people listed")

    indicator = commands.add_parser("indicator", help="the scorecard's health indicators")
    indicator_actions = indicator.add_subparsers(dest="action", required=True, metavar="ACTION")
    given = indicator_actions.add_parser("set", help="give an indicator's value by hand")
    given.add_argument("name", help="the indicator, as [indicators.NAME] names it")
    given.add_argument("value", help="its value, e.g. 52 or 4,5")
    given.add_argument(
        "--at", default=None, help="the day (or ISO time) it held, e.g. 2026-11-20 (default: now)"
    )
    indicator_actions.add_parser("list", help="each indicator's latest value and level")

    db = commands.add_parser("db", help="the database schema: migrate it, see where it is")
    db_actions = db.add_subparsers(dest="action", required=True, metavar="ACTION")
    db_actions.add_parser("upgrade", help="apply the migrations (replicas may run it at once)")
    db_actions.add_parser("status", help="the schema's revision and the latest one")

    demo = commands.add_parser("demo", help="an offline tour against a local stand-in for Slack")
    demo.add_argument("--language", choices=("en", "fr"), default="en", help="default: en")
    demo.add_argument(
        "--serve",
        action="store_true",
        help="fill a quarter of sample data and serve the dashboard on localhost, signed in as "
        "the demo CMO",
    )
    demo.add_argument("--port", type=int, default=8000, help="with --serve (default: 8000)")
    demo.add_argument(
        "--html",
        metavar="DIR",
        type=Path,
        default=None,
        help="also write one HTML page per scene, as Slack shows it, and an index.html, in DIR",
    )

    doctor = commands.add_parser(
        "doctor",
        help="check the install: configuration, database, token and scopes, channels, people",
    )
    doctor.add_argument(
        "--send-test",
        metavar="USER",
        default=None,
        help="also DM this person (a Slack member id U… or an e-mail) a test message",
    )

    completion = commands.add_parser("completion", help="print a shell completion script")
    completion.add_argument(
        "shell",
        choices=("bash", "zsh"),
        help='bash or zsh; e.g. eval "$(ritualbot completion bash)" in ~/.bashrc',
    )
    _describe(parser)
    return parser


def _describe(parser: argparse.ArgumentParser) -> None:
    """Each command's `--help` opens with the line `ritualbot --help` shows for it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for shown in action._choices_actions:
                sub = action.choices[shown.dest]
                if sub.description is None:
                    sub.description = shown.help
                _describe(sub)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "completion":
            from bot.cli.completion import script

            sys.stdout.write(script(parser, args.shell))
            sys.stdout.flush()
            return 0
        from bot import logs

        quiet = "info" if args.command == "serve" else "warning"
        try:
            logs.configure(
                level=logs.level_of(args.log_level, os.environ, default=quiet),
                fmt=logs.format_of(os.environ),
                secrets=logs.secrets_of(os.environ),
            )
        except logs.LogSettingError as exc:
            print(f"ritualbot: {exc}", file=sys.stderr)
            return 2
        from bot.cli import run

        code = run(args)
        sys.stdout.flush()  # a reader gone away is noticed here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """The output's reader stopped reading (`| head`): no traceback, nothing more written;
    the exit status a shell gives a command ended by SIGPIPE."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no file (a test's buffer): nothing to flush
        pass
    return 141


if __name__ == "__main__":
    sys.exit(main())
