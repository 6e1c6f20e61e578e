"""The scorecard's configuration: perspectives and `[indicators.NAME]` tables, and the one-line
errors that stop the start when they are wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings
from rituals.scorecard import DEFAULT_PERSPECTIVES

DSO = """
[indicators.dso]
title = "DSO"
perspective = "coûts"
unit = "d"
target = 45
green = 50
amber = 60
"""


def load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "ritualbot.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings({"RITUALBOT_CONFIG": str(path)})


def test_indicators_and_perspectives_are_read(tmp_path: Path) -> None:
    settings = load(
        tmp_path,
        'perspectives = ["sales", "costs", "safety"]\n'
        + DSO
        + '[indicators.incidents]\ntitle = "Incident rate"\nperspective = "safety"\n'
        + 'target = 1\nbetter = "lower"\n'
        + '[indicators.enps]\ntitle = "eNPS"\nperspective = "sales"\ntarget = 30\namber = 0\n'
        + 'source = "https://hr.example.com/enps.json#json:data.enps | header:Authorization=HR"\n',
    )
    config = settings.config
    assert config.perspectives == ["sales", "costs", "safety"]
    dso = config.indicators["dso"]
    assert (dso.title, dso.unit, dso.target, dso.green, dso.amber) == ("DSO", "d", 45, 50, 60)
    assert config.indicators["incidents"].better == "lower"
    assert config.indicators["enps"].source is not None


def test_without_a_list_the_built_in_perspectives_hold(tmp_path: Path) -> None:
    settings = load(tmp_path, DSO)
    assert tuple(settings.config.perspectives) == DEFAULT_PERSPECTIVES
    assert settings.config.indicators["dso"].perspective == "coûts"  # costs, in French


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            DSO.replace('"coûts"', '"finance"'),
            'indicators: dso.perspective: "finance" is not a perspective; write one of sales, '
            "quality, costs, delays, engagement, or add it to perspectives = [...]",
        ),
        (DSO.replace('title = "DSO"\n', ""), "indicators.dso.title: Field required"),
        (DSO.replace("target = 45\ngreen = 50\n", ""), "indicators.dso: needs a target or a green"),
        (
            DSO.replace("amber = 60\n", 'amber = 60\nbetter = "higher"\n'),
            'indicators.dso: better = "higher" but green (50) is not above amber (60)',
        ),
        (
            DSO.replace("green = 50\namber = 60\n", ""),
            'indicators.dso: cannot tell whether higher or lower is better; add better = "higher"',
        ),
        (DSO.replace("amber = 60", 'amber = "sixty"'), "indicators.dso.amber: Input should be"),
        (DSO.replace("amber = 60", 'colour = "red"'), "indicators.dso.colour: unknown key"),
        (DSO + 'source = "ftp://bi/dso.csv#csv:B2"\n', "indicators.dso.source: KPI source"),
        (DSO.replace("[indicators.dso]", '[indicators."d s o"]'), 'indicator name "d s o"'),
        ('perspectives = ["sales", "Sales"]', 'perspective "Sales" is listed twice'),
        ('perspectives = ["customer care"]', 'perspective "customer care" must be one word'),
    ],
)
def test_a_bad_indicator_stops_the_start_naming_the_key(
    tmp_path: Path, text: str, named: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        load(tmp_path, text)
    assert named in str(caught.value)
