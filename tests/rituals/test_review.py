"""The quarterly review from plain rows: KPIs against target whichever way they should
move, final statuses, check-in completion, committees, and the quarter's decisions."""

from collections.abc import Sequence
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from rituals.models import CheckIn, CheckinPrompt, Decision, Escalation, Initiative
from rituals.review import (
    InitiativeReview,
    KpiPoint,
    QuarterReview,
    build_review,
    share_reached,
)

QUARTER = "2026-Q4"
PARIS = ZoneInfo("Europe/Paris")
SKIPPED = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)


def initiative(
    id: int,
    *,
    baseline: float | None = 45.0,
    target: float | None = 30.0,
    committee: str | None = "comex",
    objective: str = "Deliver faster",
    quarter: str = QUARTER,
    status: str | None = None,
) -> Initiative:
    return Initiative(
        id=id,
        title=f"Initiative {id}",
        objective=objective,
        kpi_name="Lead time",
        kpi_unit="days",
        kpi_baseline=baseline,
        kpi_target=target,
        owner=f"U{id:08}",
        committee=committee,
        quarter=quarter,
        status=status,
    )


def checkin(
    initiative_id: int,
    period: str,
    kpi: float | None = None,
    status: str | None = "on_track",
    *,
    current: bool = True,
) -> CheckIn:
    return CheckIn(
        initiative_id=initiative_id,
        period=period,
        kpi_value=kpi,
        status=status,
        is_current=current,
        source="message",
        author="U1",
    )


def prompt(initiative_id: int, period: str, *, skipped: bool = False) -> CheckinPrompt:
    return CheckinPrompt(
        initiative_id=initiative_id,
        period=period,
        owner="U1",
        message_key=f"checkin:{period}:initiative:{initiative_id}",
        skipped_at=SKIPPED if skipped else None,
    )


def decision(at: datetime, question: str = "Extend the ERP budget?") -> Decision:
    return Decision(
        committee="comex", question=question, decision="Yes", decided_by="U0CMO0001", decided_at=at
    )


def review(
    initiatives: list[Initiative],
    checkins: Sequence[CheckIn] = (),
    prompts: Sequence[CheckinPrompt] = (),
    decisions: Sequence[Decision] = (),
    escalations: Sequence[Escalation] = (),
    tz: ZoneInfo = PARIS,
) -> QuarterReview:
    return build_review(QUARTER, initiatives, checkins, prompts, decisions, escalations, tz=tz)


def only(result: QuarterReview) -> InitiativeReview:
    (rows,) = result.committees.values()
    (row,) = rows
    return row


# -- how far the KPI went ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "target", "achieved", "expected"),
    [
        (100.0, 200.0, 150.0, 0.5),  # rising
        (100.0, 200.0, 250.0, 1.5),  # beyond target
        (45.0, 30.0, 36.0, 0.6),  # falling: a lead time from 45 to 30 days
        (45.0, 30.0, 27.0, 1.2),
        (45.0, 30.0, 45.0, 0.0),
        (45.0, 30.0, 50.0, 0.0),  # moved away from target: no progress, not negative
        (0.0, -10.0, -4.0, 0.4),
        (45.0, None, 36.0, None),  # unknown target
        (None, 30.0, 36.0, None),
        (45.0, 30.0, None, None),  # never measured
        (30.0, 30.0, 30.0, None),  # no distance to cover
    ],
)
def test_share_reached(
    baseline: float | None, target: float | None, achieved: float | None, expected: float | None
) -> None:
    result = share_reached(baseline, target, achieved)
    assert result == (None if expected is None else pytest.approx(expected))


def test_falling_kpi_achieved_is_the_last_value_of_the_quarter() -> None:
    answers = [
        checkin(1, "2026-W44", 41.0),
        checkin(1, "2026-W41", 44.0),
        checkin(1, "2026-W46", None, "at_risk"),  # answered without a KPI value
        checkin(1, "2026-W45", 36.0),
        checkin(1, "2026-W45", 20.0, current=False),  # replaced by the answer above
        checkin(1, "2026-W39", 10.0),  # Q3
    ]
    row = only(review([initiative(1)], answers))
    assert row.points == (
        KpiPoint("2026-W41", 44.0),
        KpiPoint("2026-W44", 41.0),
        KpiPoint("2026-W45", 36.0),
    )
    assert row.achieved == 36.0
    assert row.reached == pytest.approx(0.6)
    assert row.status == "at_risk"  # the last answer's, even without a KPI value


def test_rising_kpi() -> None:
    answers = [checkin(1, "2026-W42", 120.0), checkin(1, "2026-W50", 190.0, "done")]
    row = only(review([initiative(1, baseline=100.0, target=200.0)], answers))
    assert (row.achieved, row.reached, row.status) == (190.0, pytest.approx(0.9), "done")


def test_unknown_target_and_no_answers() -> None:
    row = only(review([initiative(1, target=None, status="at_risk")]))
    assert row.points == ()
    assert (row.achieved, row.reached, row.completion) == (None, None, None)
    assert row.status == "at_risk"  # from the roadmap when nobody answered


def test_weeks_straddling_the_quarter_count() -> None:
    # 2026-W40 runs Sep 28 – Oct 4 and 2026-W53 Dec 28 – Jan 3: both touch 2026-Q4.
    answers = [
        checkin(1, "2026-W40", 44.0),
        checkin(1, "2026-W53", 31.0),
        checkin(1, "2027-W01", 1),
    ]
    row = only(review([initiative(1)], answers))
    assert [p.period for p in row.points] == ["2026-W40", "2026-W53"]
    assert row.achieved == 31.0


# -- completion --------------------------------------------------------------------------


def test_completion_leaves_skipped_weeks_out() -> None:
    prompts = [
        prompt(1, "2026-W41"),
        prompt(1, "2026-W42"),
        prompt(1, "2026-W43", skipped=True),
        prompt(1, "2026-W44"),
        prompt(1, "2026-W45", skipped=True),
        prompt(1, "2026-W46"),
        prompt(2, "2026-W41"),  # another initiative's
        prompt(1, "2026-W30"),  # Q3
    ]
    answers = [
        checkin(1, "2026-W41", 44.0),
        checkin(1, "2026-W42", 43.0),
        checkin(1, "2026-W44", 40.0),
        checkin(1, "2026-W45", 39.0),  # skipped, then answered after all
        checkin(1, "2026-W47", 38.0),  # answered without a prompt
        checkin(1, "2026-W46", 38.0, current=False),  # only history: not an answer
    ]
    row = only(review([initiative(1)], answers, prompts))
    # asked: W41 W42 W44 W45 W46 (W43 skipped); answered: W41 W42 W44 W45
    assert row.completion == pytest.approx(4 / 5)


def test_completion_is_unknown_when_every_prompt_was_skipped() -> None:
    row = only(review([initiative(1)], [], [prompt(1, "2026-W41", skipped=True)]))
    assert row.completion is None


# -- grouping ----------------------------------------------------------------------------


def test_grouped_by_committee_then_objective_in_roadmap_order() -> None:
    initiatives = [
        initiative(5, committee="opscom", objective="Cut costs"),
        initiative(1, committee="comex", objective="Grow"),
        initiative(2, committee=None, objective="Tidy up"),
        initiative(3, committee="comex", objective="Deliver faster"),
        initiative(4, committee="comex", objective="Grow"),
        initiative(6, committee="", objective="Tidy up"),
        initiative(7, committee="comex", quarter="2026-Q3"),  # another quarter
    ]
    result = review(initiatives)
    assert list(result.committees) == ["comex", "opscom", ""]
    comex = result.committees["comex"]
    assert [(r.initiative_id, r.objective) for r in comex] == [
        (1, "Grow"),
        (4, "Grow"),
        (3, "Deliver faster"),
    ]
    assert [r.initiative_id for r in result.committees[""]] == [2, 6]
    assert all(r.committee is None for r in result.committees[""])
    assert [r.initiative_id for r in result.committees["opscom"]] == [5]


def test_summary_counts_final_statuses() -> None:
    initiatives = [initiative(n) for n in (1, 2, 3, 4)]
    answers = [
        checkin(1, "2026-W41", status="off_track"),
        checkin(1, "2026-W48", status="done"),
        checkin(2, "2026-W48", status="at_risk"),
        checkin(3, "2026-W48", status="done"),
    ]
    assert review(initiatives, answers).summary == {
        "on_track": 0,
        "at_risk": 1,
        "off_track": 0,
        "done": 2,
        "unknown": 1,
    }


# -- escalations and decisions of the quarter -------------------------------------------


def test_escalations_open_during_the_quarter() -> None:
    def escalation(opened: datetime, resolved: datetime | None = None) -> Escalation:
        return Escalation(initiative_id=1, cause="silent", opened_at=opened, resolved_at=resolved)

    escalations = [
        escalation(datetime(2026, 10, 12, tzinfo=UTC)),
        escalation(datetime(2026, 11, 2, tzinfo=UTC), datetime(2026, 11, 9, tzinfo=UTC)),
        escalation(datetime(2026, 9, 1, tzinfo=UTC), datetime(2026, 9, 8, tzinfo=UTC)),  # Q3
        escalation(datetime(2027, 1, 5, tzinfo=UTC)),  # Q1
        Escalation(initiative_id=2, cause="silent", opened_at=datetime(2026, 10, 12, tzinfo=UTC)),
    ]
    assert only(review([initiative(1)], escalations=escalations)).escalations == 2


def test_decisions_of_the_quarter_only_in_the_workspace_time_zone() -> None:
    decisions = [
        decision(datetime(2026, 11, 3, 10, 0, tzinfo=UTC), "November"),
        # 00:30 on Oct 1 in Paris: the quarter's first decision.
        decision(datetime(2026, 9, 30, 22, 30, tzinfo=UTC), "First night"),
        # 00:30 on Jan 1 in Paris: next quarter's.
        decision(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "New year"),
        decision(datetime(2026, 9, 15, 10, 0, tzinfo=UTC), "September"),
        decision(datetime(2026, 12, 31, 22, 30, tzinfo=UTC), "Last evening"),
    ]
    result = review([initiative(1)], decisions=decisions)
    assert [line.question for line in result.decisions] == [
        "First night",
        "November",
        "Last evening",
    ]
    first = result.decisions[0]
    assert first.decided_at.date() == date(2026, 10, 1)  # shown in Paris time
    assert (first.committee, first.decision) == ("comex", "Yes")

    in_utc = review([initiative(1)], decisions=decisions, tz=ZoneInfo("UTC"))
    assert [line.question for line in in_utc.decisions] == [
        "November",
        "Last evening",
        "New year",
    ]


def test_a_period_that_is_not_a_quarter_is_refused() -> None:
    with pytest.raises(ValueError, match="not a quarter"):
        build_review("2026-W48", [], [], [], [], [])
