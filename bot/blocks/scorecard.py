"""The scorecard in Slack: a compact line per perspective for a digest's top message, and the
lines of the CMO's Home section. Every text is clipped, so the lines fit whatever the config."""

from __future__ import annotations

from collections.abc import Sequence

from bot.blocks import kit
from bot.blocks.common import kpi_value
from bot.text import Mrkdwn, clip, fit, md, slack_date
from bot.words import Words
from rituals.digest import sparkline
from rituals.scorecard import IndicatorCard, PerspectiveCard, Scorecard, counts

LEVEL_EMOJI = {"green": "🟢", "amber": "🟠", "red": "🔴", "unknown": "⚪"}
# Health indicators named per perspective (the rest: "…and N more"), and the perspectives shown.
IN_DIGEST, ON_HOME, PERSPECTIVES, HOME_LINES = 6, 5, 12, 30
TITLE, ERROR, LINE = 60, 80, 300
SECTION = kit.SECTION_TEXT


def emoji(level: str) -> str:
    return LEVEL_EMOJI.get(level, LEVEL_EMOJI["unknown"])


def _value(words: Words, card: IndicatorCard) -> Mrkdwn:
    if card.value is None:
        return words.md("scorecard-no-value")
    return kpi_value(words, card.value, card.unit)


def _levels(words: Words, cards: Sequence[IndicatorCard]) -> Mrkdwn:
    """`🟢 2 · 🔴 1`: how many at each level."""
    return md(" · ").join(
        md(f"{LEVEL_EMOJI[level.value]} ") + words.num(count)
        for level, count in counts(cards).items()
    )


def _kpis(words: Words, key: str, perspective: PerspectiveCard) -> list[Mrkdwn]:
    kpis = perspective.kpis
    if not kpis:
        return []
    return [words.md(key, count=len(kpis), levels=_levels(words, kpis))]


def digest_section(words: Words, scorecard: Scorecard) -> kit.Block | None:
    """`📊 Scorecard`, then e.g. `*Costs*: DSO 52 d 🟠 · 2 initiatives 🟢 1 · 🔴 1` per
    perspective; None when there is nothing to show."""
    lines = []
    for perspective in scorecard.perspectives[:PERSPECTIVES]:
        health = perspective.health
        items = [
            words.md(
                "scorecard-item",
                title=clip(card.title, TITLE),
                value=_value(words, card),
                level=md(emoji(card.level)),
            )
            for card in health[:IN_DIGEST]
        ]
        if len(health) > IN_DIGEST:
            items.append(words.md("home-more", count=len(health) - IN_DIGEST))
        items += _kpis(words, "scorecard-kpis", perspective)
        if not items:
            continue
        title = clip(perspective.title, TITLE)
        line = words.md("scorecard-digest-line", perspective=title, items=md(" · ").join(items))
        lines.append(fit(line, LINE))
    if not lines:
        return None
    return kit.section(fit(md("\n").join([words.md("scorecard-digest-heading"), *lines]), SECTION))


def home_lines(words: Words, scorecard: Scorecard) -> list[Mrkdwn]:
    """Per perspective: its title, a line per health indicator (value, target, level, as of,
    trend, or why its source could not be read) and the count of its initiatives' KPIs.
    At most HOME_LINES lines (a few sections of the Home): the perspectives past them are
    counted in a last "…and N more"."""
    if not scorecard:
        return [words.md("scorecard-home-empty")]
    lines: list[Mrkdwn] = []
    shown = 0
    for perspective in scorecard.perspectives:
        title = clip(perspective.title, TITLE)
        these = [words.md("scorecard-home-perspective", perspective=title)]
        health = perspective.health
        these += [md("• ") + fit(_home_line(words, card), LINE) for card in health[:ON_HOME]]
        if len(health) > ON_HOME:
            these.append(words.md("home-more", count=len(health) - ON_HOME))
        these += [md("• ") + line for line in _kpis(words, "scorecard-home-kpis", perspective)]
        if len(lines) + len(these) > HOME_LINES - 1:
            break
        lines += these
        shown += 1
    more = len(scorecard.perspectives) - shown
    if more:
        lines.append(words.md("home-more", count=more))
    return lines


def _home_line(words: Words, card: IndicatorCard) -> Mrkdwn:
    about = {
        "level": md(emoji(card.level)),
        "title": clip(card.title, TITLE),
        "value": _value(words, card),
    }
    if card.target is None:
        line = words.md("scorecard-home-indicator-no-target", **about)
    else:
        target = kpi_value(words, card.target, card.unit)
        line = words.md("scorecard-home-indicator", **about, target=target)
    notes = []
    if card.at is not None:
        notes.append(words.md("scorecard-home-as-of", date=slack_date(card.at, "{date_short}")))
    if len(card.trend) > 1:
        notes.append(words.md("scorecard-home-trend", trend=md(sparkline(card.trend))))
    if card.error:
        notes.append(words.md("scorecard-home-unread", error=clip(card.error, ERROR)))
    return md(" · ").join([line, *notes])
