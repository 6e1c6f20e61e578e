"""Decisions as commitments: status, when the follow-up owner is asked, the overdue ladder and
the review date, with plain dates."""

from __future__ import annotations

from datetime import date

import pytest

from rituals.decisions import (
    Commitment,
    DecisionStatus,
    DecisionStep,
    OpenDecisionEscalation,
    asked_in_week,
    audiences,
    plan,
    queues_request,
    review_due,
    status_of,
)
from rituals.escalation import Audience, StepKind

FRIDAY = date(2026, 12, 4)  # week 2026-W49
OWNER, CMO = "U0OWNER02", "U0CMO0001"


def due(**fields: object) -> Commitment:
    values: dict[str, object] = dict(id=7, follow_up_owner=OWNER, decided_by=CMO, due=FRIDAY)
    return Commitment(**(values | fields))  # type: ignore[arg-type]


def test_the_status_says_superseded_then_done_then_blocked_then_overdue() -> None:
    saturday = date(2026, 12, 5)
    assert status_of(due(), today=FRIDAY) is DecisionStatus.OPEN  # due today: not late yet
    assert status_of(due(), today=saturday) is DecisionStatus.OVERDUE
    assert status_of(due(blocked=True), today=saturday) is DecisionStatus.BLOCKED
    assert status_of(due(blocked=True, done=True), today=saturday) is DecisionStatus.DONE
    assert status_of(due(done=True, superseded=True), today=saturday) is DecisionStatus.SUPERSEDED
    assert status_of(due(due=None), today=saturday) is DecisionStatus.OPEN


def test_the_follow_up_owner_is_asked_from_the_week_of_the_due_date_until_done() -> None:
    assert not asked_in_week(due(), week_start=date(2026, 11, 23))  # the week before
    assert asked_in_week(due(), week_start=date(2026, 11, 30))  # due that Friday
    assert asked_in_week(due(), week_start=date(2026, 12, 7))  # late: asked again
    assert not asked_in_week(due(done=True), week_start=date(2026, 12, 7))
    assert not asked_in_week(due(superseded=True), week_start=date(2026, 12, 7))
    assert not asked_in_week(due(deferred=True), week_start=date(2026, 12, 7))
    assert not asked_in_week(due(follow_up_owner=None), week_start=date(2026, 12, 7))
    assert not asked_in_week(due(due=None), week_start=date(2026, 12, 7))


def test_the_week_across_the_year_end_and_a_dst_change() -> None:
    new_year = due(due=date(2027, 1, 1))  # a Friday of 2026-W53
    assert asked_in_week(new_year, week_start=date(2026, 12, 28))
    assert not asked_in_week(new_year, week_start=date(2026, 12, 21))
    spring = due(due=date(2027, 3, 28))  # the Sunday clocks go forward in Paris
    assert asked_in_week(spring, week_start=date(2027, 3, 22))


def test_an_overdue_decision_climbs_one_level_a_week_and_resolves_when_done() -> None:
    late = date(2026, 12, 7)
    [opened] = plan([due()], [], today=late, period="2026-W50")
    assert opened == DecisionStep(StepKind.OPEN, 7, 1, None)
    standing = OpenDecisionEscalation(1, 7, 1, "2026-W50")
    assert plan([due()], [standing], today=late, period="2026-W50") == []  # once a level
    [raised] = plan([due()], [standing], today=date(2026, 12, 14), period="2026-W51")
    assert (raised.kind, raised.level) == (StepKind.RAISE, 2)
    top = OpenDecisionEscalation(1, 7, 3, "2026-W51")
    assert plan([due()], [top], today=date(2026, 12, 28), period="2026-W53") == []
    [resolved] = plan([due(done=True)], [top], today=date(2026, 12, 28), period="2026-W53")
    assert (resolved.kind, resolved.escalation_id) == (StepKind.RESOLVE, 1)
    moved = due(due=date(2027, 1, 15))  # not yet, a new date: no longer late
    assert plan([moved], [top], today=date(2026, 12, 28), period="2026-W53")[0].kind is (
        StepKind.RESOLVE
    )
    assert plan([], [top], today=date(2026, 12, 28), period="2026-W53")[0].kind is (
        StepKind.RESOLVE
    )


def test_a_blocked_decision_past_its_date_still_climbs() -> None:
    [opened] = plan([due(blocked=True)], [], today=date(2026, 12, 7), period="2026-W50")
    assert opened.kind is StepKind.OPEN


def test_a_period_that_is_not_a_week_is_refused() -> None:
    with pytest.raises(ValueError):
        plan([], [], today=FRIDAY, period="2026-12")


def test_the_ladder_is_the_follow_up_owner_then_the_cmo_then_the_committee_queue() -> None:
    assert audiences(1, follow_up_owner=OWNER, decided_by=CMO) == [(OWNER, Audience.OWNER)]
    assert audiences(2, follow_up_owner=OWNER, decided_by=CMO) == [
        (CMO, Audience.CMO),
        (OWNER, Audience.OWNER_TOLD),
    ]
    assert audiences(3, follow_up_owner=OWNER, decided_by=CMO) == [(CMO, Audience.CMO)]
    assert [queues_request(level) for level in (1, 2, 3)] == [False, False, True]


def test_the_committee_is_asked_at_the_review_date_once() -> None:
    review = due(review_on=date(2027, 3, 1))
    assert not review_due(review, today=date(2027, 2, 28))
    assert review_due(review, today=date(2027, 3, 1))
    assert review_due(review, today=date(2027, 3, 9))  # a bot that was down asks later
    assert not review_due(due(review_on=date(2027, 3, 1), reviewed=True), today=date(2027, 3, 9))
    assert not review_due(due(review_on=date(2027, 3, 1), superseded=True), today=date(2027, 3, 9))
    assert not review_due(due(), today=date(2027, 3, 9))
