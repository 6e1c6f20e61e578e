"""The roadmap CSV: English or French headers, one initiative per row, every error kept.

Pure: text in, rows and errors out. E-mails stay as written; resolving them to Slack users
is the caller's job (`bot/roadmap_io.py`). Longer than most modules because the whole CSV
grammar (headers, numbers, dates, people) lives here, so its messages read alike.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from rituals.kpi_source import parse_source
from rituals.numbers import parse_number

ROADMAP_COLUMNS = (
    "initiative", "objective", "kpi", "unit", "kpi_source", "baseline", "target", "owner",
    "accountable", "consulted", "informed", "committee", "due", "quarter",
)  # fmt: skip
REQUIRED = ("initiative", "owner")
# Written by the export and accepted back, never imported: status comes from check-ins.
IGNORED = ("status",)
FRENCH = {
    "objectif": "objective", "unite": "unit", "source_kpi": "kpi_source", "base": "baseline",
    "source_du_kpi": "kpi_source",
    "cible": "target",
    "responsable": "owner", "approbateur": "accountable", "consulte": "consulted",
    "informe": "informed", "comite": "committee", "echeance": "due", "trimestre": "quarter",
    "statut": "status",
}  # fmt: skip
_ALIASES = {name: name for name in (*ROADMAP_COLUMNS, *IGNORED)} | FRENCH
MAX_TITLE = 300

_USER_ID = re.compile(r"[UW][A-Z0-9]{2,}")
_EMAIL = re.compile(r"[^@\s<>;,\"]+@[^@\s<>;,\".]+(?:\.[^@\s<>;,\".]+)+")
_NAMED_EMAIL = re.compile(r"[^<>]*<\s*([^<>]+?)\s*>")  # "Inès Martin <ines@example.com>"
_LIST_SEPARATORS = re.compile(r"[;,\n]")
_KPI_UNIT = re.compile(r"(.*?)\s*\(([^()]*)\)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FRENCH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_QUARTER = re.compile(r"(\d{4})\s*-?\s*[QT]([1-4])", re.IGNORECASE)
_HEADER_HINT = "the first line must name the columns, e.g. initiative,owner,committee,due"
_ID_OR_EMAIL = "a Slack user id (e.g. U0123ABCD) or an e-mail"
_NUMBER_HINT = "write e.g. 4.5, 4,5, 1 234,5 or 12%"

T = TypeVar("T")


@dataclass(frozen=True)
class RowError:
    """A problem on one physical line of the file (the header is line 1)."""

    line: int
    column: str | None
    message: str


@dataclass(frozen=True)
class RoadmapRow:
    """One initiative as written in the file; people are Slack ids or e-mails."""

    line: int
    title: str
    objective: str
    kpi_name: str
    kpi_unit: str
    baseline: float | None
    target: float | None
    owner: str
    accountable: str | None
    consulted: tuple[str, ...]
    informed: tuple[str, ...]
    committee: str | None
    due: date | None
    quarter: str
    kpi_source: str | None = None


def parse_roadmap(
    text: str, *, committees: Collection[str], default_quarter: str
) -> tuple[list[RoadmapRow], list[RowError]]:
    """Every data row of `text`, in file order, and every problem found in it.

    A row comes back even when some of its cells are wrong (those are left empty), so a
    caller can check more, e.g. resolve e-mails, and report everything at once: write the
    rows only when there are no errors. `default_quarter` fills empty quarter cells.
    """
    default = parse_quarter(default_quarter)
    errors: list[RowError] = []
    records = (r for r in _records(text.removeprefix("\ufeff"), errors) if _any_text(r[1]))
    header = next(records, None)
    if header is None:
        return [], errors or [RowError(1, None, "the file is empty; " + _HEADER_HINT)]
    context = _context(header[1], _read_header(*header, errors), committees, default)
    rows = [_read_row(_Cells(line, cells, context, errors)) for line, cells in records]
    _check_duplicates(rows, errors)
    return rows, sort_errors(errors)


def format_errors(errors: Iterable[RowError]) -> str:
    """One line per error, e.g. `line 4: committee "codir" is not configured; known: comex`."""
    return "\n".join(f"line {e.line}: {e.message}" for e in sort_errors(errors))


def sort_errors(errors: Iterable[RowError]) -> list[RowError]:
    """By line, then in the order of ROADMAP_COLUMNS; errors about a whole row come first."""
    order = {name: index for index, name in enumerate(ROADMAP_COLUMNS)}
    return sorted(errors, key=lambda e: (e.line, order.get(e.column or "", -1)))


def is_user_id(person: str) -> bool:
    return _USER_ID.fullmatch(person) is not None


def parse_quarter(text: str) -> str:
    """`2026-Q4` (also `2026-q4`, `2026-T4` as French writes it, `2026Q4`) as `2026-Q4`."""
    match = _QUARTER.fullmatch(text.strip())
    if match is None:
        raise ValueError(f'"{text}" is not a quarter like 2026-Q4')
    return f"{match[1]}-Q{match[2]}"


def parse_date(text: str) -> date:
    """An ISO date (`2026-12-15`) or a French one (`15/12/2026`)."""
    cleaned = text.strip()
    french = _FRENCH_DATE.fullmatch(cleaned)
    try:
        if _ISO_DATE.fullmatch(cleaned):
            return date.fromisoformat(cleaned)
        if french:
            return date(int(french[3]), int(french[2]), int(french[1]))
    except ValueError:
        pass  # a well-formed day that does not exist, e.g. 31/02/2027
    raise ValueError(f'"{text}" is not a date')


def _any_text(cells: Iterable[str]) -> bool:
    return any(cell.strip() for cell in cells)


# -- the file and its header ------------------------------------------------------------------


def _records(text: str, errors: list[RowError]) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) per record; a quoted cell may span several lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            message = f'the CSV cannot be read from here ({exc}); check the quotes (")'
            errors.append(RowError(start, None, message))
            return
        yield start, cells
        start = reader.line_num + 1


def _delimiter(text: str) -> str:
    """`,`, `;` (French Excel) or a tab: whichever the header line uses most."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return max((",", ";", "\t"), key=header.count)


def _fold(text: str) -> str:
    """Case, accents and surrounding spaces ignored: `  Échéance ` → `echeance`."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\s-]+", "_", folded)  # `source KPI`, `kpi-source` → `source_kpi`, `kpi_source`


def _read_header(line: int, cells: list[str], errors: list[RowError]) -> dict[int, str]:
    """Cell index → canonical column name; unknown, doubled and missing columns are errors."""
    columns: dict[int, str] = {}
    for index, cell in enumerate(cells):
        if not _fold(cell):
            continue
        name = _ALIASES.get(_fold(cell))
        if name is None:
            errors.append(RowError(line, None, f'unknown column "{cell.strip()}"; {_known()}'))
        elif name in columns.values():
            message = f'two columns mean "{name}" (the second is "{cell.strip()}"); keep one'
            errors.append(RowError(line, name, message))
        else:
            columns[index] = name
    for name in REQUIRED:
        if name not in columns.values():
            errors.append(RowError(line, name, f'missing column "{name}"; {_HEADER_HINT}'))
    return columns


def _known() -> str:
    english, french = ", ".join((*ROADMAP_COLUMNS, *IGNORED)), ", ".join(FRENCH)
    return f"known columns: {english} (in French: {french})"


# -- one row ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    header: list[str]
    columns: dict[int, str]
    labels: dict[str, str]  # canonical name → as the header writes it, for messages
    committees: Mapping[str, str]  # folded name → configured name
    default_quarter: str


def _context(
    header: list[str], columns: dict[int, str], committees: Collection[str], default: str
) -> _Context:
    labels = {name: header[index].strip() for index, name in columns.items()}
    return _Context(header, columns, labels, {_fold(c): c for c in committees}, default)


@dataclass
class _Cells:
    """A row's cells by canonical column name, and where its errors go."""

    line: int
    raw: list[str]
    context: _Context
    errors: list[RowError]
    values: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index, cell in enumerate(self.raw):
            name = self.context.columns.get(index)
            if name is not None:
                self.values[name] = cell.strip()
            elif cell.strip() and not self._headed(index):
                where = f'cell {index + 1} ("{cell.strip()}") is under no column'
                self.error(None, f"{where}; quote cells that contain the delimiter")

    def _headed(self, index: int) -> bool:
        """Whether the header names this cell's column (a known name or not)."""
        header = self.context.header
        return index < len(header) and bool(_fold(header[index]))

    def get(self, name: str) -> str:
        return self.values.get(name, "")

    def error(self, column: str | None, message: str) -> None:
        self.errors.append(RowError(self.line, column, message))

    def label(self, name: str) -> str:
        written = self.context.labels.get(name, name)
        return name if _fold(written) == name else f"{name} ({written})"

    def parsed(
        self, name: str, parse: Callable[[str], T], hint: str = "", text: str | None = None
    ) -> T | None:
        """The cell (or `text`) through `parse`; None, and an error, when it does not parse."""
        text = self.get(name) if text is None else text.strip()
        if not text:
            return None
        try:
            return parse(text)
        except ValueError as exc:
            self.error(name, f"{self.label(name)} {exc}" + (f"; {hint}" if hint else ""))
            return None


def _read_row(cells: _Cells) -> RoadmapRow:
    kpi_name, kpi_unit = _kpi(cells)
    quarter = cells.parsed("quarter", parse_quarter, "write e.g. 2026-Q4")
    return RoadmapRow(
        line=cells.line,
        title=_title(cells),
        objective=cells.get("objective"),
        kpi_name=kpi_name,
        kpi_unit=kpi_unit,
        baseline=cells.parsed("baseline", parse_number, _NUMBER_HINT),
        target=cells.parsed("target", parse_number, _NUMBER_HINT),
        owner=_owner(cells),
        accountable=cells.parsed("accountable", _person, f"write {_ID_OR_EMAIL}"),
        consulted=_people(cells, "consulted"),
        informed=_people(cells, "informed"),
        committee=cells.parsed("committee", _committee_in(cells.context.committees)),
        due=cells.parsed("due", parse_date, "write YYYY-MM-DD (2026-12-15) or DD/MM/YYYY"),
        quarter=quarter or ("" if cells.get("quarter") else cells.context.default_quarter),
        kpi_source=cells.parsed("kpi_source", _source),
    )


def _source(text: str) -> str:
    parse_source(text)  # raises with what to write
    return text.strip()


def _title(cells: _Cells) -> str:
    title = " ".join(cells.get("initiative").split())
    if not title:
        cells.error("initiative", f"{cells.label('initiative')} is empty; write its title")
    elif len(title) > MAX_TITLE:
        message = f"is {len(title)} characters long; keep it to {MAX_TITLE}"
        cells.error("initiative", f"{cells.label('initiative')} {message}")
    return title


def _kpi(cells: _Cells) -> tuple[str, str]:
    """`Délai moyen (jours)` → (`Délai moyen`, `jours`), unless a unit column says the unit:
    then the KPI is taken as written."""
    kpi = cells.get("kpi")
    if "unit" in cells.context.columns.values():
        return kpi, cells.get("unit")
    match = _KPI_UNIT.fullmatch(kpi)
    return (match[1], match[2].strip()) if match and match[1] else (kpi, "")


def _person(text: str) -> str:
    named = _NAMED_EMAIL.fullmatch(text)
    person = named[1] if named else text
    if is_user_id(person) or _EMAIL.fullmatch(person):
        return person
    raise ValueError(f'"{text}" is neither a Slack user id nor an e-mail')


def _owner(cells: _Cells) -> str:
    if not cells.get("owner") and "owner" in cells.context.columns.values():
        cells.error("owner", f"{cells.label('owner')} is empty; write {_ID_OR_EMAIL}")
    return cells.parsed("owner", _person, f"write {_ID_OR_EMAIL}") or ""


def _people(cells: _Cells, name: str) -> tuple[str, ...]:
    """Ids or e-mails separated by `;` (or `,`, handy inside a `;`-delimited file)."""
    hint = f'write {_ID_OR_EMAIL}, and separate people with ";"'
    items = _LIST_SEPARATORS.split(cells.get(name))
    people = (cells.parsed(name, _person, hint, text=item) for item in items)
    return tuple(dict.fromkeys(p for p in people if p))


def _committee_in(known: Mapping[str, str]) -> Callable[[str], str]:
    names = ", ".join(sorted(known.values())) or "none (add [committees.NAME] to the config)"

    def committee(text: str) -> str:
        if _fold(text) not in known:
            raise ValueError(f'"{text}" is not configured; known: {names}')
        return known[_fold(text)]

    return committee


def _check_duplicates(rows: list[RoadmapRow], errors: list[RowError]) -> None:
    first_line: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (row.quarter, row.title.casefold())
        if not row.title or not row.quarter:
            continue
        if key not in first_line:
            first_line[key] = row.line
            continue
        message = (
            f'initiative "{row.title}" already appears on line {first_line[key]} '
            f"for {row.quarter}; titles must be unique within a quarter"
        )
        errors.append(RowError(row.line, "initiative", message))
