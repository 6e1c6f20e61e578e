"""`ritualbot indicator set NAME VALUE [--at DATE]`: a health indicator's value given by hand
(for one without a source, or to correct one); `ritualbot indicator list`: each indicator's
latest value and level, by perspective."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from bot.cli.errors import UsageError
from bot.settings import Settings

if TYPE_CHECKING:
    from rituals.db import Database


def indicator(args: argparse.Namespace, settings: Settings) -> int:
    from rituals.db import Database, make_engine, migrate

    if args.action == "set":
        name, value, at = _checked(args, settings)
    engine = make_engine(settings.database_url)
    try:
        migrate(engine)
        database = Database(engine)
        if args.action == "set":
            return _set(database, settings, name, value, at)
        return _list(database, settings)
    finally:
        engine.dispose()


def _checked(args: argparse.Namespace, settings: Settings) -> tuple[str, float, datetime | None]:
    from rituals.numbers import parse_number

    indicators = settings.config.indicators
    if args.name not in indicators:
        known = ", ".join(indicators) or "none (add [indicators.NAME] to the configuration)"
        raise UsageError(f'unknown indicator "{args.name}"; known: {known}')
    try:
        value = parse_number(args.value)
    except ValueError:
        raise UsageError(f'"{args.value}" is not a number; write e.g. 52, 4.5 or 4,5') from None
    return args.name, value, _moment(args.at, settings) if args.at else None


def _moment(text: str, settings: Settings) -> datetime:
    """`2026-11-20` (that day's start, workspace zone) or `2026-11-20T09:30` (an offset wins)."""
    try:
        if len(text.strip()) == 10:
            moment = datetime.combine(date.fromisoformat(text.strip()), time())
        else:
            moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f'--at "{text}" is not a date; write e.g. 2026-11-20') from None
    return moment if moment.tzinfo else moment.replace(tzinfo=settings.tz)


def _set(
    database: Database, settings: Settings, name: str, value: float, at: datetime | None
) -> int:
    from bot.services.scorecard import set_indicator

    now = datetime.now(UTC)
    at = at or now
    if at > now:
        raise UsageError(f"--at {at.isoformat()} is in the future; give the day the value held")
    indicator = settings.config.indicators[name]
    set_indicator(database, name=name, value=value, at=at, now=now)
    unit = f" {indicator.unit}" if indicator.unit else ""
    when = at.astimezone(settings.tz).isoformat(timespec="minutes")
    print(f"{name} ({indicator.title}): {value:g}{unit} as of {when}")
    return 0


def _list(database: Database, settings: Settings) -> int:
    from bot.services.scorecard import scorecard_of

    found = scorecard_of(database, settings, now=datetime.now(UTC))
    for perspective in found.perspectives:
        for card in perspective.health:
            value = "—" if card.value is None else f"{card.value:g}"
            unit = f" {card.unit}" if card.unit and card.value is not None else ""
            when = card.at.astimezone(settings.tz).date().isoformat() if card.at else "never"
            error = f"  ({card.error})" if card.error else ""
            line = f"{perspective.name}\t{card.name}\t{value}{unit}\t{card.level}\t{when}{error}"
            print(line)
    return 0
