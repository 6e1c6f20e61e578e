"""Roadmap import and export against a real database and the Slack stand-in over HTTP."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.devtools.standin import SlackStandIn
from bot.services.roadmap import EXPORT_COLUMNS, ImportResult, export_roadmap, import_roadmap
from rituals.checkins import Answer, record_checkin
from rituals.db import make_engine, migrate
from rituals.models import Initiative
from rituals.status import Status

SAMPLES = Path(__file__).parents[2] / "bot" / "samples"
TOKEN = "xoxb-roadmap"
COMMITTEES = ("comex", "opscom")
USERS: dict[str, dict[str, Any]] = {
    "U0INES001": {"email": "Ines.Martin@example.com", "real_name": "Inès Martin"},
    "U0OWNER01": {"email": "owner1@example.com", "real_name": "Owner One"},
}
MONDAY = datetime(2026, 10, 5, 8, 0, tzinfo=UTC)
LATER = datetime(2026, 10, 19, 8, 0, tzinfo=UTC)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def slack() -> Iterator[SlackStandIn]:
    with SlackStandIn(users=USERS, token=TOKEN) as standin:
        yield standin


@pytest.fixture
def client(slack: SlackStandIn) -> WebClient:
    return WebClient(token=TOKEN, base_url=slack.url)


def sample(language: str = "en") -> str:
    return (SAMPLES / f"roadmap_{language}.csv").read_text(encoding="utf-8")


def load(engine: Engine, client: WebClient, text: str, now: datetime = MONDAY) -> ImportResult:
    return import_roadmap(
        engine=engine,
        client=client,
        text=text,
        committees=COMMITTEES,
        default_quarter="2026-Q4",
        now=now,
    )


def stored(engine: Engine) -> dict[str, Initiative]:
    with Session(engine) as session:
        return {i.title: i for i in session.exec(select(Initiative))}


def test_import_creates_the_sample_roadmap_with_emails_resolved(
    engine: Engine, client: WebClient, slack: SlackStandIn
) -> None:
    result = load(engine, client, sample())

    assert result == ImportResult(created=9, updated=0, unchanged=0, errors=[])
    initiatives = stored(engine)
    coach = initiatives["Managers-coach programme"]
    assert (coach.owner, coach.accountable, coach.committee) == ("U0INES001", "U0ACCT001", "opscom")
    assert (coach.kpi_name, coach.kpi_unit, coach.kpi_baseline, coach.kpi_target) == (
        "Managers trained",
        "people",
        0.0,
        40.0,
    )
    churn = initiatives["Reduce customer churn"]
    assert churn.consulted == ["U0OWNER03", "U0INES001"]
    assert (churn.due, churn.quarter, churn.status) == (date(2027, 3, 31), "2026-Q4", None)
    assert {i.created_at for i in initiatives.values()} == {MONDAY}
    # One lookup for Inès, who appears twice: the resolver caches.
    [lookup] = slack.calls("users.lookupByEmail")
    assert lookup.params["email"] == "ines.martin@example.com"


def test_the_french_sample_imports_the_same_roadmap(engine: Engine, client: WebClient) -> None:
    result = load(engine, client, sample("fr"))

    assert (result.created, result.errors) == (9, [])
    data = stored(engine)["Référentiel client unique"]
    assert (data.kpi_baseline, data.kpi_target, data.kpi_unit) == (12480.0, 1000.0, "fiches")


def test_reimporting_the_same_file_changes_nothing(engine: Engine, client: WebClient) -> None:
    load(engine, client, sample())
    before = stored(engine)

    again = load(engine, client, sample(), now=LATER)

    assert again == ImportResult(created=0, updated=0, unchanged=9, errors=[])
    after = stored(engine)
    assert {t: i.updated_at for t, i in after.items()} == {t: MONDAY for t in before}
    assert [i.model_dump() for i in after.values()] == [i.model_dump() for i in before.values()]


def test_an_edited_row_updates_only_its_initiative_and_keeps_its_status(
    engine: Engine, client: WebClient
) -> None:
    load(engine, client, sample())
    _record_status(engine, "Cut supplier lead time", Status.AT_RISK)
    edited = sample().replace(
        "Average supplier lead time (days),21,14", "Average supplier lead time (days),21,12"
    )

    result = load(engine, client, edited, now=LATER)

    assert result == ImportResult(created=0, updated=1, unchanged=8, errors=[])
    after = stored(engine)
    supplier = after.pop("Cut supplier lead time")
    assert (supplier.kpi_target, supplier.updated_at, supplier.status) == (12.0, LATER, "at_risk")
    assert supplier.created_at == MONDAY
    assert {i.updated_at for i in after.values()} == {MONDAY}


def _record_status(engine: Engine, title: str, status: Status) -> None:
    with Session(engine) as session:
        initiative = session.exec(select(Initiative).where(Initiative.title == title)).one()
        record_checkin(
            session=session,
            initiative=initiative,
            period="2026-W41",
            answer=Answer(status=status),
            source="message",
            author=initiative.owner,
            now=MONDAY,
        )
        session.commit()


def test_a_file_with_bad_rows_writes_nothing_and_reports_every_line(
    engine: Engine, client: WebClient
) -> None:
    load(engine, client, sample())
    lines = sample().splitlines()
    lines[1] = lines[1].replace(",30,", ",25,")  # a valid edit, which must not be applied
    lines[2] = lines[2].replace("U0OWNER02", "nobody@example.com")
    lines[3] = lines[3].replace(",comex,", ",codir,").replace("U0OWNER03,", "gone@example.com,")
    lines[4] = lines[4].replace("2027-01-29", "2027-02-30")
    lines[5] = lines[5].replace("U0OWNER05", "")
    lines[7] = lines[7].replace("U0OWNER05;U0OWNER03", "U0OWNER05;ghost@example.com")
    lines.append("New initiative,New objective,KPI (days),1,2,U0OWNER01,,,,opscom,,")

    result = load(engine, client, "\n".join(lines) + "\n", now=LATER)

    assert (result.created, result.updated, result.unchanged) == (0, 0, 0)
    assert [(e.line, e.column) for e in result.errors] == [
        (3, "owner"),
        (4, "owner"),
        (4, "committee"),
        (5, "due"),
        (6, "owner"),
        (8, "consulted"),
    ]
    assert result.errors[0].message == 'unknown e-mail "nobody@example.com" (no Slack user has it)'
    assert result.errors[2].message == 'committee "codir" is not configured; known: comex, opscom'
    initiatives = stored(engine)
    assert len(initiatives) == 9
    assert initiatives["Standardise new-hire onboarding"].kpi_target == 30.0
    assert {i.updated_at for i in initiatives.values()} == {MONDAY}


def test_a_slack_failure_other_than_unknown_user_is_raised_and_nothing_is_written(
    engine: Engine, client: WebClient, slack: SlackStandIn
) -> None:
    slack.fail("users.lookupByEmail", error="invalid_auth")

    with pytest.raises(SlackApiError):
        load(engine, client, sample())

    assert stored(engine) == {}


def test_a_naive_now_is_refused(engine: Engine, client: WebClient) -> None:
    with pytest.raises(ValueError, match="naive"):
        load(engine, client, sample(), now=datetime(2026, 10, 5, 8, 0))


def test_csv_export_has_status_and_imports_back_unchanged(
    engine: Engine, client: WebClient, tmp_path: Path
) -> None:
    load(engine, client, sample())
    _record_status(engine, "Reduce customer churn", Status.OFF_TRACK)

    exported = export_roadmap(engine=engine, fmt="csv")

    records = list(csv.DictReader(io.StringIO(exported)))
    assert tuple(records[0]) == EXPORT_COLUMNS
    churn = next(r for r in records if r["initiative"] == "Reduce customer churn")
    assert churn["status"] == "off_track"
    assert (churn["consulted"], churn["baseline"], churn["target"]) == (
        "U0OWNER03;U0INES001",
        "2.4",
        "1.8",
    )
    assert (churn["kpi"], churn["unit"], churn["due"]) == ("Monthly churn", "%", "2027-03-31")
    assert [(r["quarter"], r["committee"], r["initiative"]) for r in records] == sorted(
        (r["quarter"], r["committee"], r["initiative"]) for r in records
    )
    assert load(engine, client, exported, now=LATER) == ImportResult(0, 0, 9, [])

    fresh = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    migrate(fresh)
    assert load(fresh, client, exported) == ImportResult(9, 0, 0, [])
    assert export_roadmap(engine=fresh, fmt="csv") == exported.replace("off_track", "")
    fresh.dispose()


def test_json_export_has_the_same_keys_in_roadmap_order(engine: Engine, client: WebClient) -> None:
    text = (
        "initiative,owner,committee,quarter,consulted,baseline\n"
        "Zeta,U0OWNER01,comex,2026-Q4,,\n"
        "Alpha,U0OWNER01,opscom,2026-Q4,U0OWNER02;U0OWNER03,4.5\n"
        "Beta,U0OWNER01,comex,2026-Q4,,\n"
        "Gamma,U0OWNER01,,2027-Q1,,\n"
    )
    load(engine, client, text)

    objects = json.loads(export_roadmap(engine=engine, fmt="json"))

    assert [tuple(o) for o in objects] == [EXPORT_COLUMNS] * 4
    assert [o["initiative"] for o in objects] == ["Beta", "Zeta", "Alpha", "Gamma"]
    alpha = objects[2]
    assert (alpha["consulted"], alpha["baseline"], alpha["status"]) == (
        ["U0OWNER02", "U0OWNER03"],
        4.5,
        None,
    )


def test_an_empty_roadmap_exports_a_header_or_an_empty_list(engine: Engine) -> None:
    assert export_roadmap(engine=engine, fmt="csv") == ",".join(EXPORT_COLUMNS) + "\n"
    assert json.loads(export_roadmap(engine=engine, fmt="json")) == []
    with pytest.raises(ValueError, match="csv, json"):
        export_roadmap(engine=engine, fmt="xlsx")
