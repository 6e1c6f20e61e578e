"""The App Home: a person's absence with an I'm back button, their initiatives with their last
answer and a Check in now button, what they owe, the escalations they answer for, the
decisions they may see; a CMO's adds the portfolio. Every list is cut
to a few items and "…and N more", so the view stays within 100 blocks whatever the data.

Near 300 lines because half of it is the frozen inputs that the Home service fills."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar, cast

from bot.blocks import kit
from bot.blocks.common import AnswerLike, KpiInfo, emoji, summary
from bot.blocks.escalation import ThresholdsLike, why
from bot.blocks.scorecard import home_lines
from bot.ids import Action, PromptRef
from bot.text import Mrkdwn, bold, channel, clip, fit, md, slack_date
from bot.words import Words
from rituals.digest import NO_STATUS, STATUS_ORDER
from rituals.scorecard import Scorecard

SHOWN_INITIATIVES, SHOWN_POLLS, SHOWN_LINES, SHOWN_COMMITTEES, SHOWN_DECISIONS = 20, 5, 8, 20, 5
# What people's text may take once escaped: the longest list (8 lines) stays in one section.
TITLE, LINE_TITLE, TEXT, QUESTION, NAME = 300, 150, 150, 1500, 40
T = TypeVar("T")
Who = Callable[[str], Mrkdwn]


@dataclass(frozen=True)
class Listed(Generic[T]):
    """The first items of a list and how many there are in all (the rest: "…and N more")."""

    items: tuple[T, ...] = ()
    total: int = 0

    def shown(self, cap: int) -> tuple[tuple[T, ...], int]:
        items = self.items[:cap]
        return items, max(self.total, len(self.items)) - len(items)


@dataclass(frozen=True)
class LastAnswer:
    period: str
    status: str | None
    progress: int | None = None
    kpi_value: float | None = None
    blockers: str | None = None
    decision_request: str | None = None
    highlights: str | None = None


@dataclass(frozen=True)
class MyInitiative:
    id: int
    title: str
    status: str | None
    due: date | None = None
    kpi_name: str = ""
    kpi_unit: str = ""
    kpi_target: float | None = None
    last: LastAnswer | None = None


@dataclass(frozen=True)
class OpenPoll:
    committee: str
    question: str
    deadline: datetime
    channel: str | None = None  # the committee's channel id, where to vote


@dataclass(frozen=True)
class MyEscalation:
    title: str
    owner: str
    cause: str
    level: int
    opened_at: datetime
    due: date | None = None


@dataclass(frozen=True)
class Away:
    """A person's absence under way (`coming` False) or still to come."""

    since: date
    until: date
    deputy: str | None = None
    coming: bool = False


@dataclass(frozen=True)
class RecentDecision:
    committee: str
    question: str
    decision: str
    deferred: bool
    decided_at: datetime


@dataclass(frozen=True)
class Mine:
    """What is one person's; `prompts` are the titles of this week's check-ins they owe;
    `decisions` those of their committees and initiatives (a CMO's are in the portfolio)."""

    initiatives: Listed[MyInitiative] = Listed()
    prompts: Listed[str] = Listed()
    polls: Listed[OpenPoll] = Listed()
    escalations: Listed[MyEscalation] = Listed()
    decisions: Listed[RecentDecision] = Listed()
    away: Away | None = None

    def anything(self) -> bool:
        listed = (self.initiatives, self.prompts, self.polls, self.escalations, self.decisions)
        return any(each.total or each.items for each in listed)


@dataclass(frozen=True)
class CommitteeCounts:
    name: str | None  # None: the initiatives without a committee
    counts: Mapping[str, int]  # by status key (rituals.digest.status_key), "none" without one


@dataclass(frozen=True)
class Overdue:
    title: str
    owner: str
    due: date | None


@dataclass(frozen=True)
class Queued:
    committee: str
    title: str
    text: str
    requested_by: str


@dataclass(frozen=True)
class Portfolio:
    """The CMO's view of the quarter."""

    committees: Listed[CommitteeCounts] = Listed()
    overdue: Listed[Overdue] = Listed()
    queue: Listed[Queued] = Listed()
    decisions: Listed[RecentDecision] = Listed()
    # (answers written as a message, corrections of how the bot read them) this quarter
    reading: tuple[int, int] = (0, 0)


def home_view(
    words: Words,
    mine: Mine,
    portfolio: Portfolio | None = None,
    *,
    week: str,
    quarter: str,
    now: datetime,
    who: Who,
    thresholds: ThresholdsLike,
    scorecard: Scorecard | None = None,
) -> dict[str, Any]:
    """The Home tab as views.publish takes it; a CMO's with the scorecard."""
    blocks: list[kit.Block] = [kit.header(words.text("home-header"))]
    if mine.away is not None:
        blocks.append(_away(words, mine.away, who))
    if mine.anything():
        blocks += _initiatives(words, mine.initiatives, week=week, quarter=quarter)
        blocks += _owed(words, mine, week)
        blocks += _escalations(words, mine.escalations, who, thresholds)
        blocks += _my_decisions(words, mine.decisions)
    else:
        blocks.append(kit.section(words.md("home-empty") + "\n" + words.md("home-empty-next")))
    if portfolio is not None:
        blocks += _portfolio(words, portfolio, quarter, who)
    if scorecard is not None:
        header = kit.header(words.text("scorecard-home-header"))
        blocks += [kit.divider(), header, *_sections(home_lines(words, scorecard))]
    footer = words.md("home-footer", week=week, now=slack_date(now))
    return kit.home([*blocks, kit.context(footer)])


def _away(words: Words, away: Away, who: Who) -> kit.Block:
    """The absence, with the button that ends it (or calls off one still to come)."""
    named = {"deputy": fit(who(away.deputy), NAME)} if away.deputy else {}
    said = "home-away"
    if away.coming:
        said = "home-away-day" if away.since == away.until else "home-away-coming"
    said += "-deputy" if named else ""
    text = words.md(said, since=away.since, until=away.until, **named)
    label = words.text("home-button-cancel-away" if away.coming else "home-button-back")
    return kit.section(text, accessory=kit.button(label, Action.ABSENCE_BACK, "back"))


def _more(words: Words, count: int) -> list[Mrkdwn]:
    return [words.md("home-more", count=count)] if count else []


def _initiatives(
    words: Words, listed: Listed[MyInitiative], *, week: str, quarter: str
) -> list[kit.Block]:
    blocks: list[kit.Block] = [kit.header(words.text("home-initiatives", quarter=quarter))]
    items, more = listed.shown(SHOWN_INITIATIVES)
    for item in items:
        first = md(f"{emoji(item.status)} ") + bold(item.title, TITLE)
        if item.due:
            first += " · " + words.md("home-initiative-due", due=item.due)
        if item.last is None:
            answer = words.md("home-no-update")
        else:
            answer = words.md("home-last", period=item.last.period) + "\n"
            # common's protocols declare settable fields, which frozen dataclasses are not.
            answer += summary(words, cast(KpiInfo, item), cast(AnswerLike, item.last))
        label = words.text("home-button-checkin")
        button = kit.button(label, Action.CHECKIN_UPDATE, PromptRef(i=item.id, p=week))
        blocks.append(kit.section(first + "\n" + answer, accessory=button))
    if not items:
        blocks.append(kit.section(words.md("home-no-initiative")))
    if more:
        blocks.append(kit.context(*_more(words, more)))
    return blocks


def _owed(words: Words, mine: Mine, week: str) -> list[kit.Block]:
    blocks: list[kit.Block] = [kit.divider(), kit.header(words.text("home-owe"))]
    prompts, more_prompts = mine.prompts.shown(SHOWN_LINES)
    polls, more_polls = mine.polls.shown(SHOWN_POLLS)
    if not prompts and not polls:
        blocks.append(kit.section(words.md("home-caught-up")))
    if prompts:
        lines = [md("• ") + clip(title, LINE_TITLE) for title in prompts]
        heading = words.md("home-prompts", week=week)
        blocks += _sections([heading, *lines, *_more(words, more_prompts)])
    for poll in polls:
        committee, question = clip(poll.committee, NAME), clip(poll.question, QUESTION)
        ask = words.md("home-poll", committee=committee, question=question)
        when = [words.md("home-poll-deadline", deadline=slack_date(poll.deadline))]
        if poll.channel:
            when.append(words.md("home-poll-channel", channel=channel(poll.channel)))
        blocks.append(kit.section(ask + "\n" + md(" · ").join(when)))
    if more_polls:
        blocks.append(kit.context(*_more(words, more_polls)))
    return blocks


def _escalations(
    words: Words, listed: Listed[MyEscalation], who: Who, thresholds: ThresholdsLike
) -> list[kit.Block]:
    items, more = listed.shown(SHOWN_LINES)
    if not items:
        return []
    lines = [
        words.md(
            "home-escalation",
            title=clip(e.title, LINE_TITLE),
            owner=fit(who(e.owner), NAME),
            why=why(words, e.cause, thresholds, due=e.due),
            level=words.md("escalation-level", level=e.level),
            since=slack_date(e.opened_at, "{date_short}"),
        )
        for e in items
    ]
    header = kit.header(words.text("home-escalations"))
    return [kit.divider(), header, *_sections([*lines, *_more(words, more)])]


def _portfolio(words: Words, portfolio: Portfolio, quarter: str, who: Who) -> list[kit.Block]:
    keys = (*STATUS_ORDER, NO_STATUS)
    committees, more_committees = portfolio.committees.shown(SHOWN_COMMITTEES)
    counted = [
        (bold(c.name, NAME) if c.name else bold(words.md("home-committee-none")))
        + ": "
        + md(" · ").join(md(f"{emoji(key)} ") + words.num(c.counts.get(key, 0)) for key in keys)
        for c in committees
    ]
    overdue, more_overdue = portfolio.overdue.shown(SHOWN_LINES)
    late = [
        words.md(
            "home-overdue-line",
            title=clip(i.title, LINE_TITLE),
            owner=fit(who(i.owner), NAME),
            due=words.day(i.due),
        )
        for i in overdue
    ]
    queue, more_queued = portfolio.queue.shown(SHOWN_LINES)
    queued = [
        words.md(
            "home-queue-line",
            committee=clip(r.committee, NAME),
            title=clip(r.title, LINE_TITLE // 2),
            text=clip(r.text, TEXT),
            by=fit(who(r.requested_by), NAME),
        )
        for r in queue
    ]
    decided, more_decided = _decided(words, portfolio.decisions)
    title = kit.header(words.text("home-portfolio", quarter=quarter))
    return [
        kit.divider(),
        title,
        *_listing(words, "home-by-committee", counted, more_committees, "home-no-initiatives"),
        *_listing(words, "home-overdue", late, more_overdue, "home-nothing-overdue"),
        *_listing(words, "home-queue", queued, more_queued, "home-queue-empty"),
        *_listing(words, "home-decisions", decided, more_decided, "home-no-decisions"),
        *_reading(words, portfolio.reading),
    ]


def _decided(words: Words, listed: Listed[RecentDecision]) -> tuple[list[Mrkdwn], int]:
    decisions, more = listed.shown(SHOWN_DECISIONS)
    lines = [
        words.md(
            "home-decision-line",
            date=slack_date(d.decided_at, "{date_short}"),
            committee=clip(d.committee, NAME),
            question=clip(d.question, LINE_TITLE),
            decision=words.md("home-decision-deferred")
            if d.deferred
            else clip(d.decision, LINE_TITLE),
        )
        for d in decisions
    ]
    return lines, more


def _my_decisions(words: Words, listed: Listed[RecentDecision]) -> list[kit.Block]:
    """The recent decisions of the person's committees and initiatives, when there are any."""
    decided, more = _decided(words, listed)
    if not decided:
        return []
    listing = _listing(words, "home-my-decisions", decided, more, "home-no-decisions")
    return [kit.divider(), *listing]


def _reading(words: Words, reading: tuple[int, int]) -> list[kit.Block]:
    """How often owners corrected how the bot read them: the reader's quality, in use."""
    written, corrected = reading
    if not written:
        return []
    rate = words.pct(100 * corrected / written)
    line = words.md("home-reading", written=written, corrected=corrected, rate=rate)
    return [kit.context(line)]


def _listing(
    words: Words, heading: str, lines: list[Mrkdwn], more: int, empty: str
) -> list[kit.Block]:
    """*Heading*, a bullet per line and "…and N more", or the words saying it is empty."""
    bullets = [md("• ") + line for line in lines] or [words.md(empty)]
    return _sections([words.md(heading), *bullets, *_more(words, more)])


def _sections(lines: Iterable[Mrkdwn]) -> list[kit.Block]:
    """Lines joined into as few sections as hold them (≤ 3000 characters each), by counting."""
    texts: list[list[Mrkdwn]] = [[]]
    for line in (fit(line, kit.SECTION_TEXT) for line in lines):
        if texts[-1] and sum(map(len, texts[-1])) + len(texts[-1]) + len(line) > kit.SECTION_TEXT:
            texts.append([])
        texts[-1].append(line)
    return [kit.section(md("\n").join(text)) for text in texts if text]
