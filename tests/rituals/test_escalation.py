"""Escalation rules: each cause at its threshold, excused and unprompted weeks, the ladder."""

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest

from rituals.escalation import (
    MAX_LEVEL,
    Cause,
    InitiativeFacts,
    OpenEscalation,
    PeriodFacts,
    Step,
    StepKind,
    Thresholds,
    causes,
    plan,
    weeks_between,
)
from rituals.periods import following, recent_weeks

TODAY = date(2026, 11, 25)  # a Wednesday in 2026-W48
PERIOD = "2026-W48"


def shape(
    *,
    prompted: bool = True,
    answered: bool = False,
    excused: bool = False,
    status: str | None = None,
    blocked: bool = False,
) -> PeriodFacts:
    return PeriodFacts("", prompted, answered, excused, status, blocked)


# One token per week: what the owner was asked and what they answered.
WEEKS = {
    "on": shape(answered=True, status="on_track"),
    "risk": shape(answered=True, status="at_risk"),
    "off": shape(answered=True, status="off_track"),
    "blk": shape(answered=True, status="on_track", blocked=True),
    "off+blk": shape(answered=True, status="off_track", blocked=True),
    "miss": shape(),
    "skip": shape(excused=True),  # the owner pressed "skip this week"
    "away": shape(excused=True),  # an absence declared after the prompt went out
    "holiday": shape(prompted=False, excused=True),  # a configured holiday: nobody is asked
    "unasked": shape(prompted=False),  # not prompted (not started, prompt not sent): no miss
}
DEFAULT = Thresholds()


def week(token: str, period: str) -> PeriodFacts:
    return replace(WEEKS[token], period=period)


def initiative(
    tokens: str = "",
    *,
    initiative_id: int = 1,
    status: str | None = "on_track",
    due: date | None = None,
    end: str = PERIOD,
) -> InitiativeFacts:
    """An initiative whose history is `tokens` (oldest first), ending with the week `end`."""
    names = tokens.split()
    history = tuple(map(week, names, recent_weeks(end, len(names))))
    return InitiativeFacts(initiative_id, status, due, history)


def found(tokens: str, thresholds: Thresholds = DEFAULT) -> set[Cause]:
    return causes(initiative(tokens), today=TODAY, thresholds=thresholds)


# Causes from the check-in history


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        pytest.param("", set(), id="no-history"),
        pytest.param("on on on", set(), id="all-answered"),
        pytest.param("on miss", set(), id="silent-below-threshold"),
        pytest.param("on miss miss", {Cause.SILENT}, id="silent-at-threshold"),
        pytest.param("miss miss miss miss", {Cause.SILENT}, id="silent-above-threshold"),
        pytest.param("miss miss on", set(), id="silent-answer-arrives"),
        pytest.param("miss on miss", set(), id="silent-streak-broken"),
        pytest.param("on off", set(), id="off-track-below-threshold"),
        pytest.param("on off off", {Cause.OFF_TRACK}, id="off-track-at-threshold"),
        pytest.param("off off off off", {Cause.OFF_TRACK}, id="off-track-above-threshold"),
        pytest.param("off off risk", set(), id="off-track-then-at-risk-resets"),
        pytest.param("off risk off", set(), id="off-track-streak-broken"),
        pytest.param("off miss off", {Cause.OFF_TRACK}, id="off-track-unanswered-week-skipped"),
        pytest.param("on blk blk", set(), id="blocked-below-threshold"),
        pytest.param("on blk blk blk", {Cause.BLOCKED}, id="blocked-at-threshold"),
        pytest.param("blk blk blk blk blk", {Cause.BLOCKED}, id="blocked-above-threshold"),
        pytest.param("blk blk on blk", set(), id="blocked-broken-by-unblocked-answer"),
        pytest.param("blk blk blk on", set(), id="blocked-cleared"),
        pytest.param("blk blk miss blk", {Cause.BLOCKED}, id="blocked-unanswered-week-skipped"),
    ],
)
def test_causes_from_history(tokens: str, expected: set[Cause]) -> None:
    assert found(tokens) == expected


@pytest.mark.parametrize("excused", ["skip", "away", "holiday"])
@pytest.mark.parametrize(
    ("template", "expected"),
    [
        pytest.param("on miss {0}", set(), id="not-a-miss"),
        pytest.param("on {0} {0} {0}", set(), id="several-not-misses"),
        pytest.param("miss {0} miss", {Cause.SILENT}, id="silent-streak-unbroken"),
        pytest.param("miss {0} {0} miss", {Cause.SILENT}, id="silent-streak-unbroken-twice"),
        pytest.param("on miss {0} on", set(), id="answer-after-still-counts"),
        pytest.param("off {0} off", {Cause.OFF_TRACK}, id="off-track-streak-unbroken"),
        pytest.param("blk blk {0} blk", {Cause.BLOCKED}, id="blocked-streak-unbroken"),
    ],
)
def test_excused_weeks_are_skipped_over(template: str, excused: str, expected: set[Cause]) -> None:
    assert found(template.format(excused)) == expected


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        pytest.param("on unasked unasked", set(), id="not-a-miss"),
        pytest.param("miss unasked miss", {Cause.SILENT}, id="silent-streak-unbroken"),
        pytest.param("unasked unasked miss", set(), id="one-miss-only"),
    ],
)
def test_unprompted_weeks_are_skipped_over(tokens: str, expected: set[Cause]) -> None:
    assert found(tokens) == expected


def test_an_answer_given_in_an_excused_week_is_not_judged() -> None:
    excused_off = PeriodFacts("2026-W48", True, True, True, "off_track", True)
    facts = initiative("off blk blk")
    facts = InitiativeFacts(1, "off_track", None, (*facts.history, excused_off))
    assert causes(facts, today=TODAY) == set()


@pytest.mark.parametrize(
    ("thresholds", "tokens", "expected"),
    [
        pytest.param(Thresholds(silent_periods=3), "miss miss", set(), id="silent-3-below"),
        pytest.param(Thresholds(silent_periods=3), "miss miss miss", {Cause.SILENT}, id="silent-3"),
        pytest.param(Thresholds(silent_periods=1), "on miss", {Cause.SILENT}, id="silent-1"),
        pytest.param(Thresholds(off_track_periods=1), "on off", {Cause.OFF_TRACK}, id="off-1"),
        pytest.param(Thresholds(blocked_periods=1), "blk", {Cause.BLOCKED}, id="blocked-1"),
    ],
)
def test_thresholds_are_configurable(
    thresholds: Thresholds, tokens: str, expected: set[Cause]
) -> None:
    assert found(tokens, thresholds) == expected


@pytest.mark.parametrize(
    "field", ["silent_periods", "off_track_periods", "blocked_periods", "raise_after_periods"]
)
def test_thresholds_below_one_are_refused(field: str) -> None:
    with pytest.raises(ValueError, match=f"{field} must be 1 or more"):
        Thresholds(**{field: 0})


# Due dates and done


@pytest.mark.parametrize(
    ("due", "status", "expected"),
    [
        pytest.param(None, "on_track", set(), id="no-due-date"),
        pytest.param(TODAY + timedelta(days=1), "on_track", set(), id="due-tomorrow"),
        pytest.param(TODAY, "on_track", set(), id="due-today"),
        pytest.param(TODAY - timedelta(days=1), "on_track", {Cause.OVERDUE}, id="due-yesterday"),
        pytest.param(TODAY - timedelta(days=90), None, {Cause.OVERDUE}, id="no-status"),
        pytest.param(TODAY - timedelta(days=1), "done", set(), id="done-past-due"),
    ],
)
def test_overdue(due: date | None, status: str | None, expected: set[Cause]) -> None:
    assert causes(initiative("on", status=status, due=due), today=TODAY) == expected


def test_done_never_escalates() -> None:
    facts = initiative("off off blk blk blk miss miss", status="done", due=date(2020, 1, 1))
    assert causes(facts, today=TODAY) == set()
    assert plan([facts], [], today=TODAY, period=PERIOD) == []


def test_every_cause_at_once() -> None:
    facts = initiative("off+blk off+blk off+blk miss miss", due=TODAY - timedelta(days=1))
    assert causes(facts, today=TODAY) == set(Cause)


# Weeks between


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("2026-W48", "2026-W48", 0, id="same-week"),
        pytest.param("2026-W48", "2026-W49", 1, id="next-week"),
        pytest.param("2026-W49", "2026-W48", -1, id="backwards"),
        pytest.param("2026-W53", "2027-W01", 1, id="year-end-53-weeks"),
        pytest.param("2025-W52", "2026-W01", 1, id="year-end-52-weeks"),
        pytest.param("2026-W52", "2027-W01", 2, id="across-w53"),
        pytest.param("2026-W01", "2027-W01", 53, id="long-year"),
        pytest.param("2027-W01", "2028-W01", 52, id="short-year"),
        pytest.param("2026-w48", " 2026-W50 ", 2, id="loosely-written"),
    ],
)
def test_weeks_between(a: str, b: str, expected: int) -> None:
    assert weeks_between(a, b) == expected


@pytest.mark.parametrize("bad", ["2026-11", "2026-Q4", "2027-W53", "soon"])
def test_weeks_between_refuses_what_is_not_a_week(bad: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        weeks_between(bad, PERIOD)
    with pytest.raises(ValueError, match="not a"):
        plan([], [], today=TODAY, period=bad)


# The ladder

SILENT = initiative("miss miss")  # initiative 1, silent for two weeks


def opened(level: int, raised: str, cause: Cause = Cause.SILENT, id: int = 7) -> OpenEscalation:
    return OpenEscalation(id, 1, cause, level, raised)


@pytest.mark.parametrize(
    ("escalation", "period", "expected"),
    [
        pytest.param(None, "2026-W48", Step(StepKind.OPEN, 1, Cause.SILENT, 1, None), id="open"),
        pytest.param(opened(1, "2026-W48"), "2026-W48", None, id="no-repeat-same-week"),
        pytest.param(
            opened(1, "2026-W48"),
            "2026-W49",
            Step(StepKind.RAISE, 1, Cause.SILENT, 2, 7),
            id="raise-to-2-next-week",
        ),
        pytest.param(
            opened(2, "2026-W49"),
            "2026-W50",
            Step(StepKind.RAISE, 1, Cause.SILENT, 3, 7),
            id="raise-to-3-week-after",
        ),
        pytest.param(opened(2, "2026-W49"), "2026-W49", None, id="no-repeat-at-2"),
        pytest.param(opened(MAX_LEVEL, "2026-W50"), "2026-W51", None, id="stays-at-3"),
        pytest.param(opened(MAX_LEVEL, "2026-W10"), "2026-W51", None, id="stays-at-3-long"),
        pytest.param(
            opened(1, "2026-W53"),
            "2027-W01",
            Step(StepKind.RAISE, 1, Cause.SILENT, 2, 7),
            id="raise-across-year-end",
        ),
        pytest.param(opened(1, "2026-W49"), "2026-W48", None, id="raised-in-a-later-week"),
    ],
)
def test_ladder(escalation: OpenEscalation | None, period: str, expected: Step | None) -> None:
    standing = [escalation] if escalation else []
    steps = plan([SILENT], standing, today=TODAY, period=period)
    assert steps == ([expected] if expected else [])


def test_raise_after_two_periods() -> None:
    thresholds = Thresholds(raise_after_periods=2)
    standing = [opened(1, "2026-W48")]
    assert plan([SILENT], standing, today=TODAY, period="2026-W49", thresholds=thresholds) == []
    assert plan([SILENT], standing, today=TODAY, period="2026-W50", thresholds=thresholds) == [
        Step(StepKind.RAISE, 1, Cause.SILENT, 2, 7)
    ]


def apply(steps: list[Step], standing: list[OpenEscalation], period: str) -> list[OpenEscalation]:
    """What a store would hold after the scan: the steps applied to the open escalations."""
    by_id = {escalation.id: escalation for escalation in standing}
    for step in steps:
        if step.kind is StepKind.OPEN:
            new_id = max(by_id, default=0) + 1
            by_id[new_id] = OpenEscalation(new_id, step.initiative_id, step.cause, 1, period)
        elif step.kind is StepKind.RAISE:
            assert step.escalation_id is not None
            by_id[step.escalation_id] = OpenEscalation(
                step.escalation_id, step.initiative_id, step.cause, step.level, period
            )
        else:
            assert step.escalation_id is not None
            del by_id[step.escalation_id]
    return list(by_id.values())


def test_daily_scans_climb_one_level_a_week_then_resolve() -> None:
    standing: list[OpenEscalation] = []
    seen: list[tuple[str, StepKind, int]] = []
    period = "2026-W48"
    for _ in range(5):
        for _day in range(7):  # the scan runs every day; only the first of a week may act
            steps = plan([SILENT], standing, today=TODAY, period=period)
            seen += [(period, step.kind, step.level) for step in steps]
            standing = apply(steps, standing, period)
        period = following(period)
    answered = initiative("miss miss on", end=period)
    steps = plan([answered], standing, today=TODAY, period=period)
    assert seen == [
        ("2026-W48", StepKind.OPEN, 1),
        ("2026-W49", StepKind.RAISE, 2),
        ("2026-W50", StepKind.RAISE, 3),
    ]
    assert steps == [Step(StepKind.RESOLVE, 1, Cause.SILENT, 3, 1)]
    assert apply(steps, standing, period) == []


# Resolution


@pytest.mark.parametrize(
    ("facts", "cause"),
    [
        pytest.param(initiative("miss miss on"), Cause.SILENT, id="answer-arrives"),
        pytest.param(initiative("off off risk"), Cause.OFF_TRACK, id="status-recovers"),
        pytest.param(initiative("blk blk blk on"), Cause.BLOCKED, id="blocker-lifted"),
        pytest.param(initiative("on", due=TODAY + timedelta(7)), Cause.OVERDUE, id="due-moved"),
        pytest.param(initiative("on", due=None), Cause.OVERDUE, id="due-date-removed"),
        pytest.param(initiative("off off", status="done"), Cause.OFF_TRACK, id="done"),
    ],
)
def test_resolve_when_the_cause_goes_away(facts: InitiativeFacts, cause: Cause) -> None:
    steps = plan([facts], [opened(2, "2026-W47", cause)], today=TODAY, period=PERIOD)
    assert steps == [Step(StepKind.RESOLVE, 1, cause, 2, 7)]


def test_an_excused_week_does_not_resolve_silence() -> None:
    facts = initiative("miss miss skip")
    steps = plan([facts], [opened(2, "2026-W47")], today=TODAY, period=PERIOD)
    assert steps == [Step(StepKind.RAISE, 1, Cause.SILENT, 3, 7)]


def test_done_resolves_every_cause_in_order() -> None:
    standing = [opened(1, "2026-W47", cause, id=10 - rank) for rank, cause in enumerate(Cause)]
    done = initiative("off off", status="done", due=date(2020, 1, 1))
    steps = plan([done], reversed(standing), today=TODAY, period=PERIOD)
    assert [(step.kind, step.cause, step.escalation_id) for step in steps] == [
        (StepKind.RESOLVE, Cause.SILENT, 10),
        (StepKind.RESOLVE, Cause.OVERDUE, 9),
        (StepKind.RESOLVE, Cause.OFF_TRACK, 8),
        (StepKind.RESOLVE, Cause.BLOCKED, 7),
    ]


def test_orphan_escalation_is_resolved() -> None:
    orphan = OpenEscalation(40, 99, Cause.OVERDUE, 3, "2026-W40")
    steps = plan([initiative("on")], [orphan], today=TODAY, period=PERIOD)
    assert steps == [Step(StepKind.RESOLVE, 99, Cause.OVERDUE, 3, 40)]


def test_duplicate_open_escalations_keep_the_oldest() -> None:
    standing = [opened(1, "2026-W48", id=8), opened(2, "2026-W47", id=5)]
    steps = plan([SILENT], standing, today=TODAY, period=PERIOD)
    assert steps == [
        Step(StepKind.RAISE, 1, Cause.SILENT, 3, 5),
        Step(StepKind.RESOLVE, 1, Cause.SILENT, 1, 8),
    ]


def test_an_initiative_given_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="initiative 1 is given twice"):
        plan([SILENT, SILENT], [], today=TODAY, period=PERIOD)


def test_steps_are_ordered_by_initiative_then_cause() -> None:
    late = TODAY - timedelta(days=1)
    facts = [
        initiative("off off", initiative_id=3, due=late),
        initiative("miss miss", initiative_id=1),
        initiative("blk blk blk", initiative_id=2, due=late),
    ]
    standing = [OpenEscalation(5, 2, Cause.SILENT, 1, "2026-W47")]
    steps = plan(facts, standing, today=TODAY, period=PERIOD)
    assert [(step.initiative_id, step.kind, step.cause) for step in steps] == [
        (1, StepKind.OPEN, Cause.SILENT),
        (2, StepKind.RESOLVE, Cause.SILENT),
        (2, StepKind.OPEN, Cause.OVERDUE),
        (2, StepKind.OPEN, Cause.BLOCKED),
        (3, StepKind.OPEN, Cause.OVERDUE),
        (3, StepKind.OPEN, Cause.OFF_TRACK),
    ]


def test_plan_over_ten_thousand_initiatives() -> None:
    # Odd ids went silent: opened. Every fourth id answered but had a silent escalation
    # open: resolved. Ids ending in 2 or 6 still silent since last week: raised.
    facts = [
        initiative("miss miss" if i % 2 or i % 4 == 2 else "on on", initiative_id=i)
        for i in range(1, 10_001)
    ]
    standing = [
        OpenEscalation(i, i, Cause.SILENT, 1, "2026-W47") for i in range(1, 10_001) if i % 2 == 0
    ]
    steps = plan(facts, standing, today=TODAY, period=PERIOD)
    assert Counter(step.kind for step in steps) == {
        StepKind.OPEN: 5_000,
        StepKind.RAISE: 2_500,
        StepKind.RESOLVE: 2_500,
    }
    assert [step.initiative_id for step in steps] == list(range(1, 10_001))


def test_who_hears_each_level() -> None:
    from rituals.escalation import Audience, audiences

    people = {"owner": "U1", "accountable": "U2", "escalation_channel": "C9", "cmos": ["U7", "U8"]}
    assert audiences(1, **people) == [("U1", Audience.OWNER)]
    assert audiences(2, **people) == [("U2", Audience.ACCOUNTABLE), ("U1", Audience.OWNER_TOLD)]
    assert audiences(3, **people) == [
        ("C9", Audience.CHANNEL),
        ("U7", Audience.CMO),
        ("U8", Audience.CMO),
    ]
    alone = people | {"accountable": None, "escalation_channel": None}
    assert audiences(2, **alone) == [("U1", Audience.OWNER_TOLD)]
    assert audiences(3, **alone) == [("U7", Audience.CMO), ("U8", Audience.CMO)]


def test_an_absence_declared_later_does_not_excuse_the_weeks_before_it() -> None:
    from datetime import date as day

    from rituals.escalation import WeekSeen, facts_of

    weeks = [
        WeekSeen("2026-W46", day(2026, 11, 9), True, False, False, None, False),
        WeekSeen("2026-W47", day(2026, 11, 16), True, False, False, None, False),
        WeekSeen("2026-W48", day(2026, 11, 23), True, False, False, None, False),
    ]
    facts = facts_of(
        7, None, None, weeks, absences=[(day(2026, 11, 19), day(2026, 11, 30))], current="2026-W48"
    )
    assert [(p.period, p.excused) for p in facts.history] == [
        ("2026-W46", False),
        ("2026-W47", True),
        ("2026-W48", True),
    ]
