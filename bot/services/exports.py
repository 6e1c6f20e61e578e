"""Check-ins, decisions and escalations as CSV or JSON, the columns and order CONTRACT.md
promises; written a row at a time as the database streams them, whatever their number."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import Engine
from sqlmodel import Session

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
)


def _stamp(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def checkin_records(engine: Engine, *, history: bool = False) -> Iterator[dict[str, Any]]:
    """Current answers (and, with history, the ones they replaced), oldest first, as read."""
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
            }


def checkin_rows(engine: Engine, *, history: bool = False) -> list[dict[str, Any]]:
    """`checkin_records`, all at once (for a small workspace, the demo)."""
    return list(checkin_records(engine, history=history))


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> None:
    """A header, then a line per row, as they come."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if row.get(k) is None else row[k] for k in columns] for row in rows)


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
    rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO, *, fmt: str
) -> None:
    if fmt == "csv":
        write_csv(rows, columns, out)
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
    "follow_up_owner", "due", "tally", "arbitration_id", "initiative", "carried_out",
)  # fmt: skip


def _tally_text(tally: dict[str, Any]) -> str:
    pairs = zip(tally.get("options", []), tally.get("counts", []), strict=False)
    votes = "; ".join(f"{option}: {count}" for option, count in pairs)
    return f"{votes} ({tally.get('voted', 0)} of {tally.get('members', 0)} voted)" if votes else ""


def decision_records(engine: Engine, *, for_csv: bool = True) -> Iterator[dict[str, Any]]:
    """The decision log, oldest first; the tally as text in CSV, as an object in JSON."""
    with Session(engine) as session:
        for decision, initiative in store.decisions(session=session):
            yield {
                "decided_at": _stamp(decision.decided_at),
                "committee": decision.committee,
                "question": decision.question,
                "decision": "deferred" if decision.deferred else decision.decision,
                "rationale": decision.rationale,
                "decided_by": decision.decided_by,
                "follow_up_owner": decision.follow_up_owner,
                "due": decision.due.isoformat() if decision.due else None,
                "tally": _tally_text(decision.tally) if for_csv else decision.tally,
                "arbitration_id": decision.arbitration_id,
                "initiative": initiative.title if initiative else None,
                "carried_out": decision.carried_out,
            }


def decision_rows(engine: Engine, *, for_csv: bool = True) -> list[dict[str, Any]]:
    return list(decision_records(engine, for_csv=for_csv))


ESCALATION_COLUMNS = (
    "initiative", "owner", "accountable", "cause", "level", "opened_at", "raised_at",
    "resolved_at", "resolution",
)  # fmt: skip


def escalation_records(engine: Engine) -> Iterator[dict[str, Any]]:
    """Every escalation, open and resolved, oldest first."""
    with Session(engine) as session:
        for row in store.escalations(session=session):
            title, owner, accountable, cause, level, opened, raised, resolved, resolution = row
            yield {
                "initiative": title,
                "owner": owner,
                "accountable": accountable,
                "cause": cause,
                "level": level,
                "opened_at": _stamp(opened),
                "raised_at": _stamp(raised),
                "resolved_at": _stamp(resolved),
                "resolution": resolution,
            }


def escalation_rows(engine: Engine) -> list[dict[str, Any]]:
    return list(escalation_records(engine))
