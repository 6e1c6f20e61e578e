"""The command line as an operator uses it: exit codes, one-line errors, what it prints."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.devtools.standin import SlackStandIn
from rituals.db import make_engine, migrate
from tests.factories import seed_many
from tests.slackbot import bot_environ


@pytest.fixture
def cli(tmp_path: Path, standin: SlackStandIn, monkeypatch: pytest.MonkeyPatch):
    """Run `ritualbot …` in-process with the stand-in's environment; (code, stdout, stderr)."""
    for key, value in bot_environ(tmp_path, standin, f"sqlite:///{tmp_path / 'cli.db'}").items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr("sys.stdout", out)
        monkeypatch.setattr("sys.stderr", err)
        code = main(list(argv))
        return code, out.getvalue(), err.getvalue()

    return run


def seed(database: Path, *owners: str) -> None:
    """One initiative per owner in the CLI's database, before the CLI runs."""
    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    seed_many(engine, owners)
    engine.dispose()


def test_ritual_run_delivers_then_exits_and_a_second_run_sends_nothing(
    cli, tmp_path: Path, standin: SlackStandIn
) -> None:
    seed(tmp_path / "cli.db", "U0OWNER01", "U0OWNER02")
    code, out, err = cli("ritual", "run", "checkin", "--at", "2026-11-23T09:00")
    assert code == 0, err
    assert "checkin 2026-W48: 2 message(s) queued" in out and "2 delivered, 0 failed" in out
    assert len(standin.calls("chat.postMessage")) == 2

    code, out, _ = cli("ritual", "run", "checkin", "--at", "2026-11-25T10:00+01:00")
    assert code == 0 and "0 message(s) queued (already run" in out
    assert len(standin.calls("chat.postMessage")) == 2


def test_a_prompt_slack_refuses_is_reported_not_retried_forever(
    cli, tmp_path: Path, standin: SlackStandIn
) -> None:
    seed(tmp_path / "cli.db", "U0OWNER01", "U0GONE001")
    code, out, _ = cli("ritual", "run", "checkin", "--at", "2026-11-23T09:00")
    assert code == 1, "a run that could not reach everyone says so"
    assert "1 delivered, 1 failed, 0 pending" in out
    assert "not delivered to U0GONE001: the channel does not exist" in out
    [failed] = [
        c for c in standin.calls("chat.postMessage", all=True) if c.params["channel"] == "U0GONE001"
    ]
    assert failed.response["error"] == "channel_not_found"
    # the CMO is told once, with who was not reached and what to do
    [report] = standin.messages("U0CMO0001")
    assert "could not deliver one message" in str(report) and "U0GONE001" in str(report)


def test_after_the_fix_running_the_ritual_again_sends_what_failed_once(
    cli, tmp_path: Path, standin: SlackStandIn
) -> None:
    seed(tmp_path / "cli.db", "U0OWNER01", "U0OWNER02")
    standin.fail("chat.postMessage", error="not_in_channel", channel="U0OWNER02")
    code, out, _ = cli("ritual", "run", "checkin", "--at", "2026-11-23T09:00")
    assert code == 1 and "1 delivered, 1 failed" in out
    code, out, _ = cli("ritual", "run", "checkin", "--at", "2026-11-23T09:30")  # fixed
    assert code == 0 and "1 message(s) queued (already run" in out and "2 delivered" in out
    assert len(standin.messages("U0OWNER02")) == 1 and len(standin.messages("U0OWNER01")) == 1
    cli("ritual", "run", "checkin", "--at", "2026-11-23T10:00")
    assert len(standin.messages("U0OWNER02")) == 1, "sent once"


def test_schedule_shows_each_rituals_next_run_in_the_workspace_zone(cli) -> None:
    code, out, _ = cli("ritual", "schedule")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "monday 09:00" in lines["checkin"] and "+01:00" in lines["checkin"]
    assert "wednesday 09:00" in lines["reminder"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("ritual", "run", "checkin", "--at", "next monday"), '--at "next monday" is not ISO-8601'),
        (
            ("ritual", "run", "checkin", "--committee", "board"),
            'committee "board" is not configured',
        ),
    ],
)
def test_bad_arguments_get_a_one_line_reason_and_a_nonzero_exit(cli, argv, message) -> None:
    code, out, err = cli(*argv)
    assert code != 0 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_bad_configuration_stops_with_the_key_named(cli, tmp_path: Path) -> None:
    (tmp_path / "ritualbot.toml").write_text('timezone = "Mars/Olympus"\n')
    code, _, err = cli("ritual", "schedule")
    assert code == 2 and "timezone" in err and "Mars/Olympus" in err


def test_export_checkins_has_the_contract_columns_in_order(cli, tmp_path: Path) -> None:
    seed(tmp_path / "cli.db", "U0OWNER01")
    code, out, _ = cli("export", "checkins")
    assert code == 0
    assert next(csv.reader(io.StringIO(out))) == [
        "initiative",
        "owner",
        "period",
        "status",
        "progress",
        "kpi_value",
        "blockers",
        "submitted_at",
        "source",
        "owner_name",
    ]
    code, out, _ = cli("export", "checkins", "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_review_export_writes_one_self_contained_page(cli, tmp_path: Path) -> None:
    seed(tmp_path / "cli.db", "U0OWNER01")
    out = tmp_path / "review.html"
    code, printed, err = cli("review", "export", "--quarter", "2026-Q4", "--out", str(out))
    assert code == 0, err
    assert "the 2026-Q4 review, 1 initiative(s)" in printed
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "Initiative 0" in page and "<script" not in page

    code, _, err = cli("review", "export", "--quarter", "2026-11", "--out", str(out))
    assert code == 2 and "is not a quarter" in err


def test_the_quarterly_review_is_posted_to_each_committee_once(
    cli, tmp_path: Path, standin: SlackStandIn
) -> None:
    seed(tmp_path / "cli.db", "U0OWNER01")
    code, out, err = cli("ritual", "run", "review", "--at", "2027-01-04T09:00")
    assert code == 0, err
    assert "review 2026-Q4: 2 message(s) queued" in out
    posted = {c.params["channel"]: c.params["text"] for c in standin.calls("chat.postMessage")}
    assert posted == {
        "C0COMEX01": "Quarterly review 2026-Q4 · comex",
        "C0OPSCOM1": "Quarterly review 2026-Q4 · opscom",
    }
    cli("ritual", "run", "review", "--at", "2027-01-05T09:00")
    assert len(standin.calls("chat.postMessage")) == 2
