"""One reader of decimal numbers as people write them, for free text, the form and the CSV.

`4,5` and `4.5`; `1 234,5`, `1,234.5` and `1.234,5`; `12%`; a lone `,` or `.` is decimal,
except `12,480`, which could be either: that one is refused as ambiguous, with both readings.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_PLAIN = re.compile(r"[+-]?(?:\d+|\d*[.,]\d+)")
_AMBIGUOUS = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:(?P<sep>[.,])\d{3})+(?:(?!(?P=sep))[.,]\d+)?")


class AmbiguousNumber(ValueError):
    """`12,480`: twelve and a half thousandths, or twelve thousand four hundred and eighty."""

    def __init__(self, text: str, readings: tuple[float, float]) -> None:
        small, large = readings
        super().__init__(f'"{text}" is ambiguous ({small:g} or {large:g}?)')
        self.text = text
        self.readings = readings


def parse_number(text: str) -> float:
    """The number `text` writes; ValueError when it is none, AmbiguousNumber when it is two."""
    cleaned = _SPACES.sub("", text).replace("\u2212", "-").removesuffix("%")
    if _AMBIGUOUS.fullmatch(cleaned):
        whole, part = cleaned.split(",")
        raise AmbiguousNumber(text, (float(f"{whole}.{part}"), float(whole + part)))
    if _PLAIN.fullmatch(cleaned):
        return float(cleaned.replace(",", "."))
    grouped = _GROUPED.fullmatch(cleaned)
    if grouped is None:
        raise ValueError(f'"{text}" is not a number')
    decimal = "." if grouped["sep"] == "," else ","
    return float(cleaned.replace(grouped["sep"], "").replace(decimal, "."))
