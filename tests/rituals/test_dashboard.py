"""The dashboard's rules with plain rows and dates: who sees an initiative, the weeks of a
quarter in a time zone (across the DST change), the trend, what is overdue and which
decisions fall due; and the sign-in's `state` spent once, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from rituals import dashboard as rules
from rituals.db import Database, make_engine, migrate
from rituals.models import Decision
from rituals.store import dashboard as store
from rituals.visibility import sight_of
from tests.factories import answer, initiative

MEMBERS = {"comex": ["U0CEO0001"], "opscom": ["U0ACCT001"]}


def _made(n: int, **fields: object) -> object:
    made = initiative(f"Initiative {n}", "U0OWNER01", **fields)
    made.id = n
    return made


def test_who_sees_an_initiative() -> None:
    erp = _made(
        1,
        committee="comex",
        accountable="U0ACCT002",
        consulted=["U0C"],
        informed=["U0I"],
        co_owners=["U0CO"],
    )
    for user in ("U0CMO0001", "U0CEO0001", "U0OWNER01", "U0CO", "U0ACCT002", "U0C", "U0I"):
        assert rules.may_see(sight_of(user, cmos=["U0CMO0001"], members=MEMBERS), erp), user
    for user in ("U0ACCT001", "U0NOBODY"):
        assert not rules.may_see(sight_of(user, cmos=["U0CMO0001"], members=MEMBERS), erp)
    member = sight_of("U0ACCT001", cmos=[], members=MEMBERS)
    assert rules.may_see_committee(member, "opscom")
    assert not rules.may_see_committee(member, "comex")


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/New_York", "Asia/Tokyo"])
def test_the_weeks_of_a_quarter_up_to_now_across_the_dst_change(zone: str) -> None:
    tz = ZoneInfo(zone)
    # after the clocks went back (25 Oct in Paris, 1 Nov in New York; none in Tokyo)
    now = datetime(2026, 11, 3, 12, tzinfo=tz)
    weeks = rules.quarter_weeks("2026-Q4", now, tz)
    assert weeks == [f"2026-W{n}" for n in range(40, 46)]
    ended = rules.quarter_weeks("2026-Q4", datetime(2027, 2, 1, tzinfo=tz), tz)
    assert ended[0] == "2026-W40" and ended[-1] == "2026-W53"
    assert rules.quarter_weeks("2026-Q4", datetime(2026, 9, 1, tzinfo=tz), tz) == []


def test_the_trend_carries_each_initiatives_latest_answer_forward() -> None:
    one, two = _made(1), _made(2)
    answers = [
        answer(1, "2026-W40", status="on_track"),
        answer(1, "2026-W42", status="off_track"),
        answer(2, "2026-W41", status="at_risk"),
        answer(2, "2026-W42", status="done", is_current=False),  # replaced: not counted
    ]
    trend = rules.trend(["2026-W40", "2026-W41", "2026-W42"], [one, two], answers)
    assert [dict(week.counts) for week in trend] == [
        {"on_track": 1, "none": 1},
        {"on_track": 1, "at_risk": 1},
        {"off_track": 1, "at_risk": 1},
    ]
    status = rules.statuses([one, two], answers)
    assert status == {1: "off_track", 2: "at_risk"}
    assert dict(rules.counts([one, two], status)["comex"]) == {"off_track": 1, "at_risk": 1}


def test_overdue_is_past_due_and_not_done() -> None:
    late, done, later = (
        _made(1, due=date(2026, 11, 1)),
        _made(2, due=date(2026, 10, 1)),
        _made(3, due=date(2026, 12, 1)),
    )
    status = {1: "at_risk", 2: "done", 3: "off_track"}
    assert rules.overdue([late, done, later], status, date(2026, 11, 24)) == [late]


def test_decisions_due_are_open_and_due_within_two_weeks() -> None:
    at = datetime(2026, 11, 1, tzinfo=UTC)

    def decision(n: int, **fields: object) -> Decision:
        return Decision(
            id=n,
            committee="comex",
            question=f"Q{n}",
            decision="yes",
            decided_by="U0CMO0001",
            decided_at=at,
            **fields,
        )

    soon = decision(1, due=date(2026, 12, 4))
    late = decision(2, due=date(2026, 11, 2))
    far = decision(3, due=date(2026, 12, 30))
    carried = decision(4, due=date(2026, 11, 30), carried_out=True)
    deferred = decision(5, due=date(2026, 11, 30), deferred=True)
    found = rules.decisions_due([soon, late, far, carried, deferred], date(2026, 11, 24))
    assert found == [late, soon]
    assert [rules.decision_state(d) for d in (soon, carried, deferred)] == [
        "open",
        "done",
        "deferred",
    ]


def test_a_state_is_spent_once(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    database = Database(engine)
    now = datetime(2026, 11, 24, tzinfo=UTC)
    try:
        with database.write() as session:
            assert store.spend_state(session=session, state="abc", now=now)
        with database.write() as session:
            assert not store.spend_state(session=session, state="abc", now=now)
            assert store.spend_state(session=session, state="abd", now=now)
    finally:
        engine.dispose()
