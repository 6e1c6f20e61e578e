"""The quarterly review as one self-contained HTML page (inline CSS, inline SVG charts),
its words from prompts/<language>/review.html.j2; and the queries that feed it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, StrictUndefined
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from bot.render import Renderer
from rituals.models import CheckIn, CheckinPrompt, Decision, Escalation, Initiative
from rituals.periods import bounds
from rituals.review import (
    UNKNOWN_STATUS,
    InitiativeReview,
    QuarterReview,
    build_review,
    quarter_bounds,
)
from rituals.status import Status

# The chart's canvas and the room left around the plot for the axis labels.
WIDTH, HEIGHT = 420, 170
LEFT, RIGHT, TOP, BOTTOM = 64, 72, 24, 34
_UTC = ZoneInfo("UTC")
_DASH = "—"


def load_review(engine: Engine, quarter: str, *, tz: ZoneInfo = _UTC) -> QuarterReview:
    """The review of `quarter`, read with five queries whatever the roadmap's size."""
    start, end = quarter_bounds(quarter, tz)
    ids = select(col(Initiative.id)).where(Initiative.quarter == quarter)
    with Session(engine) as session:
        initiatives = session.exec(select(Initiative).where(Initiative.quarter == quarter)).all()
        checkins = session.exec(
            select(CheckIn).where(col(CheckIn.initiative_id).in_(ids), col(CheckIn.is_current))
        ).all()
        prompts = session.exec(
            select(CheckinPrompt).where(col(CheckinPrompt.initiative_id).in_(ids))
        ).all()
        escalations = session.exec(
            select(Escalation).where(col(Escalation.initiative_id).in_(ids))
        ).all()
        decisions = session.exec(
            select(Decision).where(
                col(Decision.decided_at) >= start, col(Decision.decided_at) < end
            )
        ).all()
    return build_review(quarter, initiatives, checkins, prompts, decisions, escalations, tz=tz)


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


def review_html(review: QuarterReview, *, language: str, prompts_dir: Path | None = None) -> str:
    """The page: a summary, per committee a table and the KPI charts, the decision log."""
    renderer = Renderer(language, prompts_dir)
    env = Environment(
        loader=renderer.env.loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        num=lambda value: number(value, language),
        pct=lambda value: percent(value, language),
        day=lambda value: day(value, language),
    )
    sections = [
        Section(committee, tuple(_row(r) for r in rows))
        for committee, rows in review.committees.items()
    ]
    template = env.get_template(f"{language}/review.html.j2")
    return template.render(
        quarter=review.quarter,
        summary=review.summary,
        sections=sections,
        decisions=review.decisions,
    )


def _row(review: InitiativeReview) -> Row:
    known = {status.value for status in Status}
    status = review.status if review.status in known else None
    bar = 0 if review.reached is None else round(min(review.reached, 1.0) * 100)
    return Row(review, status or UNKNOWN_STATUS, bar, chart(review))


def _coord(value: float) -> str:
    return f"{value:.1f}"


def number(value: float | None, language: str) -> str:
    """`1,234.5` in English, `1 234,5` in French (narrow no-break space); a dash for None."""
    if value is None:
        return _DASH
    if isinstance(value, int):
        text = f"{value:,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        text = "0" if text == "-0" else text
    if language == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def percent(share: float | None, language: str) -> str:
    """A share as a whole percentage: `67%`, in French `67 %`."""
    if share is None:
        return _DASH
    whole = number(round(share * 100), language)
    return f"{whole}\u00a0%" if language == "fr" else f"{whole}%"


def day(value: date | datetime | None, language: str) -> str:
    """A calendar day: `2026-11-24` in English, `24/11/2026` in French."""
    if value is None:
        return _DASH
    return value.strftime("%d/%m/%Y" if language == "fr" else "%Y-%m-%d")
