"""The weekly digest's data: sparklines, the order of initiatives, counts, changes, gaps."""

from dataclasses import replace

import pytest

from rituals.digest import (
    STATUS_ORDER,
    Answered,
    Digest,
    InitiativeLine,
    Silence,
    build_digest,
    kpi_trend,
    line_of,
    silence_of,
    sparkline,
)

NAN, INF = float("nan"), float("inf")


def line(
    initiative_id: int,
    title: str = "",
    status: str | None = "on_track",
    previous_status: str | None = "on_track",
    *,
    answered: bool = True,
    trend: tuple[float | None, ...] = (),
) -> InitiativeLine:
    return InitiativeLine(
        initiative_id=initiative_id,
        title=title or f"Initiative {initiative_id}",
        owner=f"U{initiative_id:08}",
        status=status,
        previous_status=previous_status,
        progress=50,
        kpi_value=None,
        kpi_target=None,
        kpi_unit="",
        trend=trend,
        blockers=None,
        answered=answered,
    )


def digest(*lines: InitiativeLine) -> Digest:
    return build_digest("comex", "2026-W48", lines)


# -- sparkline -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        pytest.param([1, 2, 3, 4, 5, 6, 7, 8], "▁▂▃▄▅▆▇█", id="one-step-each"),
        pytest.param([8, 7, 6, 5, 4, 3, 2, 1], "█▇▆▅▄▃▂▁", id="falling"),
        pytest.param([0, 10], "▁█", id="two-values"),
        pytest.param([10, 0, 10, 0], "█▁█▁", id="alternating"),
        pytest.param([-5, 0, 5], "▁▅█", id="negative-and-midpoint-rounds-up"),
        pytest.param([0.1, 0.2, 0.4], "▁▃█", id="floats"),
        pytest.param([100, 100.5, 101, 200], "▁▁▁█", id="scaled-to-min-and-max"),
        pytest.param([5, 5, 5], "▄▄▄", id="all-equal"),
        pytest.param([7], "▄", id="one-value"),
        pytest.param([None, 1, None, 3], " ▁ █", id="gaps"),
        pytest.param([None, 4.0, None], " ▄ ", id="one-known-value"),
        pytest.param([None, None], "  ", id="nothing-known"),
        pytest.param([], "", id="empty"),
        pytest.param([NAN, 1, INF, 2, -INF], " ▁ █ ", id="not-finite-is-unknown"),
        pytest.param([-1e308, 0, 1e308], "▁▅█", id="huge-span"),
    ],
)
def test_sparkline(values: list[float | None], shown: str) -> None:
    assert sparkline(values) == shown


def test_a_sparkline_has_one_bar_per_value_from_the_lowest_to_the_highest() -> None:
    values = [3.2, None, 9.9, 4.4, 4.4, None, 1.5, 7.0]
    bars = sparkline(values)
    assert len(bars) == len(values)
    assert bars[6] == "▁" and bars[2] == "█" and bars[3] == bars[4]
    ranks = [bars[i] for i in (6, 0, 3, 7, 2)]  # the known values, lowest to highest
    assert ranks == sorted(ranks)


def test_the_trend_line_is_empty_when_no_value_is_known() -> None:
    assert line(1, trend=(None, None, None)).trend_line == ""
    assert line(1, trend=()).trend_line == ""
    assert line(1, trend=(None, 2.0, 3.0)).trend_line == " ▁█"


def test_the_kpi_trend_is_the_last_eight_weeks_oldest_first() -> None:
    values = {"2026-W01": 5.0, "2025-W52": 4.0, "2025-W47": 1.0, "2025-W45": 99.0}
    assert kpi_trend(values, "2026-W01") == (None, 1.0, None, None, None, None, 4.0, 5.0)
    assert kpi_trend({}, "2026-W48", 3) == (None, None, None)


# -- order and counts ----------------------------------------------------------------------


def test_lines_go_worst_first_then_by_title() -> None:
    built = digest(
        line(1, "beta", "done"),
        line(2, "Alpha", None, None),
        line(3, "zulu", "off_track"),
        line(4, "alpha", "on_track"),
        line(5, "Beta", "on_track"),
        line(6, "yankee", "at_risk"),
        line(7, "mystery", "paused", None),
        line(8, "able", "off_track"),
    )
    assert [(one.status, one.title) for one in built.lines] == [
        ("off_track", "able"),
        ("off_track", "zulu"),
        ("at_risk", "yankee"),
        ("on_track", "alpha"),
        ("on_track", "Beta"),
        ("done", "beta"),
        (None, "Alpha"),
        ("paused", "mystery"),
    ]


def test_the_same_title_is_ordered_by_id_whatever_the_input_order() -> None:
    lines = [line(9, "Same"), line(2, "same"), line(5, "SAME")]
    assert [one.initiative_id for one in digest(*lines).lines] == [2, 5, 9]
    assert [one.initiative_id for one in digest(*reversed(lines)).lines] == [2, 5, 9]


def test_counts_cover_every_status_and_no_status() -> None:
    built = digest(
        line(1, status="off_track"),
        line(2, status="off_track"),
        line(3, status="done"),
        line(4, status=None),
        line(5, status="paused"),  # not a status the bot knows: counted with no status
    )
    assert built.counts == {"off_track": 2, "at_risk": 0, "on_track": 0, "done": 1, "none": 2}
    assert list(built.counts) == [*STATUS_ORDER, "none"]
    assert sum(built.counts.values()) == len(built.lines)


def test_an_empty_committee_counts_zero_everywhere() -> None:
    built = digest()
    assert built.lines == built.changed == built.missing == ()
    assert set(built.counts.values()) == {0} and len(built.counts) == 5


def test_an_initiative_listed_twice_is_refused() -> None:
    with pytest.raises(ValueError, match=r"more than once.*\[4\]"):
        digest(line(4), line(5), line(4, "again"))


# -- what changed, what is missing ---------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "previous", "changed"),
    [
        ("off_track", "on_track", True),
        ("done", "at_risk", True),
        ("on_track", "on_track", False),
        ("on_track", None, False),  # a first status is no change
        (None, "on_track", False),  # nor is a status missing this week
        (None, None, False),
    ],
)
def test_a_line_changed_when_both_statuses_are_known_and_differ(
    status: str | None, previous: str | None, changed: bool
) -> None:
    assert line(1, status=status, previous_status=previous).changed is changed


def test_changed_lists_the_changes_in_the_digest_s_order() -> None:
    built = digest(
        line(1, "a", "on_track", "at_risk"),
        line(2, "b", "on_track", "on_track"),
        line(3, "c", "off_track", "on_track"),
        line(4, "d", "at_risk", None),
    )
    assert [one.title for one in built.changed] == ["c", "a"]


def test_missing_lists_who_has_not_answered_in_the_digest_s_order() -> None:
    built = digest(
        line(1, "a", "on_track", answered=False),
        line(2, "b", "on_track"),
        line(3, "c", None, None, answered=False),
        line(4, "d", "off_track", answered=False),
    )
    assert [one.title for one in built.missing] == ["d", "a", "c"]
    assert all(one in built.lines for one in built.missing)


def test_the_lists_of_the_week_are_kept_as_given() -> None:
    built = build_digest(
        "comex",
        "2026-W48",
        [line(1)],
        escalations=[["Onboarding", "silent", 2]],  # type: ignore[list-item]
        decisions=iter([("Extend the ERP budget?", "Yes, to March")]),
        open_polls=[("Hire a PMO?", "Friday 12:00")],
    )
    assert built.escalations == (("Onboarding", "silent", 2),)
    assert built.decisions == (("Extend the ERP budget?", "Yes, to March"),)
    assert built.open_polls == (("Hire a PMO?", "Friday 12:00"),)
    assert hash(built) == hash(replace(built))


def test_the_kpi_read_from_its_source_this_week_wins_over_the_owners() -> None:
    from rituals.digest import Answered, line_of

    answers = {
        "2026-W47": Answered("on_track", 40, 7.0, None),
        "2026-W48": Answered("at_risk", 50, 6.5, "legal"),
    }
    common = dict(
        initiative_id=1, title="ERP", owner="U1", status="at_risk", kpi_target=5.0, kpi_unit="j"
    )
    fetched = line_of(**common, answers=answers, period="2026-W48", reading=("2026-W48", 6.1, None))
    assert (fetched.kpi_value, fetched.status, fetched.previous_status) == (
        6.1,
        "at_risk",
        "on_track",
    )
    assert fetched.changed and fetched.answered and fetched.blockers == "legal"
    stale = line_of(**common, answers=answers, period="2026-W48", reading=("2026-W47", 6.1, None))
    assert stale.kpi_value == 6.5 and stale.kpi_error is None
    failed = line_of(
        **common, answers=answers, period="2026-W48", reading=("2026-W48", None, "timeout")
    )
    assert (failed.kpi_value, failed.kpi_error) == (6.5, "timeout")
    silent = line_of(**common, answers={"2026-W47": answers["2026-W47"]}, period="2026-W48")
    assert (silent.answered, silent.status, silent.progress) == (False, "on_track", 40)


# -- why there is no answer ------------------------------------------------------------


@pytest.mark.parametrize(
    ("answered", "skipped", "away", "silence"),
    [
        (True, True, True, None),
        (False, False, False, Silence.MISSING),
        (False, True, False, Silence.SKIPPED),
        (False, False, True, Silence.AWAY),
        (False, True, True, Silence.SKIPPED),  # the skip clicked says more than the absence
    ],
)
def test_silence_says_why_there_is_no_answer(
    answered: bool, skipped: bool, away: bool, silence: Silence | None
) -> None:
    assert silence_of(answered=answered, skipped=skipped, away=away) == silence
    common = dict(
        initiative_id=1, title="ERP", owner="U1", status="at_risk", kpi_target=None, kpi_unit=""
    )
    answers = {"2026-W48": Answered("on_track", 40, None, None)} if answered else {}
    built = line_of(**common, answers=answers, period="2026-W48", skipped=skipped, away=away)
    assert built.silence == silence and built.answered == answered


def test_only_real_silence_is_missing_skipped_and_away_are_counted_apart() -> None:
    built = digest(
        line(1, "a"),
        line(2, "b", answered=False),
        replace(line(3, "c", answered=False), excused=Silence.SKIPPED),
        replace(line(4, "d", "off_track", answered=False), excused=Silence.AWAY),
        replace(line(5, "e"), excused=Silence.AWAY),  # answered anyway: not excused
    )
    assert [one.title for one in built.missing] == ["b"]
    assert [one.title for one in built.skipped] == ["c"]
    assert [one.title for one in built.away] == ["d"]
    assert sum(built.counts.values()) == 5, "every initiative is still counted"
