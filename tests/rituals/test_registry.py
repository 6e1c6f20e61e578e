"""The one list of rituals: settings, the CLI, the scheduler and the catch-up all read it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.__main__ import _parser
from bot.settings import RITUALS, Config
from rituals.cadence import parse_cadence
from rituals.registry import NAMES, SPECS, Ritual, spec_of

PARIS = ZoneInfo("Europe/Paris")


def test_every_ritual_has_one_spec_with_a_cadence_that_parses() -> None:
    assert set(SPECS) == set(Ritual)
    for ritual, spec in SPECS.items():
        assert spec.ritual is ritual
        assert parse_cadence(spec.cadence).text == spec.cadence


def test_settings_and_the_cli_know_exactly_the_registrys_rituals() -> None:
    assert tuple(RITUALS) == NAMES
    Config(cadences={name: "monday 09:00" for name in NAMES})
    with pytest.raises(ValueError, match="unknown ritual"):
        Config(cadences={"standup": "daily 09:00"})
    run = _parser().parse_args(["ritual", "run", "digest"])
    assert run.name == "digest"
    for name in NAMES:
        assert _parser().parse_args(["ritual", "run", name]).name == name


@pytest.mark.parametrize(
    ("ritual", "period"),
    [
        (Ritual.CHECKIN, "2026-W48"),
        (Ritual.DIGEST, "2026-W48"),
        (Ritual.ARBITRATION, "2026-11"),
        (Ritual.REVIEW, "2026-Q3"),  # the quarter that just ended
        (Ritual.ESCALATION, "2026-11-26"),
    ],
)
def test_each_ritual_names_the_period_one_run_covers(ritual: Ritual, period: str) -> None:
    assert spec_of(ritual).period_of(datetime(2026, 11, 26, 9, 0, tzinfo=PARIS), PARIS) == period


def test_an_unknown_ritual_is_named_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="the rituals are checkin, reminder"):
        spec_of("standup")
