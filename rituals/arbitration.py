"""Committee arbitration polls: read `/arbitrate` requests, check deadlines, tally votes.

Pure domain: the caller passes `now`, the committees and the votes; nothing here talks to Slack.

Past 300 lines by a few: the vote-counting rules (tally, winner, quorum, secret ballot
count) read best side by side.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

MAX_OPTIONS = 10
MAX_QUESTION = 2000  # characters
MAX_OPTION = 500  # characters per option (whole text; buttons shorten it elsewhere)

_MESSAGES = {
    "no_question": "the poll has no question; write QUESTION | OPTION | OPTION",
    "one_option": "a poll needs at least 2 options, got {count}",
    "too_many_options": f"a poll takes at most {MAX_OPTIONS} options, got {{count}}",
    "empty_option": "option {position} is empty",
    "duplicate_option": "option {option!r} is given twice",
    "unknown_committee": "there is no committee named {name!r}; known committees: {known}",
    "no_committee": "no committee is configured to put the poll to",
    "past_deadline": "the deadline {deadline} is not after now ({now})",
    "too_long": "the {field} is longer than {limit} characters",
}
_CHANNEL_MENTION = re.compile(r"\s*<#(?P<id>[A-Z0-9]+)(?:\|(?P<label>[^>]*))?>")
_HASH_NAME = re.compile(r"\s*#(?P<name>[^\s|:]+):?")


class ArbitrationError(ValueError):
    """Bad input; `code` says which, `detail` carries what the message needs."""

    code: str
    detail: dict[str, object]

    def __init__(self, code: str, **detail: object) -> None:
        super().__init__(_MESSAGES.get(code, code).format_map(_Detail(detail)))
        self.code = code
        self.detail = detail


class _Detail(dict[str, object]):
    """Detail for a log message: a missing key shows as "?" instead of failing the error."""

    def __missing__(self, key: str) -> str:
        return "?"


@dataclass(frozen=True)
class PollRequest:
    committee: str
    question: str
    options: tuple[str, ...]


def parse_arbitrate(
    text: str,
    *,
    committees: Sequence[str],
    channel_committee: str | None,
    channel_names: Mapping[str, str] | None = None,
) -> PollRequest:
    """Read `/arbitrate [#committee | committee:] QUESTION | OPTION | OPTION […]` as Slack sends it.

    Without an explicit committee, the poll goes to the channel's committee, else the first one.
    """
    committee, rest = _explicit_committee(text, committees, channel_names or {})
    if committee is None:
        committee = channel_committee or (committees[0] if committees else None)
    if committee is None:
        raise ArbitrationError("no_committee")
    question, *options = (_unescape(part) for part in split_options(rest))
    question, checked = validate_poll(question, options)
    return PollRequest(committee, question, checked)


def _explicit_committee(
    text: str, committees: Sequence[str], channel_names: Mapping[str, str]
) -> tuple[str | None, str]:
    """The committee a request names up front, if any, and the text that follows it."""
    if mention := _CHANNEL_MENTION.match(text):
        label = mention["label"] or mention["id"]
        named = _known(channel_names.get(mention["id"]) or label, committees)
        if named is None:
            raise ArbitrationError(
                "unknown_committee", name=label, known=list(committees), channel=mention["id"]
            )
        return named, text[mention.end() :]
    if hashed := _HASH_NAME.match(text):
        name = _unescape(hashed["name"])
        named = _known(name, committees)
        if named is None:
            raise ArbitrationError("unknown_committee", name=name, known=list(committees))
        return named, text[hashed.end() :]
    for name in committees:
        if prefix := re.match(rf"\s*{re.escape(name)}\s*:", text, re.IGNORECASE):
            return name, text[prefix.end() :]
    return None, text


def _known(name: str, committees: Sequence[str]) -> str | None:
    """The committee's configured spelling, matched regardless of case."""
    return next((known for known in committees if known.casefold() == name.casefold()), None)


_MARKUP_OR_PIPE = re.compile(r"<[^<>]*>|\|")


def split_options(text: str) -> list[str]:
    """`text` cut at each `|` that is not inside Slack's own markup (`<#C1|ops>`,
    `<https://x|label>`, `<@U1|name>`): those stay whole in their option."""
    parts, start = [], 0
    for found in _MARKUP_OR_PIPE.finditer(text):
        if found[0] == "|":
            parts.append(text[start : found.start()])
            start = found.end()
    return [*parts, text[start:]]


def _unescape(text: str) -> str:
    # `&amp;` last, so that a typed "&lt;" (sent as "&amp;lt;") stays "&lt;".
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def validate_poll(question: str, options: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """Check a poll's question and options (the modal's, or a parsed command's); strip them."""
    question, stripped = question.strip(), tuple(option.strip() for option in options)
    if not question:
        raise ArbitrationError("no_question")
    if len(stripped) < 2:
        raise ArbitrationError("one_option", count=len(stripped))
    if len(stripped) > MAX_OPTIONS:
        raise ArbitrationError("too_many_options", count=len(stripped))
    for position, option in enumerate(stripped, start=1):
        if not option:
            raise ArbitrationError("empty_option", position=position)
    if len(question) > MAX_QUESTION:
        raise ArbitrationError("too_long", field="question", limit=MAX_QUESTION)
    seen: set[str] = set()
    for position, option in enumerate(stripped, start=1):
        if len(option) > MAX_OPTION:
            raise ArbitrationError("too_long", field="option", limit=MAX_OPTION, position=position)
        key = " ".join(option.split()).casefold()
        if key in seen:
            raise ArbitrationError("duplicate_option", option=option, position=position)
        seen.add(key)
    return question, stripped


def _aware(**moments: datetime) -> None:
    for name, moment in moments.items():
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"{name} {moment!r} is naive; pass an aware datetime")


def check_deadline(deadline: datetime, *, now: datetime) -> None:
    """Refuse a deadline that is not strictly after `now`."""
    _aware(deadline=deadline, now=now)
    if deadline <= now:
        raise ArbitrationError("past_deadline", deadline=deadline, now=now)


def default_deadline(now: datetime, *, hours: float) -> datetime:
    """`hours` real hours after `now` (so 48 h across a DST change is 47 or 49 on the clock)."""
    _aware(now=now)
    if not hours > 0:
        raise ValueError(f"hours must be more than 0, not {hours}")
    # Added in UTC: aware arithmetic in one zone is wall-clock, and would ignore a DST change.
    return now.astimezone(UTC) + timedelta(hours=hours)


def is_due(deadline: datetime, *, now: datetime) -> bool:
    _aware(deadline=deadline, now=now)
    return deadline <= now


@dataclass(frozen=True)
class Tally:
    counts: tuple[int, ...]  # per option
    voters: tuple[tuple[str, ...], ...]  # per option, sorted user ids
    voted: int  # distinct voters
    members: int  # committee size
    missing: tuple[str, ...]  # members who have not voted, sorted

    @property
    def turnout(self) -> float:
        """The share of the committee's members who voted (non-members' votes aside)."""
        return (self.members - len(self.missing)) / self.members if self.members else 0.0


def tally(option_count: int, votes: Iterable[tuple[str, int]], members: Sequence[str]) -> Tally:
    """Count votes; a voter's last vote wins and votes for options that do not exist are ignored.

    A voter who is no longer a member keeps their vote, but is never `missing`.
    """
    latest: dict[str, int] = {}
    for voter, index in votes:
        if 0 <= index < option_count:
            latest[voter] = index
    voters = tuple(
        tuple(sorted(voter for voter, index in latest.items() if index == option))
        for option in range(option_count)
    )
    committee = set(members)
    return Tally(
        counts=tuple(len(names) for names in voters),
        voters=voters,
        voted=len(latest),
        members=len(committee),
        missing=tuple(sorted(committee - latest.keys())),
    )


@dataclass(frozen=True)
class Result:
    tally: Tally
    winners: tuple[int, ...]  # options with the highest count (several = tie); empty: no vote

    @property
    def winner(self) -> int | None:
        """The single winner; None on a tie or when nobody voted."""
        return self.winners[0] if len(self.winners) == 1 else None

    @property
    def tie(self) -> bool:
        return len(self.winners) > 1


def result(option_count: int, votes: Iterable[tuple[str, int]], members: Sequence[str]) -> Result:
    counted = tally(option_count, votes, members)
    top = max(counted.counts, default=0)
    winners = tuple(i for i, count in enumerate(counted.counts) if top and count == top)
    return Result(counted, winners)


class VoteChange(StrEnum):
    """How a click on a poll ends: counted (new, changed), or why not."""

    NEW = "new"
    CHANGED = "changed"
    SAME = "same"
    NOT_MEMBER = "not_member"
    CLOSED = "closed"
    UNKNOWN = "unknown"

    @property
    def counts(self) -> bool:
        """Whether the stored vote changes."""
        return self in (VoteChange.NEW, VoteChange.CHANGED)


def vote_change(
    previous: int | None,
    chosen: int,
    *,
    options: int,
    member: bool = True,
    closed: bool = False,
) -> VoteChange:
    """What a member's click on option `chosen` does, given their `previous` vote."""
    if not 0 <= chosen < options:
        return VoteChange.UNKNOWN
    if closed:
        return VoteChange.CLOSED
    if not member:
        return VoteChange.NOT_MEMBER
    if previous is None:
        return VoteChange.NEW
    return VoteChange.SAME if previous == chosen else VoteChange.CHANGED


def committee_for(wanted: str | None, committees: Sequence[str]) -> str | None:
    """The committee a request goes to: its initiative's, when configured, else the first."""
    if wanted in committees:
        return wanted
    return committees[0] if committees else None


@dataclass(frozen=True)
class AgendaItem:
    question: str
    # None: the bot offers its standard options (the owner's proposal, reject, defer).
    options: tuple[str, ...] | None
    proposal: str  # the request text, as the owner wrote it (for the "approve: …" option)


def agenda_item(request_text: str) -> AgendaItem:
    """An owner's "decision needed" text as a poll; `Question? | A | B` names its own options.

    Named options that would not make a valid poll are ignored: the whole text is the question.
    """
    text = request_text.strip()
    if "|" in text:
        question, *options = text.split("|")
        try:
            question, checked = validate_poll(question, options)
        except ArbitrationError:
            pass
        else:
            return AgendaItem(question, checked, text)
    if not text:
        raise ArbitrationError("no_question")
    if len(text) > MAX_QUESTION:
        raise ArbitrationError("too_long", field="question", limit=MAX_QUESTION)
    return AgendaItem(text, None, text)
