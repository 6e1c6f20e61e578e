"""Figures in folded text, with what is written around them: unit, scale, sign, ranges and
alternatives ("45-50 %", "91 or 93"), compound times ("3h10", "6 min 30 s").

A figure like `12,480` keeps both readings (rituals.numbers refuses to choose); the KPI reader
chooses with the KPI's scale and the author's language, or asks.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rituals.numbers import AmbiguousNumber, parse_number

_NUMBER = re.compile(
    r"(?<![\w/.,])"
    r"(?P<cur>[$€£] ?)?(?P<sign>[+±−-](?=\d))?(?P<num>\d{1,3}(?:[ \u202f]\d{3})+(?:,\d+)?"
    r"|\d+(?:[.,]\d+)*)"
    r"(?P<time> ?h ?[0-5]\d(?!\d)(?! ?%))?"  # "2h15", "1 h 50": hours and minutes
    r"(?P<unit> ?(?:%|pour ?cent|percent|per ?cent|pts?|points?|[km]d?€|[km]\$|€|\$|£|euros?"
    r"|dollars?|bn|md|[km](?![a-z])|j|jours?|jrs?|days?|d|hrs?|heures?|hours?|h|mins?"
    r"|minutes?|sem(?:aines?)?|weeks?|wks?|mois|months?|ans|annees?|years?|yrs?|/\d{1,3})"
    r"(?![a-z0-9]))?"
)
_RANGE_JOIN = re.compile(r" ?[-–] ?(?=\d)| (?:ou|or|a|to|et|and) (?=~?\d)")
_DOTTED = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_SECONDS = re.compile(r" ?(\d{1,2}) ?(?:s|sec|secondes?|seconds?)(?![a-z])")
_BETWEEN = re.compile(r"(?:entre|between) (?:~ ?)?$")
_UNITS = {
    "%": "%", "pourcent": "%", "percent": "%", "percent2": "%", "pt": "pts", "pts": "pts",
    "point": "pts", "points": "pts", "€": "eur", "euro": "eur", "euros": "eur", "$": "usd",
    "dollar": "usd", "dollars": "usd", "£": "gbp", "j": "days", "jour": "days", "jours": "days",
    "jr": "days", "jrs": "days", "day": "days", "days": "days", "d": "days", "h": "hours",
    "hr": "hours", "hrs": "hours", "heure": "hours", "heures": "hours", "hour": "hours",
    "hours": "hours", "min": "minutes", "mins": "minutes", "minute": "minutes",
    "minutes": "minutes", "sem": "weeks", "semaine": "weeks", "semaines": "weeks",
    "week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks", "mois": "months",
    "month": "months", "months": "months", "ans": "years", "annee": "years", "annees": "years",
    "year": "years", "years": "years", "yr": "years", "yrs": "years",
}  # fmt: skip
_SCALES = {"k": 1e3, "m": 1e6, "md": 1e9, "bn": 1e9}


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    readings: tuple[float, ...]  # one reading, or two for "12,480", or a range's two ends
    unit: str = ""  # "%", "pts", "eur", "usd", "days", "minutes", "/10", … or ""
    scale: float = 1.0  # "18k": 1000
    signed: bool = False  # "+2 pts": a change, not a level
    spread: bool = False  # a range or alternatives ("45-50 %", "0,8 ou 0,9"): ask
    kind: str = "number"  # "number", "words" (number words), "fraction" ("à moitié")
    separator: str = ""  # "," or "." when the figure reads two ways (12,480 / 1.050)

    @property
    def value(self) -> float | None:
        return self.readings[0] if len(self.readings) == 1 else None


def whole(value: float) -> int:
    """The nearest whole number, halves up as people round (62,5 % is 63, not 62)."""
    return math.floor(value + 0.5)


def unit_of(raw: str) -> tuple[str, float]:
    """A unit as written (after a figure or in the roadmap) → (family, scale)."""
    spaced = _spaced_unit(raw)
    if spaced is not None:
        return spaced, 1.0
    unit = raw.strip().lower().replace(" ", "")
    if unit.startswith("/"):
        return unit, 1.0
    if unit in ("pourcent", "pourcent", "percent", "percent", "percent"):
        return "%", 1.0
    scale = 1.0
    for prefix in ("md", "bn", "k", "m"):
        if unit.startswith(prefix) and unit[len(prefix) :] in ("€", "$", "£"):
            scale, unit = _SCALES[prefix], unit[len(prefix) :]
    if unit in _SCALES:
        return "", _SCALES[unit]
    first = re.split(r"[/ ]", unit, maxsplit=1)[0] or unit
    return _UNITS.get(first, _UNITS.get(unit, unit)), scale


def _spaced_unit(raw: str) -> str | None:
    """A roadmap unit of two words, one of them a unit: "jours ouvrés", "working days",
    "NPS points" (not "per week", a frequency)."""
    words = raw.lower().split()
    if len(words) != 2 or words[0] in ("per", "par"):
        return None
    known = [_UNITS[w] for w in (words[1], words[0]) if w in _UNITS]
    return known[0] if known else None


def scan(folded: str, offset: int = 0) -> list[Quantity]:
    """Every figure of the text, in order; dates (12/03), ids (OPS-4411, S14, v2.3) skipped."""
    found: list[Quantity] = []
    matches = list(_NUMBER.finditer(folded))
    skip_until = -1
    for index, match in enumerate(matches):
        if match.start() < skip_until or _is_label(folded, match):
            continue
        quantity = _quantity(folded, match)
        if quantity is None:
            continue
        after = _RANGE_JOIN.match(folded, match.end())
        nxt = matches[index + 1] if index + 1 < len(matches) else None
        between = _BETWEEN.search(folded, max(0, match.start() - 12), match.start())
        joined = after is not None and nxt is not None and nxt.start() == after.end()
        alternative = after is not None and after.group().strip() in ("-", "–", "ou", "or")
        if joined and nxt is not None and (alternative or between):
            second = _quantity(folded, nxt)
            if second is not None and not quantity.signed:
                low, high = quantity.readings[0], second.readings[0]
                unit = second.unit or quantity.unit
                quantity = Quantity(match.start(), nxt.end(), (low, high), unit, second.scale,
                                    spread=True)  # fmt: skip
                skip_until = nxt.end()
        skip_until = max(skip_until, quantity.end)
        found.append(_shifted(quantity, offset))
    return found


# Nouns whose number names one of them: "ligne 3", "lot 2", "wave 4", "n° 7" are no figures.
_NUMBERED = re.compile(
    r"(?<![a-z])(?:ligne|line|lot|lots|phase|vague|wave|sprint|presse|press|usine|plant|site"
    r"|batiment|building|etape|step|jalon|milestone|release|version|tranche|module|zone|magasin"
    r"|store|entrepot|warehouse|agence|branch|n°|no\.|numero|number|#) ?$"
)


def _is_label(folded: str, match: re.Match[str]) -> bool:
    before = folded[max(0, match.start() - 2) : match.start()]
    if re.search(r"[a-z0-9]-?$", before) and not match["cur"]:
        return True
    numbered = _NUMBERED.search(folded, max(0, match.start() - 12), match.start())
    if numbered and not match["unit"] and not match["cur"] and match["num"].isdigit():
        return True
    after = folded[match.end() : match.end() + 3]
    if re.match(r"/\d", after) or re.match(r"[a-z]", after):
        return True
    unit = (match["unit"] or "").strip()
    return unit.startswith("/") and unit not in ("/5", "/10", "/20", "/100")


def _quantity(folded: str, match: re.Match[str]) -> Quantity | None:
    raw, separator = match["num"], ""
    try:
        readings: tuple[float, ...] = (parse_number(raw),)
    except AmbiguousNumber as ambiguous:
        readings, separator = ambiguous.readings, ","
    except ValueError:
        return None
    if _DOTTED.fullmatch(raw):  # "1.050": 1.05 in English, 1 050 in French
        readings, separator = (readings[0], float(raw.replace(".", ""))), "."
    unit, scale = unit_of(match["unit"] or "")
    if match["cur"]:
        unit = unit_of(match["cur"])[0]
    end = match.end()
    if match["time"]:
        minutes = float(match["time"].replace("h", "").strip())
        readings, unit = (readings[0] * 60 + minutes,), "minutes"
    elif unit == "minutes" and (seconds := _SECONDS.match(folded, end)):
        readings, end = (readings[0] + float(seconds[1]) / 60,), seconds.end()
    sign = match["sign"] or ""
    if sign in ("-", "−"):
        readings = tuple(-r for r in readings)
    return Quantity(match.start(), end, readings, unit, scale, bool(sign), separator=separator)


def _shifted(q: Quantity, offset: int) -> Quantity:
    if not offset:
        return q
    return Quantity(q.start + offset, q.end + offset, q.readings, q.unit, q.scale, q.signed,
                    q.spread, q.kind, q.separator)  # fmt: skip
