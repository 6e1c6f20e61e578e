"""What makes a committee trust a poll: the secret ballot, the quorum, and the one nudge.

A secret ballot stores each vote under a keyed hash of the voter (HMAC-SHA256 with the poll's
own random secret): one vote per member holds, and a changed vote replaces the old one. When
the poll closes its secret is destroyed, so the stored hashes can no longer be tied to member
ids, not even by trying every member. Pure but for `new_secret`: the caller passes `now`,
the members, the secret.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rituals.arbitration import Result
from rituals.models import Arbitration

# `--hidden`; "—hidden" too, as a keyboard's smart dashes may send it
_FLAG = re.compile(r"(?<!\S)(?:--|—|–)(?P<flag>hidden|anonymous|secret)(?!\S)", re.IGNORECASE)
KEY_LENGTH = 32  # hex characters kept of the HMAC: 128 bits, the width of a voter column
NUDGE_BEFORE = 24.0  # working hours before the deadline


@dataclass(frozen=True)
class Flags:
    """What `/arbitrate … --hidden --anonymous` asks of the poll, and the text without them."""

    text: str
    hidden: bool = False
    anonymous: bool = False


def read_flags(text: str) -> Flags:
    """Take `--hidden` (no tally until it closes) and `--anonymous` (or `--secret`: a secret
    ballot) out of a command's text, wherever they are written."""
    found = {m["flag"].lower() for m in _FLAG.finditer(text)}
    rest = _FLAG.sub("", text).strip()
    return Flags(rest, "hidden" in found, bool(found & {"anonymous", "secret"}))


def new_secret() -> str:
    return secrets.token_hex(32)


def voter_key(secret: str, voter: str) -> str:
    """The stored name of `voter` in the secret ballot keyed by `secret`."""
    digest = hmac.new(secret.encode(), voter.encode(), hashlib.sha256).hexdigest()
    return digest[:KEY_LENGTH]


def keys_of(secret: str | None, members: Iterable[str]) -> dict[str, str]:
    """Each member's stored name in the ballot (their id itself when it is not secret)."""
    return {m: m if secret is None else voter_key(secret, m) for m in members}


def counted_members(
    members: Sequence[str], voters: Sequence[str], *, secret: str | None, closed: bool
) -> list[str]:
    """The committee as the tally of a secret ballot must see it, in the names its votes are
    stored under.

    A closed secret ballot has lost its secret: its voters count as members (only members can
    vote), and members nobody can tell apart stand for those who did not vote."""
    if secret is not None:
        return list(keys_of(secret, members).values())
    if not closed:  # a ballot opened before secret ballots: its votes are stored in clear
        return list(members)
    stood_in = list(dict.fromkeys(voters))[: len(members)]
    return stood_in + [f"?{n}" for n in range(len(members) - len(stood_in))]


@dataclass(frozen=True)
class Quorum:
    """A committee's quorum applied to one poll: `share` of `members` must vote."""

    share: float | None
    members: int
    voted: int

    @property
    def needed(self) -> int:
        """How many votes make the quorum (0: none is set)."""
        if self.share is None or not self.members:
            return 0
        return math.ceil(self.share * self.members - 1e-9)

    @property
    def met(self) -> bool:
        return self.voted >= self.needed


def nudge_due(
    *, created_at: datetime, nudge_at: datetime, deadline: datetime, now: datetime
) -> bool:
    """Whether a poll's non-voters are nudged now: its nudge time (24 working hours before the
    deadline) has come and its deadline has not, and it was open before its nudge time (a poll
    opened less than a day before its deadline was just asked; a second message would be noise).
    """
    return created_at < nudge_at <= now < deadline


def quorum_of(poll: Arbitration, outcome: Result) -> Quorum:
    """The quorum of the poll's committee (as it stood when the poll opened) against its votes."""
    return Quorum(poll.quorum, outcome.tally.members, outcome.tally.voted)


def tally_of(poll: Arbitration, outcome: Result) -> dict[str, Any]:
    """What the decision log keeps of a poll's votes: counts, never voters."""
    return {
        "options": list(poll.options),
        "counts": list(outcome.tally.counts),
        "voted": outcome.tally.voted,
        "members": outcome.tally.members,
        "quorum": quorum_of(poll, outcome).needed,
    }
