"""The scorecard by perspective: the health indicators of the TOML (`[indicators.NAME]`) with
their latest reading, and the quarter's initiatives' KPIs, each against its thresholds.

`scorecard_of` is what the dashboard, the CMO's Home and the digest show. Values come from
readings: an indicator's source, read before each digest (`read_indicators`), or a value a
CMO set from the command line (`set_indicator`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from pathlib import Path

import httpx
from sqlmodel import Session

from bot.services.kpi_fetch import read_sources
from bot.settings import Settings
from bot.words import Catalogue, Words
from rituals.db import Database
from rituals.models import IndicatorReading
from rituals.periods import quarter_of, recent_weeks, week_of
from rituals.scorecard import (
    TREND_POINTS,
    IndicatorCard,
    PerspectiveCard,
    Perspectived,
    Scorecard,
    group,
    kpi_level,
    level_of,
)
from rituals.store import scorecard as store

__all__ = [
    "IndicatorCard",
    "PerspectiveCard",
    "Scorecard",
    "read_indicators",
    "scorecard_in",
    "scorecard_of",
    "set_indicator",
]

log = logging.getLogger(__name__)


def scorecard_of(
    database: Database,
    settings: Settings,
    *,
    now: datetime,
    committee: str | None = None,
    words: Words | None = None,
) -> Scorecard:
    """Every perspective with something to show as of `now`: its health indicators, then the
    KPIs of the quarter's initiatives that name it (only `committee`'s, when given).
    Titles are in `words`' language (default: the workspace's)."""
    with database.read() as session:
        return scorecard_in(session, settings, now=now, committee=committee, words=words)


def scorecard_in(
    session: Session,
    settings: Settings,
    *,
    now: datetime,
    committee: str | None = None,
    words: Words | None = None,
) -> Scorecard:
    """`scorecard_of` within a session already open."""
    words = words or _workspace_words(settings.config.prompts_dir, settings.config.language)
    perspectives = settings.config.perspectives
    cards = [*_indicators(session, settings, now), *_kpis(session, settings, now, committee)]
    titles = {name: _title(words, name) for name in perspectives}
    return group(perspectives, cards, titles=titles)


def _indicators(session: Session, settings: Settings, now: datetime) -> list[Perspectived]:
    indicators = settings.config.indicators
    history = store.readings(session=session, names=list(indicators), until=now)
    cards = []
    for name, indicator in indicators.items():
        readings = history[name]
        valued = [r for r in readings if r.value is not None]
        latest = valued[-1] if valued else None
        value = latest.value if latest else None
        last = readings[-1] if readings else None
        error = last.error if last is not None and last.value is None else None
        card = IndicatorCard(
            title=indicator.title,
            value=value,
            unit=indicator.unit,
            target=indicator.target,
            level=level_of(value, indicator.thresholds).value,
            name=name,
            at=latest.at if latest else None,
            trend=tuple(r.value for r in valued[-TREND_POINTS:] if r.value is not None),
            error=error,
        )
        cards.append(Perspectived(indicator.perspective, card))
    return cards


def _kpis(
    session: Session, settings: Settings, now: datetime, committee: str | None
) -> list[Perspectived]:
    quarter = quarter_of(now, settings.tz)
    week = week_of(now, settings.tz)
    # per initiative, per period: a source's reading wins over an owner's answer (sorted last)
    values: dict[int, dict[str, float]] = defaultdict(dict)
    weeks = recent_weeks(week, TREND_POINTS)  # what a trend shows: the rows read stay bounded
    for initiative_id, period, value, _ in store.kpi_values(
        session=session, quarter=quarter, committee=committee, periods=weeks
    ):
        values[initiative_id][period] = value
    cards = []
    for i, title, perspective, kpi_name, unit, baseline, target in store.initiatives(
        session=session, quarter=quarter, committee=committee
    ):
        trend = [values[i][period] for period in sorted(values[i])][-TREND_POINTS:]
        latest = trend[-1] if trend else None
        card = IndicatorCard(
            title=title,
            kpi=kpi_name,
            value=latest,
            unit=unit,
            target=target,
            level=kpi_level(latest, baseline=baseline, target=target).value,
            initiative=i,
            trend=tuple(trend),
        )
        cards.append(Perspectived(perspective, card))
    return cards


def _title(words: Words, name: str) -> str:
    """The catalogue's title of a built-in perspective; one of the TOML's, capitalised."""
    title = words.text("scorecard-perspective", name=name)
    return title[:1].upper() + title[1:] if title == name else title


@cache
def _workspace_words(prompts_dir: Path | None, language: str) -> Words:
    return Catalogue(prompts_dir).words(language)


def read_indicators(
    database: Database,
    settings: Settings,
    *,
    now: datetime,
    environ: Mapping[str, str],
    transport: httpx.BaseTransport | None = None,
) -> list[IndicatorReading]:
    """Read every indicator that has a source; its reading of this week replaces the one a
    run of the same week stored. A failure is a reading with an error, never an exception."""
    sources = {n: i.source for n, i in settings.config.indicators.items() if i.source}
    if not sources:
        return []
    period = week_of(now, settings.tz)
    found = read_sources(sources, environ=environ, transport=transport)
    readings = [
        IndicatorReading(
            name=name,
            at=now,
            value=value,
            error=error,
            origin="source",
            period=period,
            recorded_at=now,
        )
        for name, (value, error) in found.items()
    ]
    for reading in readings:
        log.info("indicator %s for %s: %s", reading.name, period, reading.error or "ok")
    with database.write() as session:
        store.replace_period(session=session, names=list(sources), period=period, added=readings)
    return readings


def set_indicator(
    database: Database, *, name: str, value: float, at: datetime, now: datetime
) -> IndicatorReading:
    """A value a CMO gives by hand, as of `at`: kept in the history beside the sources'."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{at!r} is naive; pass an aware datetime")
    reading = IndicatorReading(name=name, at=at, value=value, origin="cli", recorded_at=now)
    with database.write() as session:
        session.add(reading)
    return reading
