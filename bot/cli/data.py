"""The data commands: the roadmap in and out, the exports, the quarterly review page."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.cli.errors import UsageError
from bot.settings import Settings


def roadmap(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build
    from bot.services.roadmap import export_roadmap, import_roadmap
    from rituals.periods import quarter_of
    from rituals.roadmap import format_errors

    bot = build(settings)
    try:
        if args.action == "export":
            sys.stdout.write(export_roadmap(engine=bot.database.engine, fmt=args.format))
            return 0
        file = Path(args.file)
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read {file}: {exc}") from None
        now = bot.now()
        result = import_roadmap(
            engine=bot.database.engine,
            client=bot.client,
            text=text,
            committees=tuple(settings.config.committees),
            default_quarter=quarter_of(now, settings.tz),
            now=now,
        )
    finally:
        bot.stop()
    if result.errors:
        print(f"{file}: nothing imported; {len(result.errors)} problem(s) to fix:", file=sys.stderr)
        print(format_errors(result.errors), file=sys.stderr)
        return 1
    print(
        f"{file}: {result.created} created, {result.updated} updated, {result.unchanged} unchanged"
    )
    return 0


def export(args: argparse.Namespace, settings: Settings) -> int:
    """Stream the rows to stdout as the database gives them: neither the bot (Slack
    clients, workers, words) nor the whole file is held, whatever the number of rows."""
    from bot.services import exports
    from rituals.db import make_engine, migrate

    rows: Iterator[dict[str, Any]]
    columns: tuple[str, ...]
    engine = make_engine(settings.database_url)
    try:
        migrate(engine)
        csv = args.format == "csv"
        if args.what == "decisions":
            rows, columns = exports.decision_records(engine, for_csv=csv), exports.DECISION_COLUMNS
        elif args.what == "escalations":
            rows, columns = exports.escalation_records(engine), exports.ESCALATION_COLUMNS
        else:
            rows = exports.checkin_records(engine, history=args.history)
            columns = exports.CHECKIN_COLUMNS
        exports.write(rows, columns, sys.stdout, fmt=args.format)
    finally:
        engine.dispose()
    return 0


def review(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build
    from bot.pages.review import review_page
    from bot.services.review import load_review
    from rituals.periods import parse_period

    try:
        period = parse_period(args.quarter)
    except ValueError as exc:
        raise UsageError(f"--quarter: {exc}") from None
    if period.kind != "quarter":
        raise UsageError(f'--quarter "{args.quarter}" is not a quarter; write e.g. 2026-Q4')
    bot = build(settings)
    try:
        found = load_review(bot.database, str(period), tz=settings.tz)
        page = review_page(found, bot.readers.workspace)
    finally:
        bot.stop()
    path = Path(args.out)
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    count = sum(len(items) for items in found.committees.values())
    print(f"{path}: the {period} review, {count} initiative(s), {len(found.decisions)} decision(s)")
    return 0
