"""What each command does, once the settings are loaded."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.app import build_app, build_deps
from bot.deps import Deps
from bot.exports import (
    CHECKIN_COLUMNS,
    DECISION_COLUMNS,
    ESCALATION_COLUMNS,
    checkin_rows,
    decision_rows,
    escalation_rows,
    to_csv,
    to_json,
)
from bot.jobs import JOBS, run_ritual
from bot.settings import Settings
from bot.triggers import next_fire
from rituals.periods import quarter_of


class UsageError(Exception):
    """Bad arguments: the message says what to write instead."""


def parse_at(text: str | None, tz: ZoneInfo) -> datetime | None:
    """`--at` as ISO-8601; a time without an offset is read in the workspace time zone."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f'--at "{text}" is not ISO-8601; write e.g. 2026-11-23T09:00') from None
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment


def dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "serve" and args.socket and settings.app_token is None:
        raise UsageError("SLACK_APP_TOKEN: required in Socket Mode (an app-level token, xapp-…)")
    deps = build_deps(settings)
    try:
        return _dispatch(args, deps)
    finally:
        deps.close()


def _dispatch(args: argparse.Namespace, deps: Deps) -> int:
    settings = deps.settings
    if args.command == "serve":
        return serve(deps, port=args.port or settings.port, host=args.host, socket=args.socket)
    if args.command == "roadmap":
        return (
            roadmap_import(deps, args.file)
            if args.action == "import"
            else roadmap_export(deps, args.format)
        )
    if args.command == "ritual":
        return ritual_run(deps, args) if args.action == "run" else ritual_schedule(deps)
    if args.command == "review":
        return review_export(deps, quarter=args.quarter, out=args.out)
    if args.command == "export":
        csv = args.format == "csv"
        columns: tuple[str, ...] = CHECKIN_COLUMNS
        if args.what == "decisions":
            rows, columns = decision_rows(deps.engine, for_csv=csv), DECISION_COLUMNS
        elif args.what == "escalations":
            rows, columns = escalation_rows(deps.engine), ESCALATION_COLUMNS
        else:
            rows = checkin_rows(deps.engine, history=args.history)
        sys.stdout.write(to_csv(rows, columns) if csv else to_json(rows))
        return 0
    raise UsageError(f"unknown command {args.command}")


def roadmap_import(deps: Deps, path: object) -> int:
    from pathlib import Path

    from bot.roadmap_io import import_roadmap
    from rituals.roadmap import format_errors

    file = Path(str(path))
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {file}: {exc}") from None
    now = deps.clock()
    result = import_roadmap(
        engine=deps.engine,
        client=deps.client,
        text=text,
        committees=tuple(deps.settings.config.committees),
        default_quarter=quarter_of(now, deps.settings.tz),
        now=now,
    )
    if result.errors:
        print(f"{file}: nothing imported; {len(result.errors)} problem(s) to fix:", file=sys.stderr)
        print(format_errors(result.errors), file=sys.stderr)
        return 1
    print(
        f"{file}: {result.created} created, {result.updated} updated, {result.unchanged} unchanged"
    )
    return 0


def review_export(deps: Deps, *, quarter: str, out: object) -> int:
    from pathlib import Path

    from bot.review_html import load_review, review_html
    from rituals.periods import parse_period

    try:
        period = parse_period(quarter)
    except ValueError as exc:
        raise UsageError(f"--quarter: {exc}") from None
    if period.kind != "quarter":
        raise UsageError(f'--quarter "{quarter}" is not a quarter; write e.g. 2026-Q4')
    review = load_review(deps.engine, str(period), tz=deps.settings.tz)
    page = review_html(
        review, language=deps.settings.config.language, prompts_dir=deps.settings.config.prompts_dir
    )
    path = Path(str(out))
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc}") from None
    count = sum(len(items) for items in review.committees.values())
    print(
        f"{path}: the {period} review, {count} initiative(s), {len(review.decisions)} decision(s)"
    )
    return 0


def roadmap_export(deps: Deps, fmt: str) -> int:
    from bot.roadmap_io import export_roadmap

    sys.stdout.write(export_roadmap(engine=deps.engine, fmt=fmt))
    return 0


def ritual_run(deps: Deps, args: argparse.Namespace) -> int:
    committees = deps.settings.config.committees
    if args.committee and args.committee not in committees:
        raise UsageError(
            f'committee "{args.committee}" is not configured; '
            f"known: {', '.join(committees) or 'none'}"
        )
    now = parse_at(args.at, deps.settings.tz) or deps.clock()
    result = run_ritual(deps, args.name, now=now, committee=args.committee)
    left = deps.delivery.drain()
    stats = deps.delivery.stats
    again = "" if result.first_run else " (already run for this period: only what was missing)"
    print(
        f"{args.name} {result.period}: {result.queued} message(s) queued{again}; "
        f"{stats['sent']} delivered, {stats['failed']} failed, {left} pending"
    )
    return 0 if not left else 1


def ritual_schedule(deps: Deps) -> int:
    tz = deps.settings.tz
    now = deps.clock()
    for name in JOBS:
        cadence = deps.settings.cadence(name)
        print(f"{name:<12} {cadence.text:<32} next: {next_fire(cadence, tz, now).isoformat()}")
    return 0


def serve(deps: Deps, *, port: int, host: str, socket: bool) -> int:
    from bot.scheduler import RitualScheduler

    app = build_app(deps, socket_mode=socket)
    scheduler = RitualScheduler(deps)
    deps.delivery.start()
    scheduler.start()
    stop = threading.Event()
    try:
        if socket:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            assert deps.settings.app_token is not None  # checked before anything started
            handler = SocketModeHandler(app, deps.settings.app_token.get_secret_value())
            handler.connect()
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
            try:
                stop.wait()
            finally:
                handler.close()
        else:
            from bot.web import ServerThread, WebApp, make_server

            server = ServerThread(make_server(WebApp(app, deps.engine), host=host, port=port))
            server.start()
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
            print(f"ritualbot listening on http://{host}:{server.port}/slack/events", flush=True)
            try:
                stop.wait()
            finally:
                server.stop()
    except KeyboardInterrupt:
        pass
    finally:
        scheduler.stop()
    return 0
