"""The progress an owner states, as a percentage of the whole initiative: the overall figure
wins over partial ones, a stated one over a bare one, a bare one over a count; ranges,
alternatives, a figure followed by "?" and competing counts are asked about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rituals.reading.figures import Figure
from rituals.reading.model import Field, absent, ask, sure
from rituals.reading.quantities import whole

_ORDER = (("overall",), ("explicit",), ("bare",), ("count",), ("lone",))
_UNCHANGED = re.compile(
    r"\b(?:(?:avancement|progress|progression) (?:inchangee?|unchanged|stable|idem|pareil|same)"
    r"|(?:meme|same) (?:avancement|progress))\b"
)


def unchanged(folded: str) -> bool:
    """ "Avancement inchangé", "progress unchanged": last week's progress carries over."""
    return _UNCHANGED.search(folded) is not None


@dataclass(frozen=True)
class ProgressReading:
    field: Field[int]
    source: Figure | None  # the figure read, when it may be the KPI instead


def read_progress(figures: list[Figure], struck: list[float]) -> ProgressReading:
    for roles in _ORDER:
        level = [f for f in figures if _tier(f) in roles and _fits(f)]
        if level:
            return ProgressReading(_choose(level), level[0] if len(level) == 1 else None)
    if any(0 <= value <= 100 for value in struck):
        return ProgressReading(ask(tuple(int(v) for v in struck)), None)
    partial = [f for f in figures if f.role == "partial" and _fits(f)]
    if partial:  # "build at 60%" and nothing of the whole: ask, as for a count of one phase
        return ProgressReading(ask(tuple(whole(f.q.readings[0]) for f in partial)), None)
    return ProgressReading(absent(), None)


def _tier(figure: Figure) -> str:
    """ "50?" is a guess among bare figures, not a lone number."""
    if (figure.role == "lone" and figure.doubt) or figure.role == "guess":
        return "bare"
    return figure.role


def _fits(figure: Figure) -> bool:
    readings = figure.q.readings
    if not all(0 <= r <= 100 for r in readings):
        return False
    if figure.role in ("bare", "lone") and figure.q.kind == "number":
        return all(float(r).is_integer() for r in readings) and not figure.q.signed
    return not figure.q.signed


def _choose(level: list[Figure]) -> Field[int]:
    values = tuple(dict.fromkeys(whole(r) for f in level for r in f.q.readings))
    said = "; ".join(f.said for f in level)
    doubtful = any(f.q.spread or f.doubt or f.phase or f.role == "guess" for f in level)
    if doubtful or len(values) > 1 or _tier(level[0]) == "lone":
        return ask(values, said)
    return sure(values[0], said)
