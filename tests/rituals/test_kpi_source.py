"""Parsing an operator's KPI source line and reading the number in a JSON or CSV body."""

from __future__ import annotations

import pytest

from rituals.kpi_source import KpiSource, extract, parse_source


def test_json_source_with_dotted_path() -> None:
    assert parse_source(" https://host/path.json#json:data.metrics.lead_time ") == KpiSource(
        "https://host/path.json", "json", "data.metrics.lead_time", ()
    )


def test_csv_cell_and_csv_column() -> None:
    assert parse_source("http://host/export.csv#csv:B7") == KpiSource(
        "http://host/export.csv", "csv", "B7", ()
    )
    assert parse_source("https://host/export.csv?gid=0#csv:lead_time").path == "lead_time"


def test_headers_name_environment_variables() -> None:
    source = parse_source(
        "https://host/k.json#json:items.0.value"
        " | header:Authorization=KPI_TOKEN | header:X-Api-Key=OTHER_VAR"
    )
    assert source.url == "https://host/k.json"
    assert source.path == "items.0.value"
    assert source.headers == (("Authorization", "KPI_TOKEN"), ("X-Api-Key", "OTHER_VAR"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("https://host/k.json", "names no value after '#'"),
        ("ftp://host/k.csv#csv:B7", "not an http(s) URL"),
        ("file:///etc/passwd#json:a", "not an http(s) URL"),
        ("https:///k.json#json:a", "not an http(s) URL"),
        ("https://host/k.xml#xml:a", "should start with 'json:' or 'csv:'"),
        ("https://host/k.json#json:", "needs a path or a cell"),
        ("https://host/k.json#json:data..x", "has an empty step"),
        ("https://host/k.json#json:a | Authorization=KPI_TOKEN", "write header:Name=ENV_VARIABLE"),
        ("https://host/k.json#json:a | header:Bad Name=KPI_TOKEN", "is not a header name"),
        ("https://host/k.json#json:a | header:A=T | header:a=U", "a header is given twice"),
    ],
)
def test_bad_sources_say_what_to_write(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="KPI source") as raised:
        parse_source(text)
    assert message in str(raised.value)


def test_a_pasted_secret_is_refused_and_not_echoed() -> None:
    with pytest.raises(ValueError) as raised:
        parse_source("https://host/k.json#json:a | header:Authorization=Bearer s3cr3t-value")
    assert "NAME of an environment variable" in str(raised.value)
    assert "s3cr3t" not in str(raised.value)


JSON = '{"data": {"metrics": {"lead_time": 4.5, "fr": "12,75", "us": "1,234.5", "label": "n/a"}},'
JSON += ' "items": [{"value": 7}, {"value": "8.25"}], "flag": true}'


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("data.metrics.lead_time", 4.5),
        ("data.metrics.fr", 12.75),
        ("data.metrics.us", 1234.5),
        ("items.0.value", 7.0),
        ("items.1.value", 8.25),
    ],
)
def test_extract_numbers_from_json(path: str, expected: float) -> None:
    assert extract(KpiSource("https://h/x", "json", path), JSON) == expected


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("data.metrics.cycle_time", "no number at data.metrics.cycle_time (no 'cycle_time')"),
        ("items.2.value", "no number at items.2.value (no '2')"),
        ("data.metrics.label", "no number at data.metrics.label"),
        ("data.metrics", "no number at data.metrics"),
        ("flag", "no number at flag"),
    ],
)
def test_extract_names_what_is_missing_in_json(path: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        extract(KpiSource("https://h/x", "json", path), JSON)
    assert str(raised.value) == message


def test_extract_refuses_a_body_that_is_not_json() -> None:
    with pytest.raises(ValueError, match="response is not JSON"):
        extract(KpiSource("https://h/x", "json", "a"), "<html>login</html>")


CSV = "week,lead_time,note\n2026-W46,5.5,ok\n2026-W47,4.25,\n\n"
FRENCH_CSV = "semaine;lead_time;volume\n2026-W46;5,5;1 200\n2026-W47;3,75;1 350,5\n"


def test_extract_csv_cell_and_last_row_of_column() -> None:
    assert extract(KpiSource("https://h/x", "csv", "B2"), CSV) == 5.5
    assert extract(KpiSource("https://h/x", "csv", "b3"), CSV) == 4.25
    assert extract(KpiSource("https://h/x", "csv", "lead_time"), CSV) == 4.25


def test_extract_french_csv_with_semicolons_and_decimal_commas() -> None:
    assert extract(KpiSource("https://h/x", "csv", "lead_time"), FRENCH_CSV) == 3.75
    assert extract(KpiSource("https://h/x", "csv", "C2"), FRENCH_CSV) == 1200.0
    assert extract(KpiSource("https://h/x", "csv", "volume"), FRENCH_CSV) == 1350.5


def test_extract_quoted_decimal_comma_in_comma_csv() -> None:
    assert extract(KpiSource("https://h/x", "csv", "B2"), 'k,v\nx,"2,5"\n') == 2.5


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("B9", "no cell B9 in the CSV"),
        ("Z2", "no cell Z2 in the CSV"),
        ("A1", "no number in cell A1"),
        ("C3", "no number in cell C3"),
        ("cycle_time", "no column 'cycle_time' in the CSV header"),
        ("note", "no number in column note, last row"),
    ],
)
def test_extract_names_what_is_missing_in_csv(path: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        extract(KpiSource("https://h/x", "csv", path), CSV)
    assert str(raised.value) == message


def test_extract_from_an_empty_csv() -> None:
    with pytest.raises(ValueError, match="no column 'lead_time'"):
        extract(KpiSource("https://h/x", "csv", "lead_time"), "")
    with pytest.raises(ValueError, match="no number in column lead_time"):
        extract(KpiSource("https://h/x", "csv", "lead_time"), "lead_time\n")
