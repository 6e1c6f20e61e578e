"""The roadmap CSV: English or French headers, one initiative per row, every error kept.

Pure: text in, rows and errors out. E-mails stay as written; resolving them to Slack users
is the caller's job (`bot/roadmap_io.py`). Longer than most modules because the whole CSV
grammar (headers, numbers, dates, people) lives here, so its messages read alike.

Past 300 lines: every column of the roadmap, its parsing and its error wording; the
per-column parsers are the split to make next.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from rituals.dependencies import Need, Wanting, check_needs
from rituals.kpi_source import parse_source
from rituals.numbers import parse_number
from rituals.scorecard import DEFAULT_PERSPECTIVES, FRENCH_NAMES, perspective_of

ROADMAP_COLUMNS = (
    "initiative", "objective", "kpi", "unit", "kpi_source", "baseline", "target", "owner",
    "accountable", "consulted", "informed", "committee", "due", "quarter", "depends_on",
    "perspective",
)  # fmt: skip
REQUIRED = ("initiative", "owner")
# Written by the export and accepted back, never imported: status comes from check-ins.
IGNORED = ("status", "owner_name", "accountable_name")  # names: the ids say who
FRENCH = {
    "objectif": "objective", "unite": "unit", "source_kpi": "kpi_source", "base": "baseline",
    "source_du_kpi": "kpi_source",
    "cible": "target",
    "responsable": "owner", "approbateur": "accountable", "consulte": "consulted",
    "informe": "informed", "comite": "committee", "echeance": "due", "trimestre": "quarter",
    "statut": "status",
    "depend_de": "depends_on", "depend_du": "depends_on", "depend_des": "depends_on",
}  # fmt: skip
_ALIASES = {name: name for name in (*ROADMAP_COLUMNS, *IGNORED)} | FRENCH
MAX_TITLE = 300
# The longest each cell may be (characters): what keeps the prompts, digests and buttons that
# show it within Slack's limits (3,000 a text block) with room for the rest of the message.
MAX_LENGTH = {
    "objective": 1000, "kpi": 200, "unit": 40, "kpi_source": 1000, "owner": 500,
    "accountable": 200, "consulted": 2000, "informed": 2000, "committee": 80, "due": 40,
    "quarter": 20, "baseline": 40, "target": 40, "depends_on": 2000,
}  # fmt: skip
ERRORS_SHOWN = 50  # `format_errors` lists this many, then says how many more

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
    co_owners: tuple[str, ...] = ()  # `owner = a;b`: the owners after the first
    # titles of the same quarter, each maybe needed by a date; None: the file has no such column
    depends_on: tuple[Need, ...] | None = None
    perspective: str | None = None  # of the scorecard, as the TOML lists it: "costs"


def parse_roadmap(
    text: str,
    *,
    committees: Collection[str],
    default_quarter: str,
    sheet: Iterable[tuple[int, list[str]]] | None = None,
    perspectives: Collection[str] | None = None,
) -> tuple[list[RoadmapRow], list[RowError]]:
    """Every data row of `text`, in file order, and every problem found in it.

    A row comes back even when some of its cells are wrong (those are left empty), so a
    caller can check more, e.g. resolve e-mails, and report everything at once: write the
    rows only when there are no errors. `default_quarter` fills empty quarter cells.
    """
    default = parse_quarter(default_quarter)
    errors: list[RowError] = []
    # `sheet`: (row number, cells) as a spreadsheet gives them, instead of `text`
    source = _records(text.removeprefix("\ufeff"), errors) if sheet is None else sheet
    records = (r for r in source if _any_text(r[1]))
    header = next(records, None)
    if header is None:
        return [], errors or [RowError(1, None, "the file is empty; " + _HEADER_HINT)]
    context = _context(header[1], _read_header(*header, errors), committees, default)
    if perspectives is not None:  # the TOML's; default: the built-in ones
        context = replace(context, perspectives=tuple(perspectives))
    rows = [_read_row(_Cells(line, cells, context, errors)) for line, cells in records]
    _check_duplicates(rows, errors)
    _check_needs(rows, errors)
    return rows, sort_errors(errors)


def format_errors(errors: Iterable[RowError], *, limit: int | None = None) -> str:
    """One line per error, e.g. `line 4: committee "codir" is not configured; known: comex`;
    past `limit` lines, one more says how many are left: `… and 2,840 more`."""
    ordered = sort_errors(errors)
    shown = ordered if limit is None else ordered[:limit]
    lines = [f"line {e.line}: {e.message}" for e in shown]
    if len(ordered) > len(shown):
        lines.append(f"… and {len(ordered) - len(shown):,} more")
    return "\n".join(lines)


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


def _unquoted(cell: str) -> str:
    """A cell our export wrote with a `'` so a spreadsheet runs no formula: as typed."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@") else cell


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
    perspectives: tuple[str, ...] = DEFAULT_PERSPECTIVES


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
                self.values[name] = _unquoted(cell.strip())
                self._check_length(name)
            elif cell.strip() and not self._headed(index):
                where = f'cell {index + 1} ("{cell.strip()}") is under no column'
                self.error(None, f"{where}; quote cells that contain the delimiter")

    def _check_length(self, name: str) -> None:
        limit, length = MAX_LENGTH.get(name), len(self.values[name])
        if limit is not None and length > limit:
            message = f"is {length:,} characters long; keep it to {limit:,}"
            self.error(name, f"{self.label(name)} {message} (Slack would not show it whole)")

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
    owner, *co_owners = _owners(cells)
    return RoadmapRow(
        line=cells.line,
        title=_title(cells),
        objective=cells.get("objective"),
        kpi_name=kpi_name,
        kpi_unit=kpi_unit,
        baseline=cells.parsed("baseline", parse_number, _NUMBER_HINT),
        target=cells.parsed("target", parse_number, _NUMBER_HINT),
        owner=owner,
        co_owners=tuple(co_owners),
        accountable=cells.parsed("accountable", _person, f"write {_ID_OR_EMAIL}"),
        consulted=_people(cells, "consulted"),
        informed=_people(cells, "informed"),
        committee=cells.parsed("committee", _committee_in(cells.context.committees)),
        due=cells.parsed("due", parse_date, "write YYYY-MM-DD (2026-12-15) or DD/MM/YYYY"),
        quarter=quarter or ("" if cells.get("quarter") else cells.context.default_quarter),
        kpi_source=cells.parsed("kpi_source", _source),
        depends_on=_needs(cells),
        perspective=cells.parsed("perspective", _perspective_in(cells.context.perspectives)),
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


def _owners(cells: _Cells) -> list[str]:
    """The owner, then any co-owners (`a;b`): never empty ("" when the cell is wrong)."""
    if not cells.get("owner") and "owner" in cells.context.columns.values():
        cells.error("owner", f"{cells.label('owner')} is empty; write {_ID_OR_EMAIL}")
        return [""]
    if not _LIST_SEPARATORS.search(cells.get("owner")):
        return [cells.parsed("owner", _person, f"write {_ID_OR_EMAIL}") or ""]
    return list(_people(cells, "owner")) or [""]


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


def _needs(cells: _Cells) -> tuple[Need, ...] | None:
    """`ERP phase 2 @ 2027-01-15; CRM`: titles separated by `;`, each maybe needed by a date."""
    if "depends_on" not in cells.context.columns.values():
        return None
    needs: dict[str, Need] = {}
    for item in re.split(r"[;\n]", cells.get("depends_on")):
        title, at, when = item.rpartition("@") if "@" in item else (item, "", "")
        title = " ".join(title.split())
        if not title:
            if item.strip():
                message = (
                    f'"{item.strip()}" names no initiative; write e.g. ERP phase 2 @ 2027-01-15'
                )
                cells.error("depends_on", f"{cells.label('depends_on')} {message}")
            continue
        hint = "write the needed-by date as YYYY-MM-DD (2027-01-15) or DD/MM/YYYY"
        needed_by = cells.parsed("depends_on", parse_date, hint, text=when) if at else None
        needs.setdefault(title.casefold(), Need(title, needed_by))
    return tuple(needs.values())


def _check_needs(rows: list[RoadmapRow], errors: list[RowError]) -> None:
    wanting = [Wanting(row.line, row.quarter, row.title, row.depends_on or ()) for row in rows]
    errors.extend(RowError(line, "depends_on", message) for line, message in check_needs(wanting))


def _perspective_in(perspectives: tuple[str, ...]) -> Callable[[str], str]:
    """A perspective of the TOML, by its name or a built-in one's French name (`coûts`)."""
    french = [french for english, french in FRENCH_NAMES.items() if english in perspectives]
    known = ", ".join(perspectives) + (f" (in French: {', '.join(french)})" if french else "")

    def perspective(text: str) -> str:
        found = perspective_of(text, perspectives)
        if found is None:
            raise ValueError(
                f'"{text}" is not a perspective; write one of {known}, '
                "or add it to perspectives = [...] in the configuration"
            )
        return found

    return perspective
