"""How sure a figure is: whether it fits the KPI's scale (its target and last value) or the
progress (0-100, not far below last week's), and what to ask when it fits both."""

from __future__ import annotations

from dataclasses import replace

from rituals.reading.figures import Figure
from rituals.reading.model import Field, Known, ask, sure
from rituals.reading.progress import ProgressReading
from rituals.reading.quantities import unit_of, whole


def kpi_scale(known: Known) -> tuple[float, float] | None:
    refs = [
        x for x in (known.kpi_target, known.last.kpi_value if known.last else None) if x is not None
    ]
    if not refs:
        return None
    return min(refs), max(refs)


def fits_kpi(value: float, known: Known, tight: bool = False) -> bool | None:
    """Whether `value` is on the KPI's scale; None when the roadmap gives no scale."""
    scale = kpi_scale(known)
    if scale is None:
        return None
    low, high = scale
    span = max(high - low, (0.1 if tight else 0.25) * max(abs(low), abs(high)), 1e-9)
    margin = span * (0.25 if tight else 0.5)
    if low > 0 and not low / 4 <= value <= high * 4:
        return False  # "3.87" is not on the scale of a KPI at 3,100 → 12,000
    return low - margin <= value <= high + margin


def plausible_kpi(value: float, known: Known) -> bool | None:
    """Whether a value said of the KPI by name may be meant: within half to twice its scale
    ("down to 11 min" on a KPI at 14 → 15 is; "NPS: 3" when it was 31 is a typo: asked)."""
    scale = kpi_scale(known)
    if scale is None:
        return None
    low, high = scale
    if low > 0 and low / 2 <= value <= high * 2:
        return True
    return fits_kpi(value, known)


def fits_progress(value: float, known: Known | None) -> bool:
    last = known.last.progress if known and known.last else None
    return 0 <= value <= 100 and float(value).is_integer() and (last is None or value >= last - 15)


def near_last_kpi(value: float, known: Known) -> bool | None:
    """Whether a figure said of nothing may be this week's KPI: close to its last value (a KPI
    at 12 does not jump to 35 in a week, a progress at 30 does); with no last value, on the
    scale of its target. None when the roadmap gives neither."""
    last = known.last.kpi_value if known.last else None
    if last is None:
        return fits_kpi(value, known)
    return abs(value - last) <= 0.25 * abs(last)


def settle(
    progress: ProgressReading, kpi: Field[float], known: Known | None, figures: list[Figure]
) -> tuple[Field[int], Field[float]]:
    """A bare figure ("on est à 72 %", "vert, 42") is the progress unless it is close to the
    KPI's last value too: then both are asked, as one question (progress_or_kpi). A lone
    figure that can only be the KPI ("vert, 350") is asked about as the KPI; one that can only
    be the progress ("60" when the conversion rate was 3.1 %) is the progress."""
    source, field = progress.source, progress.field
    if source is None and field.sure and field.value is None and kpi.sure and kpi.value is None:
        lone = [f for f in figures if f.role == "lone" and known and known.kpi_name]
        if len(lone) == 1 and known and fits_kpi(lone[0].q.readings[0], known):
            return field, ask(lone[0].q.readings, lone[0].said)
    if source is None or source.role not in ("bare", "lone") or known is None:
        return field, kpi
    if not known.kpi_name or kpi.value is not None or not kpi.sure:
        return field, kpi
    family = unit_of(known.kpi_unit)[0]
    value = source.q.readings[0]
    same_unit = family == "%" if source.role == "bare" else family != "%"
    if same_unit and near_last_kpi(value, known):
        return ask((whole(value),), source.said), ask((value,), source.said)
    if source.role == "bare" and not fits_progress(value, known) and same_unit:
        return ask((whole(value),), source.said), ask((value,), source.said)
    if source.role == "lone" and _only_progress(source, field, value, known):
        return sure(whole(value), source.said), kpi
    return replace(field), kpi


def _only_progress(source: Figure, field: Field[int], value: float, known: Known) -> bool:
    """A lone figure, asked only for being lone, a little above last week's progress and far
    from the KPI's last value."""
    plain = len(field.candidates) == 1 and not source.doubt and not source.q.spread
    last = known.last.progress if known.last else None
    if not plain or last is None or not last - 15 <= value <= last + 30:
        return False
    return fits_progress(value, known) and near_last_kpi(value, known) is False
