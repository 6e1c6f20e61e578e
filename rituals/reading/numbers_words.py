"""Progress written in words: "quatre-vingts pour cent", "forty percent" (text2num), and
fractions: "à moitié", "halfway", "aux deux tiers", "a third of the way", "trois quarts".

A fraction qualified by "un peu plus de", "more than", "almost"… is not a figure: it is spread
(the reader asks)."""

from __future__ import annotations

import re

from text_to_num import text2num

from rituals.reading.quantities import Quantity

_PERCENT_WORDS = re.compile(
    r"(?<![a-z-])((?:[a-z]+[ -]){0,3}[a-z]+) ?(?:pour ?cent|pourcents?|percent|per cent)(?![a-z])"
)
_FRACTIONS = re.compile(
    r"(?<![a-z])(?P<half>(?:a |a la |la )?moitie|halfway|half[ -]way|mid[ -]?way|mi-chemin"
    r"|mi-parcours|half done|half of it)"
    r"|(?P<two_thirds>(?:deux|2) tiers|two[ -]thirds)"
    r"|(?P<third>(?:un|1) tiers|(?:a|one) third)"
    r"|(?P<three_quarters>(?:trois|3) quarts|three[ -]quarters)"
    r"|(?P<quarter>(?:un|1|le) quart(?! d'heure)|(?:a|one) quarter(?! of an hour))(?![a-z])"
    r"|(?<![\d/.,])(?P<numeric>[1-3]/[2-4])(?![\d/])(?= (?:du|de la|des|de l'|of)\b| done| fait)"
    r"|(?<=aux )(?P<numeric_at>[1-3]/[2-4])(?![\d/])"  # "on est aux 3/4"
)
_NUMERIC = {"1/2": 50.0, "1/3": 33.0, "2/3": 67.0, "1/4": 25.0, "3/4": 75.0}
_VALUES = {"half": 50.0, "two_thirds": 67.0, "third": 33.0, "three_quarters": 75.0,
           "quarter": 25.0}  # fmt: skip
_ONLY = re.compile(r"\bplus qu(?:'|e )$")
_MORE_OR_LESS = re.compile(
    r"(?:plus|moins|more|less|over|under|presque|almost|nearly|bientot|past|passe|beyond"
    r"|au-dela|depasse|loin)(?: (?:de|d'|than|que|the|la|a|l'))*(?: bit| little| peu)? ?$"
)


def word_quantities(folded: str, languages: tuple[str, ...]) -> list[Quantity]:
    found = [q for q in map(_fraction, _FRACTIONS.finditer(folded)) if q]
    for match in _PERCENT_WORDS.finditer(folded):
        words = re.split(r"(?<=[a-z]) (?=[a-z])", match[1])
        for first in range(len(words)):
            value = _number(" ".join(words[first:]), languages)
            if value is not None:
                start = match.start(1) + len(" ".join(words[:first])) + (1 if first else 0)
                found.append(Quantity(start, match.end(), (value,), "%", kind="words"))
                break
    return sorted(found, key=lambda q: q.start)


def _fraction(match: re.Match[str]) -> Quantity | None:
    """ "à moitié", "two thirds", "2/3 du scope": a share of the work."""
    kind = str(match.lastgroup)
    before = match.string[max(0, match.start() - 30) : match.start()]
    only = _ONLY.search(before) is not None  # "plus qu'un quart à faire": only a quarter
    spread = not only and _MORE_OR_LESS.search(_unhedged(before)) is not None
    numeric = kind in ("numeric", "numeric_at")
    value = _NUMERIC.get(match.group(), 0.0) if numeric else _VALUES[kind]
    if not value:
        return None  # "2/2", "3/2": not a share of the work
    readings = (value, value + 10) if spread else (value,)
    return Quantity(match.start(), match.end(), readings, "%", spread=spread, kind="fraction")


def _unhedged(before: str) -> str:
    return before.replace("un peu ", "").replace("a bit ", "")


def _number(words: str, languages: tuple[str, ...]) -> float | None:
    for language in languages:
        try:
            return float(text2num(words, language))
        except ValueError:
            continue
    return None
