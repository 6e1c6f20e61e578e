"""Dependencies between initiatives end to end: imported from the roadmap CSV, put once to the
provider's owner who accepts or refuses in Slack (a refusal queued for the committee), a
provider off track told once to the dependent's owner and both accountables, the digest
marking the dependent, and `ritualbot export dependencies`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from slack_sdk import WebClient
from sqlmodel import Session

from bot.__main__ import main
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.services.exports import DEPENDENCY_COLUMNS
from bot.services.roadmap import ImportResult, export_roadmap, import_roadmap
from rituals.models import ArbitrationRequest, Dependency, Initiative
from tests.blockkit import texts
from tests.factories import Clock
from tests.slackbot import bot_environ, run_ritual, running_bot

PARIS = ZoneInfo("Europe/Paris")
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=PARIS)  # 2026-W48
ERP_OWNER, BILLING_OWNER, DATA_OWNER = "U0OWNER01", "U0OWNER02", "U0OWNER03"
ERP_ACCOUNTABLE, BILLING_ACCOUNTABLE = "U0ACCT001", "U0ACCT002"
ROADMAP = f"""initiative,owner,accountable,committee,quarter,depends_on
ERP phase 2,{ERP_OWNER},{ERP_ACCOUNTABLE},comex,2026-Q4,
Billing revamp,{BILLING_OWNER},{BILLING_ACCOUNTABLE},comex,2026-Q4,ERP phase 2 @ 2026-12-15
Data lake,{DATA_OWNER},,comex,2026-Q4,ERP phase 2
"""


def day(n: int, hour: int = 8) -> datetime:
    return (MONDAY + timedelta(days=n)).replace(hour=hour)


def load(bot: LocalBot, standin: SlackStandIn, text: str) -> ImportResult:
    return import_roadmap(
        engine=bot.engine,
        client=WebClient(token=standin.token, base_url=standin.url),
        text=text,
        committees=("comex", "opscom"),
        default_quarter="2026-Q4",
        now=MONDAY,
    )


@pytest.fixture
def world(
    tmp_path: Path, standin: SlackStandIn, database_url: str
) -> Iterator[tuple[LocalBot, Clock]]:
    """The roadmap imported, on SQLite and (when configured) PostgreSQL."""
    clock = Clock(MONDAY)
    with running_bot(bot_environ(tmp_path, standin, database_url), standin, clock=clock) as bot:
        assert load(bot, standin, ROADMAP).errors == []
        yield bot, clock


def dependency_of(bot: LocalBot, dependent: str) -> Dependency:
    ids = {i.id: i.title for i in bot.rows(Initiative)}
    [found] = [d for d in bot.rows(Dependency) if ids[d.dependent_id] == dependent]
    return found


def told(standin: SlackStandIn) -> list[str]:
    """What the bot answered privately through response URLs, in order."""
    return [call.params["text"] for call in standin.calls("response_url")]


def test_a_cycle_is_an_import_error_with_its_lines_and_nothing_is_written(
    tmp_path: Path, standin: SlackStandIn, sqlite_url: str
) -> None:
    cyclic = ROADMAP.replace(
        "ERP phase 2,U0OWNER01,U0ACCT001,comex,2026-Q4,",
        "ERP phase 2,U0OWNER01,U0ACCT001,comex,2026-Q4,Data lake",
    )
    with running_bot(bot_environ(tmp_path, standin, sqlite_url), standin) as bot:
        result = load(bot, standin, cyclic)
        assert [(e.line, e.column) for e in result.errors] == [(2, "depends_on")]
        assert 'line 2 ("ERP phase 2") → line 4 ("Data lake") → line 2' in result.errors[0].message
        assert bot.rows(Initiative) == [] and bot.rows(Dependency) == []


def test_the_provider_owner_is_asked_once_and_accepts_one_and_refuses_the_other(
    world: tuple[LocalBot, Clock], standin: SlackStandIn
) -> None:
    bot, clock = world
    billing, data = dependency_of(bot, "Billing revamp"), dependency_of(bot, "Data lake")
    assert (billing.state, str(billing.needed_by), data.needed_by) == (
        "proposed",
        "2026-12-15",
        None,
    )

    run_ritual(bot, "escalation", now=day(0))
    run_ritual(bot, "escalation", now=day(1))  # asked once, not every morning
    bot.settled()
    [question] = standin.messages(ERP_OWNER)
    said = texts(question)
    assert (
        "*Billing revamp* (owner: Owner 2) depends on your *ERP phase 2*, needed by Dec 15, 2026"
        in said
    )
    assert "*Data lake* (owner: Owner 3) depends on your *ERP phase 2*." in said
    assert standin.messages(BILLING_OWNER) == [] and standin.messages(DATA_OWNER) == []

    clock.now = day(1, 10)
    bot.click("U0STRANGE", question, "dependency_accept", block=f"dependency-{billing.id}")
    bot.settled()
    assert "Only the owner of *ERP phase 2*" in told(standin)[-1]
    assert dependency_of(bot, "Billing revamp").state == "proposed"

    bot.click(ERP_OWNER, question, "dependency_accept", block=f"dependency-{billing.id}")
    bot.settled()
    accepted = dependency_of(bot, "Billing revamp")
    assert (accepted.state, accepted.decided_by) == ("accepted", ERP_OWNER)
    assert "Accepted: *Billing revamp* can count on *ERP phase 2*" in told(standin)[-1]
    bot.click(ERP_OWNER, question, "dependency_accept", block=f"dependency-{billing.id}")
    bot.settled()
    assert "already answered (accepted by Owner 1)" in told(standin)[-1]

    bot.click(ERP_OWNER, question, "dependency_refuse", block=f"dependency-{data.id}")
    bot.settled()
    view = standin.calls("views.open")[-1].params["view"]
    assert "*Data lake* depends on your *ERP phase 2*" in texts(view)
    assert dependency_of(bot, "Data lake").state == "proposed"  # nothing until submitted
    response = bot.submit(ERP_OWNER, view, {"reason": "No capacity before Q1"})
    assert response.status_code == 200
    bot.settled()
    refused = dependency_of(bot, "Data lake")
    assert (refused.state, refused.reason) == ("refused", "No capacity before Q1")
    [request] = bot.rows(ArbitrationRequest)
    assert (request.committee, request.initiative_id) == ("comex", refused.dependent_id)
    assert request.requested_by == ERP_OWNER
    assert request.text == (
        "Dependency refused: Data lake (owner: Owner 3) depends on ERP phase 2 "
        "(owner: Owner 1), who refused it: No capacity before Q1"
    )
    assert "arbitration queue of comex" in texts(standin.messages(ERP_OWNER)[-1])


def test_a_provider_off_track_is_told_once_to_the_dependent_owner_and_both_accountables(
    world: tuple[LocalBot, Clock], standin: SlackStandIn
) -> None:
    bot, clock = world
    run_ritual(bot, "escalation", now=day(0))  # the question to ERP's owner
    clock.now = day(0, 11)
    bot.dm(ERP_OWNER, "red, 40%")
    bot.settled()
    assert {i.title: i.status for i in bot.rows(Initiative)}["ERP phase 2"] == "off_track"

    run_ritual(bot, "escalation", now=day(1))
    run_ritual(bot, "escalation", now=day(2))  # the same trouble: nothing more
    bot.settled()
    alert = (
        ":warning: *Billing revamp* is at risk through its dependency: *ERP phase 2* "
        "(owner: Owner 1) is off track."
    )
    data_alert = alert.replace("Billing revamp", "Data lake")
    for person, alerts in (
        (BILLING_OWNER, [alert]),
        (BILLING_ACCOUNTABLE, [alert]),
        (DATA_OWNER, [data_alert]),
        (ERP_ACCOUNTABLE, [alert, data_alert]),  # accountable of the provider, twice depended on
    ):
        assert [m["text"] for m in standin.messages(person)] == alerts, person
    assert dependency_of(bot, "Billing revamp").last_alert == "off_track"

    run_ritual(bot, "digest", now=day(4, 16))
    bot.settled()
    thread = "\n".join(texts(m) for m in standin.messages("C0COMEX01"))
    assert "Billing revamp" in thread
    assert "at risk through its dependency on ERP phase 2" in thread


def test_an_owner_about_to_be_reminded_reads_the_alert_in_the_reminder(
    world: tuple[LocalBot, Clock], standin: SlackStandIn
) -> None:
    bot, clock = world
    run_ritual(bot, "checkin", now=day(0, 9))  # every owner is prompted for the week
    clock.now = day(0, 11)
    bot.dm(ERP_OWNER, "red, 40%")
    bot.settled()

    run_ritual(bot, "escalation", now=day(1))
    bot.settled()
    [prompt] = standin.messages(BILLING_OWNER)  # no second DM: the reminder is coming
    assert "at risk through its dependency" not in texts(prompt)
    assert len(standin.messages(BILLING_ACCOUNTABLE)) == 1  # not prompted: told at once

    run_ritual(bot, "reminder", now=day(2, 9))
    bot.settled()
    [reminder] = [m for m in standin.messages(BILLING_OWNER) if m.get("thread_ts")]
    assert "*Billing revamp* is at risk through its dependency" in texts(reminder)


def test_the_roadmap_export_imports_back_with_its_dependencies_and_their_answers(
    world: tuple[LocalBot, Clock], standin: SlackStandIn
) -> None:
    bot, _ = world
    with Session(bot.engine) as session:
        found = session.get(Dependency, dependency_of(bot, "Billing revamp").id)
        assert found is not None
        found.state, found.decided_by = "accepted", ERP_OWNER
        session.add(found)
        session.commit()
    exported = export_roadmap(engine=bot.engine, fmt="csv")
    cells = {r["initiative"]: r["depends_on"] for r in csv.DictReader(io.StringIO(exported))}
    assert cells == {
        "Billing revamp": "ERP phase 2 @ 2026-12-15",
        "Data lake": "ERP phase 2",
        "ERP phase 2": "",
    }
    assert load(bot, standin, exported).errors == []
    assert dependency_of(bot, "Billing revamp").state == "accepted"  # the answer is kept
    assert len(bot.rows(Dependency)) == 2

    dropped = ROADMAP.replace(
        "Data lake,U0OWNER03,,comex,2026-Q4,ERP phase 2", "Data lake,U0OWNER03,,comex,2026-Q4,"
    )
    assert load(bot, standin, dropped).errors == []
    assert [d.dependent_id for d in bot.rows(Dependency)] == [accepted_id(bot)]


def accepted_id(bot: LocalBot) -> int:
    return dependency_of(bot, "Billing revamp").dependent_id


def test_the_cli_import_asks_at_once_and_the_export_lists_each_dependency(
    tmp_path: Path, standin: SlackStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in bot_environ(tmp_path, standin, f"sqlite:///{tmp_path / 'cli.db'}").items():
        monkeypatch.setenv(key, value)
    (tmp_path / "roadmap.csv").write_text(ROADMAP, encoding="utf-8")
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["roadmap", "import", str(tmp_path / "roadmap.csv")]) == 0
    assert "1 owner(s) asked to accept the dependencies" in out.getvalue()
    [question] = standin.messages(ERP_OWNER)  # asked at once, on import
    assert "*Billing revamp* (owner: Owner 2) depends on your *ERP phase 2*" in texts(question)
    out.seek(0)
    out.truncate()
    assert main(["export", "dependencies"]) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == DEPENDENCY_COLUMNS
    assert [(r["dependent"], r["provider"], r["needed_by"], r["state"]) for r in rows] == [
        ("Billing revamp", "ERP phase 2", "2026-12-15", "proposed"),
        ("Data lake", "ERP phase 2", "", "proposed"),
    ]
    assert (rows[0]["dependent_owner_name"], rows[0]["provider_owner_name"]) == (
        "Owner 2",
        "Owner 1",
    )
