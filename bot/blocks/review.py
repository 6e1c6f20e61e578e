"""The quarterly review's summary, posted to a committee: how its initiatives ended, each one's
share of its KPI target and check-in completion, the decisions counted; the page has the rest.
It names no person, so it notifies nobody."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.blocks import kit
from bot.blocks.common import emoji, status_label
from bot.text import Mrkdwn, bold, clip, fit, link, md
from bot.words import Words
from rituals.review import UNKNOWN_STATUS, InitiativeReview
from rituals.status import Status

SHOWN = 15
TITLE, COMMITTEE, LINE = 80, 80, 190  # 15 lines and "…and N more" stay within one section
ORDER = (Status.DONE, Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK)


def review_summary(
    words: Words,
    *,
    committee: str,
    quarter: str,
    items: Sequence[InitiativeReview],
    decisions: int,
    page: str | None = None,
) -> kit.Message:
    """`items` are the committee's (QuarterReview.committees[committee]); `decisions` how many
    it took this quarter; `page` the review page's address, when the dashboard serves it."""
    name = clip(committee, COMMITTEE)
    fallback = words.md("review-summary-fallback", quarter=quarter, committee=name)
    header = kit.header(words.text("review-summary-header", committee=committee, quarter=quarter))
    said = words.md("review-summary-decisions", count=decisions)
    if not items:
        return kit.message(
            fallback, header, kit.section(words.md("review-summary-empty") + "\n" + said)
        )
    tally = Counter(item.status if item.status in ORDER else UNKNOWN_STATUS for item in items)
    keys = [*ORDER, *([UNKNOWN_STATUS] if tally[UNKNOWN_STATUS] else [])]
    counts = md(" · ").join(
        md(f"{emoji(key)} ") + status_label(words, key) + " " + bold(words.num(tally[key]))
        for key in keys
    )
    total = words.md("review-summary-total", count=len(items))
    lines = [fit(_line(words, item), LINE) for item in items[:SHOWN]]
    if len(items) > SHOWN:
        lines.append(words.md("review-summary-more", count=len(items) - SHOWN))
    if page:
        where = words.md("review-summary-page", link=link(page, words.text("review-link-label")))
    else:
        where = words.md("review-summary-export", quarter=quarter)
    return kit.message(
        fallback,
        header,
        kit.section(total + "\n" + counts + "\n" + said),
        kit.section(md("\n").join(lines)),
        kit.context(where),
    )


def _line(words: Words, item: InitiativeReview) -> Mrkdwn:
    """status *title* · share of the KPI target · check-ins answered."""
    parts = [md(f"{emoji(item.status)} ") + bold(item.title, TITLE)]
    if item.reached is not None:
        parts.append(words.md("review-summary-reached", share=words.pct(item.reached * 100)))
    if item.completion is not None:
        parts.append(words.md("review-summary-checkins", share=words.pct(item.completion * 100)))
    return md(" · ").join(parts)
