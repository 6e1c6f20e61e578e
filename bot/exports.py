"""Check-ins as CSV or JSON, the columns and order CONTRACT.md promises."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from rituals.models import CheckIn, Initiative

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
    query = select(CheckIn, Initiative).join(
        Initiative, col(Initiative.id) == CheckIn.initiative_id
    )
    if not history:
        query = query.where(col(CheckIn.is_current))
    query = query.order_by(col(CheckIn.period), col(Initiative.title), col(CheckIn.submitted_at))
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
            for checkin, initiative in session.exec(query)
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
