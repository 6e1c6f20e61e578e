"""Figures with their units, scales, ranges and alternatives; numbers written in words."""

from rituals.reading.lexicon import fold
from rituals.reading.numbers_words import word_quantities
from rituals.reading.quantities import scan, unit_of


def readings(text: str) -> list[tuple[tuple[float, ...], str, bool]]:
    return [(q.readings, q.unit, q.spread) for q in scan(fold(text))]


def test_units_scales_and_signs() -> None:
    found = [(q.readings, q.unit, q.scale, q.signed) for q in scan(fold("$340k, 1,4 M€, +2 pts"))]
    assert found == [
        ((340.0,), "usd", 1e3, False),
        ((1.4,), "eur", 1e6, False),
        ((2.0,), "pts", 1.0, True),
    ]


def test_ranges_and_alternatives_are_spread() -> None:
    assert readings("45-50 %") == [((45.0, 50.0), "%", True)]
    assert readings("between 60 and 70%") == [((60.0, 70.0), "%", True)]
    assert readings("0,8 ou 0,9 %") == [((0.8, 0.9), "%", True)]
    assert readings("de 31 à 33 %")[1] == ((33.0,), "%", False)


def test_an_ambiguous_figure_keeps_both_readings() -> None:
    assert readings("12,480") == [((12.48, 12480.0), "", False)]
    assert readings("12 480 €") == [((12480.0,), "eur", False)]
    assert readings("$1,250,400") == [((1250400.0,), "usd", False)]


def test_compound_times_are_minutes() -> None:
    assert readings("3h10") == [((190.0,), "minutes", False)]
    assert readings("6 min 30 s") == [((6.5,), "minutes", False)]


def test_ids_dates_and_versions_are_not_figures() -> None:
    assert readings("OPS-4411 S14 v2.3 Q2 le 12/03, 3pm") == []


def test_roadmap_units() -> None:
    assert unit_of("k€") == ("eur", 1e3)
    assert unit_of("M$") == ("usd", 1e6)
    assert unit_of("jours") == ("days", 1.0)
    assert unit_of("/5") == ("/5", 1.0)


def test_number_words_and_fractions() -> None:
    def values(text: str) -> list[tuple[float, ...]]:
        return [q.readings for q in word_quantities(fold(text), ("fr", "en"))]

    assert values("quatre-vingts pour cent des postes") == [(80.0,)]
    assert values("forty percent done") == [(40.0,)]
    assert values("à moitié fait") == [(50.0,)]
    assert values("about a third of the way") == [(33.0,)]
    assert values("aux deux tiers") == [(67.0,)]
    assert values("three quarters done") == [(75.0,)]
    assert values("un peu plus de la moitié") == [(50.0, 60.0)]  # spread: asked
