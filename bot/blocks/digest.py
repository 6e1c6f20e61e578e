"""The weekly digest of a committee, read at a glance: a top message that counts every
initiative, and at most five thread messages that name only what needs attention.

Longer than most modules (~320 lines) because the packer lives beside the lines it packs: each
field of a line is clipped to its budget and the line fitted to LINE, so the thread is cut by
counting characters and blocks in one pass, never by rendering a message and bisecting. When
even five messages cannot name every exception, the lowest-priority kinds are counted in an
explicit "…and N more … not listed" line instead.

Past 300 lines: the top message, the thread's sections and the split by Slack's limits
are one layout; the counting that decides the split is here, where the blocks are made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from bot.blocks import kit
from bot.blocks.common import emoji, kpi_value, status_label
from bot.blocks.escalation import ThresholdsLike
from bot.blocks.scorecard import digest_section as scorecard_section
from bot.ids import Action, DigestRef
from bot.text import Mrkdwn, bold, clip, fit, md
from bot.text import link as link_to
from bot.words import Words
from rituals.digest import NO_STATUS, STATUS_ORDER, Digest, InitiativeLine, Silence, status_key
from rituals.scorecard import Scorecard
from rituals.status import Status

THREAD_MESSAGES = 5
# What people's text may take once escaped in a line; a line never passes LINE in all.
TITLE, OWNER, BLOCKERS, CAUSE, QUESTION, DECISION, DEADLINE = 80, 40, 100, 60, 150, 150, 120
KPI_ERROR = 60
COMMITTEE, LINE, HEADING, CONTEXT, UNLISTED = 80, 400, 200, 200, 200
# The threshold each cause of escalation states, by its field in the thresholds.
WEEKS = {"silent": "silent_periods", "off_track": "off_track_periods", "blocked": "blocked_periods"}


class Kind(StrEnum):
    """What needs attention, highest priority first: the last kinds are the first to be
    counted without being named when the thread is full. Escalations, off track and blocked
    ask the committee to act; decisions and polls are few; at risk, missing and changed are
    the many that a count can stand for."""

    ESCALATED = "escalated"
    OFF_TRACK = "off_track"
    BLOCKED = "blocked"
    DECISION = "decision"
    POLL = "poll"
    AT_RISK = "at_risk"
    MISSING = "missing"
    CHANGED = "changed"

    @property
    def slug(self) -> str:
        return self.value.replace("_", "-")


@dataclass(frozen=True)
class DigestPosts:
    """The top message, its thread replies in order, and what the thread counts unnamed."""

    top: kit.Message
    thread: tuple[kit.Message, ...]
    unlisted: dict[Kind, int] = field(default_factory=dict, hash=False)


def kind_of(line: InitiativeLine) -> Kind | None:
    """The one group an initiative is listed in, or None when it is only counted."""
    if line.status == Status.OFF_TRACK:
        return Kind.OFF_TRACK
    if line.blockers and line.status != Status.DONE:
        return Kind.BLOCKED
    if line.status == Status.AT_RISK or (line.through and line.status != Status.DONE):
        return Kind.AT_RISK  # at risk itself, or through a dependency in trouble
    if line.silence is Silence.MISSING:  # a skipped or excused week is only counted
        return Kind.MISSING
    return Kind.CHANGED if line.changed else None


def digest_posts(
    words: Words,
    digest: Digest,
    *,
    who: Callable[[str], Mrkdwn],
    thresholds: ThresholdsLike,
    link: str | None = None,
    scorecard: Scorecard | None = None,
) -> DigestPosts:
    """The digest's messages. `who` shows an owner (display names in a channel: no pings);
    `link`, the committee's dashboard page, is shown where the full list is promised.
    A poll's deadline is shown as is when it is Mrkdwn (`text.slack_date`), escaped otherwise."""
    groups = _groups(words, digest, who, thresholds)
    dashboard = link_to(link, words.text("digest-link-label")) if link else None
    messages, unlisted = _pack(words, groups, dashboard)
    committee = clip(digest.committee, COMMITTEE)
    thread = []
    for part, sections in enumerate(messages, start=1):
        about = dict(committee=committee, period=digest.period, part=part, parts=len(messages))
        thread.append(
            kit.message(
                words.md("digest-thread-fallback", **about),
                kit.context(fit(words.md("digest-thread-context", **about), CONTEXT)),
                *(kit.section(md("\n").join(section)) for section in sections),
            )
        )
    attention = sum(len(lines) for _, lines in groups)
    top = _top(words, digest, attention, dashboard, scorecard)
    return DigestPosts(top, tuple(thread), unlisted)


# -- the top message: everything counted --------------------------------------------------


def _top(
    words: Words,
    digest: Digest,
    attention: int,
    dashboard: Mrkdwn | None,
    scorecard: Scorecard | None = None,
) -> kit.Message:
    keys = (*STATUS_ORDER, NO_STATUS)
    count = {key: words.num(digest.counts.get(key, 0)) for key in keys}
    brief = md(" · ").join(md(f"{emoji(key)} ") + count[key] for key in keys)
    committee = clip(digest.committee, COMMITTEE)
    fallback = words.md(
        "digest-top-fallback", committee=committee, period=digest.period, counts=brief
    )
    title = words.text("digest-top-header", committee=digest.committee, period=digest.period)
    total = len(digest.lines)
    if not total:
        return kit.message(fallback, kit.header(title), kit.section(words.md("digest-top-empty")))
    counts = md(" · ").join(
        md(f"{emoji(key)} ") + status_label(words, key) + " " + bold(count[key]) for key in keys
    )
    facts = [_changes(words, digest.changed), _answers(words, digest, total)]
    facts.append(words.md("digest-top-escalations", count=len(digest.escalations)))
    facts.append(words.md("digest-top-decisions", count=len(digest.decisions)))
    facts.append(words.md("digest-top-polls", count=len(digest.open_polls)))
    unread = sum(line.kpi_error is not None for line in digest.lines)
    if unread:  # noted even when the initiative is otherwise only counted
        facts.append(words.md("digest-top-kpi-errors", count=unread))
    thread = words.md("digest-top-thread", count=attention) if attention else None
    notes = [thread or words.md("digest-top-calm")]
    if dashboard:
        notes.append(words.md("digest-top-link", link=dashboard))
    full_list = kit.button(  # every initiative, privately, to whoever clicks
        words.text("digest-list-button"), Action.DIGEST_LIST, DigestRef(c=digest.committee)
    )
    return kit.message(
        fallback,
        kit.header(title),
        kit.section(words.md("digest-top-total", count=total) + "\n" + counts, accessory=full_list),
        kit.section(md("\n").join(facts)),
        *_scorecard(words, scorecard),
        kit.context(*notes),
    )


def _scorecard(words: Words, scorecard: Scorecard | None) -> list[kit.Block]:
    """A line per perspective of the scorecard, when it has anything to show."""
    found = scorecard_section(words, scorecard) if scorecard else None
    return [found] if found is not None else []


def _answers(words: Words, digest: Digest, total: int) -> Mrkdwn:
    """`2 of 9 updates missing · 1 skipped · 1 away`: only silence is missing."""
    excused = [
        words.md(f"digest-top-{silence}", count=len(lines))
        for silence, lines in ((Silence.SKIPPED, digest.skipped), (Silence.AWAY, digest.away))
        if lines
    ]
    if digest.missing:
        said = words.md("digest-top-missing", missing=len(digest.missing), total=total)
    else:
        said = words.md("digest-top-none-missing" if excused else "digest-top-complete")
    return md(" · ").join([said, *excused])


def _changes(words: Words, changed: Sequence[InitiativeLine]) -> Mrkdwn:
    if not changed:
        return words.md("digest-top-unchanged")
    rank = {key: n for n, key in enumerate(STATUS_ORDER)}

    def worse(line: InitiativeLine) -> bool:
        before = rank.get(status_key(line.previous_status), len(rank))
        return rank.get(status_key(line.status), len(rank)) < before

    down = sum(map(worse, changed))
    return words.md(
        "digest-top-changed", count=len(changed), worse=down, better=len(changed) - down
    )


# -- the thread's lines, each bounded -----------------------------------------------------

Groups = list[tuple[Kind, list[Mrkdwn]]]


def _groups(
    words: Words, digest: Digest, who: Callable[[str], Mrkdwn], thresholds: ThresholdsLike
) -> Groups:
    lines: dict[Kind, list[Mrkdwn]] = {kind: [] for kind in Kind}
    for title, cause, level in digest.escalations:
        lines[Kind.ESCALATED].append(_escalation(words, title, cause, level, thresholds))
    for question, decision in digest.decisions:
        said = md("• ") + bold(question, QUESTION) + " → " + clip(decision, DECISION)
        lines[Kind.DECISION].append(said)
    for question, deadline in digest.open_polls:
        closes = words.md("digest-poll-closes", deadline=fit(md(deadline), DEADLINE))
        lines[Kind.POLL].append(md("• ") + bold(question, QUESTION) + " · " + closes)
    for line in digest.lines:
        kind = kind_of(line)
        if kind is not None:
            lines[kind].append(_initiative(words, line, who))
    return [(kind, [fit(text, LINE) for text in found]) for kind, found in lines.items() if found]


def _initiative(words: Words, line: InitiativeLine, who: Callable[[str], Mrkdwn]) -> Mrkdwn:
    """• status *title* · owner · KPI (target) · why it is listed."""
    reasons: list[Mrkdwn] = []
    if line.changed:
        was = md(f"{emoji(line.previous_status)} ") + status_label(words, line.previous_status)
        reasons.append(words.md("digest-reason-was", status=was))
    if line.blockers:
        reasons.append(words.md("digest-reason-blocked", blockers=clip(line.blockers, BLOCKERS)))
    if line.through:
        providers = words.join([clip(title, TITLE) for title in line.through])
        reasons.append(words.md("digest-reason-through", providers=providers))
    if line.silence is not None:
        reasons.append(words.md(f"digest-reason-{line.silence}"))
    if line.kpi_error:
        reasons.append(words.md("digest-reason-kpi-error", error=clip(line.kpi_error, KPI_ERROR)))
    parts = [md(f"• {emoji(line.status)} ") + bold(line.title, TITLE), fit(who(line.owner), OWNER)]
    if line.answered_by:  # a co-owner or a deputy answered
        parts[-1] += md(" (") + words.md("answer-by", name=fit(who(line.answered_by), OWNER)) + ")"
    if line.kpi_value is not None:  # this week's reading from its source, else the owner's
        parts.append(kpi_shown(words, line))
    return md(" · ").join([*parts, *([md(", ").join(reasons)] if reasons else [])])


def kpi_shown(words: Words, line: InitiativeLine) -> Mrkdwn:
    """KPI *value* (target *target*), as the language writes numbers."""
    value = kpi_value(words, line.kpi_value, line.kpi_unit)
    name = words.md("answer-kpi-name")
    if line.kpi_target is None:
        return words.md("answer-kpi", kpi=name, value=value)
    target = kpi_value(words, line.kpi_target, line.kpi_unit)
    return words.md("answer-kpi-target", kpi=name, value=value, target=target)


def _escalation(
    words: Words, title: str, cause: str, level: int, thresholds: ThresholdsLike
) -> Mrkdwn:
    """• *title* · the cause, with its configured threshold · the level."""
    if cause in WEEKS:
        weeks = getattr(thresholds, WEEKS[cause])
        why = words.md(f"digest-cause-{cause.replace('_', '-')}", weeks=weeks)
    elif cause == "overdue":
        why = words.md("digest-cause-overdue")
    else:
        why = clip(cause, CAUSE)
    level_words = words.md("escalation-level", level=level)
    return md("• ") + bold(title, TITLE) + " · " + why + " · " + level_words


# -- the packer: counting, one pass ------------------------------------------------------

Thread = list[list[list[Mrkdwn]]]  # messages → sections → lines
# Room the last message keeps for the "not listed" section: its heading, a line per kind, the link.
RESERVE = HEADING + (UNLISTED + 1) * (len(Kind) + 1)


class _Packer:
    """Bounded lines into sections (≤ 3000 characters) and messages (≤ 50 blocks, ≤ the text
    total, a context block of at most CONTEXT characters each), by counting."""

    def __init__(self) -> None:
        self.thread: Thread = []
        self.chars = self.blocks = 0

    def _room(self) -> tuple[int, int]:
        last = len(self.thread) == THREAD_MESSAGES
        chars = kit.MESSAGE_TEXT_TOTAL - self.chars - (RESERVE if last else 0)
        return chars, kit.MESSAGE_BLOCKS - self.blocks - (1 if last else 0)

    def extend(self, section: list[Mrkdwn], line: Mrkdwn) -> bool:
        """`line` added to the open section, if both the section and the message take it."""
        longer = sum(map(len, section)) + len(section) + len(line)
        if longer > kit.SECTION_TEXT or 1 + len(line) > self._room()[0]:
            return False
        section.append(line)
        self.chars += 1 + len(line)
        return True

    def open(self, title: Mrkdwn, line: Mrkdwn) -> list[Mrkdwn] | None:
        """A new section of `title` and `line`, in this message or the next; None when the
        thread has no message left for it."""
        chars, blocks = self._room()
        if not self.thread or blocks < 1 or len(title) + 1 + len(line) > chars:
            if len(self.thread) == THREAD_MESSAGES:
                return None
            self.thread.append([])
            self.chars, self.blocks = CONTEXT, 1
        section = [title, line]
        self.thread[-1].append(section)
        self.chars += len(title) + 1 + len(line)
        self.blocks += 1
        return section


def _pack(words: Words, groups: Groups, dashboard: Mrkdwn | None) -> tuple[Thread, dict[Kind, int]]:
    """Every group's lines in priority order; from the first line that finds no room, that
    group and the lower ones are counted in a last "not listed" section."""
    packer = _Packer()
    for index, (kind, lines) in enumerate(groups):
        heading = fit(words.md(f"digest-heading-{kind.slug}", count=len(lines)), HEADING)
        again = fit(words.md("digest-heading-continued", heading=heading), HEADING)
        section: list[Mrkdwn] | None = None
        for position, line in enumerate(lines):
            if section is not None and packer.extend(section, line):
                continue
            section = packer.open(heading if position == 0 else again, line)
            if section is None:
                unlisted = {kind: len(lines) - position}
                unlisted |= {lower: len(rest) for lower, rest in groups[index + 1 :]}
                packer.thread[-1].append(_unlisted(words, unlisted, dashboard))
                return packer.thread, unlisted
    return packer.thread, {}


def _unlisted(words: Words, unlisted: dict[Kind, int], dashboard: Mrkdwn | None) -> list[Mrkdwn]:
    lines = [fit(words.md("digest-unlisted-heading"), HEADING)]
    for kind, count in unlisted.items():
        lines.append(fit(words.md(f"digest-unlisted-{kind.slug}", count=count), UNLISTED))
    if dashboard:
        lines.append(fit(words.md("digest-unlisted-link", link=dashboard), UNLISTED))
    return lines
