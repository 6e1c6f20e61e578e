"""Check-ins, decisions and escalations as CSV or JSON, the columns and order CONTRACT.md
promises; written a row at a time as the database streams them, whatever their number."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any, TextIO

from sqlalchemy import Engine
from sqlmodel import Session

from bot.services import sheets
from bot.services.commitments import commitment_of
from bot.services.names import Names
from rituals.decisions import status_of
from rituals.store import dependencies
from rituals.store import exports as store

CHECKIN_COLUMNS = (
    "initiative",
    "owner",
    "period",
    "status",
    "progress",
    "kpi_value",
    "blockers",
    "submitted_at",
    "source",
    "owner_name",  # CONTRACT.md: after `source`, and any later column after it
)


def _stamp(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def checkin_records(
    engine: Engine, *, history: bool = False, names: Names | None = None
) -> Iterator[dict[str, Any]]:
    """Current answers (and, with history, the ones they replaced), oldest first, as read."""
    names = names or Names()
    with Session(engine) as session:
        for title, owner, period, status, progress, kpi, blockers, at, source in store.checkins(
            session=session, history=history
        ):
            yield {
                "initiative": title,
                "owner": owner,
                "period": period,
                "status": status or "",
                "progress": progress,
                "kpi_value": kpi,
                "blockers": blockers or "",
                "submitted_at": _stamp(at),
                "source": source,
                "owner_name": names.of(owner),
            }


def checkin_rows(
    engine: Engine, *, history: bool = False, names: Names | None = None
) -> list[dict[str, Any]]:
    """`checkin_records`, all at once (for a small workspace, the demo)."""
    return list(checkin_records(engine, history=history, names=names))


def write_csv(
    rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO, *, excel: bool = False
) -> None:
    """A header, then a line per row, as they come; formulas neutralised (`sheets`)."""
    sheets.write_csv(rows, columns, out, excel=excel)


def write_json(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    """`json.dumps(list(rows), ensure_ascii=False, indent=2)`, written a row at a time."""
    first = True
    for row in rows:
        out.write("[\n" if first else ",\n")
        first = False
        if all(not isinstance(value, dict | list) for value in row.values()):
            # flat: the same text, from the C encoder (`indent` would take the slow one)
            body = json.dumps(row, ensure_ascii=False, separators=(",\n    ", ": "))
            out.write("  {\n    " + body[1:-1] + "\n  }" if row else "  {}")
        else:
            out.write("\n".join("  " + line for line in _indented(row)))
    out.write("[]\n" if first else "\n]\n")


def _indented(row: dict[str, Any]) -> list[str]:
    return json.dumps(row, ensure_ascii=False, indent=2).split("\n")


def write(
    rows: Iterable[dict[str, Any]],
    columns: tuple[str, ...],
    out: TextIO,
    *,
    fmt: str,
    excel: bool = False,
) -> None:
    if fmt == "csv":
        write_csv(rows, columns, out, excel=excel)
    else:
        write_json(rows, out)


def to_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    write_csv(rows, columns, out)
    return out.getvalue()


def to_json(rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    write_json(rows, out)
    return out.getvalue()


DECISION_COLUMNS = (
    "decided_at", "committee", "question", "decision", "rationale", "decided_by",
    "decided_by_name", "follow_up_owner", "follow_up_owner_name", "due", "tally",
    "arbitration_id", "initiative", "carried_out",
    "id", "status", "review_on", "supersedes", "blocked_reason",
    "no_quorum",
)  # fmt: skip


def _tally_text(tally: dict[str, Any]) -> str:
    pairs = zip(tally.get("options", []), tally.get("counts", []), strict=False)
    votes = "; ".join(f"{option}: {count}" for option, count in pairs)
    return f"{votes} ({tally.get('voted', 0)} of {tally.get('members', 0)} voted)" if votes else ""


def decision_records(
    engine: Engine,
    *,
    for_csv: bool = True,
    names: Names | None = None,
    today: date | None = None,
) -> Iterator[dict[str, Any]]:
    """The decision log, oldest first; the tally as text in CSV, as an object in JSON; its
    status as of `today` (default: today in UTC)."""
    names = names or Names()
    today = today or datetime.now(UTC).date()
    with Session(engine) as session:
        later = store.superseded(session=session)
        for decision, initiative in store.decisions(session=session):
            commitment = commitment_of(decision, later)
            yield {
                "decided_at": _stamp(decision.decided_at),
                "committee": decision.committee,
                "question": decision.question,
                "decision": "deferred" if decision.deferred else decision.decision,
                "rationale": decision.rationale,
                "decided_by": decision.decided_by,
                "decided_by_name": names.of(decision.decided_by),
                "follow_up_owner": decision.follow_up_owner,
                "follow_up_owner_name": names.of(decision.follow_up_owner),
                "due": decision.due.isoformat() if decision.due else None,
                "tally": _tally_text(decision.tally) if for_csv else decision.tally,
                "arbitration_id": decision.arbitration_id,
                "initiative": initiative.title if initiative else None,
                "carried_out": decision.carried_out,
                "id": decision.id,
                "status": status_of(commitment, today=today).value,
                "review_on": decision.review_on.isoformat() if decision.review_on else None,
                "supersedes": decision.supersedes_id,
                "blocked_reason": decision.blocked_reason,
                # its poll fell short of the committee's quorum (taken anyway, or deferred)
                "no_quorum": decision.no_quorum,
            }


def decision_rows(
    engine: Engine, *, for_csv: bool = True, names: Names | None = None
) -> list[dict[str, Any]]:
    return list(decision_records(engine, for_csv=for_csv, names=names))


ESCALATION_COLUMNS = (
    "initiative", "owner", "owner_name", "accountable", "accountable_name", "cause", "level",
    "opened_at", "raised_at",
    "resolved_at", "resolution", "decision_id",
)  # fmt: skip


def escalation_records(engine: Engine, *, names: Names | None = None) -> Iterator[dict[str, Any]]:
    """Every escalation, open and resolved, oldest first."""
    names = names or Names()
    with Session(engine) as session:
        for row in store.escalations(session=session):
            title, owner, accountable, cause, level, opened, raised, resolved, resolution = row[:9]
            yield {
                "initiative": title,
                "owner": owner,
                "owner_name": names.of(owner),
                "accountable": accountable,
                "accountable_name": names.of(accountable),
                "cause": cause,
                "level": level,
                "opened_at": _stamp(opened),
                "raised_at": _stamp(raised),
                "resolved_at": _stamp(resolved),
                "resolution": resolution,
                "decision_id": row[9],  # a decision past its due date (else empty)
            }


def escalation_rows(engine: Engine, *, names: Names | None = None) -> list[dict[str, Any]]:
    return list(escalation_records(engine, names=names))


DEPENDENCY_COLUMNS = (
    "quarter", "dependent", "dependent_owner", "dependent_owner_name", "provider",
    "provider_owner", "provider_owner_name", "needed_by", "state", "decided_by",
    "decided_by_name", "decided_at", "reason", "last_alert", "alerted_at",
)  # fmt: skip


def dependency_records(engine: Engine, *, names: Names | None = None) -> Iterator[dict[str, Any]]:
    """Every dependency between initiatives, by quarter, dependent and provider title."""
    names = names or Names()
    with Session(engine) as session:
        for dependency, dependent, provider in dependencies.linked(session=session):
            yield {
                "quarter": dependent.quarter,
                "dependent": dependent.title,
                "dependent_owner": dependent.owner,
                "dependent_owner_name": names.of(dependent.owner),
                "provider": provider.title,
                "provider_owner": provider.owner,
                "provider_owner_name": names.of(provider.owner),
                "needed_by": dependency.needed_by.isoformat() if dependency.needed_by else None,
                "state": dependency.state,
                "decided_by": dependency.decided_by,
                "decided_by_name": names.of(dependency.decided_by),
                "decided_at": _stamp(dependency.decided_at),
                "reason": dependency.reason,
                "last_alert": dependency.last_alert,
                "alerted_at": _stamp(dependency.alerted_at),
            }


def dependency_rows(engine: Engine, *, names: Names | None = None) -> list[dict[str, Any]]:
    return list(dependency_records(engine, names=names))
