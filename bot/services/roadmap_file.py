"""A roadmap file as people have it: CSV in UTF-8 (with or without BOM), UTF-16 or
Windows-1252 (French Excel's "CSV"), or an `.xlsx` workbook; refused at once, in one line,
when it is too large or is no such file, before anything is parsed."""

from __future__ import annotations

import codecs
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024  # a roadmap of 10,000 initiatives is well under it
MAX_ROWS = 20_000  # rows read from a sheet; more is not a roadmap
MAX_COLUMNS = 200
_BOMS = (  # longest first: UTF-32's BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_XLSX_MAGIC = b"PK\x03\x04"


class RoadmapFileError(ValueError):
    """The file cannot be a roadmap: the message says why and what to do, in one line."""


@dataclass(frozen=True)
class RoadmapFile:
    """The file's text (CSV) or its first sheet's rows (xlsx), and how it was read."""

    text: str
    sheet: list[tuple[int, list[str]]] | None
    read_as: str  # "UTF-8", "Windows-1252", "xlsx"…


def read_roadmap_file(path: Path, *, max_bytes: int = MAX_BYTES) -> RoadmapFile:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise RoadmapFileError(
                f"{path} is {_mb(size)}; a roadmap file may be at most {_mb(max_bytes)} "
                "(split it, or remove what is not the roadmap)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise RoadmapFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if path.suffix.lower() in (".xlsx", ".xlsm") or data.startswith(_XLSX_MAGIC):
        return RoadmapFile("", read_xlsx(data, name=str(path)), "xlsx")
    if path.suffix.lower() == ".xls":
        raise RoadmapFileError(
            f"{path} is an old Excel .xls workbook; save it as .xlsx or as CSV UTF-8"
        )
    text, read_as = decode(data, name=str(path))
    return RoadmapFile(text, None, read_as)


def decode(data: bytes, *, name: str = "the file") -> tuple[str, str]:
    """The text and the encoding it was in: a BOM says; else strict UTF-8; else UTF-16
    without BOM (every other byte zero); else Windows-1252, what Excel writes for "CSV" on a
    Western Windows; else what charset-normalizer finds. Binary data is refused."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label
            except UnicodeDecodeError as exc:
                raise RoadmapFileError(
                    f"{name} starts as {label} but is not ({exc.reason})"
                ) from None
    try:
        return _text(data.decode("utf-8"), name), "UTF-8"
    except UnicodeDecodeError:
        pass
    sixteen = _utf16_without_bom(data)
    if sixteen is not None:
        return _text(sixteen, name), "UTF-16"
    try:
        # Tried before charset-normalizer: on a short French file it guesses e.g. cp1250,
        # reading `œ` as `ś`; Windows-1252 leaves only five bytes undefined.
        return _text(data.decode("cp1252"), name), "Windows-1252"
    except UnicodeDecodeError:
        pass
    guessed = _guess(data)
    if guessed is None:
        raise RoadmapFileError(
            f"{name} is not text in an encoding this bot reads; save it as CSV UTF-8 or .xlsx"
        )
    return _text(guessed[0], name), guessed[1]


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.4 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: Windows-1252 was the last chance
        return None
    best = from_bytes(data).best()
    return None if best is None else (str(best), best.encoding)


def _text(text: str, name: str) -> str:
    """Refuse what decodes but is not text: a PDF or an image renamed `.csv`."""
    head = text[:4096]
    if "\x00" in head or sum(ch < " " and ch not in "\t\r\n" for ch in head) > 8:
        raise RoadmapFileError(f"{name} is not a CSV file (binary data); export it as CSV or .xlsx")
    return text


def read_xlsx(data: bytes, *, name: str = "the workbook") -> list[tuple[int, list[str]]]:
    """The first sheet's rows as (row number, cells as text), read in openpyxl's read-only
    mode: numbers as the CSV would write them (45, 4.5), dates as YYYY-MM-DD."""
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - a declared dependency
        raise RoadmapFileError("reading .xlsx needs openpyxl; save the sheet as CSV") from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise RoadmapFileError(
            f"{name} is not a readable .xlsx workbook ({type(exc).__name__}); "
            "open it in Excel and save it again, or save it as CSV"
        ) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return []
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(
            sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1
        ):
            if number > MAX_ROWS:
                raise RoadmapFileError(
                    f"{name} has more than {MAX_ROWS:,} rows; a roadmap has one per initiative"
                )
            rows.append((number, [_cell(v) for v in values]))
        return rows
    finally:
        book.close()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
