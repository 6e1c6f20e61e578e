"""Roadmap import and export: a CSV checked whole, e-mails resolved through Slack, then
upserted in one transaction; and the stored roadmap back out as CSV or JSON.

Past 300 lines: import and export in one place, grown this round by the perspective,
depends_on and co-owner columns; import and export are the split to make next.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine
from sqlmodel import Session

from bot.services.email_lookup import Lookups, Progress
from bot.services.exports import to_csv, to_json
from bot.services.names import Names
from rituals.db import transaction
from rituals.models import Initiative
from rituals.owners import owners_of
from rituals.roadmap import (
    ERRORS_SHOWN,
    ROADMAP_COLUMNS,
    RoadmapRow,
    RowError,
    is_user_id,
    parse_roadmap,
    sort_errors,
)
from rituals.store import dependencies, initiatives

_NAMED = {"owner": "owner_name", "accountable": "accountable_name"}  # a name beside each id
EXPORT_COLUMNS = (
    *(c for column in ROADMAP_COLUMNS for c in (column, _NAMED.get(column)) if c),
    "status",
)
FORMATS = ("csv", "json")
_NOT_FOUND = ("users_not_found", "user_not_found")


@dataclass(frozen=True)
class ImportResult:
    """What an import did; with errors, it did nothing."""

    created: int
    updated: int
    unchanged: int
    errors: list[RowError]


class EmailResolver:
    """E-mails to Slack user ids, one `users.lookupByEmail` per distinct address.

    A Slack error other than "no such user" (auth, network) is raised, not reported per row.
    """

    def __init__(self, client: WebClient, lookups: Lookups | None = None) -> None:
        self._client = client
        self._lookups = lookups or Lookups(client)  # paced, retried on 429, cached
        self._cache: dict[str, tuple[str | None, str]] = {}

    def lookup(self, email: str) -> tuple[str | None, str]:
        """(user id, "") or (None, what is wrong with the address)."""
        key = email.casefold()
        if key not in self._cache:
            self._cache[key] = self._ask_slack(email)
        return self._cache[key]

    def _ask_slack(self, email: str) -> tuple[str | None, str]:
        try:
            user = self._lookups.user(email)
        except SlackApiError as exc:
            if exc.response.get("error") in _NOT_FOUND:
                return None, f'unknown e-mail "{email}" (no Slack user has it)'
            raise
        if user.get("deleted"):
            return None, f'e-mail "{email}" belongs to a deactivated Slack user'
        return str(user["id"]), ""

    def prefetch(self, rows: list[RoadmapRow], progress: Progress | None = None) -> None:
        """Ask Slack for every address of `rows` at once, paced, reporting progress."""
        emails = [
            person
            for row in rows
            for person in (
                row.owner,
                *getattr(row, "co_owners", ()),
                row.accountable or "",
                *row.consulted,
                *row.informed,
            )
            if person and not is_user_id(person)
        ]
        self._lookups.prefetch(emails, progress)

    def resolve(self, row: RoadmapRow) -> tuple[RoadmapRow, list[RowError]]:
        """The row with Slack ids for e-mails, and an error per address Slack does not know."""
        errors: list[RowError] = []

        def user_id(person: str, column: str) -> str:
            if not person or is_user_id(person):
                return person
            found, problem = self.lookup(person)
            if found is None:
                errors.append(RowError(row.line, column, problem))
            return found or ""

        def user_ids(people: tuple[str, ...], column: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(p for p in (user_id(x, column) for x in people) if p))

        resolved = replace(
            row,
            owner=user_id(row.owner, "owner"),
            co_owners=user_ids(row.co_owners, "owner"),
            accountable=user_id(row.accountable or "", "accountable") or None,
            consulted=user_ids(row.consulted, "consulted"),
            informed=user_ids(row.informed, "informed"),
        )
        return resolved, errors


def import_roadmap(
    *,
    engine: Engine,
    client: WebClient,
    text: str,
    committees: Collection[str],
    default_quarter: str,
    now: datetime,
    sheet: list[tuple[int, list[str]]] | None = None,
    progress: Progress | None = None,
    perspectives: Collection[str] | None = None,
    lookups: Lookups | None = None,
) -> ImportResult:
    """Check the whole file, then create or update its initiatives by (quarter, title).

    Any error, in any row, and nothing is written. An initiative whose fields already match
    is left alone (its `updated_at` does not move); `status` is never touched.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"{now!r} is naive; pass an aware datetime")
    rows, errors = parse_roadmap(
        text,
        committees=committees,
        default_quarter=default_quarter,
        sheet=sheet,
        perspectives=perspectives,
    )
    if len(errors) > ERRORS_SHOWN:  # a broken file: no point asking Slack about it
        return ImportResult(0, 0, 0, sort_errors(errors))
    resolver = EmailResolver(client, lookups)
    resolver.prefetch(rows, progress)
    resolved: list[RoadmapRow] = []
    for row in rows:
        with_ids, problems = resolver.resolve(row)
        resolved.append(with_ids)
        errors.extend(problems)
    if errors:
        return ImportResult(0, 0, 0, sort_errors(errors))
    with transaction(engine) as session:
        created, updated, unchanged = _upsert(session, resolved, now)
        dependencies.link(session=session, rows=_needs(resolved), now=now)
    return ImportResult(created, updated, unchanged, [])


def _fields(row: RoadmapRow) -> dict[str, Any]:
    """The Initiative columns a roadmap row sets."""
    return {
        "title": row.title,
        "objective": row.objective,
        "kpi_name": row.kpi_name,
        "kpi_unit": row.kpi_unit,
        "kpi_baseline": row.baseline,
        "kpi_target": row.target,
        "owner": row.owner,
        "co_owners": [p for p in row.co_owners if p != row.owner],
        "accountable": row.accountable,
        "consulted": list(row.consulted),
        "informed": list(row.informed),
        "committee": row.committee,
        "due": row.due,
        "quarter": row.quarter,
        "kpi_source": row.kpi_source,
        "perspective": row.perspective,
    }


def _upsert(session: Session, rows: list[RoadmapRow], now: datetime) -> tuple[int, int, int]:
    quarters = sorted({row.quarter for row in rows})
    stored = {
        (i.quarter, i.title): i for i in initiatives.of_quarters(session=session, quarters=quarters)
    }
    created = updated = 0
    for row in rows:
        fields = _fields(row)
        initiative = stored.get((row.quarter, row.title))
        if initiative is None:
            session.add(Initiative(**fields, created_at=now, updated_at=now))
            created += 1
        elif any(getattr(initiative, name) != value for name, value in fields.items()):
            initiative.sqlmodel_update(fields)
            initiative.updated_at = now
            session.add(initiative)
            updated += 1
    return created, updated, len(rows) - created - updated


def _needs(rows: list[RoadmapRow]) -> list[tuple[str, str, list[tuple[str, Any]] | None]]:
    """Each row's dependencies, for `dependencies.link` (None: the file has no such column)."""
    return [
        (
            r.quarter,
            r.title,
            None if r.depends_on is None else [(n.title, n.needed_by) for n in r.depends_on],
        )
        for r in rows
    ]


def export_roadmap(*, engine: Engine, fmt: str, names: Names | None = None) -> str:
    """The roadmap with each initiative's latest status, by quarter, committee and title.

    CSV has the import's columns plus `status` (lists joined with `;`) and imports back
    unchanged; JSON is a list of objects with the same keys (lists as lists).
    """
    if fmt not in FORMATS:
        raise ValueError(f'unknown format "{fmt}"; use one of {", ".join(FORMATS)}')
    records = roadmap_rows(engine=engine, names=names, for_csv=fmt == "csv")
    return to_json(records) if fmt == "json" else to_csv(records, EXPORT_COLUMNS)


def roadmap_rows(
    *, engine: Engine, names: Names | None = None, for_csv: bool = True
) -> list[dict[str, Any]]:
    """The export's records, people named beside their ids: as CSV cells (`for_csv`),
    else with lists as lists."""
    records = [_record(i) for i in _initiatives(engine)]
    needs = _depends_on(engine)
    for record in records:
        record["depends_on"] = needs.get(record.pop("_id"), [])
    records = [_named(record, names or Names()) for record in records]
    # the keys in the columns' order, whichever order they were added in
    records = [{k: r[k] for k in EXPORT_COLUMNS if k in r} | r for r in records]
    return [_flat(record) for record in records] if for_csv else records


def _named(record: dict[str, Any], names: Names) -> dict[str, Any]:
    """`owner_name` after `owner`, `accountable_name` after `accountable`."""
    named: dict[str, Any] = {}
    for key, value in record.items():
        named[key] = value
        if key in _NAMED:
            named[_NAMED[key]] = names.of(value)
    return named


def _initiatives(engine: Engine) -> list[Initiative]:
    with Session(engine) as session:
        return initiatives.every(session=session)


def _depends_on(engine: Engine) -> dict[int, list[str]]:
    """Each dependent's `depends_on` items, as the import reads them back."""
    found: dict[int, list[str]] = {}
    with Session(engine) as session:
        for dependency, _, provider in dependencies.linked(session=session):
            at = f" @ {dependency.needed_by.isoformat()}" if dependency.needed_by else ""
            found.setdefault(dependency.dependent_id, []).append(provider.title + at)
    return found


def _record(initiative: Initiative) -> dict[str, Any]:
    return {
        "_id": initiative.id,
        "initiative": initiative.title,
        "objective": initiative.objective,
        "kpi": initiative.kpi_name,
        "unit": initiative.kpi_unit,
        "kpi_source": initiative.kpi_source,
        "perspective": initiative.perspective,
        "baseline": initiative.kpi_baseline,
        "target": initiative.kpi_target,
        "owner": ";".join(owners_of(initiative)),
        "accountable": initiative.accountable,
        "consulted": list(initiative.consulted),
        "informed": list(initiative.informed),
        "committee": initiative.committee,
        "due": initiative.due.isoformat() if initiative.due else None,
        "quarter": initiative.quarter,
        "status": initiative.status,
    }


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    """A record as CSV cells: lists joined with `;`, 45.0 written 45."""
    flat = dict(record)
    for key in ("consulted", "informed"):
        flat[key] = ";".join(record[key])
    flat["depends_on"] = "; ".join(record["depends_on"])
    for key in ("baseline", "target"):
        value = record[key]
        flat[key] = None if value is None else _plain(value)
    return flat


def _plain(value: float) -> str:
    """No exponent, as the import reads numbers: 45.0 → 45, 1e-07 → 0.0000001."""
    return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
