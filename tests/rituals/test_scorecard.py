"""The scorecard's rule, with plain values: which way is better, the level of a value against
its thresholds, an initiative's KPI against its target, and the grouping by perspective."""

from __future__ import annotations

import pytest

from rituals.scorecard import (
    DEFAULT_PERSPECTIVES,
    IndicatorCard,
    Level,
    Perspectived,
    Thresholds,
    better_of,
    counts,
    group,
    kpi_level,
    level_of,
    perspective_of,
)

DSO = Thresholds(target=45, green=50, amber=60)  # days: lower is better
ENPS = Thresholds(target=30, green=20, amber=0)  # higher is better


@pytest.mark.parametrize(
    ("thresholds", "better"),
    [
        (DSO, "lower"),
        (ENPS, "higher"),
        (Thresholds(target=45, amber=60), "lower"),  # no green: the target is the bar
        (Thresholds(target=95, green=95, amber=90), "higher"),
        (Thresholds(target=1, better="lower"), "lower"),
        (Thresholds(target=1, green=1, amber=1, better="higher"), "higher"),
    ],
)
def test_which_way_is_better_is_said_or_inferred(thresholds: Thresholds, better: str) -> None:
    assert better_of(thresholds) == better


@pytest.mark.parametrize(
    ("thresholds", "message"),
    [
        (Thresholds(target=1), 'add better = "higher" or "lower"'),
        (Thresholds(target=5, green=5), 'add better = "higher" or "lower"'),
        (
            Thresholds(green=50, amber=60, better="higher"),
            'better = "higher" but green (50) is not above amber (60)',
        ),
    ],
)
def test_thresholds_that_tell_nothing_or_contradict_are_refused(
    thresholds: Thresholds, message: str
) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        better_of(thresholds)


@pytest.mark.parametrize(
    ("value", "dso", "enps"),
    [
        (-5, Level.GREEN, Level.RED),
        (0, Level.GREEN, Level.AMBER),  # at the amber threshold: amber
        (20, Level.GREEN, Level.GREEN),  # at the green threshold: green
        (50, Level.GREEN, Level.GREEN),
        (50.01, Level.AMBER, Level.GREEN),
        (60, Level.AMBER, Level.GREEN),
        (61, Level.RED, Level.GREEN),
        (None, Level.UNKNOWN, Level.UNKNOWN),
    ],
)
def test_the_level_of_a_value_against_its_thresholds(
    value: float | None, dso: Level, enps: Level
) -> None:
    assert level_of(value, DSO) is dso
    assert level_of(value, ENPS) is enps


def test_without_an_amber_threshold_short_of_green_is_red() -> None:
    incidents = Thresholds(target=1, better="lower")
    assert [level_of(v, incidents) for v in (0.5, 1, 1.2)] == [Level.GREEN, Level.GREEN, Level.RED]
    assert level_of(3, Thresholds()) is Level.UNKNOWN  # no threshold at all


@pytest.mark.parametrize(
    ("value", "baseline", "target", "level"),
    [
        (5, 9, 5, Level.GREEN),  # a lead time brought down to its target
        (6.5, 9, 5, Level.AMBER),  # past half the way from 9 to 5
        (8, 9, 5, Level.RED),
        (40, 20, 50, Level.AMBER),  # upwards: 40 is past 35
        (55, None, 50, Level.GREEN),  # no baseline: higher is better
        (45, None, 50, Level.RED),
        (None, 9, 5, Level.UNKNOWN),
        (4, 9, None, Level.UNKNOWN),
    ],
)
def test_an_initiative_s_kpi_against_its_target(
    value: float | None, baseline: float | None, target: float | None, level: Level
) -> None:
    assert kpi_level(value, baseline=baseline, target=target) is level


def test_a_perspective_is_named_in_english_or_french_case_and_accents_ignored() -> None:
    assert perspective_of("Coûts", DEFAULT_PERSPECTIVES) == "costs"
    assert perspective_of(" QUALITE ", DEFAULT_PERSPECTIVES) == "quality"
    assert perspective_of("délais", DEFAULT_PERSPECTIVES) == "delays"
    assert perspective_of("Safety", ("sales", "safety")) == "safety"
    assert perspective_of("ventes", ("quality",)) is None  # sales is not configured here
    assert perspective_of("finance", DEFAULT_PERSPECTIVES) is None


def card(title: str, level: Level, initiative: int | None = None) -> IndicatorCard:
    return IndicatorCard(title, 1.0, "", None, level.value, initiative=initiative)


def test_cards_are_grouped_in_the_configured_order_indicators_before_kpis() -> None:
    scorecard = group(
        ("sales", "costs", "engagement"),
        [
            Perspectived("coûts", card("Lead time", Level.RED, initiative=7)),
            Perspectived("costs", card("DSO", Level.AMBER)),
            Perspectived("sales", card("Pipeline", Level.GREEN)),
            Perspectived("finance", card("Cash", Level.GREEN)),  # of no perspective: left out
        ],
        titles={"costs": "Coûts"},
    )
    assert [(p.name, p.title) for p in scorecard.perspectives] == [
        ("sales", "Sales"),
        ("costs", "Coûts"),
    ]  # engagement has nothing: left out
    costs = scorecard.perspectives[1]
    assert [c.title for c in costs.indicators] == ["DSO", "Lead time"]
    assert [c.title for c in costs.health] == ["DSO"]
    assert [c.title for c in costs.kpis] == ["Lead time"]
    assert counts([*costs.indicators, card("x", Level.RED)]) == {Level.AMBER: 1, Level.RED: 2}
    assert not group(("sales",), [])
    assert [p.name for p in group(("sales",), [], keep_empty=True).perspectives] == ["sales"]
