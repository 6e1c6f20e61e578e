"""The committee poll: its message in the channel (votes while open, the result once closed),
the CMO's notice when it closes, and what a voter or a CMO is told privately.

Past 300 lines: the poll message in its states (open, hidden tally, secret, consulted,
closed, no quorum) and its private receipts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.blocks import kit
from bot.blocks.consult import views as consult_views
from bot.ids import Action, PollRef
from bot.text import Mrkdwn, bold, channel, clip, fit, md, slack_date
from bot.words import Words
from rituals.arbitration import Result

Who = Callable[[str], Mrkdwn]
"""How a person is shown: a mention, or a display name; the caller decides."""
VoteOutcome = Literal["new", "changed", "same", "not_member", "closed"]
PollNotice = Literal["not_cmo", "already"]
# What people's text may take once escaped: all of it within a message's 10,000 characters.
QUESTION, TITLE, NAME, CONTEXT, SHORT, WINNER, TIED = 2400, 150, 80, 700, 200, 500, 40
OPTIONS, VOTERS, MORE = 3200, 1200, 30  # shared by the options, the short ones shown whole
BAR = 8


@dataclass(frozen=True)
class PollCard:
    """A poll as its messages show it; people as user ids, shown through `who`."""

    id: int
    committee: str
    channel: str
    question: str
    options: tuple[str, ...]
    counts: tuple[int, ...]
    voters: tuple[tuple[str, ...], ...]  # per option
    winners: tuple[int, ...]  # several: a tie; none: nobody voted
    voted: int  # distinct voters, members or not
    members: int
    missing: int  # members who have not voted
    deadline: datetime
    closed: bool = False
    anonymous: bool = False
    hidden: bool = False  # no counts, bars or names until it closes: turnout only
    quorum: int = 0  # the votes the committee's quorum needs (0: none)
    context: str | None = None
    initiative: str | None = None  # the initiative's title
    owner: str | None = None  # the initiative's owner
    views: tuple[tuple[str, str | None], ...] = ()  # the Consulted's (person, view) before it

    @classmethod
    def of(
        cls,
        outcome: Result,
        *,
        id: int,
        committee: str,
        channel: str,
        question: str,
        options: Sequence[str],
        deadline: datetime,
        closed: bool = False,
        anonymous: bool = False,
        hidden: bool = False,
        quorum: int = 0,
        context: str | None = None,
        initiative: str | None = None,
        owner: str | None = None,
    ) -> PollCard:
        """A stored poll with what `rituals.arbitration.result` made of its votes."""
        tally = outcome.tally
        return cls(
            id=id,
            committee=committee,
            channel=channel,
            question=question,
            options=tuple(options),
            counts=tally.counts,
            voters=tally.voters,
            winners=outcome.winners,
            voted=tally.voted,
            members=tally.members,
            missing=len(tally.missing),
            deadline=deadline,
            closed=closed,
            anonymous=anonymous,
            hidden=hidden,
            quorum=quorum,
            context=context,
            initiative=initiative,
            owner=owner,
        )

    @property
    def winner(self) -> int | None:
        return self.winners[0] if len(self.winners) == 1 else None

    @property
    def veiled(self) -> bool:
        """Its tally is not shown yet: hidden, and still open."""
        return self.hidden and not self.closed

    @property
    def no_quorum(self) -> bool:
        """Fewer members voted than the committee's quorum needs."""
        return self.members - self.missing < self.quorum

    @property
    def turnout(self) -> float:
        """The share of the members who voted, from 0 to 100."""
        return 100 * (self.members - self.missing) / self.members if self.members else 0.0


def letter(index: int) -> str:
    return chr(ord("A") + index)


def fair(lengths: Sequence[int], total: int) -> list[int]:
    """Budgets for texts sharing `total`: the short ones whole, the long ones an equal rest."""
    budgets, left = list(lengths), total
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    for rank, index in enumerate(order):
        share = left // (len(order) - rank)
        if lengths[index] > share:
            for other in order[rank:]:
                budgets[other] = share
            break
        left -= lengths[index]
    return budgets


def message(words: Words, card: PollCard, *, who: Who) -> kit.Message:
    """The poll in the committee channel."""
    title = words.text("poll-header", question=card.question)
    blocks: list[kit.Block] = [kit.header(title)]
    if len(title) > kit.HEADER_TEXT:
        blocks.append(kit.section(clip(card.question, QUESTION)))
    about = []
    if card.initiative:
        owner = fit(who(card.owner), NAME) if card.owner else md("—")
        about.append(words.md("poll-initiative", title=clip(card.initiative, TITLE), owner=owner))
    if card.context:
        about.append(clip(card.context, CONTEXT))
    if about:
        blocks.append(kit.context(*about))
    if card.views:
        blocks.append(kit.section(consult_views(words, card.views, who)))
    blocks += _options(words, card, who)
    if card.closed:
        blocks.append(kit.section(said(words, card, RESULT)))
        status = [words.md("poll-closed-status", turnout=words.pct(card.turnout), **_members(card))]
    else:
        status = [words.md("poll-closes", deadline=slack_date(card.deadline)), _voted(words, card)]
    status += [words.md("poll-anonymous")] if card.anonymous else []
    status += [words.md("poll-quorum", needed=card.quorum)] if card.quorum else []
    status.append(words.md("poll-committee", committee=clip(card.committee, NAME)))
    blocks.append(kit.context(md(" · ").join(status)))
    if not card.closed:
        blocks.append(kit.actions(_close_button(words, card)))
    question = clip(card.question, SHORT)
    return kit.Message(
        words.md("poll-fallback", committee=clip(card.committee, NAME), question=question),
        tuple(blocks),
    )


def _options(words: Words, card: PollCard, who: Who) -> list[kit.Block]:
    shown = fair([len(md(option)) for option in card.options], OPTIONS)
    hide = card.anonymous or card.veiled
    names = [[] if hide else [fit(who(v), NAME) for v in vs] for vs in card.voters]
    room = fair([len(" ".join(some)) for some in names], VOTERS)
    top = max(card.counts, default=0)
    blocks: list[kit.Block] = []
    for index, (option, count) in enumerate(zip(card.options, card.counts, strict=True)):
        line = md(f"*{letter(index)}.* ") + clip(option, shown[index])
        if card.closed and index == card.winner:
            line += md("  :trophy:")
        bar = md(f"`{'█' * max(1, round(BAR * count / top))}` ") if count else md("")
        if not card.veiled:
            line += "\n" + bar + words.md("poll-votes", count=count)
        if names[index]:
            line += " · " + _names(words, names[index], room[index])
        vote = kit.button(
            words.text("poll-vote-button", letter=letter(index)),
            f"{Action.POLL_VOTE}_{index}",
            PollRef(a=card.id, o=index),
        )
        blocks.append(kit.section(line, accessory=None if card.closed else vote))
    return blocks


def _names(words: Words, names: list[Mrkdwn], budget: int) -> Mrkdwn:
    if len(" ".join(names)) <= budget:
        return md(" ").join(names)
    shown: list[Mrkdwn] = []
    for name in names:
        if len(" ".join([*shown, name])) > budget - MORE:
            break
        shown.append(name)
    more = words.md("poll-voters-more", count=len(names) - len(shown))
    return md(" ").join([*shown, more])


def _members(card: PollCard) -> dict[str, int]:
    return {"voted": card.members - card.missing, "members": card.members}


def _voted(words: Words, card: PollCard) -> Mrkdwn:
    if card.veiled:
        return words.md("poll-turnout-hidden", **_members(card))
    if card.missing:
        return words.md("poll-voted-missing", **_members(card), missing=card.missing)
    return words.md("poll-voted", **_members(card))


def _close_button(words: Words, card: PollCard) -> kit.ButtonElement:
    sure = kit.confirm(
        words.text("poll-close-confirm-title"),
        words.text("poll-close-confirm-text"),
        words.text("poll-close-confirm-yes"),
        words.text("poll-close-confirm-no"),
    )
    return kit.button(
        words.text("poll-close-button"), Action.POLL_CLOSE, PollRef(a=card.id), confirm=sure
    )


# The message ids of a result, in the poll (under its options) and in the CMO's notice.
RESULT = ("poll-result-winner", "poll-result-tie", "poll-result-none")
CLOSED = ("poll-closed-winner", "poll-closed-tie", "poll-closed-nobody")


def said(words: Words, card: PollCard, ids: tuple[str, str, str] = CLOSED) -> Mrkdwn:
    """The result in a sentence: the winner, the tied options named, or nobody voted; below
    the quorum, that there is none (the decision deferred)."""
    winner_id, tie_id, none_id = ids
    if card.no_quorum:
        quorum = "poll-result-no-quorum" if ids == RESULT else "poll-closed-no-quorum"
        return words.md(quorum, **_members(card), needed=card.quorum)
    if (won := card.winner) is not None:
        option = clip(card.options[won], WINNER)
        count = card.counts[won]
        return words.md(winner_id, letter=letter(won), option=option, count=count, voted=card.voted)
    if card.winners:
        tied = [md(f"*{letter(i)}.* ") + clip(card.options[i], TIED) for i in card.winners]
        # joined the language's way: "A, B and C", "A, B et C"
        return words.md(tie_id, options=words.join(tied))
    return words.md(none_id)


def closed_notice(words: Words, card: PollCard) -> kit.Message:
    """The DM to the CMO when a poll closes: its result, and the way to record the decision."""
    question = clip(card.question, 1500)
    lines = [
        words.md("poll-closed-title", channel=channel(card.channel), question=question),
        said(words, card) + " " + words.md("poll-closed-turnout", turnout=words.pct(card.turnout)),
        words.md("poll-closed-record"),
    ]
    record = kit.button(
        words.text("poll-record-button"),
        Action.DECISION_RECORD,
        PollRef(a=card.id),
        style="primary",
    )
    fallback = words.md("poll-closed-fallback", question=clip(card.question, SHORT))
    return kit.message(fallback, kit.section(md("\n").join(lines), accessory=record))


VOTE_OUTCOMES: dict[VoteOutcome, str] = {
    "new": "poll-vote-new",
    "changed": "poll-vote-changed",
    "same": "poll-vote-same",
    "not_member": "poll-vote-not-member",
    "closed": "poll-vote-closed",
}


def vote_told(
    words: Words,
    outcome: VoteOutcome,
    *,
    option: int,
    text: str,
    committee: str,
    secret: bool = False,
) -> kit.Message:
    """What a voter is told privately of their click on option `option` (its `text`); in a
    secret ballot, how their vote is kept."""
    chosen = bold(f"{letter(option)}. {text}", SHORT)
    said_ = words.md(VOTE_OUTCOMES[outcome], option=chosen, committee=clip(committee, NAME))
    shown = said_ + "\n" + words.md("poll-vote-secret") if secret and outcome != "closed" else said_
    return kit.message(said_, kit.section(shown))


NOTICES: dict[PollNotice, str] = {
    "not_cmo": "poll-notice-not-cmo",
    "already": "poll-notice-already",
}


def notice(words: Words, reason: PollNotice) -> kit.Message:
    text = words.md(NOTICES[reason])
    return kit.message(text, kit.section(text))


def nudge(
    words: Words, *, question: str, committee: str, channel_id: str, deadline: datetime
) -> kit.Message:
    """The one nudge to a member who has not voted, a working day before the poll closes."""
    when = slack_date(deadline)
    text = words.md(
        "poll-nudge",
        question=clip(question, SHORT),
        committee=clip(committee, NAME),
        deadline=when,
        channel=channel(channel_id),
    )
    fallback = words.md("poll-nudge-fallback", committee=clip(committee, NAME), deadline=when)
    return kit.message(fallback, kit.section(text))
