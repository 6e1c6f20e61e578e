"""Arbitration polls: `/arbitrate` as Slack sends it, deadlines across time zones, tallies."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rituals.arbitration import (
    MAX_OPTION,
    MAX_QUESTION,
    AgendaItem,
    ArbitrationError,
    PollRequest,
    Result,
    Tally,
    VoteChange,
    agenda_item,
    check_deadline,
    default_deadline,
    is_due,
    parse_arbitrate,
    result,
    tally,
    validate_poll,
    vote_change,
)

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
ZONES = pytest.mark.parametrize("tz", [PARIS, NEW_YORK, TOKYO], ids=str)

COMMITTEES = ("comex", "opscom")
CHANNELS = {"C0COMEX01": "comex", "C0OPSCOM1": "opscom"}
MEMBERS = ("U1", "U2", "U3", "U4")


def parse(text: str, channel_committee: str | None = None) -> PollRequest:
    return parse_arbitrate(
        text, committees=COMMITTEES, channel_committee=channel_committee, channel_names=CHANNELS
    )


def refusal(text: str, committees: tuple[str, ...] = COMMITTEES) -> ArbitrationError:
    with pytest.raises(ArbitrationError) as caught:
        parse_arbitrate(text, committees=committees, channel_committee=None, channel_names=CHANNELS)
    return caught.value


# Parsing: which committee


@pytest.mark.parametrize(
    ("text", "channel_committee", "committee"),
    [
        pytest.param("Go? | yes | no", "opscom", "opscom", id="channel-committee"),
        pytest.param("Go? | yes | no", None, "comex", id="elsewhere-first-committee"),
        pytest.param("#opscom Go? | yes | no", "comex", "opscom", id="hash-name"),
        pytest.param("#OpsCom Go? | yes | no", None, "opscom", id="hash-name-any-case"),
        pytest.param("opscom: Go? | yes | no", "comex", "opscom", id="name-colon"),
        pytest.param("OPSCOM : Go? | yes | no", "comex", "opscom", id="name-space-colon"),
        pytest.param("<#C0OPSCOM1|opscom> Go? | yes | no", "comex", "opscom", id="mention"),
        pytest.param("<#C0OPSCOM1> Go? | yes | no", "comex", "opscom", id="mention-no-label"),
        pytest.param("<#C0OPSCOM1|ops-team> Go? | yes | no", None, "opscom", id="mention-by-id"),
        pytest.param("<#C0UNMAPPED|opscom> Go? | yes | no", None, "opscom", id="mention-label"),
    ],
)
def test_committee_choice(text: str, channel_committee: str | None, committee: str) -> None:
    assert parse(text, channel_committee) == PollRequest(committee, "Go?", ("yes", "no"))


@pytest.mark.parametrize(
    ("text", "question"),
    [
        pytest.param("Budget: extend? | yes | no", "Budget: extend?", id="colon-not-committee"),
        pytest.param("Q3 roadmap: go? | yes | no", "Q3 roadmap: go?", id="colon-after-words"),
        pytest.param("Is comex: ok? | yes | no", "Is comex: ok?", id="committee-not-leading"),
        pytest.param("R&amp;D &lt;or&gt; sales? | yes | no", "R&D <or> sales?", id="unescaped"),
        pytest.param("Type &amp;lt; here? | yes | no", "Type &lt; here?", id="amp-unescaped-once"),
        pytest.param("  Go?\t|  yes |\tno  ", "Go?", id="whitespace"),
        pytest.param("Ask <@U1> first? | yes | no", "Ask <@U1> first?", id="user-mention-kept"),
    ],
)
def test_question(text: str, question: str) -> None:
    assert parse(text) == PollRequest("comex", question, ("yes", "no"))


def test_options_are_unescaped_and_stripped() -> None:
    request = parse("#comex Which?|  P&amp;L  | a &lt; b |c&gt;d")
    assert request.options == ("P&L", "a < b", "c>d")


# Parsing: refusals, each with its detail


@pytest.mark.parametrize(
    ("text", "code", "detail"),
    [
        pytest.param("", "no_question", {}, id="empty"),
        pytest.param("   | yes | no", "no_question", {}, id="blank-question"),
        pytest.param("#comex | yes | no", "no_question", {}, id="committee-only"),
        pytest.param("Go?", "one_option", {"count": 0}, id="no-option"),
        pytest.param("Go? | yes", "one_option", {"count": 1}, id="one-option"),
        pytest.param(
            "Go? | " + " | ".join(map(str, range(11))),
            "too_many_options",
            {"count": 11},
            id="eleven-options",
        ),
        pytest.param("Go? | yes | | no", "empty_option", {"position": 2}, id="empty-between"),
        pytest.param("Go? | yes | no |", "empty_option", {"position": 3}, id="trailing-pipe"),
        pytest.param(
            "Go? | Yes | no | yes ",
            "duplicate_option",
            {"option": "yes", "position": 3},
            id="duplicate-any-case",
        ),
        pytest.param(
            "#board Go? | yes | no",
            "unknown_committee",
            {"name": "board", "known": ["comex", "opscom"]},
            id="unknown-hash-name",
        ),
        pytest.param(
            "<#C0GENERAL|general> Go? | yes | no",
            "unknown_committee",
            {"name": "general", "known": ["comex", "opscom"], "channel": "C0GENERAL"},
            id="unknown-mention",
        ),
        pytest.param(
            "<#C0GENERAL> Go? | yes | no",
            "unknown_committee",
            {"name": "C0GENERAL", "known": ["comex", "opscom"], "channel": "C0GENERAL"},
            id="unknown-mention-no-label",
        ),
        pytest.param(
            "Q" * (MAX_QUESTION + 1) + " | yes | no",
            "too_long",
            {"field": "question", "limit": 2000},
            id="question-too-long",
        ),
        pytest.param(
            "Go? | yes | " + "n" * (MAX_OPTION + 1),
            "too_long",
            {"field": "option", "limit": 500, "position": 2},
            id="option-too-long",
        ),
    ],
)
def test_refusals(text: str, code: str, detail: dict[str, object]) -> None:
    error = refusal(text)
    assert (error.code, error.detail) == (code, detail)
    assert str(error)[0].isalpha() and "{" not in str(error)


def test_no_committee_configured() -> None:
    error = refusal("Go? | yes | no", committees=())
    assert (error.code, error.detail) == ("no_committee", {})


def test_checks_come_in_order() -> None:
    assert refusal(" | yes").code == "no_question"
    assert refusal("Go? | ").code == "one_option"
    assert refusal("Go? |" + "|" * 11).code == "too_many_options"
    assert refusal("Go? | yes | no | yes |").code == "empty_option"


@pytest.mark.parametrize(
    ("question", "option"),
    [
        pytest.param("Q" * MAX_QUESTION, "yes", id="question-at-limit"),
        pytest.param("Go?", "y" * MAX_OPTION, id="option-at-limit"),
        pytest.param("Q&amp;" * 400, "yes", id="limit-counts-unescaped"),
    ],
)
def test_lengths_at_the_limit(question: str, option: str) -> None:
    assert parse(f"{question} | {option} | no").options == (option, "no")


@pytest.mark.parametrize(
    ("count", "accepted"),
    [(1, False), (2, True), (10, True), (11, False)],
    ids=["1-refused", "2-ok", "10-ok", "11-refused"],
)
def test_option_count_limits(count: int, accepted: bool) -> None:
    options = [f"option {n}" for n in range(count)]
    if accepted:
        assert validate_poll(" Go? ", options) == ("Go?", tuple(options))
        assert len(parse("Go? | " + " | ".join(options)).options) == count
    else:
        with pytest.raises(ArbitrationError, match=str(count)):
            validate_poll("Go?", options)


def test_validate_poll_strips_like_the_command() -> None:
    assert validate_poll("\n Go?\n", [" yes", "no\t"]) == ("Go?", ("yes", "no"))
    with pytest.raises(ArbitrationError) as caught:
        validate_poll("Go?", ["yes", "  "])
    assert caught.value.detail == {"position": 2}


# Tallies and results


@pytest.mark.parametrize(
    ("votes", "expected"),
    [
        pytest.param([], Tally((0, 0, 0), ((), (), ()), 0, 4, MEMBERS), id="no-votes"),
        pytest.param(
            [("U2", 1)],
            Tally((0, 1, 0), ((), ("U2",), ()), 1, 4, ("U1", "U3", "U4")),
            id="one-vote",
        ),
        pytest.param(
            [("U2", 1), ("U2", 0)],
            Tally((1, 0, 0), (("U2",), (), ()), 1, 4, ("U1", "U3", "U4")),
            id="changed-vote-last-wins",
        ),
        pytest.param(
            [("U4", 0), ("U1", 2), ("U3", 0), ("U2", 2)],
            Tally((2, 0, 2), (("U3", "U4"), (), ("U1", "U2")), 4, 4, ()),
            id="all-members-voted",
        ),
        pytest.param(
            [("U1", 0), ("U9", 0)],
            Tally((2, 0, 0), (("U1", "U9"), (), ()), 2, 4, ("U2", "U3", "U4")),
            id="non-member-vote-counts",
        ),
        pytest.param(
            [("U1", 3), ("U2", -1), ("U3", 1), ("U3", 7)],
            Tally((0, 1, 0), ((), ("U3",), ()), 1, 4, ("U1", "U2", "U4")),
            id="out-of-range-ignored",
        ),
    ],
)
def test_tally(votes: list[tuple[str, int]], expected: Tally) -> None:
    assert tally(3, votes, MEMBERS) == expected


@pytest.mark.parametrize(
    ("votes", "members", "turnout"),
    [
        pytest.param([], MEMBERS, 0.0, id="nobody"),
        pytest.param([("U1", 0)], MEMBERS, 0.25, id="one-of-four"),
        pytest.param([("U1", 0), ("U1", 1)], MEMBERS, 0.25, id="same-voter-twice"),
        pytest.param([("U1", 0), ("U9", 0)], MEMBERS, 0.25, id="non-member-aside"),
        pytest.param([("U1", 0), ("U9", 0)], ("U1",), 1.0, id="never-above-one"),
        pytest.param([("U1", 0)], ("U1", "U1", "U2"), 0.5, id="members-distinct"),
        pytest.param([("U9", 0)], (), 0.0, id="no-members"),
    ],
)
def test_turnout(votes: list[tuple[str, int]], members: tuple[str, ...], turnout: float) -> None:
    assert tally(2, votes, members).turnout == turnout


@pytest.mark.parametrize(
    ("votes", "winners", "winner"),
    [
        pytest.param([], (), None, id="no-vote"),
        pytest.param([("U1", 2), ("U9", 5)], (2,), 2, id="single-vote"),
        pytest.param([("U1", 1), ("U2", 1), ("U3", 0)], (1,), 1, id="winner"),
        pytest.param([("U1", 1), ("U2", 0)], (0, 1), None, id="tie-of-two"),
        pytest.param([("U1", 2), ("U2", 0), ("U3", 1)], (0, 1, 2), None, id="tie-of-three"),
        pytest.param([("U1", 0), ("U2", 1), ("U1", 1)], (1,), 1, id="changed-vote-breaks-tie"),
    ],
)
def test_result(votes: list[tuple[str, int]], winners: tuple[int, ...], winner: int | None) -> None:
    outcome = result(3, votes, MEMBERS)
    assert outcome == Result(tally(3, votes, MEMBERS), winners)
    assert outcome.winner == winner
    assert outcome.tie is (len(winners) > 1)


# Deadlines


@pytest.mark.parametrize(
    ("tz", "start", "due"),
    [
        pytest.param(
            PARIS, datetime(2026, 10, 24, 10), datetime(2026, 10, 26, 9), id="paris-autumn-dst"
        ),
        pytest.param(
            PARIS, datetime(2026, 3, 28, 10), datetime(2026, 3, 30, 11), id="paris-spring-dst"
        ),
        pytest.param(
            NEW_YORK, datetime(2026, 10, 31, 10), datetime(2026, 11, 2, 9), id="new-york-autumn-dst"
        ),
        pytest.param(
            NEW_YORK, datetime(2026, 3, 7, 10), datetime(2026, 3, 9, 11), id="new-york-spring-dst"
        ),
        pytest.param(
            TOKYO, datetime(2026, 10, 24, 10), datetime(2026, 10, 26, 10), id="tokyo-no-dst"
        ),
        pytest.param(
            PARIS, datetime(2026, 12, 31, 18), datetime(2027, 1, 2, 18), id="paris-year-end"
        ),
    ],
)
def test_default_deadline_is_48_real_hours(tz: ZoneInfo, start: datetime, due: datetime) -> None:
    now = start.replace(tzinfo=tz)
    deadline = default_deadline(now, hours=48)
    assert deadline.tzinfo is UTC
    assert deadline - now == timedelta(hours=48)
    assert deadline.astimezone(tz).replace(tzinfo=None) == due


def test_default_deadline_takes_fractions_and_refuses_bad_input() -> None:
    now = datetime(2026, 11, 3, 10, tzinfo=PARIS)
    assert default_deadline(now, hours=1.5) == datetime(2026, 11, 3, 10, 30, tzinfo=UTC)
    with pytest.raises(ValueError, match="naive"):
        default_deadline(datetime(2026, 11, 3, 10), hours=48)
    with pytest.raises(ValueError, match="more than 0"):
        default_deadline(now, hours=0)


@ZONES
@pytest.mark.parametrize(
    ("offset", "due"),
    [(timedelta(minutes=-1), False), (timedelta(0), True), (timedelta(minutes=1), True)],
    ids=["before", "at", "after"],
)
def test_is_due(tz: ZoneInfo, offset: timedelta, due: bool) -> None:
    deadline = datetime(2026, 10, 25, 2, 30, tzinfo=tz)
    assert is_due(deadline, now=deadline + offset) is due
    assert is_due(deadline.astimezone(UTC), now=(deadline + offset).astimezone(TOKYO)) is due


@ZONES
@pytest.mark.parametrize(
    ("offset", "accepted"),
    [(timedelta(hours=-1), False), (timedelta(0), False), (timedelta(seconds=1), True)],
    ids=["past", "now", "future"],
)
def test_check_deadline(tz: ZoneInfo, offset: timedelta, accepted: bool) -> None:
    now = datetime(2026, 3, 29, 1, 59, tzinfo=tz)
    if accepted:
        check_deadline(now + offset, now=now.astimezone(UTC))
    else:
        with pytest.raises(ArbitrationError) as caught:
            check_deadline(now + offset, now=now.astimezone(UTC))
        assert caught.value.code == "past_deadline"


def test_naive_datetimes_are_refused() -> None:
    aware, naive = datetime(2026, 11, 3, 10, tzinfo=PARIS), datetime(2026, 11, 3, 10)
    for deadline, now in [(naive, aware), (aware, naive)]:
        with pytest.raises(ValueError, match="naive") as caught:
            check_deadline(deadline, now=now)
        assert not isinstance(caught.value, ArbitrationError)
        with pytest.raises(ValueError, match="naive"):
            is_due(deadline, now=now)


# Votes and agenda items


@pytest.mark.parametrize(
    ("previous", "chosen", "change"),
    [(None, 0, VoteChange.NEW), (1, 1, VoteChange.SAME), (0, 2, VoteChange.CHANGED)],
    ids=["new", "same", "changed"],
)
def test_vote_change(previous: int | None, chosen: int, change: VoteChange) -> None:
    assert vote_change(previous, chosen, options=3) is change


@pytest.mark.parametrize(
    ("chosen", "member", "closed", "change"),
    [
        (3, True, False, VoteChange.UNKNOWN),
        (-1, True, False, VoteChange.UNKNOWN),
        (0, True, True, VoteChange.CLOSED),
        (0, False, False, VoteChange.NOT_MEMBER),
        (0, False, True, VoteChange.CLOSED),
    ],
    ids=["no-such-option", "negative", "closed", "not-member", "closed-before-membership"],
)
def test_a_click_that_does_not_count(
    chosen: int, member: bool, closed: bool, change: VoteChange
) -> None:
    outcome = vote_change(None, chosen, options=3, member=member, closed=closed)
    assert outcome is change and not outcome.counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Extend the budget by 3 months?",
            AgendaItem("Extend the budget by 3 months?", None, "Extend the budget by 3 months?"),
            id="standard-options",
        ),
        pytest.param(
            " Extend the budget by 3 months? | yes | no | only 1 month \n",
            AgendaItem(
                "Extend the budget by 3 months?",
                ("yes", "no", "only 1 month"),
                "Extend the budget by 3 months? | yes | no | only 1 month",
            ),
            id="named-options",
        ),
        pytest.param(
            "Hire a PM? | yes",
            AgendaItem("Hire a PM? | yes", None, "Hire a PM? | yes"),
            id="one-named-option",
        ),
        pytest.param(
            "Hire? | a | | b",
            AgendaItem("Hire? | a | | b", None, "Hire? | a | | b"),
            id="empty-named-option",
        ),
        pytest.param(
            "Hire? | " + " | ".join("abcdefghijk"),
            AgendaItem(
                "Hire? | " + " | ".join("abcdefghijk"), None, "Hire? | " + " | ".join("abcdefghijk")
            ),
            id="eleven-named-options",
        ),
        pytest.param(
            "| yes | no", AgendaItem("| yes | no", None, "| yes | no"), id="no-question-before"
        ),
    ],
)
def test_agenda_item(text: str, expected: AgendaItem) -> None:
    assert agenda_item(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [("  ", "no_question"), ("x" * (MAX_QUESTION + 1), "too_long")],
    ids=["blank", "too-long"],
)
def test_agenda_item_that_cannot_be_a_poll(text: str, code: str) -> None:
    with pytest.raises(ArbitrationError) as caught:
        agenda_item(text)
    assert caught.value.code == code


def test_error_messages_read_as_sentences() -> None:
    error = ArbitrationError("unknown_committee", name="board", known=["comex", "opscom"])
    assert "board" in str(error) and "comex" in str(error)
    assert str(ArbitrationError("too_long")) == "the ? is longer than ? characters"
