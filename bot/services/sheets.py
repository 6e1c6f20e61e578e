"""Rows as files a spreadsheet opens safely: CSV (plain, or for French Excel: `;`, a BOM,
decimal commas) and `.xlsx`; a text cell that a spreadsheet would run as a formula
(`=HYPERLINK(…)` typed as a blocker) is written with a leading `'`, a number stays a number."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?")
BOM = "\ufeff"
_WHOLE = re.compile(r"-?(?:0|[1-9]\d{0,14})")


def neutral(value: Any) -> Any:
    """`value` as a cell that runs nothing: `'=1+2`, but -3 (or "-3.5") as written."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return value if _NUMBER.fullmatch(value) else "'" + value
    return value


_DECIMAL = re.compile(r"-?(?:0|[1-9]\d*)\.\d+")  # a whole cell that is a decimal number


def _cell(value: Any, *, decimal_comma: bool) -> Any:
    if value is None:
        return ""
    if decimal_comma and isinstance(value, float):
        value = str(int(value)) if value.is_integer() else repr(value)
    if decimal_comma and isinstance(value, str) and _DECIMAL.fullmatch(value):
        whole, decimals = value.split(".")
        # `12,125` would read as twelve thousand: `12,1250` reads one way only
        return f"{whole},{decimals}0" if len(decimals) == 3 else f"{whole},{decimals}"
    return neutral(value) if isinstance(value, str) else value


def write_csv(
    rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO, *, excel: bool = False
) -> None:
    """A header, then a line per row, as they come; `excel`: what French Excel opens as
    it is (a BOM for the accents, `;` between cells, `4,5` for numbers, CRLF lines)."""
    if excel:
        out.write(BOM)
    writer = csv.writer(
        out, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n"
    )
    writer.writerow(columns)
    writer.writerows([_cell(row.get(k), decimal_comma=excel) for k in columns] for row in rows)


def write_xlsx(
    rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[bytes], *, title: str
) -> None:
    """One sheet named `title`, written a row at a time (openpyxl's write-only mode): numbers
    as numbers, text as text, the header in bold and frozen."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_value(row.get(k)) for k in columns])
    book.save(out)


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str) and (_DECIMAL.fullmatch(value) or _WHOLE.fullmatch(value)):
        return float(value) if "." in value else int(value)  # the roadmap's "2.4": a number
    if isinstance(value, dict | list):
        return str(value)
    return _control_free(neutral(str(value)))


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in an xlsx cell


def _control_free(text: str) -> str:
    return _ILLEGAL.sub("", text)
