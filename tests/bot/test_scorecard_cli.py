"""The scorecard from the command line: a roadmap with a `perspective` column in and out,
and a health indicator's value set by hand (`ritualbot indicator set NAME VALUE [--at]`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, select

from bot.__main__ import main
from bot.devtools.standin import SlackStandIn
from rituals.db import make_engine, migrate
from rituals.models import IndicatorReading, Initiative
from tests.slackbot import CONFIG, bot_environ

SCORECARD = """
[indicators.dso]
title = "DSO"
perspective = "coûts"
unit = "d"
target = 45
green = 50
amber = 60

[indicators.incidents]
title = "Incident rate"
perspective = "safety"
unit = "%"
target = 1
better = "lower"
"""
PERSPECTIVES = 'perspectives = ["sales", "quality", "costs", "delays", "engagement", "safety"]\n'
Cli = Callable[..., tuple[int, str, str]]


def scorecard_config(folder: Path, *, language: str = "en") -> Path:
    """The tests' workspace, with its perspectives (top-level keys first) and indicators."""
    path = folder / "scorecard.toml"
    path.write_text(PERSPECTIVES + CONFIG.format(language=language) + SCORECARD, "utf-8")
    return path


@pytest.fixture
def cli(tmp_path: Path, standin: SlackStandIn, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """`ritualbot …` in-process against the stand-in; (code, stdout, stderr)."""
    environ = bot_environ(tmp_path, standin, f"sqlite:///{tmp_path / 'cli.db'}")
    environ["RITUALBOT_CONFIG"] = str(scorecard_config(tmp_path))
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr("sys.stdout", out)
        monkeypatch.setattr("sys.stderr", err)
        code = main(list(argv))
        return code, out.getvalue(), err.getvalue()

    return run


def rows_of(tmp_path: Path, model: type[Initiative] | type[IndicatorReading]) -> list:
    engine = make_engine(f"sqlite:///{tmp_path / 'cli.db'}")
    migrate(engine)
    try:
        with Session(engine) as session:
            return list(session.exec(select(model)))
    finally:
        engine.dispose()


def test_the_perspective_column_is_imported_in_either_language_and_exported(
    cli: Cli, tmp_path: Path
) -> None:
    roadmap = tmp_path / "roadmap.csv"
    roadmap.write_text(
        "initiative;responsable;comite;perspective;kpi;cible\n"
        "Faster invoicing;U0OWNER01;comex;Coûts;DSO (d);45\n"
        "Fewer incidents;U0OWNER02;comex;safety;Incidents;1\n"
        "Bigger deals;U0OWNER03;comex;ventes;;\n"
        "No perspective;U0OWNER04;comex;;;\n",
        encoding="utf-8",
    )
    code, out, err = cli("roadmap", "import", str(roadmap))
    assert (code, err) == (0, "")
    assert "4 created" in out
    found = {i.title: i.perspective for i in rows_of(tmp_path, Initiative)}
    assert found == {
        "Faster invoicing": "costs",
        "Fewer incidents": "safety",
        "Bigger deals": "sales",
        "No perspective": None,
    }

    code, out, _ = cli("roadmap", "export")
    assert code == 0
    exported = {row["initiative"]: row["perspective"] for row in csv.DictReader(io.StringIO(out))}
    assert exported["Faster invoicing"] == "costs" and exported["No perspective"] == ""
    again = tmp_path / "again.csv"
    again.write_text(out, encoding="utf-8")
    code, out, _ = cli("roadmap", "import", str(again))
    assert code == 0 and "4 unchanged" in out  # the export imports back as it is


def test_an_unknown_perspective_is_an_error_with_its_line_and_nothing_is_written(
    cli: Cli, tmp_path: Path
) -> None:
    roadmap = tmp_path / "roadmap.csv"
    roadmap.write_text(
        "initiative,owner,perspective\nFine,U0OWNER01,quality\nOdd,U0OWNER02,finance\n",
        encoding="utf-8",
    )
    code, _, err = cli("roadmap", "import", str(roadmap))
    assert code == 1
    assert 'line 3: perspective "finance" is not a perspective; write one of sales, quality' in err
    assert "safety" in err and "(in French: ventes, qualité, coûts, délais)" in err
    assert rows_of(tmp_path, Initiative) == []


def test_indicator_set_stores_a_reading_the_scorecard_lists(cli: Cli, tmp_path: Path) -> None:
    code, out, err = cli("indicator", "set", "dso", "52,5", "--at", "2026-11-20")
    assert (code, err) == (0, "")
    assert out == "dso (DSO): 52.5 d as of 2026-11-20T00:00+01:00\n"
    code, out, _ = cli("indicator", "set", "incidents", "0.8")
    assert code == 0
    readings = {r.name: r for r in rows_of(tmp_path, IndicatorReading)}
    assert readings["dso"].value == 52.5 and readings["dso"].origin == "cli"
    assert readings["dso"].at == datetime(2026, 11, 20, tzinfo=ZoneInfo("Europe/Paris"))
    assert readings["incidents"].at <= datetime.now(UTC)

    code, out, _ = cli("indicator", "list")
    assert code == 0
    assert "costs\tdso\t52.5 d\tamber\t2026-11-20" in out  # 52.5 d: past green 50, within amber 60
    assert "safety\tincidents\t0.8 %\tgreen\t" in out  # lower is better, under the target of 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("dsoo", "52"), 'unknown indicator "dsoo"; known: dso, incidents'),
        (("dso", "fifty"), '"fifty" is not a number; write e.g. 52, 4.5 or 4,5'),
        (("dso", "52", "--at", "20/11"), '--at "20/11" is not a date; write e.g. 2026-11-20'),
        (("dso", "52", "--at", "2999-01-01"), "is in the future"),
    ],
)
def test_indicator_set_refuses_bad_input_in_one_line_and_stores_nothing(
    cli: Cli, tmp_path: Path, argv: tuple[str, ...], message: str
) -> None:
    code, out, err = cli("indicator", "set", *argv)
    assert code == 2 and out == ""
    assert err.startswith("ritualbot: ") and message in err and err.count("\n") == 1
    assert rows_of(tmp_path, IndicatorReading) == []
