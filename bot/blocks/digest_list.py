"""The digest's full list, privately in a modal: every initiative of a committee grouped by
status (worst first), each line with its owner's name, progress, KPI and blockers, cut into
pages by counting lines, characters and blocks so that each page is a modal Slack takes, with
‹ Previous and Next › buttons that show another page in the same modal."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any

from slack_sdk.models.blocks import ButtonElement

from bot.blocks import kit
from bot.blocks.common import emoji, status_label
from bot.blocks.digest import OWNER, TITLE, kpi_shown
from bot.ids import Action, Callback, DigestRef
from bot.text import Mrkdwn, bold, clip, fit, md
from bot.words import Words
from rituals.digest import Digest, InitiativeLine, status_key
from rituals.status import Status

PAGE_LINES = 150  # initiatives on a page: a long scroll, yet a small view
PAGE_TEXT = 30_000  # characters of a page's sections, well under what a view carries
PAGE_SECTIONS = kit.VIEW_BLOCKS - 2  # the context above and the buttons below take two
LINE, HEADING, CONTEXT, COMMITTEE = 400, 200, 300, 80

Page = list[list[Mrkdwn]]  # sections, each a list of lines (the first a heading)


def pages(words: Words, digest: Digest, *, who: Callable[[str], Mrkdwn]) -> list[Page]:
    """Every initiative once, in the digest's order, on as many pages as it takes."""
    found: list[Page] = []
    lines = chars = 0
    for key, grouped in groupby(digest.lines, key=lambda line: status_key(line.status)):
        group = list(grouped)
        heading = fit(
            words.md(
                "digest-list-heading",
                emoji=md(emoji(key)),
                status=status_label(words, key),
                count=len(group),
            ),
            HEADING,
        )
        again = fit(words.md("digest-heading-continued", heading=heading), HEADING)
        section: list[Mrkdwn] | None = None
        for position, line in enumerate(group):
            text = fit(_line(words, line, who), LINE)
            room = lines < PAGE_LINES and chars + 1 + len(text) <= PAGE_TEXT
            if (
                section is not None
                and room
                and _length(section) + 1 + len(text) <= kit.SECTION_TEXT
            ):
                section.append(text)
                lines, chars = lines + 1, chars + 1 + len(text)
                continue
            title = heading if position == 0 else again
            size = len(title) + 1 + len(text)
            if not found or not room or len(found[-1]) >= PAGE_SECTIONS or chars + size > PAGE_TEXT:
                found.append([])
                lines = chars = 0
            section = [title, text]
            found[-1].append(section)
            lines, chars = lines + 1, chars + size
    return found


def view(
    words: Words, digest: Digest, *, page: int, who: Callable[[str], Mrkdwn]
) -> dict[str, Any]:
    """Page `page` of the full list (the last one when the list has grown shorter since)."""
    cut = pages(words, digest, who=who)
    shown = max(0, min(page, len(cut) - 1))
    about = dict(
        committee=clip(digest.committee, COMMITTEE),
        period=digest.period,
        page=shown + 1,
        pages=max(1, len(cut)),
        count=len(digest.lines),
    )
    blocks: list[kit.Block] = [kit.context(fit(words.md("digest-list-context", **about), CONTEXT))]
    if not cut:
        blocks.append(kit.section(words.md("digest-top-empty")))
    else:
        blocks += [kit.section(md("\n").join(section)) for section in cut[shown]]
    turns = []
    if shown > 0:
        turns.append(_turn(words, "previous", digest.committee, shown - 1))
    if shown < len(cut) - 1:
        turns.append(_turn(words, "next", digest.committee, shown + 1))
    if turns:
        blocks.append(kit.actions(*turns, block_id="digest_list_pages"))
    return kit.modal(
        Callback.DIGEST_LIST_MODAL,
        title=words.text("digest-list-title"),
        blocks=blocks,
        close=words.text("digest-list-close"),
        metadata=DigestRef(c=digest.committee, p=shown),
    )


def gone(words: Words) -> kit.Message:
    """The private notice when the committee clicked on is no longer configured."""
    text = words.md("digest-list-gone")
    return kit.message(text, kit.section(text))


def _line(words: Words, line: InitiativeLine, who: Callable[[str], Mrkdwn]) -> Mrkdwn:
    """• status *title* · owner · progress · KPI (target) · blocked · why no update."""
    parts = [md(f"{emoji(line.status)} ") + bold(line.title, TITLE), fit(who(line.owner), OWNER)]
    if line.progress is not None:
        parts.append(words.md("answer-progress", progress=words.pct(line.progress)))
    if line.kpi_value is not None:
        parts.append(kpi_shown(words, line))
    if line.blockers and line.status != Status.DONE:
        parts.append(words.md("digest-list-blocked"))
    if line.silence is not None:
        parts.append(words.md(f"digest-reason-{line.silence}"))
    return md(" · ").join(parts)


def _turn(words: Words, way: str, committee: str, page: int) -> ButtonElement:
    return kit.button(
        words.text(f"digest-list-{way}"),
        f"{Action.DIGEST_PAGE}_{way}",
        DigestRef(c=committee, p=page),
    )


def _length(section: list[Mrkdwn]) -> int:
    return sum(map(len, section)) + len(section) - 1
