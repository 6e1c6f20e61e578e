"""Issue #2's acceptance, as a new user would do it: the CLI for the CMO, signed Slack
requests for the owners, the stand-in Slack for what they see, the export for the result."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.__main__ import main
from bot.devtools.demo import SAMPLES
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import Initiative
from tests.blockkit import texts
from tests.factories import Clock
from tests.slackbot import bot_environ, running_bot

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def world(tmp_path: Path, standin: SlackStandIn, monkeypatch: pytest.MonkeyPatch):
    environ = bot_environ(tmp_path, standin, f"sqlite:///{tmp_path / 'ritualbot.db'}")
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    clock = Clock(datetime(2026, 11, 23, 11, 0, tzinfo=PARIS))
    with running_bot(environ, standin, clock=clock) as bot:
        yield bot, clock


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def receipts(standin: SlackStandIn, user: str) -> list[dict]:
    return [m for m in standin.messages(user) if "Update recorded" in texts(m)]


def test_a_week_of_checkins_as_a_new_user_runs_it(
    world: tuple[LocalBot, Clock], standin: SlackStandIn, capsys: pytest.CaptureFixture[str]
) -> None:
    bot, clock = world
    out = cli(capsys, "roadmap", "import", str(SAMPLES / "roadmap_fr.csv"))
    assert "9 created, 0 updated, 0 unchanged" in out
    assert "0 created, 0 updated, 9 unchanged" in cli(
        capsys, "roadmap", "import", str(SAMPLES / "roadmap_fr.csv")
    )

    # Monday: every owner gets one DM listing their initiatives; a second run sends nothing
    out = cli(capsys, "ritual", "run", "checkin", "--at", "2026-11-23T09:00")
    assert "7 message(s) queued" in out and "7 delivered" in out
    cli(capsys, "ritual", "run", "checkin", "--at", "2026-11-23T09:30")
    prompts = standin.calls("chat.postMessage")
    per_owner = sorted(c.params["channel"] for c in prompts)
    assert per_owner == sorted(
        [
            "U0OWNER01",
            "U0OWNER02",
            "U0OWNER03",
            "U0INES001",
            "U0OWNER04",
            "U0OWNER05",
            "U0OWNER06",
        ]
    )
    [thomas] = standin.messages("U0OWNER02")
    assert "ERP phase 2" in texts(thomas) and "Référentiel client unique" in texts(thomas)

    # owners answer: French in the prompt's thread, English by DM, the form
    bot.dm("U0OWNER02", "ERP : vert 60% kpi 55 — bloqué par le juridique", thread_ts=thomas["ts"])
    bot.dm("U0INES001", "at risk, 35%, KPI at 12; blocked by budget approval")
    bot.click("U0OWNER04", standin.messages("U0OWNER04")[0], "checkin_update")
    view = standin.calls("views.open")[-1].params["view"]
    bot.submit(
        "U0OWNER04",
        view,
        {"status": "off_track", "progress": 10, "kpi": "70", "blockers": "no recruiter"},
    )
    bot.settled()
    for owner in ("U0OWNER02", "U0INES001", "U0OWNER04"):
        assert len(receipts(standin, owner)) == 1, owner

    # Wednesday: one nudge for each prompt still unanswered, in its thread, once
    for _ in range(2):
        cli(capsys, "ritual", "run", "reminder", "--at", "2026-11-25T09:00")
    nudges = [c for c in standin.calls("chat.postMessage") if "reminder" in texts(c.params).lower()]
    assert sorted(c.response["channel"] for c in nudges) == sorted(
        standin.dm_channel(u)
        for u in ["U0OWNER01", "U0OWNER02", "U0OWNER03", "U0OWNER05", "U0OWNER06"]
    )
    assert all(c.params.get("thread_ts") for c in nudges)
    [to_thomas] = [c for c in nudges if c.response["channel"] == standin.dm_channel("U0OWNER02")]
    assert "Référentiel client unique" in texts(to_thomas.params)
    assert "ERP phase 2" not in texts(to_thomas.params), "answered: not nudged about"

    # next Monday: a click on "No change" repeats the last answer
    clock.now = datetime(2026, 11, 30, 10, 0, tzinfo=PARIS)
    cli(capsys, "ritual", "run", "checkin", "--at", "2026-11-30T09:00")
    prompt = [m for m in standin.messages("U0OWNER02") if "2026-W49" in texts(m)][-1]
    [erp] = [i.id for i in bot.rows(Initiative) if i.title.startswith("ERP phase 2")]
    bot.click("U0OWNER02", prompt, "checkin_no_change", block=f"initiative_{erp}")
    bot.settled()

    rows = list(csv.DictReader(io.StringIO(cli(capsys, "export", "checkins"))))
    got = {
        (r["initiative"][:12], r["period"]): (
            r["status"],
            r["progress"],
            r["kpi_value"],
            r["blockers"],
            r["source"],
        )
        for r in rows
    }
    assert got == {
        ("ERP phase 2 ", "2026-W48"): ("on_track", "60", "55.0", "le juridique", "message"),
        ("Programme ma", "2026-W48"): ("at_risk", "35", "12.0", "budget approval", "message"),
        ("Réduire le d", "2026-W48"): ("off_track", "10", "70.0", "no recruiter", "modal"),
        ("ERP phase 2 ", "2026-W49"): ("on_track", "60", "55.0", "le juridique", "button"),
    }
    assert all(r["submitted_at"].endswith("Z") for r in rows)


def test_an_arbitration_as_a_new_user_runs_it(
    world: tuple[LocalBot, Clock], standin: SlackStandIn, capsys: pytest.CaptureFixture[str]
) -> None:
    bot, _ = world
    comex = "C0COMEX01"
    response = bot.command(
        "U0CMO0001",
        "/arbitrate",
        "Which ERP go-live? | January | March | Split by site",
        channel=comex,
    )
    assert response.status_code == 200
    bot.settled()
    [posted] = standin.calls("response_url")  # the CMO's private answer
    assert "Poll posted in <#C0COMEX01>" in texts(posted.params)
    [poll] = standin.messages(comex)
    bot.click("U0CEO0001", poll, "poll_vote_1")
    bot.click("U0CFO0001", poll, "poll_vote_0")
    bot.click("U0CFO0001", poll, "poll_vote_1")  # changes her mind
    bot.click("U0OWNER01", poll, "poll_vote_2")  # not on the committee: refused
    bot.click("U0CMO0001", poll, "poll_close")
    bot.settled()
    [closed] = standin.messages(comex)
    assert "*Result: B. March* with 2 of 2 votes." in texts(closed)
    offer = next(m for m in standin.messages("U0CMO0001") if "decision_record" in str(m))
    bot.click("U0CMO0001", offer, "decision_record")
    view = standin.calls("views.open")[-1].params["view"]
    bot.submit(
        "U0CMO0001",
        view,
        {
            "decision": "option:1",
            "rationale": "Inventory count in Feb",
            "follow_up": "U0OWNER02",
            "due": "2027-03-31",
        },
    )
    bot.settled()

    rows = list(csv.DictReader(io.StringIO(cli(capsys, "export", "decisions"))))
    assert [(r["committee"], r["question"], r["decision"], r["tally"]) for r in rows] == [
        (
            "comex",
            "Which ERP go-live?",
            "March",
            "January: 0; March: 2; Split by site: 0 (2 of 3 voted)",
        )
    ]
    assert rows[0]["follow_up_owner"] == "U0OWNER02" and rows[0]["due"] == "2027-03-31"

    # an owner's "decision needed" goes on the next monthly agenda as a poll
    cli(capsys, "roadmap", "import", str(SAMPLES / "roadmap_fr.csv"))
    bot.dm("U0INES001", "orange 50%, decision needed: hire two external coaches?")
    bot.settled()
    out = cli(capsys, "ritual", "run", "arbitration", "--at", "2026-12-01T10:00")
    assert "arbitration 2026-12: 2 message(s) queued" in out
    # the initiative's Consulted are asked their view first; the poll opens after their round
    [asked] = standin.messages("U0OWNER01")[-1:]
    assert "Programme managers-coachs" in texts(asked) and "Give my view" in texts(asked)
    assert len(standin.messages("C0OPSCOM1")) == 1
    cli(capsys, "ritual", "run", "consult", "--at", "2026-12-03T10:00")
    agenda, item = standin.messages("C0OPSCOM1")  # the initiative's committee
    assert "Consulted:" in texts(item)
    assert "Programme managers-coachs" in texts(agenda)
    assert "Approve: hire two external coaches?" in texts(item)
