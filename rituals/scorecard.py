"""The scorecard by perspective: where a value stands against its thresholds, and every
health indicator and initiative KPI grouped under its perspective (sales, quality, costs…).

Pure: values, thresholds and the perspectives in, plain cards out. Which way is better is
said (`better`) or inferred from the thresholds: a green above the amber means higher is
better. An initiative's KPI is green once it reaches its target, amber past half the way
from its baseline, red before; without a baseline, higher is taken as better.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal

Better = Literal["higher", "lower"]
DEFAULT_PERSPECTIVES = ("sales", "quality", "costs", "delays", "engagement")
# The French name of each built-in perspective, accepted for it.
FRENCH_NAMES = {"sales": "ventes", "quality": "qualité", "costs": "coûts", "delays": "délais"}
TREND_POINTS = 8


class Level(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Thresholds:
    """An indicator's target and its green and amber thresholds; `better` inferred if None."""

    target: float | None = None
    green: float | None = None
    amber: float | None = None
    better: Better | None = None


@dataclass(frozen=True)
class IndicatorCard:
    """One line of the scorecard: a health indicator, or an initiative's KPI (`initiative`
    set). `trend` is the last values, oldest first; `error` why the source was unreadable."""

    title: str
    value: float | None
    unit: str
    target: float | None
    level: str  # a Level: "green", "amber", "red" or "unknown"
    name: str = ""  # the indicator's key in the TOML; empty for an initiative's KPI
    initiative: int | None = None  # the initiative's id, for its KPI (`title` is the initiative's)
    kpi: str = ""  # what the initiative measures: "Délai moyen"
    at: datetime | None = None  # when the value held
    trend: tuple[float, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class PerspectiveCard:
    name: str  # as the TOML lists it: "costs"
    title: str  # in the reader's words: "Costs", "Coûts"
    indicators: tuple[IndicatorCard, ...] = ()

    @property
    def health(self) -> tuple[IndicatorCard, ...]:
        """The health indicators, without the initiatives' KPIs."""
        return tuple(card for card in self.indicators if card.initiative is None)

    @property
    def kpis(self) -> tuple[IndicatorCard, ...]:
        """The initiatives' KPIs of the perspective."""
        return tuple(card for card in self.indicators if card.initiative is not None)


@dataclass(frozen=True)
class Scorecard:
    perspectives: tuple[PerspectiveCard, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return any(p.indicators for p in self.perspectives)


def fold(text: str) -> str:
    """Case, accents and surrounding spaces ignored: ` Coûts ` → `couts`."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def perspective_of(text: str, perspectives: Collection[str]) -> str | None:
    """The configured perspective `text` names (its French name as well), or None."""
    known = {fold(name): name for name in perspectives}
    folded = fold(text)
    if folded in known:
        return known[folded]
    for english, french in FRENCH_NAMES.items():
        if folded == fold(french):
            return known.get(english)
    return None


def better_of(thresholds: Thresholds) -> Better:
    """Which way is better: as said, or from green vs amber, else target vs amber, else
    target vs green. ValueError when nothing tells, or when the thresholds contradict it."""
    t = thresholds
    inferred: Better | None = None
    for high, low in ((t.green, t.amber), (t.target, t.amber), (t.target, t.green)):
        if high is not None and low is not None and high != low:
            inferred = "higher" if high > low else "lower"
            break
    if t.better is not None:
        contradicted = t.green is not None and t.amber is not None and t.green != t.amber
        if contradicted and inferred != t.better:
            side = "above" if t.better == "higher" else "below"
            raise ValueError(
                f'better = "{t.better}" but green ({t.green:g}) is not {side} '
                f"amber ({t.amber:g}); swap them or change better"
            )
        return t.better
    if inferred is None:
        raise ValueError(
            'cannot tell whether higher or lower is better; add better = "higher" or "lower", '
            "or give green and amber thresholds that differ"
        )
    return inferred


def level_of(value: float | None, thresholds: Thresholds) -> Level:
    """Green at or past the green threshold (the target when no green is given), amber at
    or past the amber one, red otherwise; unknown without a value or a threshold."""
    green = thresholds.green if thresholds.green is not None else thresholds.target
    if value is None or (green is None and thresholds.amber is None):
        return Level.UNKNOWN
    try:
        better = better_of(thresholds)
    except ValueError:
        return Level.UNKNOWN

    def reaches(limit: float | None) -> bool:
        if limit is None or value is None:
            return False
        return value >= limit if better == "higher" else value <= limit

    if reaches(green):
        return Level.GREEN
    if reaches(thresholds.amber):
        return Level.AMBER
    return Level.RED


def kpi_level(value: float | None, *, baseline: float | None, target: float | None) -> Level:
    """An initiative's KPI: green at its target, amber past half the way from the baseline."""
    if value is None or target is None:
        return Level.UNKNOWN
    better: Better = "lower" if baseline is not None and target < baseline else "higher"
    amber = None if baseline is None or baseline == target else (baseline + target) / 2
    return level_of(value, Thresholds(target=target, green=target, amber=amber, better=better))


@dataclass(frozen=True)
class Perspectived:
    """A card and the perspective it belongs to (as written; matched with `perspective_of`)."""

    perspective: str
    card: IndicatorCard


def group(
    perspectives: Sequence[str],
    cards: Iterable[Perspectived],
    *,
    titles: Mapping[str, str] | None = None,
    keep_empty: bool = False,
) -> Scorecard:
    """The cards under their perspectives, in the configured order: health indicators first
    (in the order given), then initiatives' KPIs. A card of no configured perspective is left
    out; a perspective with no card is left out unless `keep_empty`."""
    grouped: dict[str, list[IndicatorCard]] = {name: [] for name in perspectives}
    for each in cards:
        name = perspective_of(each.perspective, perspectives)
        if name is not None:
            grouped[name].append(each.card)
    titles = titles or {}
    return Scorecard(
        tuple(
            PerspectiveCard(
                name=name,
                title=titles.get(name, name.capitalize()),
                indicators=tuple(sorted(found, key=lambda c: c.initiative is not None)),
            )
            for name, found in grouped.items()
            if found or keep_empty
        )
    )


def counts(cards: Iterable[IndicatorCard]) -> dict[Level, int]:
    """How many cards at each level, in the order green, amber, red, unknown; zeros left out."""
    found = {level: 0 for level in Level}
    for card in cards:
        found[Level(card.level)] += 1
    return {level: count for level, count in found.items() if count}
