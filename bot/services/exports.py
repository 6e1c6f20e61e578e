"""Check-ins as CSV or JSON, the columns and order CONTRACT.md promises."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

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


def checkin_rows(engine: Engine, *, history: bool = False) -> list[dict[str, Any]]:
    """Current answers (and, with history, the ones they replaced), oldest first."""
    with Session(engine) as session:
        return [
            {
                "initiative": initiative.title,
                "owner": initiative.owner,
                "period": checkin.period,
                "status": checkin.status or "",
                "progress": checkin.progress,
                "kpi_value": checkin.kpi_value,
                "blockers": checkin.blockers or "",
                "submitted_at": checkin.submitted_at.isoformat().replace("+00:00", "Z"),
                "source": checkin.source,
            }
            for checkin, initiative in store.checkins(session=session, history=history)
        ]


def to_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in columns})
    return out.getvalue()


def to_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


DECISION_COLUMNS = (
    "decided_at", "committee", "question", "decision", "rationale", "decided_by",
    "follow_up_owner", "due", "tally", "arbitration_id", "initiative", "carried_out",
)  # fmt: skip


def _tally_text(tally: dict[str, Any]) -> str:
    pairs = zip(tally.get("options", []), tally.get("counts", []), strict=False)
    votes = "; ".join(f"{option}: {count}" for option, count in pairs)
    return f"{votes} ({tally.get('voted', 0)} of {tally.get('members', 0)} voted)" if votes else ""


def decision_rows(engine: Engine, *, for_csv: bool = True) -> list[dict[str, Any]]:
    """The decision log, oldest first; the tally as text in CSV, as an object in JSON."""
    with Session(engine) as session:
        return [
            {
                "decided_at": decision.decided_at.isoformat().replace("+00:00", "Z"),
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
            for decision, initiative in store.decisions(session=session)
        ]


ESCALATION_COLUMNS = (
    "initiative", "owner", "accountable", "cause", "level", "opened_at", "raised_at",
    "resolved_at", "resolution",
)  # fmt: skip


def escalation_rows(engine: Engine) -> list[dict[str, Any]]:
    """Every escalation, open and resolved, oldest first."""

    def stamp(moment: Any) -> str | None:
        return moment.isoformat().replace("+00:00", "Z") if moment else None

    with Session(engine) as session:
        return [
            {
                "initiative": initiative.title,
                "owner": initiative.owner,
                "accountable": initiative.accountable,
                "cause": escalation.cause,
                "level": escalation.level,
                "opened_at": stamp(escalation.opened_at),
                "raised_at": stamp(escalation.raised_at),
                "resolved_at": stamp(escalation.resolved_at),
                "resolution": escalation.resolution,
            }
            for escalation, initiative in store.escalations(session=session)
        ]
