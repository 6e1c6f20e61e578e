"""Roadmap import and export: a CSV checked whole, e-mails resolved through Slack, then
upserted in one transaction; and the stored roadmap back out as CSV or JSON."""

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

from bot.services.exports import to_csv, to_json
from rituals.db import transaction
from rituals.models import Initiative
from rituals.roadmap import (
    ROADMAP_COLUMNS,
    RoadmapRow,
    RowError,
    is_user_id,
    parse_roadmap,
    sort_errors,
)
from rituals.store import initiatives

EXPORT_COLUMNS = (*ROADMAP_COLUMNS, "status")
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

    def __init__(self, client: WebClient) -> None:
        self._client = client
        self._cache: dict[str, tuple[str | None, str]] = {}

    def lookup(self, email: str) -> tuple[str | None, str]:
        """(user id, "") or (None, what is wrong with the address)."""
        key = email.casefold()
        if key not in self._cache:
            self._cache[key] = self._ask_slack(email)
        return self._cache[key]

    def _ask_slack(self, email: str) -> tuple[str | None, str]:
        try:
            user = self._client.users_lookupByEmail(email=email)["user"]
        except SlackApiError as exc:
            if exc.response.get("error") in _NOT_FOUND:
                return None, f'unknown e-mail "{email}" (no Slack user has it)'
            raise
        if user.get("deleted"):
            return None, f'e-mail "{email}" belongs to a deactivated Slack user'
        return str(user["id"]), ""

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
) -> ImportResult:
    """Check the whole file, then create or update its initiatives by (quarter, title).

    Any error, in any row, and nothing is written. An initiative whose fields already match
    is left alone (its `updated_at` does not move); `status` is never touched.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"{now!r} is naive; pass an aware datetime")
    rows, errors = parse_roadmap(text, committees=committees, default_quarter=default_quarter)
    resolver = EmailResolver(client)
    resolved: list[RoadmapRow] = []
    for row in rows:
        with_ids, problems = resolver.resolve(row)
        resolved.append(with_ids)
        errors.extend(problems)
    if errors:
        return ImportResult(0, 0, 0, sort_errors(errors))
    with transaction(engine) as session:
        created, updated, unchanged = _upsert(session, resolved, now)
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
        "accountable": row.accountable,
        "consulted": list(row.consulted),
        "informed": list(row.informed),
        "committee": row.committee,
        "due": row.due,
        "quarter": row.quarter,
        "kpi_source": row.kpi_source,
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


def export_roadmap(*, engine: Engine, fmt: str) -> str:
    """The roadmap with each initiative's latest status, by quarter, committee and title.

    CSV has the import's columns plus `status` (lists joined with `;`) and imports back
    unchanged; JSON is a list of objects with the same keys (lists as lists).
    """
    if fmt not in FORMATS:
        raise ValueError(f'unknown format "{fmt}"; use one of {", ".join(FORMATS)}')
    records = [_record(i) for i in _initiatives(engine)]
    if fmt == "json":
        return to_json(records)
    return to_csv([_flat(record) for record in records], EXPORT_COLUMNS)


def _initiatives(engine: Engine) -> list[Initiative]:
    with Session(engine) as session:
        return initiatives.every(session=session)


def _record(initiative: Initiative) -> dict[str, Any]:
    return {
        "initiative": initiative.title,
        "objective": initiative.objective,
        "kpi": initiative.kpi_name,
        "unit": initiative.kpi_unit,
        "kpi_source": initiative.kpi_source,
        "baseline": initiative.kpi_baseline,
        "target": initiative.kpi_target,
        "owner": initiative.owner,
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
    for key in ("baseline", "target"):
        value = record[key]
        flat[key] = None if value is None else _plain(value)
    return flat


def _plain(value: float) -> str:
    """No exponent, as the import reads numbers: 45.0 → 45, 1e-07 → 0.0000001."""
    return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
