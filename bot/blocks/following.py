"""The Informed's weekly "following" message: each initiative they follow that changed, one
line of what changed, and Stop following; the same lines folded into another message."""

from __future__ import annotations

from datetime import datetime

from bot.blocks import kit
from bot.blocks.common import TITLE, emoji, status_label
from bot.ids import Action
from bot.text import Mrkdwn, bold, clip, md, slack_date
from bot.words import Words
from rituals.following import Change, ChangeKind, FollowingNews

SHOWN = 20  # initiatives in one message: a section each, within Slack's 50 blocks
DECISION = 200


def change_text(words: Words, change: Change) -> Mrkdwn:
    if change.kind is ChangeKind.STATUS:
        after = md(f"{emoji(change.after)} ") + status_label(words, change.after)
        if change.before is None:
            return words.md("following-status-new", after=after)
        before = md(f"{emoji(change.before)} ") + status_label(words, change.before)
        return words.md("following-status", before=before, after=after)
    if change.kind is ChangeKind.DECISION:
        return words.md("following-decision", decision=clip(change.text, DECISION))
    name = "following-opened" if change.kind is ChangeKind.OPENED else "following-resolved"
    return words.md(name, cause=change.cause or "")


def lines(words: Words, news: FollowingNews) -> list[Mrkdwn]:
    """*Title*: change; change — one line per initiative."""
    return [
        bold(initiative.title, TITLE)
        + md(": ")
        + md("; ").join(change_text(words, change) for change in changes)
        for initiative, changes in news.initiatives
    ]


def message(words: Words, news: FollowingNews, *, since: datetime) -> kit.Message:
    shown = lines(words, news)
    blocks: list[kit.Block] = [
        kit.header(words.text("following-header")),
        kit.section(words.md("following-intro", since=slack_date(since, "{date_short_pretty}"))),
        *[kit.section(md("• ") + line) for line in shown[:SHOWN]],
        kit.actions(
            kit.button(words.text("following-button-stop"), Action.FOLLOWING_STOP, "stop"),
            block_id="following",
        ),
    ]
    fallback = words.md("following-fallback", count=len(news.initiatives))
    return kit.Message(fallback, tuple(blocks))


def folded(words: Words, news: FollowingNews) -> Mrkdwn:
    """The same news as one line, to ride on the person's next message."""
    return words.md("following-folded", lines=md(" · ").join(lines(words, news)[:SHOWN]))


def told(words: Words, *, following: bool) -> kit.Message:
    """The click on Stop following (or Follow again) stored."""
    said = words.md("following-started" if following else "following-stopped")
    if following:
        return kit.message(said, kit.section(said))
    again = kit.button(words.text("following-button-start"), Action.FOLLOWING_START, "start")
    return kit.message(said, kit.section(said), kit.actions(again, block_id="following"))
