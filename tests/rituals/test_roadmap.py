"""The roadmap CSV parser: French and English headers, delimiters, formats, every error."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rituals.roadmap import (
    ROADMAP_COLUMNS,
    RoadmapRow,
    RowError,
    format_errors,
    parse_date,
    parse_number,
    parse_quarter,
    parse_roadmap,
)

SAMPLES = Path(__file__).parents[2] / "bot" / "samples"
COMMITTEES = ("comex", "opscom")


def parse(text: str, default_quarter: str = "2026-Q4") -> tuple[list[RoadmapRow], list[RowError]]:
    return parse_roadmap(text, committees=COMMITTEES, default_quarter=default_quarter)


def where(errors: list[RowError]) -> list[tuple[int, str | None]]:
    return [(e.line, e.column) for e in errors]


def test_an_english_row_gives_every_field() -> None:
    text = (
        "initiative,objective,kpi,baseline,target,owner,accountable,consulted,informed,"
        "committee,due,quarter\n"
        'ERP phase 2,"One system, one truth",Sites migrated (%),40,100,U0OWNER02,'
        "ines.martin@example.com,U0OWNER03;W0OWNER06,U0CEO0001,comex,2027-03-31,2026-Q4\n"
    )

    rows, errors = parse(text)

    assert errors == []
    assert rows == [
        RoadmapRow(
            line=2,
            title="ERP phase 2",
            objective="One system, one truth",
            kpi_name="Sites migrated",
            kpi_unit="%",
            baseline=40.0,
            target=100.0,
            owner="U0OWNER02",
            accountable="ines.martin@example.com",
            consulted=("U0OWNER03", "W0OWNER06"),
            informed=("U0CEO0001",),
            committee="comex",
            due=date(2027, 3, 31),
            quarter="2026-Q4",
        )
    ]


def test_french_excel_file_semicolons_bom_crlf_accents_and_french_formats() -> None:
    text = (
        "\ufeff  INITIATIVE ;Objectif;Kpi;Base;Cible;Responsable;Approbateur;Consulté;"
        "INFORMÉ;Comité; Échéance ;Trimestre\r\n"
        "Réduire le délai;Livrer plus vite, mieux;Délai moyen (jours);1 234,5;12%;U0OWNER01;"
        'U0ACCT001;"U0OWNER02;U0OWNER03";U0CEO0001,U0CFO0001;OPSCOM;31/12/2026;2026-t4\r\n'
    )

    rows, errors = parse(text, default_quarter="2026-Q3")

    assert errors == []
    [row] = rows
    assert (row.title, row.objective) == ("Réduire le délai", "Livrer plus vite, mieux")
    assert (row.kpi_name, row.kpi_unit) == ("Délai moyen", "jours")
    assert (row.baseline, row.target) == (1234.5, 12.0)
    assert (row.owner, row.accountable) == ("U0OWNER01", "U0ACCT001")
    assert row.consulted == ("U0OWNER02", "U0OWNER03")
    assert row.informed == ("U0CEO0001", "U0CFO0001")
    assert (row.committee, row.due, row.quarter) == ("opscom", date(2026, 12, 31), "2026-Q4")


@pytest.mark.parametrize("header", ["Échéance", "echeance", "ÉCHÉANCE", "  due ", "Due", "DUE"])
def test_header_case_accents_and_spaces_are_ignored(header: str) -> None:
    rows, errors = parse(f"Initiative,Responsable,{header}\nA,U0OWNER01,2026-12-01\n")

    assert errors == []
    assert rows[0].due == date(2026, 12, 1)


def test_comma_file_takes_lists_separated_by_semicolons_or_quoted_commas() -> None:
    text = 'initiative,owner,consulted,informed\nA,U0OWNER01,U0A1;U0A2,"U0B1, U0B2"\n'

    [row], errors = parse(text)

    assert errors == []
    assert (row.consulted, row.informed) == (("U0A1", "U0A2"), ("U0B1", "U0B2"))


def test_semicolon_file_takes_lists_separated_by_commas_or_quoted_semicolons() -> None:
    text = 'initiative;owner;consulted;informed\nA;U0OWNER01;U0A1,U0A2;"U0B1; U0B2"\n'

    [row], errors = parse(text)

    assert errors == []
    assert (row.consulted, row.informed) == (("U0A1", "U0A2"), ("U0B1", "U0B2"))


def test_tab_separated_file_is_read_too() -> None:
    [row], errors = parse("initiative\towner\tbaseline\nA\tU0OWNER01\t4,5\n")

    assert errors == []
    assert (row.title, row.owner, row.baseline) == ("A", "U0OWNER01", 4.5)


def test_only_initiative_and_owner_are_needed_and_the_default_quarter_fills_in() -> None:
    [row], errors = parse("initiative,owner\n  Cut   churn ,x.y@example.com\n", "2027-Q1")

    assert errors == []
    assert row == RoadmapRow(
        line=2,
        title="Cut churn",
        objective="",
        kpi_name="",
        kpi_unit="",
        baseline=None,
        target=None,
        owner="x.y@example.com",
        accountable=None,
        consulted=(),
        informed=(),
        committee=None,
        due=None,
        quarter="2027-Q1",
    )


def test_a_unit_column_keeps_the_kpi_as_written() -> None:
    text = (
        "initiative,owner,kpi,unité\nA,U0OWNER01,NPS (B2B clients),\nB,U0OWNER01,Lead time,days\n"
    )

    rows, errors = parse(text)

    assert errors == []
    assert [(r.kpi_name, r.kpi_unit) for r in rows] == [
        ("NPS (B2B clients)", ""),
        ("Lead time", "days"),
    ]


@pytest.mark.parametrize(
    ("kpi", "name", "unit"),
    [
        ("Délai moyen (jours)", "Délai moyen", "jours"),
        ("Gross margin ( % )", "Gross margin", "%"),
        ("Churn", "Churn", ""),
        ("(days)", "(days)", ""),
    ],
)
def test_the_unit_comes_from_the_kpi_brackets(kpi: str, name: str, unit: str) -> None:
    [row], _ = parse(f'initiative,owner,kpi\nA,U0OWNER01,"{kpi}"\n')

    assert (row.kpi_name, row.kpi_unit) == (name, unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4,5", 4.5),
        ("4.5", 4.5),
        ("1 234,5", 1234.5),
        ("1\u202f234,5", 1234.5),
        ("1\u00a0000", 1000.0),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1,234,567", 1234567.0),
        ("12%", 12.0),
        ("12 %", 12.0),
        ("0,125", 0.125),
        ("-3", -3.0),
        ("−2,5", -2.5),
        (",5", 0.5),
    ],
)
def test_numbers_in_french_and_english_notation(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "4.5.6", "1,2,3", "12,480", "1e5", "nan", "12 jours", "%"])
def test_what_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError, match=r"number|ambiguous"):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-12-15", date(2026, 12, 15)),
        ("15/12/2026", date(2026, 12, 15)),
        ("1/2/2027", date(2027, 2, 1)),
    ],
)
def test_dates_iso_or_french(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text", ["2026-13-01", "31/02/2027", "12/15/2026x", "15.12.2026", "demain"]
)
def test_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "quarter"), [("2026-Q4", "2026-Q4"), ("2026-q1", "2026-Q1"), ("2026-T4", "2026-Q4")]
)
def test_quarters(text: str, quarter: str) -> None:
    assert parse_quarter(text) == quarter


def test_committees_match_whatever_the_case_and_come_back_as_configured() -> None:
    rows, errors = parse("initiative,owner,committee\nA,U0OWNER01,CoMeX\nB,U0OWNER01,\n")

    assert errors == []
    assert [r.committee for r in rows] == ["comex", None]


# -- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        (",U0OWNER01,,,", "initiative", "initiative is empty; write its title"),
        ("A,,,,", "owner", "owner is empty; write a Slack user id (e.g. U0123ABCD) or an e-mail"),
        ("A,bob,,,", "owner", 'owner "bob" is neither a Slack user id nor an e-mail'),
        ("A,u0owner01,,,", "owner", 'owner "u0owner01" is neither a Slack user id nor an e-mail'),
        (
            "A,U0OWNER01,codir,,",
            "committee",
            'committee "codir" is not configured; known: comex, opscom',
        ),
        ("A,U0OWNER01,,2026-02-30,", "due", 'due "2026-02-30" is not a date; write YYYY-MM-DD'),
        ("A,U0OWNER01,,31/12/26,", "due", 'due "31/12/26" is not a date'),
        ("A,U0OWNER01,,,4.5.6", "baseline", 'baseline "4.5.6" is not a number; write e.g. 4.5'),
    ],
)
def test_each_kind_of_error_names_its_line_column_and_fix(
    cells: str, column: str, message: str
) -> None:
    text = f"initiative,owner,committee,due,baseline\nOK,U0OWNER01,,,\n{cells}\n"

    rows, errors = parse(text)

    assert [(e.line, e.column) for e in errors] == [(3, column)]
    assert errors[0].message.startswith(message)
    assert len(rows) == 2


def test_bad_quarter_and_bad_list_member() -> None:
    text = "initiative,owner,quarter,informed\nA,U0OWNER01,2026-Q5,U0CEO0001;Paul\n"

    _, errors = parse(text)

    assert [(e.line, e.column) for e in errors] == [(2, "informed"), (2, "quarter")]
    assert errors[0].message.startswith('informed "Paul" is neither a Slack user id nor an e-mail')
    assert 'separate people with ";"' in errors[0].message
    quarter = 'quarter "2026-Q5" is not a quarter like 2026-Q4; write e.g. 2026-Q4'
    assert errors[1].message == quarter


def test_duplicate_titles_in_a_quarter_point_at_the_first() -> None:
    text = (
        "initiative,owner,quarter\n"
        "ERP phase 2,U0OWNER01,2026-Q4\n"
        "ERP phase 2,U0OWNER01,2027-Q1\n"
        "erp  PHASE 2,U0OWNER02,\n"
    )

    _, errors = parse(text)

    assert errors == [
        RowError(
            4,
            "initiative",
            'initiative "erp PHASE 2" already appears on line 2 for 2026-Q4; '
            "titles must be unique within a quarter",
        )
    ]


def test_french_headers_are_named_in_messages() -> None:
    _, errors = parse("Initiative;Responsable;Échéance\nA;;32/01/2027\n")

    assert [e.message.split(";")[0] for e in errors] == [
        "owner (Responsable) is empty",
        'due (Échéance) "32/01/2027" is not a date',
    ]


def test_every_error_is_reported_at_its_physical_line() -> None:
    text = (
        "Initiative;Responsable;Approbateur;Comité;Échéance;Base;Trimestre\n"  # 1
        "Bonne ligne;U0OWNER01;U0ACCT001;comex;31/12/2026;4,5;\n"  # 2
        "\n"  # 3: blank, skipped
        ";U0OWNER02;;;;;\n"  # 4: no title
        '"Titre sur\ndeux lignes";;;codir;;;\n'  # 5-6: no owner, unknown committee
        "Mauvaise date;ines@example.com;jean;;2026-14-01;abc;2026-Q9\n"  # 7: four errors
        ";;;;;;\n"  # 8: empty cells, skipped
        "Bonne ligne;U0OWNER03;;;;;\n"  # 9: duplicate of line 2
    )

    rows, errors = parse(text)

    assert where(errors) == [
        (4, "initiative"),
        (5, "owner"),
        (5, "committee"),
        (7, "baseline"),
        (7, "accountable"),
        (7, "due"),
        (7, "quarter"),
        (9, "initiative"),
    ]
    assert [r.line for r in rows] == [2, 4, 5, 7, 9]
    assert rows[2].title == "Titre sur deux lignes"


def test_unknown_header_is_named_with_the_known_ones() -> None:
    rows, errors = parse("initiative,owner,ownr,budget\nA,U0OWNER01,x,y\n")

    assert where(errors) == [(1, None), (1, None)]
    assert errors[0].message.startswith(
        'unknown column "ownr"; known columns: initiative, objective'
    )
    assert "(in French: objectif" in errors[0].message and "echeance" in errors[0].message
    assert 'unknown column "budget"' in errors[1].message
    assert [r.owner for r in rows] == ["U0OWNER01"]


def test_missing_and_doubled_columns() -> None:
    _, errors = parse("Initiative,Owner,Responsable\nA,U0OWNER01,U0OWNER02\n")
    assert errors == [
        RowError(1, "owner", 'two columns mean "owner" (the second is "Responsable"); keep one')
    ]

    _, errors = parse("initiative,committee\nA,comex\n")
    assert where(errors) == [(1, "owner")]
    assert errors[0].message.startswith('missing column "owner"')


def test_a_cell_beyond_the_header_is_an_error() -> None:
    _, errors = parse("initiative,owner\nA,U0OWNER01,stray\nB,U0OWNER01,\n")

    assert errors == [
        RowError(
            2, None, 'cell 3 ("stray") is under no column; quote cells that contain the delimiter'
        )
    ]


def test_empty_file_and_broken_quotes() -> None:
    assert parse("") == ([], [RowError(1, None, "the file is empty; " + _hint())])
    assert parse("\ufeff\r\n  \r\n")[1][0].message.startswith("the file is empty")

    rows, errors = parse('initiative,owner\nA,U0OWNER01\n"B,U0OWNER01\nC,U0OWNER01\n')

    assert [r.title for r in rows] == ["A"]
    assert where(errors) == [(3, None)]
    assert "check the quotes" in errors[0].message


def _hint() -> str:
    return "the first line must name the columns, e.g. initiative,owner,committee,due"


def test_format_errors_is_one_line_per_error_in_line_order() -> None:
    errors = [
        RowError(7, "due", 'due "x" is not a date'),
        RowError(4, "committee", 'committee "codir" is not configured; known: comex'),
    ]

    assert format_errors(errors) == (
        'line 4: committee "codir" is not configured; known: comex\nline 7: due "x" is not a date'
    )


def test_no_committee_configured_says_so() -> None:
    _, errors = parse_roadmap(
        "initiative,owner,committee\nA,U0OWNER01,comex\n", committees=(), default_quarter="2026-Q4"
    )

    assert "known: none (add [committees.NAME]" in errors[0].message


# -- the samples -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_samples_parse_cleanly_for_2026_q4(language: str) -> None:
    text = (SAMPLES / f"roadmap_{language}.csv").read_text(encoding="utf-8")

    rows, errors = parse(text, default_quarter="2026-Q1")

    assert errors == []
    assert len(rows) >= 8
    assert {r.quarter for r in rows} == {"2026-Q4"}
    assert {r.committee for r in rows} == {"comex", "opscom"}
    assert all(r.kpi_name and r.kpi_unit and r.objective and r.due for r in rows)
    assert all(date(2026, 10, 1) <= r.due <= date(2027, 3, 31) for r in rows if r.due)
    owners = [r.owner for r in rows]
    assert "ines.martin@example.com" in owners
    assert {f"U0OWNER0{n}" for n in range(1, 7)} <= set(owners)
    assert any(owners.count(o) == 2 for o in owners)
    assert {r.accountable for r in rows} == {"U0ACCT001", "U0ACCT002"}


def test_the_french_sample_is_the_english_one_translated() -> None:
    def facts(language: str) -> list[tuple[object, ...]]:
        text = (SAMPLES / f"roadmap_{language}.csv").read_text(encoding="utf-8")
        rows, _ = parse(text)
        return [
            (
                r.baseline,
                r.target,
                r.owner,
                r.accountable,
                r.consulted,
                r.informed,
                r.committee,
                r.due,
            )
            for r in rows
        ]

    assert facts("fr") == facts("en")


def test_canonical_columns_start_with_the_required_ones() -> None:
    assert ROADMAP_COLUMNS[0] == "initiative"
    assert "owner" in ROADMAP_COLUMNS and "status" not in ROADMAP_COLUMNS


def test_a_kpi_source_column_is_read_and_a_bad_one_reported_on_its_line() -> None:
    rows, errors = parse(
        "initiative,owner,source KPI\n"
        "Lead time,U0OWNER01,"
        "https://bi.example.com/kpi.json#json:data.lead_time | header:Authorization=BI_TOKEN\n"
        "Churn,U0OWNER02,ftp://files/churn.csv#csv:B2\n"
    )
    assert rows[0].kpi_source == (
        "https://bi.example.com/kpi.json#json:data.lead_time | header:Authorization=BI_TOKEN"
    )
    [error] = errors
    assert error.line == 3 and error.column == "kpi_source" and "http" in error.message
