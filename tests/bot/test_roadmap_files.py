"""Roadmap files as people have them: encodings, .xlsx, limits, broken and huge files, and
500 owners given by e-mail against a Slack that rate-limits — a real database, the stand-in
over HTTP, and the command line."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.__main__ import main
from bot.cli.progress import progress_on
from bot.devtools.standin import SlackStandIn
from bot.services.email_lookup import Lookups
from bot.services.names import Names
from bot.services.roadmap import EXPORT_COLUMNS, ImportResult, import_roadmap, roadmap_rows
from bot.services.roadmap_file import RoadmapFileError, decode, read_roadmap_file
from bot.services.sheets import write_csv, write_xlsx
from rituals.db import make_engine, migrate
from rituals.models import Initiative
from rituals.roadmap import MAX_LENGTH, format_errors, parse_roadmap
from tests.slackbot import bot_environ

SAMPLES = Path(__file__).parents[2] / "bot" / "samples"
TOKEN = "xoxb-files"
COMMITTEES = ("comex", "opscom")
MONDAY = datetime(2026, 10, 5, 8, 0, tzinfo=UTC)
FRENCH = (SAMPLES / "roadmap_fr.csv").read_text(encoding="utf-8")
USERS: dict[str, dict[str, Any]] = {
    "U0INES001": {"email": "Ines.Martin@example.com", "real_name": "Inès Martin"},
}


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
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'files.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def slack() -> Iterator[SlackStandIn]:
    with SlackStandIn(users=USERS, token=TOKEN) as standin:
        yield standin


def load(engine: Engine, slack: SlackStandIn, path: Path) -> ImportResult:
    read = read_roadmap_file(path)
    return import_roadmap(
        engine=engine,
        client=WebClient(token=TOKEN, base_url=slack.url),
        text=read.text,
        sheet=read.sheet,
        committees=COMMITTEES,
        default_quarter="2026-Q4",
        now=MONDAY,
    )


def titles(engine: Engine) -> dict[str, Initiative]:
    with Session(engine) as session:
        return {i.title: i for i in session.exec(select(Initiative))}


@pytest.mark.parametrize(
    ("encoded", "read_as"),
    [
        (FRENCH.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "UTF-8 with BOM"),
        (FRENCH.replace("\n", "\r\n").encode("cp1252"), "Windows-1252"),
        (codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), "UTF-16"),
        (FRENCH.encode("utf-16-le"), "UTF-16"),  # no BOM: every other byte is zero
    ],
    ids=["utf8", "utf8-bom", "cp1252", "utf16le", "utf16be", "utf16-no-bom"],
)
def test_the_french_roadmap_imports_from_every_encoding_excel_writes(
    engine: Engine, slack: SlackStandIn, tmp_path: Path, encoded: bytes, read_as: str
) -> None:
    path = tmp_path / "feuille.csv"
    path.write_bytes(encoded)

    assert read_roadmap_file(path).read_as == read_as
    result = load(engine, slack, path)

    assert (result.created, result.errors) == (9, [])
    data = titles(engine)["Référentiel client unique"]
    assert (data.kpi_baseline, data.kpi_target, data.kpi_unit) == (12480.0, 1000.0, "fiches")
    assert "Standardiser l'onboarding des nouveaux arrivants" in titles(engine)


def test_accents_euro_and_oe_of_a_short_windows_file_are_read_as_typed() -> None:
    text = "initiative;responsable;objectif\nCoûts € et œuvres;U0OWNER01;Qualité à 100 %\n"

    assert decode(text.encode("cp1252")) == (text, "Windows-1252")


def test_an_xlsx_roadmap_imports_like_its_csv(
    engine: Engine, slack: SlackStandIn, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Initiative", "Responsable", "Comité", "Base", "Cible", "Échéance", "KPI"])
    sheet.append(["Référentiel client", "Ines.Martin@example.com", "comex", 12480, 1000,
                  datetime(2027, 3, 31), "Doublons (fiches)"])  # fmt: skip
    sheet.append([None] * 7)  # an empty row in between is skipped
    sheet.append(["Délai fournisseur", "U0OWNER01", "opscom", 21.5, 14, "31/01/2027", None])
    sheet.append(["Mauvaise date", "U0OWNER01", "opscom", None, None, "2027-02-30", None])
    path = tmp_path / "roadmap.xlsx"
    book.save(path)

    failed = load(engine, slack, path)
    assert [(e.line, e.column) for e in failed.errors] == [(5, "due")]  # the sheet's row

    sheet.delete_rows(5)
    book.save(path)
    result = load(engine, slack, path)

    assert (result.created, result.errors) == (2, [])
    found = titles(engine)
    data = found["Référentiel client"]
    assert (data.owner, data.kpi_baseline, data.kpi_target) == ("U0INES001", 12480.0, 1000.0)
    assert (data.due.isoformat(), data.kpi_name, data.kpi_unit) == (
        "2027-03-31",
        "Doublons",
        "fiches",
    )
    assert found["Délai fournisseur"].kpi_baseline == 21.5


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_bytes(b"initiative,owner\n" + b"x,U0OWNER01\n" * 1000)

    with pytest.raises(RoadmapFileError, match=r"huge.csv is 0.0 MB; .* at most 0.0 MB"):
        read_roadmap_file(path, max_bytes=1000)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.csv", b"%PDF-1.7\n\x00\x01\x02\x03binary" * 20, "not a CSV file"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not a readable .xlsx workbook"),
        ("old.xls", b"\xd0\xcf\x11\xe0 an OLE file", "old Excel .xls"),
    ],
)
def test_a_file_that_is_no_roadmap_is_refused_in_one_line(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)

    with pytest.raises(RoadmapFileError, match=message) as refused:
        read_roadmap_file(path)
    assert "\n" not in str(refused.value)


def test_every_field_has_a_length_that_keeps_its_messages_within_slacks_limits() -> None:
    kpi = "Taux " * 699 + "final"  # 3,500 characters: it would import, then its prompt be refused
    text = f"initiative,owner,kpi,objective\nA,U0OWNER01,{kpi},ok\nB,U0OWNER01,x,{'o' * 1001}\n"

    _, errors = parse_roadmap(text, committees=COMMITTEES, default_quarter="2026-Q4")

    assert [(e.line, e.column) for e in errors] == [(2, "kpi"), (3, "objective")]
    assert errors[0].message == (
        f"kpi is 3,500 characters long; keep it to {MAX_LENGTH['kpi']} "
        "(Slack would not show it whole)"
    )


def test_a_broken_file_gets_a_bounded_list_of_errors_and_no_slack_call(
    engine: Engine, slack: SlackStandIn, tmp_path: Path
) -> None:
    lines = ["initiative,owner,due"] + [f"I{n},someone{n}@example.com,never" for n in range(2900)]
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = load(engine, slack, path)

    assert len(result.errors) == 2900
    shown = format_errors(result.errors, limit=50).splitlines()
    assert len(shown) == 51 and shown[-1] == "… and 2,850 more"
    assert shown[0].startswith('line 2: due "never" is not a date')
    assert slack.calls("users.lookupByEmail") == [], "a broken file is not looked up"
    assert titles(engine) == {}


def test_500_owners_by_email_import_against_a_rate_limited_slack(tmp_path: Path) -> None:
    owners = {f"U0E{n:06d}": {"email": f"owner{n}@example.com"} for n in range(500)}
    lines = ["initiative,owner,accountable"] + [
        f"Initiative {n},Owner{n}@Example.com,owner{(n + 1) % 500}@example.com" for n in range(500)
    ]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    engine = make_engine(f"sqlite:///{tmp_path / 'big.db'}")
    migrate(engine)
    reported: list[tuple[int, int]] = []
    limits = {"users.lookupByEmail": (100.0, 10)}  # 10 at once, then 100 a second
    with SlackStandIn(users=owners, token=TOKEN, rate_limits=limits) as slack:
        # and, however fast this machine is today, the first two calls meet a 429
        slack.fail("users.lookupByEmail", error="ratelimited", status=429, times=2)
        client = WebClient(token=TOKEN, base_url=slack.url)
        result = import_roadmap(
            engine=engine,
            client=client,
            lookups=Lookups(client, ceiling=400.0),  # faster than Slack allows: it learns
            text=path.read_text(encoding="utf-8"),
            committees=COMMITTEES,
            default_quarter="2026-Q4",
            now=MONDAY,
            progress=lambda done, total: reported.append((done, total)),
        )
        calls = slack.calls("users.lookupByEmail", all=True)

    assert result == ImportResult(500, 0, 0, [])
    assert any(c.status == 429 for c in calls), "Slack did rate-limit the import"
    answered = [c.params["email"] for c in calls if c.status == 200]
    assert sorted(answered) == sorted({f"owner{n}@example.com" for n in range(500)})  # once each
    assert reported[-1] == (500, 500) and len(reported) == 500
    found = titles(engine)
    assert (found["Initiative 7"].owner, found["Initiative 7"].accountable) == (
        "U0E000007",
        "U0E000008",
    )
    engine.dispose()


def test_the_command_says_how_it_read_the_file_and_shows_progress(
    cli, tmp_path: Path, standin: SlackStandIn
) -> None:
    path = tmp_path / "feuille.csv"
    path.write_bytes(FRENCH.replace("U0OWNER01", "owner1@example.com").encode("cp1252"))

    code, out, err = cli("roadmap", "import", str(path))

    assert code == 0, err
    assert "9 created" in out
    assert f"{path}: read as Windows-1252" in err
    assert "2/2 e-mails looked up in Slack" in err  # not a terminal: a line, no bar


def test_the_command_refuses_a_huge_file_in_one_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.write(b"initiative,owner\n")
        out.write(io.BytesIO(b"x" * (6 * 1024 * 1024)).getvalue())

    code, out, err = cli("roadmap", "import", str(path))

    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        f"ritualbot: {path} is 6.0 MB; a roadmap file may be at most 5.0 MB "
        "(split it, or remove what is not the roadmap)"
    ]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_progress_is_one_bar_redrawn_in_place() -> None:
    screen = Terminal()
    with progress_on(screen, "e-mails") as progress:
        for done in range(1, 5):
            progress(done, 4)

    drawn = screen.getvalue()
    assert drawn.count("\r") == 4 and drawn.endswith("4/4 e-mails\n")
    assert "\r" + "█" * 15 + "·" * 15 + " 2/4 e-mails" in drawn


@pytest.mark.parametrize("kind", ["csv", "excel", "xlsx"])
def test_the_roadmap_exported_with_names_for_excel_or_as_xlsx_imports_back_unchanged(
    engine: Engine, slack: SlackStandIn, tmp_path: Path, kind: str
) -> None:
    sample = tmp_path / "sample.csv"
    sample.write_text(
        (SAMPLES / "roadmap_en.csv")
        .read_text(encoding="utf-8")
        .replace(
            "Reduce customer churn",
            "=Reduce customer churn",  # a title a sheet would run
        ),
        encoding="utf-8",
    )
    assert load(engine, slack, sample).created == 9
    names = Names({"U0INES001": "Inès Martin", "U0ACCT001": "Marc Leroy"})
    rows = roadmap_rows(engine=engine, names=names)
    path = tmp_path / ("roadmap.xlsx" if kind == "xlsx" else "roadmap.csv")
    if kind == "xlsx":
        with path.open("wb") as out:
            write_xlsx(rows, EXPORT_COLUMNS, out, title="roadmap")
    else:
        with path.open("w", encoding="utf-8", newline="") as text:
            write_csv(rows, EXPORT_COLUMNS, text, excel=kind == "excel")

    read = read_roadmap_file(path)
    header = (
        read.sheet[0][1]
        if read.sheet
        else read.text.splitlines()[0].split(";" if kind == "excel" else ",")
    )
    assert header[header.index("owner") + 1] == "owner_name"
    churn = next(r for r in rows if r["initiative"] == "=Reduce customer churn")
    assert churn["baseline"] == "2.4"
    if kind == "excel":
        assert ";2,4;1,8;" in read.text  # decimal commas, as French Excel reads numbers
    if read.sheet:
        [churn_row] = [cells for _, cells in read.sheet if "=Reduce customer churn" in cells[0]]
        assert "2.4" in churn_row  # a number cell in the sheet, read back as the CSV writes it
    again = load(engine, slack, path)

    assert (again.created, again.updated, again.unchanged, again.errors) == (0, 0, 9, [])
    assert "=Reduce customer churn" in titles(engine)


def test_roadmap_export_names_people_from_slack_and_writes_xlsx(
    cli: Any, tmp_path: Path, standin: SlackStandIn
) -> None:
    assert cli("roadmap", "import", str(SAMPLES / "roadmap_en.csv"))[0] == 0

    code, out, err = cli("roadmap", "export", "--excel")

    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    coach = next(r for r in rows if r["initiative"] == "Managers-coach programme")
    assert (coach["owner"], coach["owner_name"]) == ("U0INES001", "Inès Martin")
    assert (coach["accountable"], coach["accountable_name"]) == ("U0ACCT001", "Marc Leroy")

    path = tmp_path / "roadmap.xlsx"
    assert cli("roadmap", "export", "--out", str(path))[0] == 0
    assert read_roadmap_file(path).sheet is not None
