"""Dependencies in the roadmap CSV (titles, dates, errors with line numbers, cycles) and the
rules that tell when a provider puts what depends on it at risk."""

from __future__ import annotations

from datetime import date

from rituals.dependencies import (
    Change,
    Need,
    Provider,
    Trouble,
    Watched,
    at_risk_through,
    changes,
    cycles,
    told,
    trouble_of,
)
from rituals.roadmap import format_errors, parse_roadmap

HEADER = "initiative,owner,committee,quarter,depends_on\n"


def parse(body: str) -> tuple[list, str]:
    rows, errors = parse_roadmap(HEADER + body, committees=("comex",), default_quarter="2026-Q4")
    return rows, format_errors(errors)


def test_titles_and_needed_by_dates_are_read() -> None:
    rows, errors = parse(
        "ERP phase 2,U0OWNER01,comex,2026-Q4,\n"
        "CRM,U0OWNER02,comex,2026-Q4,\n"
        'Billing,U0OWNER03,comex,2026-Q4,"ERP  phase 2 @ 2027-01-15; crm ;"\n'
    )
    assert errors == ""
    assert rows[0].depends_on == ()
    assert rows[2].depends_on == (Need("ERP phase 2", date(2027, 1, 15)), Need("crm"))


def test_a_file_without_the_column_leaves_dependencies_alone() -> None:
    rows, errors = parse_roadmap(
        "initiative,owner\nERP,U0OWNER01\n", committees=(), default_quarter="2026-Q4"
    )
    assert errors == [] and rows[0].depends_on is None


def test_french_header_is_read() -> None:
    text = "initiative;responsable;dépend de\nERP;U0OWNER01;\nCRM;U0OWNER02;ERP @ 15/01/2027\n"
    rows, errors = parse_roadmap(text, committees=(), default_quarter="2026-Q4")
    assert errors == []
    assert rows[1].depends_on == (Need("ERP", date(2027, 1, 15)),)


def test_each_wrong_dependency_is_an_error_on_its_line() -> None:
    _, errors = parse(
        "ERP,U0OWNER01,comex,2026-Q4,ERP\n"  # line 2: itself
        "CRM,U0OWNER02,comex,2026-Q4,Nothing like it\n"  # line 3: unknown
        "Billing,U0OWNER03,comex,2027-Q1,CRM\n"  # line 4: another quarter
        "Data,U0OWNER04,comex,2026-Q4,CRM @ 2027-02-30\n"  # line 5: no such day
    )
    lines = errors.splitlines()
    assert lines[0] == 'line 2: depends_on names "ERP", this initiative itself'
    assert lines[1].startswith('line 3: depends_on names "Nothing like it", which is no')
    assert lines[2].startswith('line 4: depends_on names "CRM", an initiative of 2026-Q4, not')
    assert lines[3].startswith('line 5: depends_on "2027-02-30" is not a date')
    assert len(lines) == 4


def test_a_cycle_is_one_error_naming_its_lines() -> None:
    _, errors = parse(
        "A,U0OWNER01,comex,2026-Q4,B\n"
        "B,U0OWNER02,comex,2026-Q4,C\n"
        "C,U0OWNER03,comex,2026-Q4,A\n"
        "D,U0OWNER04,comex,2026-Q4,A\n"  # depends on the cycle, is not part of it
    )
    assert errors == (
        'line 2: dependency cycle: line 2 ("A") → line 3 ("B") → line 4 ("C") → line 2 ("A"); '
        "remove one of these dependencies"
    )


def test_cycles_are_found_once_each() -> None:
    assert cycles({1: [2], 2: [1], 3: [4], 4: [5], 5: [3], 6: [1]}) == [[1, 2], [3, 4, 5]]
    assert cycles({1: [2], 2: [3]}) == []


TODAY = date(2026, 12, 1)


def test_trouble_is_the_worst_reason_and_none_once_done() -> None:
    assert trouble_of(Provider("on_track", False, None), today=TODAY) is None
    assert trouble_of(Provider("at_risk", False, None), today=TODAY) is Trouble.AT_RISK
    assert trouble_of(Provider("at_risk", True, None), today=TODAY) is Trouble.BLOCKED
    assert trouble_of(Provider("off_track", True, None), today=TODAY) is Trouble.OFF_TRACK
    late = Provider("on_track", False, date(2026, 11, 30))
    assert trouble_of(late, today=TODAY) is Trouble.LATE
    assert trouble_of(Provider("on_track", False, TODAY), today=TODAY) is None  # due today
    assert trouble_of(Provider("done", True, date(2026, 11, 1)), today=TODAY) is None


def test_a_change_is_told_once_and_cleared_when_it_goes() -> None:
    bad = Provider("off_track", False, None)
    good = Provider("on_track", False, None)
    assert changes([Watched(1, "accepted", bad, None)], today=TODAY) == [
        Change(1, Trouble.OFF_TRACK)
    ]
    assert changes([Watched(1, "accepted", bad, "off_track")], today=TODAY) == []
    assert changes([Watched(1, "proposed", good, "off_track")], today=TODAY) == [Change(1, None)]
    assert changes([Watched(1, "refused", bad, None)], today=TODAY) == []


def test_who_is_told_and_who_is_at_risk_through() -> None:
    assert told("U1", "U2", "U2") == ["U1", "U2"]
    assert told("U1", None, "U3") == ["U1", "U3"]
    links = [
        (1, "accepted", "ERP", Provider("off_track", False, None)),
        (1, "proposed", "CRM", Provider("on_track", False, None)),
        (2, "refused", "ERP", Provider("off_track", False, None)),
    ]
    assert at_risk_through(links, today=TODAY) == {1: ("ERP",)}
