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
    r"|(?P<quarter>(?:un|1) quart(?! d'heure)|(?:a|one) quarter(?! of an hour))(?![a-z])"
)
_VALUES = {"half": 50.0, "two_thirds": 67.0, "third": 33.0, "three_quarters": 75.0,
           "quarter": 25.0}  # fmt: skip
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
    kind = str(match.lastgroup)
    before = match.string[max(0, match.start() - 30) : match.start()]
    spread = _MORE_OR_LESS.search(before.replace("un peu ", "").replace("a bit ", "")) is not None
    value = _VALUES[kind]
    readings = (value, value + 10) if spread else (value,)
    return Quantity(match.start(), match.end(), readings, "%", spread=spread, kind="fraction")


def _number(words: str, languages: tuple[str, ...]) -> float | None:
    for language in languages:
        try:
            return float(text2num(words, language))
        except ValueError:
            continue
    return None
