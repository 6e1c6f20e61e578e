"""The quarterly review as one self-contained HTML page: inline CSS, an inline SVG chart per
KPI measured at least twice, no external asset. One language-neutral template
(prompts/html/review.html.j2); its words come from the catalogue through `t`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bot.blocks.common import status_label
from bot.words import PACKAGED, Words
from rituals.periods import bounds
from rituals.review import UNKNOWN_STATUS, InitiativeReview, QuarterReview
from rituals.status import Status

# The chart's canvas and the room left around the plot for the axis labels.
WIDTH, HEIGHT = 420, 170
LEFT, RIGHT, TOP, BOTTOM = 64, 72, 24, 34
_UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class Mark:
    x: str
    y: str
    period: str
    value: float


@dataclass(frozen=True)
class Tick:
    y: str
    value: float


@dataclass(frozen=True)
class Chart:
    """An initiative's KPI by week, laid out in SVG coordinates (strings, one decimal)."""

    width: int
    height: int
    left: int  # x of the y axis
    right: int  # x where the plot ends; the lines' labels go beyond it
    top: int
    bottom: int  # y of the x axis
    line: str  # the polyline's points
    marks: tuple[Mark, ...]
    ticks: tuple[Tick, ...]
    target_y: str | None
    baseline_y: str | None
    first: str  # the first and last weeks, under the x axis
    last: str


@dataclass(frozen=True)
class Row:
    review: InitiativeReview
    status: str  # a Status value or "unknown": picks the words and the colour
    bar: int  # the width of the progress bar, 0..100
    chart: Chart | None


@dataclass(frozen=True)
class Section:
    committee: str  # "" for the initiatives without committee
    rows: tuple[Row, ...]


def chart(review: InitiativeReview) -> Chart | None:
    """The KPI chart, or None with fewer than two values to join."""
    points = review.points
    if len(points) < 2:
        return None
    weeks = [bounds(point.period, _UTC)[0].toordinal() // 7 for point in points]
    values = [point.value for point in points]
    lines = [v for v in (review.target, review.baseline) if v is not None]
    low, high = min(values + lines), max(values + lines)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    scale_low, scale_high = low - pad, high + pad
    plot_right, axis_y = WIDTH - RIGHT, HEIGHT - BOTTOM
    span = (weeks[-1] - weeks[0]) or 1

    def x(week: int) -> float:
        return LEFT + (week - weeks[0]) / span * (plot_right - LEFT)

    def y(value: float) -> float:
        return axis_y - (value - scale_low) / (scale_high - scale_low) * (axis_y - TOP)

    marks = tuple(
        Mark(_coord(x(week)), _coord(y(point.value)), point.period, point.value)
        for week, point in zip(weeks, points, strict=True)
    )
    tick_values = sorted({low, (low + high) / 2, high})
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=plot_right,
        top=TOP,
        bottom=axis_y,
        line=" ".join(f"{mark.x},{mark.y}" for mark in marks),
        marks=marks,
        ticks=tuple(Tick(_coord(y(value)), value) for value in tick_values),
        target_y=None if review.target is None else _coord(y(review.target)),
        baseline_y=None if review.baseline is None else _coord(y(review.baseline)),
        first=points[0].period,
        last=points[-1].period,
    )


def review_page(review: QuarterReview, words: Words, names: Mapping[str, str] | None = None) -> str:
    """The page: a summary, per committee a table and the KPI charts, the decision log.
    `names` shows people (user id → display name); an unknown id is shown as it is."""
    known = dict(names or {})
    env = Environment(
        loader=FileSystemLoader(PACKAGED / "html"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        num=words.num,
        pct=lambda share: words.pct(None if share is None else share * 100),
        day=words.day,
        status=lambda key: status_label(words, key),
        name=lambda user: known.get(user, user) if user else "—",
    )
    sections = [
        Section(committee, tuple(_row(r) for r in rows))
        for committee, rows in review.committees.items()
    ]
    return env.get_template("review.html.j2").render(
        lang=words.language,
        t=words.text,
        quarter=review.quarter,
        summary=review.summary,
        sections=sections,
        decisions=review.decisions,
    )


def _row(review: InitiativeReview) -> Row:
    status = review.status if review.status in {s.value for s in Status} else None
    bar = 0 if review.reached is None else round(min(review.reached, 1.0) * 100)
    return Row(review, status or UNKNOWN_STATUS, bar, chart(review))


def _coord(value: float) -> str:
    return f"{value:.1f}"
