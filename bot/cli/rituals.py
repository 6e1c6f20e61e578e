"""`ritualbot ritual run NAME [--at] [--committee]` and `ritualbot ritual schedule`."""

from __future__ import annotations

import argparse
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.cli.errors import UsageError
from bot.services.failures import FailureReports
from bot.services.rituals import run_of
from bot.settings import Settings
from bot.text import unescape
from rituals.store import outbox


def parse_at(text: str | None, tz: ZoneInfo) -> datetime | None:
    """`--at` as ISO-8601; a time without an offset is read in the workspace time zone."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f'--at "{text}" is not ISO-8601; write e.g. 2026-11-23T09:00') from None
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment


def ritual(args: argparse.Namespace, settings: Settings) -> int:
    if args.action == "schedule":
        return schedule(settings)
    committees = settings.config.committees
    if args.committee and args.committee not in committees:
        raise UsageError(
            f'committee "{args.committee}" is not configured; '
            f"known: {', '.join(committees) or 'none'}"
        )
    from bot.app import build

    bot = build(settings)
    try:
        now = parse_at(args.at, settings.tz) or bot.now()
        result = bot.rituals.run(args.name, now=now, committee=args.committee)
        bot.delivery.drain()
        run = run_of(result.ritual, result.period)
        words = bot.catalogue.words("en")
        with bot.database.read() as session:  # delivered here or by a running bot alike
            states = outbox.states_of(session=session, run=run)
            reports = FailureReports(settings, bot.readers, bot.people)
            failed = reports.lines(session, run, words)
    finally:
        bot.stop()
    again = "" if result.first_run else " (already run for this period: only what was missing)"
    left = states.get("pending", 0)
    print(
        f"{args.name} {result.period}: {result.queued} message(s) queued{again}; "
        f"{states.get('sent', 0)} delivered, {states.get('failed', 0)} failed, {left} pending"
    )
    for who, why in failed:
        print(f"  not delivered to {unescape(who)}: {unescape(why)}")
    if failed:
        print(
            "  once fixed, run this again (it sends what failed, once) "
            "or `ritualbot outbox retry --all-failed`"
        )
    if left:
        print("  still pending: a running bot sends them; `ritualbot outbox list` shows them")
    return 0 if not (left or failed) else 1


def schedule(settings: Settings) -> int:
    from datetime import UTC

    from bot.triggers import next_fire
    from rituals.registry import SPECS

    now = datetime.now(UTC)
    for ritual_name in SPECS:
        cadence = settings.cadence(ritual_name)
        when = next_fire(cadence, settings.tz, now).isoformat()
        print(f"{ritual_name.value:<12} {cadence.text:<32} next: {when}")
    return 0
