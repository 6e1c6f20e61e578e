"""The secret ballot's keyed hashes, `/arbitrate` flags, the quorum and the nudge's timing."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rituals.arbitration import result
from rituals.ballot import (
    KEY_LENGTH,
    Quorum,
    counted_members,
    keys_of,
    new_secret,
    nudge_due,
    read_flags,
    voter_key,
)

PARIS = ZoneInfo("Europe/Paris")
MEMBERS = ["U0CEO0001", "U0CFO0001", "U0CMO0001"]


def test_a_voter_s_key_is_stable_within_a_poll_and_unrelated_across_polls() -> None:
    one, other = new_secret(), new_secret()
    assert one != other and len(one) == 64
    assert voter_key(one, "U0CEO0001") == voter_key(one, "U0CEO0001")
    assert voter_key(one, "U0CEO0001") != voter_key(other, "U0CEO0001")
    assert voter_key(one, "U0CEO0001") != voter_key(one, "U0CFO0001")
    key = voter_key(one, "U0CEO0001")
    assert len(key) == KEY_LENGTH and "U0CEO0001" not in key


def test_a_secret_ballot_tallies_under_its_keys_and_still_counts_once_the_key_is_gone() -> None:
    secret = new_secret()
    named = keys_of(secret, MEMBERS)
    votes = [(named["U0CEO0001"], 0), (named["U0CFO0001"], 1), (named["U0CFO0001"], 0)]
    members = counted_members(MEMBERS, [v for v, _ in votes], secret=secret, closed=False)
    open_ = result(2, votes, members)
    assert open_.tally.counts == (2, 0) and len(open_.tally.missing) == 1
    closed = result(
        2, votes, counted_members(MEMBERS, [v for v, _ in votes], secret=None, closed=True)
    )
    assert closed.tally.counts == (2, 0)
    assert (closed.tally.voted, closed.tally.members, len(closed.tally.missing)) == (2, 3, 1)
    assert not set(closed.tally.missing) & set(MEMBERS)


@pytest.mark.parametrize(
    ("text", "rest", "hidden", "anonymous"),
    [
        ("Q? | A | B --hidden", "Q? | A | B", True, False),
        ("--anonymous --hidden Q? | A | B", "Q? | A | B", True, True),
        ("#board Q? | A | B —secret", "#board Q? | A | B", False, True),
        ("Q? | A--hidden | B", "Q? | A--hidden | B", False, False),  # inside a word: text
        ("Q? | A | B", "Q? | A | B", False, False),
    ],
)
def test_flags_are_taken_out_of_the_command_text(
    text: str, rest: str, hidden: bool, anonymous: bool
) -> None:
    flags = read_flags(text)
    assert (flags.text, flags.hidden, flags.anonymous) == (rest, hidden, anonymous)


@pytest.mark.parametrize(
    ("share", "members", "voted", "needed", "met"),
    [
        (0.5, 12, 6, 6, True),
        (0.5, 12, 5, 6, False),
        (0.5, 3, 1, 2, False),  # half of three is two voters
        (2 / 3, 3, 2, 2, True),
        (None, 12, 0, 0, True),  # no quorum set: any turnout stands
        (1.0, 4, 4, 4, True),
    ],
)
def test_the_quorum_is_a_share_of_the_members_rounded_up(
    share: float | None, members: int, voted: int, needed: int, met: bool
) -> None:
    quorum = Quorum(share, members, voted)
    assert (quorum.needed, quorum.met) == (needed, met)


def test_the_nudge_comes_once_its_time_has_come_and_not_after_the_deadline() -> None:
    opened = datetime(2026, 11, 26, 17, 0, tzinfo=PARIS)  # Thursday
    deadline = datetime(2026, 11, 30, 17, 0, tzinfo=PARIS)  # Monday
    nudge = datetime(2026, 11, 27, 17, 0, tzinfo=PARIS)  # a working day before: Friday
    at = {"created_at": opened, "nudge_at": nudge, "deadline": deadline}
    assert not nudge_due(**at, now=nudge - timedelta(minutes=1))
    assert nudge_due(**at, now=nudge)
    assert nudge_due(**at, now=deadline - timedelta(minutes=1))  # late, still before it closes
    assert not nudge_due(**at, now=deadline)
    # a poll opened after its nudge time (a short one) was just asked: no nudge
    assert not nudge_due(created_at=nudge, nudge_at=nudge, deadline=deadline, now=nudge)
