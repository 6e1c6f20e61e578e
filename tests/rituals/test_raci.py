"""The RACI rules with plain data: who is asked for a co-owned initiative, `owner = a;b` in
the roadmap, and what the Informed hear (status moves, decisions, escalations) in a window."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from rituals.checkins import plan_prompts
from rituals.following import (
    ChangeKind,
    Followed,
    decision_changes,
    escalation_changes,
    news,
    status_changes,
)
from rituals.models import Absence
from rituals.roadmap import parse_roadmap
from tests.factories import initiative

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
PARIS = ZoneInfo("Europe/Paris")


def away(user: str, deputy: str | None = None) -> Absence:
    return Absence(user=user, since=date(2026, 11, 20), until=date(2026, 12, 4), deputy=deputy,
                   created_at=NOW)  # fmt: skip


def test_each_co_owner_is_asked_once_and_an_initiative_is_excused_only_when_all_are_away() -> None:
    erp = initiative("ERP", "U1", id=1, co_owners=["U2", "U1"])
    crm = initiative("CRM", "U3", id=2, co_owners=["U4"])
    plans = plan_prompts([erp, crm], quarter="2026-Q4", asked=set(), away={"U3": away("U3")})
    assert [(p.initiative.title, p.recipient, p.stands_for) for p in plans] == [
        ("ERP", "U1", "U1"),
        ("ERP", "U2", "U2"),
        ("CRM", "U4", "U4"),
    ]
    both_away = {"U3": away("U3"), "U4": away("U4")}
    [excused] = plan_prompts([crm], quarter="2026-Q4", asked=set(), away=both_away)
    assert excused.excused
    deputy = {"U3": away("U3", deputy="U4")}  # a deputy who co-owns it already: asked once
    assert [
        p.recipient for p in plan_prompts([crm], quarter="2026-Q4", asked=set(), away=deputy)
    ] == ["U4"]
    again = plan_prompts([erp], quarter="2026-Q4", asked={(1, "U1")}, away={})
    assert [p.recipient for p in again] == ["U2"]  # the one not asked yet


def test_a_roadmap_owner_may_be_several_people() -> None:
    rows, errors = parse_roadmap(
        "initiative,owner\nERP,U0OWNER01;jane@example.com\nCRM,U0OWNER02\nDSO,U0OWNER03;nobody\n",
        committees=("comex",),
        default_quarter="2026-Q4",
    )
    assert [(r.owner, r.co_owners) for r in rows[:2]] == [
        ("U0OWNER01", ("jane@example.com",)),
        ("U0OWNER02", ()),
    ]
    assert [(e.line, e.column) for e in errors] == [(4, "owner")]


def test_what_the_informed_hear_is_what_moved_in_the_window() -> None:
    since = datetime(2026, 10, 23, 15, 0, tzinfo=PARIS)  # across the end of summer time
    until = since + timedelta(days=7)
    day = timedelta(days=1)
    statuses = status_changes(
        [
            (1, "on_track", since - 7 * day),
            (1, "at_risk", since + day),
            (2, "on_track", since - 7 * day),
            (2, "on_track", since + day),  # said again: no change
            (3, "off_track", since + 2 * day),  # first status ever
            (4, "on_track", until + day),  # after the window
        ],
        since=since,
        until=until,
    )
    assert sorted((c.initiative_id, c.before, c.after) for c in statuses) == [
        (1, "on_track", "at_risk"),
        (3, None, "off_track"),
    ]
    escalations = escalation_changes(
        [(1, "blocked", since + day, since + 3 * day), (2, "silent", since - 9 * day, None)],
        since=since,
        until=until,
    )
    assert [c.kind for c in escalations] == [ChangeKind.OPENED, ChangeKind.RESOLVED]
    decisions = decision_changes([(2, "Extend", since + day), (2, "Old", since - day)],
                                 since=since, until=until)  # fmt: skip
    assert [c.text for c in decisions] == ["Extend"]

    followed = [
        Followed(1, "ERP", ("UA", "UB")),
        Followed(2, "CRM", ("UA",)),
        Followed(5, "Quiet", ("UC",)),
    ]
    heard = news(followed, [*statuses, *escalations, *decisions], stopped={"UB"})
    assert [(n.person, [i.title for i, _ in n.initiatives]) for n in heard] == [
        ("UA", ["CRM", "ERP"])
    ]
    [(_, erp_changes)] = [item for item in heard[0].initiatives if item[0].id == 1]
    assert [c.kind for c in erp_changes] == [
        ChangeKind.STATUS,
        ChangeKind.OPENED,
        ChangeKind.RESOLVED,
    ]
