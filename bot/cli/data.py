"""The data commands: the roadmap in and out, the exports, the quarterly review page."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.cli.errors import UsageError
from bot.settings import Settings


def roadmap(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build
    from bot.services.roadmap import import_roadmap
    from rituals.periods import quarter_of
    from rituals.roadmap import ERRORS_SHOWN, format_errors

    bot = build(settings)
    try:
        if args.action == "export":
            from bot.services.names import load_names
            from bot.services.roadmap import EXPORT_COLUMNS, roadmap_rows

            engine = bot.database.engine
            names = load_names(engine, _referenced(engine), people=bot.people)
            fmt, _ = _chosen(args)
            rows = roadmap_rows(engine=engine, names=names, for_csv=fmt != "json")
            _write(rows, EXPORT_COLUMNS, args, title="roadmap")
            return 0
        from bot.cli.progress import progress_on
        from bot.logs import format_of
        from bot.services.roadmap_file import RoadmapFileError, read_roadmap_file

        file = Path(args.file)
        try:
            read = read_roadmap_file(file)
        except RoadmapFileError as exc:
            raise UsageError(str(exc)) from None
        logged = format_of(os.environ) == "json"  # stderr: one JSON object a line
        if read.read_as not in ("UTF-8", "UTF-8 with BOM"):
            if logged:
                logging.getLogger(__name__).warning("%s: read as %s", file, read.read_as)
            else:
                print(f"{file}: read as {read.read_as}", file=sys.stderr)
        now = bot.now()
        with progress_on(sys.stderr, "e-mails looked up in Slack", logged=logged) as progress:
            result = import_roadmap(
                engine=bot.database.engine,
                client=bot.client,
                text=read.text,
                sheet=read.sheet,
                committees=tuple(settings.config.committees),
                perspectives=settings.config.perspectives,
                default_quarter=quarter_of(now, settings.tz),
                now=now,
                progress=progress,
            )
        asked = 0 if result.errors else _ask_dependencies(bot, settings)
    finally:
        bot.stop()
    if result.errors:
        count = len(result.errors)
        print(f"{file}: nothing imported; {count:,} problem(s) to fix:", file=sys.stderr)
        print(format_errors(result.errors, limit=ERRORS_SHOWN), file=sys.stderr)
        return 1
    print(
        f"{file}: {result.created} created, {result.updated} updated, {result.unchanged} unchanged"
    )
    if asked:
        print(f"{file}: {asked} owner(s) asked to accept the dependencies on their initiatives")
    return 0


def _ask_dependencies(bot: Any, settings: Settings) -> int:
    """The owners of initiatives depended on, asked at once (within their noise budget)."""
    from bot.services.dependencies import Dependencies
    from bot.services.forms import Forms
    from bot.services.noise import Budget

    forms = Forms(bot.client, settings, bot.readers)
    asking = Dependencies(bot.database, settings, bot.readers, bot.people, Budget(settings), forms)
    asked = asking.ask_now(now=bot.now())
    if asked:
        bot.delivery.drain()  # delivered here, or by a running bot if Slack is slow
    return asked


def export(args: argparse.Namespace, settings: Settings) -> int:
    """Stream the rows to stdout as the database gives them: neither the bot (Slack
    clients, workers, words) nor the whole file is held, whatever the number of rows."""
    from bot.services import exports
    from rituals.db import make_engine, migrate

    rows: Iterator[dict[str, Any]]
    columns: tuple[str, ...]
    fmt, _ = _chosen(args)
    engine = make_engine(settings.database_url)
    try:
        migrate(engine)
        names = _names(engine, settings)
        csv = fmt != "json"
        if args.what == "decisions":
            rows = exports.decision_records(engine, for_csv=csv, names=names)
            columns = exports.DECISION_COLUMNS
        elif args.what == "escalations":
            rows = exports.escalation_records(engine, names=names)
            columns = exports.ESCALATION_COLUMNS
        elif args.what == "dependencies":
            rows = exports.dependency_records(engine, names=names)
            columns = exports.DEPENDENCY_COLUMNS
        else:
            rows = exports.checkin_records(engine, history=args.history, names=names)
            columns = exports.CHECKIN_COLUMNS
        _write(rows, columns, args, title=args.what)
    finally:
        engine.dispose()
    return 0


def _referenced(engine: Any) -> set[str]:
    from sqlmodel import Session

    from rituals.store import exports as store

    with Session(engine) as session:
        return store.people(session=session)


def _names(engine: Any, settings: Settings) -> Any:
    """Names kept in the database; those never seen asked of Slack when a token is set."""
    from bot.services.names import load_names

    people = None
    if settings.bot_token is not None:
        from slack_sdk import WebClient

        from bot.people import People
        from rituals.db import Database

        client = WebClient(
            token=settings.bot_token.get_secret_value(),
            base_url=settings.slack_api_url,
            timeout=5,  # names are a courtesy: an export does not wait long for Slack
        )
        people = People(client, settings.tz, Database(engine))
    return load_names(engine, _referenced(engine), people=people)


def _chosen(args: argparse.Namespace) -> tuple[str, bool]:
    """The format (`--format`, else the `--out` file's extension, else csv) and `--excel`."""
    out: Path | None = args.out
    fmt = args.format or ("xlsx" if out is not None and out.suffix.lower() == ".xlsx" else "csv")
    if args.excel and fmt != "csv":
        raise UsageError(f"--excel is a kind of CSV; leave out --format {fmt} (or --excel)")
    return fmt, bool(args.excel)


def _write(
    rows: Iterator[dict[str, Any]] | list[dict[str, Any]],
    columns: tuple[str, ...],
    args: argparse.Namespace,
    *,
    title: str,
) -> None:
    """To `--out` (written whole, then put in place) or standard output."""
    from bot.services import exports, sheets

    fmt, excel = _chosen(args)
    out: Path | None = args.out
    if out is None:
        if fmt != "xlsx":
            exports.write(rows, columns, sys.stdout, fmt=fmt, excel=excel)
            return
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None or sys.stdout.isatty():
            raise UsageError("an .xlsx file is not text: write it with --out FILE.xlsx")
        sheets.write_xlsx(rows, columns, binary, title=title)
        binary.flush()
        return
    part = out.with_name(out.name + ".part")
    try:
        if fmt == "xlsx":
            with part.open("wb") as binary_file:
                sheets.write_xlsx(rows, columns, binary_file, title=title)
        else:
            with part.open("w", encoding="utf-8", newline="") as text_file:
                exports.write(rows, columns, text_file, fmt=fmt, excel=excel)
        part.replace(out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None


def review(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build
    from bot.pages.review import review_page
    from bot.services.names import load_names
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
        people = {r.owner for rows in found.committees.values() for r in rows}
        people |= {d.follow_up_owner for d in found.decisions if d.follow_up_owner}
        names = load_names(bot.database.engine, people, people=bot.people)
        page = review_page(found, bot.readers.workspace, names.known)
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
