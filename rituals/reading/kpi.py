"""The KPI value an owner states: by the KPI's own name ("CSAT at 4.3", "18k sign-ups",
"DSO from 52 to 47 days", "marge passée de 31 à 33 %") or the word KPI, in the KPI's unit
(1,2 M€ in k€, 3h10 in minutes), a change on last week ("+2 pts"), or last week's value
carried over ("KPI unchanged"). `12,480` is read with the KPI's scale, then the language."""

from __future__ import annotations

import re

from rituals.reading.confidence import fits_kpi
from rituals.reading.document import Doc, Span
from rituals.reading.figures import Figure
from rituals.reading.lexicon import word_set
from rituals.reading.model import Field, Known, absent, ask, sure
from rituals.reading.names import KPI_GENERIC, acronym, name_words, occurrences, same_word
from rituals.reading.quantities import unit_of

_KEYWORD = re.compile(r"\b(?:kpis?|indicateur|metric)\b")
_UNCHANGED = re.compile(
    r"\b(?:kpis? (?:unchanged|inchangee?|stable|idem|pareil|same)|same kpi|meme kpi)\b"
)
_GAP_BREAK = re.compile(r"[;|\n]|,(?!\d)|\.\s| / ")
_CHAIN = re.compile(r"\s*(?:→|->|=>|➡|⇒|to|a|à)\s*$")
_BEFORE_GAP = frozenset({"de", "des", "d'", "of", "the", "les", "la", "du", "l'", "%"})
_LEADS = word_set(
    "on est a we re we're are at now already deja so far about around environ ~ et and at"
    " soit nous sommes currently actuellement with avec"
)
_TIME = {"seconds": 1 / 60, "minutes": 1.0, "hours": 60.0}


def read_kpi(
    doc: Doc, figures: list[Figure], known: Known | None, language: str | None, carry: bool
) -> tuple[Field[float], set[int]]:
    """The KPI field, and the starts of the figures it took (so they are not the progress)."""
    if known is None or not known.kpi_name:
        return absent(), set()
    last = known.last.kpi_value if known.last else None
    if _UNCHANGED.search(doc.folded) and last is not None:
        return sure(last, "KPI unchanged"), set()
    found: list[tuple[Figure, tuple[float, ...]]] = []
    for span, weak in _name_spans(doc, known):
        figure = _counting(figures, span, known)
        figure = figure or _after(doc, figures, span, known) or _before(doc, figures, span)
        if figure is None or any(figure is f for f, _ in found):
            continue
        values = _values(figure, known, last)
        if weak and not figure.q.spread:  # the title's word: only a figure on the KPI's scale
            values = tuple(v for v in values if fits_kpi(v, known) is not False)
        if values:
            found.append((figure, values))
    if not found:
        fallback = _unnamed(figures, known)
        if fallback is not None:
            return sure(fallback.q.readings[0], fallback.said), {fallback.q.start}
        return (sure(last, None) if carry and last is not None else absent()), set()
    claimed = {f.q.start for f, _ in found}
    said = "; ".join(f.said for f, _ in found)
    readings = tuple(dict.fromkeys(v for _, values in found for v in values))
    spread = any(f.q.spread for f, _ in found)
    if len(readings) == 1 and not spread:
        if fits_kpi(readings[0], known) is False and not _stated(found):
            return ask(readings, said), claimed  # "NPS: 3" when it was 31: a typo? ask
        return sure(readings[0], said), claimed
    if len(found) == 1 and not spread and len(readings) == 2:
        chosen = _resolve(readings, known, language, found[0][0].q.separator)
        if chosen is not None:
            return sure(chosen, said), claimed
    return ask(readings, said), claimed


def _stated(found: list[tuple[Figure, tuple[float, ...]]]) -> bool:
    """A change written out ("from 52 to 47", "+2 pts") is meant even off the usual scale."""
    return any(f.q.signed or "from" in f.head or " de " in f" {f.head}" for f, _ in found)


def _name_spans(doc: Doc, known: Known) -> list[tuple[Span, bool]]:
    """Where the KPI is named; weak when the word is also the initiative's title."""
    vocabulary = name_words(known.kpi_name, KPI_GENERIC) or name_words(known.kpi_name)
    title = name_words(known.title)
    spans = occurrences(doc.folded, vocabulary, acronym(known.kpi_name), doc.text)
    found = [(s, any(same_word(doc.folded[s[0] : s[1]], t) for t in title)) for s in spans]
    found += [(m.span(), False) for m in _KEYWORD.finditer(doc.folded)]
    return sorted(found)


def _after(doc: Doc, figures: list[Figure], span: Span, known: Known) -> Figure | None:
    sentence = doc.sentence_at(span[0])
    chosen = None
    for figure in figures:
        if figure.q.start < span[1] or figure.q.start >= max(sentence[1], span[1]):
            continue
        gap = doc.folded[span[1] : figure.q.start]
        if chosen is not None:
            if _CHAIN.match(doc.folded[chosen.q.end : figure.q.start]):
                chosen = figure
                continue
            break
        if _GAP_BREAK.search(gap) or len(gap.split()) > 7:
            return None
        close = len(gap.split()) <= 3  # "Apps migrated: 34/80"
        if figure.role in ("explicit", "overall") or (
            figure.role == "count" and not close and not _counted(figure, known)
        ):
            return None
        if figure.role not in ("reference", "date"):
            chosen = figure
    return chosen


def _counted(figure: Figure, known: Known) -> bool:
    """ "12 embauches sur 20": the count is the KPI when it counts what the KPI counts."""
    words = name_words(known.kpi_name, KPI_GENERIC)
    return any(same_word(n, w) for n in figure.noun.split() for w in words)


def _counting(figures: list[Figure], span: Span, known: Known) -> Figure | None:
    for figure in figures:
        if figure.role == "count" and figure.q.start <= span[0] < figure.q.end:
            return figure if _counted(figure, known) else None
    return None


def _before(doc: Doc, figures: list[Figure], span: Span) -> Figure | None:
    for figure in reversed(figures):
        if figure.q.end > span[0]:
            continue
        if figure.role in ("count", "explicit", "overall", "date"):
            return None
        gap = doc.folded[figure.q.end : span[0]].split()
        lead = {w for w in figure.head.replace("'", " ").split()[-2:] if not w[0].isdigit()}
        if len(gap) <= 3 and all(w in _BEFORE_GAP for w in gap) and lead <= _LEADS:
            return figure  # "18k sign-ups", "on est à 35 % des factures émises"
        return None
    return None


def _values(figure: Figure, known: Known, last: float | None) -> tuple[float, ...]:
    q = figure.q
    if figure.role == "count" and figure.count:
        return (float(figure.count[0]),)
    family, kpi_scale = unit_of(known.kpi_unit)
    unit = q.unit
    if unit and unit != family and not _compatible(unit, family):
        return ()
    factor = 1.0 if not unit and q.scale == 1 else q.scale / kpi_scale
    if unit in _TIME and family in _TIME:
        factor = _TIME[unit] / _TIME[family]
    values = tuple(round(r * factor, 6) for r in q.readings)
    if q.signed:
        return (round(last + values[0], 6),) if last is not None and not q.spread else ()
    return values


def _compatible(unit: str, family: str) -> bool:
    if unit in _TIME and family in _TIME:
        return True
    return unit == "pts" and family in ("%", "", "pts")


def _resolve(
    readings: tuple[float, ...], known: Known, language: str | None, separator: str
) -> float | None:
    """`12,480`: the reading on the KPI's scale; without a scale, the author's language
    (a French comma is decimal, a French dot groups thousands; the other way in English)."""
    small, large = readings
    fits = [r for r in (small, large) if fits_kpi(r, known)]
    if len(fits) == 1:
        return fits[0]
    if fits_kpi(small, known) is None and language in ("fr", "en"):
        decimal = (language == "fr") == (separator == ",")
        return small if decimal else large
    return None


def _unnamed(figures: list[Figure], known: Known) -> Figure | None:
    """A decimal percentage said of no other thing, right on a percentage KPI's scale."""
    if unit_of(known.kpi_unit)[0] != "%":
        return None
    fitting = [
        f for f in figures
        if f.role == "other" and f.q.unit == "%" and f.q.value is not None
        and not float(f.q.value).is_integer() and fits_kpi(f.q.value, known, tight=True)
    ]  # fmt: skip
    return fitting[0] if len(fitting) == 1 else None
