"""Who is asked this week, and who answers in an absent owner's stead: plain data in and out."""

from __future__ import annotations

from datetime import UTC, date, datetime

from rituals.checkins import plan_prompts
from rituals.models import Absence
from rituals.status import Status
from tests.factories import initiative

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def absent(user: str, deputy: str | None = None) -> Absence:
    return Absence(
        user=user, since=date(2026, 11, 20), until=date(2026, 12, 4), deputy=deputy, created_at=NOW
    )


def titled(*rows: tuple[int, str, str]) -> list:
    return [initiative(title, owner, id=n) for n, title, owner in rows]


def test_each_initiative_of_the_quarter_not_done_and_not_yet_asked_is_asked_of_its_owner() -> None:
    roadmap = titled((1, "ERP", "U1"), (2, "CRM", "U2"), (3, "DSO", "U3"), (4, "Old", "U4"))
    roadmap[2].status = Status.DONE.value
    roadmap[3].quarter = "2026-Q3"
    plans = plan_prompts(roadmap, quarter="2026-Q4", asked={2}, away={})
    assert [(p.initiative.title, p.recipient) for p in plans] == [("ERP", "U1")]


def test_an_owner_away_is_replaced_by_their_deputy_or_excused() -> None:
    roadmap = titled((1, "ERP", "U1"), (2, "CRM", "U2"), (3, "DSO", "U3"))
    plans = plan_prompts(
        roadmap,
        quarter="2026-Q4",
        asked=set(),
        away={"U1": absent("U1", deputy="U9"), "U2": absent("U2")},
    )
    assert [(p.initiative.title, p.recipient, p.excused) for p in plans] == [
        ("ERP", "U9", False),
        ("CRM", None, True),
        ("DSO", "U3", False),
    ]
