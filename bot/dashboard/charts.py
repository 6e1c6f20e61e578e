"""The portfolio's trend as inline SVG: a stacked bar per week, one band per status, laid out
here in SVG coordinates so that the template only draws. (KPI charts: bot/pages/review.py.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rituals.dashboard import STATUSES, WeekCount

WIDTH, HEIGHT = 560, 190
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 34


@dataclass(frozen=True)
class Band:
    status: str
    x: str
    y: str
    width: str
    height: str
    count: int
    week: str


@dataclass(frozen=True)
class Trend:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    bands: tuple[Band, ...]
    labels: tuple[tuple[str, str], ...]  # (x, week) under some bars
    most: int  # the y axis' top value


def trend_chart(weeks: Sequence[WeekCount]) -> Trend | None:
    if not weeks:
        return None
    most = max((sum(w.counts.values()) for w in weeks), default=0) or 1
    plot_right, axis_y = WIDTH - RIGHT, HEIGHT - BOTTOM
    slot = (plot_right - LEFT) / len(weeks)
    bar = max(slot * 0.7, 1.0)
    bands, labels = [], []
    every = max(1, len(weeks) // 7)  # at most about seven week labels
    for n, week in enumerate(weeks):
        x = LEFT + n * slot + (slot - bar) / 2
        base = float(axis_y)
        for status in STATUSES:
            count = week.counts.get(status, 0)
            if not count:
                continue
            height = count / most * (axis_y - TOP)
            base -= height
            bands.append(Band(status, _c(x), _c(base), _c(bar), _c(height), count, week.week))
        if n % every == 0 or n == len(weeks) - 1:
            labels.append((_c(x + bar / 2), week.week))
    return Trend(WIDTH, HEIGHT, LEFT, plot_right, TOP, axis_y, tuple(bands), tuple(labels), most)


def _c(value: float) -> str:
    return f"{value:.1f}"
