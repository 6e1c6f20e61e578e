"""The KPI value an owner states: by the KPI's own name ("CSAT at 4.3", "18k sign-ups",
"DSO from 52 to 47 days", "marge passée de 31 à 33 %") or the word KPI, in the KPI's unit
(1,2 M€ in k€, 3h10 in minutes), a change on last week ("+2 pts"), or last week's value
carried over ("KPI unchanged"). `12,480` is read with the KPI's scale, then the language.

Past 300 lines: the KPI reading's cases (by name, by the word KPI, units, changes, carried
over, the thousands separator) share the candidate ranking and are kept together.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from rituals.reading.confidence import fits_kpi, kpi_scale, plausible_kpi
from rituals.reading.document import Doc, Span
from rituals.reading.figures import WORDED_CHANGE, Figure
from rituals.reading.lexicon import fold, word_set
from rituals.reading.model import Field, Known, absent, ask, sure
from rituals.reading.names import KPI_GENERIC, acronym, name_words, occurrences, same_word
from rituals.reading.quantities import unit_of

_KEYWORD = re.compile(r"\b(?:kpis?|indicateur|metric)\b")
_UNCHANGED = re.compile(
    r"\b(?:kpis? (?:unchanged|inchangee?|stable|idem|pareil|same)|same kpi|meme kpi)\b"
)
_GAP_BREAK = re.compile(r"[;|\n]|,(?!\d)|\.\s| / ")
_REFERENCE_GAP = re.compile(r"\b(?:reference|benchmark|baseline|target|cible|objectif)\b")
_LEVEL_LEAD = re.compile(r"(?:[:=]|\b(?:a|at|is|est|of|de|now|maintenant))\s*$")
_CHAIN = re.compile(r"\s*(?:→|->|=>|➡|⇒|to|a|à)\s*$")
_BEFORE_GAP = frozenset(
    {"de", "des", "d'", "of", "the", "les", "la", "du", "l'", "%", "to", "pour", "per", "par", "en"}
)  # "18k sign-ups", "12 days to onboard", "35 % des factures émises", "49 % en ligne"
# Words that make the figure before a name something else: "pic à 3 600 colis", "budget
# de 40 k€ d'économies", "vs 410 tickets".
_NOT_LEADS = word_set(
    "pic peak max maximum min minimum record budget sur of out par per sauf except hors vs"
    " versus was were etait target cible objectif goal from de baseline avant before contre"
    " previously instead initial prevu plan forecast prevision"
)
# A running total ("98 managers formés au total"), against a week's count ("24 cette semaine").
_TOTAL = re.compile(
    r"^\W*(?:[a-z']+ ){0,3}(?:au total|en tout|in total|au cumul|cumules?|cumulee?s?"
    r"|so far|to date|a date|depuis le debut|since the start|overall)\b"
)
# "was 1h12, now 58 min": the value after last week's.
_WAS = re.compile(r"\b(?:was|were|etait|previously|auparavant)\b")
_NOW = re.compile(
    r"\s*[,;]?\s*(?:(?:and|et|but|mais)\s+)?(?:now|maintenant|desormais|today|aujourd'hui"
    r"|this week|cette semaine|a present)\s*(?:[:=]|at|a|is|de)?\s*[~≈]?\s*"
)
_PART_AFTER = re.compile(r"(?:on|sur|pour|for) (?:le|la|les|l'|the)?\s*[a-z]")
_UNIT_WORD = re.compile(r"[a-z]{2,}")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,4}")
_TIME = {"seconds": 1 / 60, "minutes": 1.0, "hours": 60.0}
_DAYS = {"days": 1.0, "weeks": 7.0}  # "couverture à 3 semaines" in days: 21
_OR = re.compile(r"\s*,?\s*(?:or|ou|voire|sinon|maybe|peut-etre)\s*[~≈]?\s*[$€£]?\s*")


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
    explicit = False  # the word "KPI" itself: what follows is meant, on the scale or not
    spread = False
    ordered, counts = _Ordered(figures), _Ordered([f for f in figures if f.role == "count"])
    taken: set[int] = set()
    unit = frozenset(_UNIT_WORD.findall(fold(known.kpi_unit)))  # "0 NC ouverte": unit NC
    for span, how in _name_spans(doc, known):
        figure = _counting(doc, counts, span, known)
        if how != "keyword":  # "KPI" is a label: its value follows ("90% kpi=3.1")
            figure = figure or _before(doc, ordered, span, adjacent=True)
        if how != "unit":
            figure = figure or _after(doc, ordered, span, known)
            figure = figure or _before(doc, ordered, span, unit)
        if figure is None or figure.q.start in taken:
            continue
        taken.add(figure.q.start)
        values = _values(figure, known, last)
        if how == "title" and not figure.q.spread:  # the title's word: only a value on scale
            values = tuple(v for v in values if fits_kpi(v, known) is not False)
        if values:
            found.append((figure, values))
            explicit = explicit or how == "keyword"
            other = _alternative(doc, ordered, figure)
            if other is not None:  # "~£4.1k, or £3.8k if you exclude fees": which one?
                found.append((other, _values(other, known, last)))
                spread = True
    if not found:
        fallback = _unnamed(figures, known)
        if fallback is not None:
            return sure(fallback.q.readings[0], fallback.said), {fallback.q.start}
        return (sure(last, None) if carry and last is not None else absent()), set()
    found = _totals(found)
    claimed = {f.q.start for f, _ in found if f.role != "count"}  # a count is progress too
    said = "; ".join(f.said for f, _ in found)
    readings = tuple(dict.fromkeys(v for _, values in found for v in values))
    spread = spread or any(f.q.spread for f, _ in found) or _segments(doc, ordered, found)
    if len(readings) == 1 and not spread:
        off_scale = plausible_kpi(readings[0], known) is False
        if off_scale and not explicit and not _stated(found):
            return ask(readings, said), claimed  # "NPS: 3" when it was 31: a typo? ask
        return sure(readings[0], said), claimed
    if len(found) == 1 and not spread and len(readings) == 2:
        chosen = _resolve(readings, known, language, found[0][0].q.separator)
        if chosen is not None:
            return sure(chosen, said), claimed
    return ask(readings, said), claimed


def _totals(
    found: list[tuple[Figure, tuple[float, ...]]],
) -> list[tuple[Figure, tuple[float, ...]]]:
    """Of several figures named as the KPI, the one said to be the running total."""
    if len(found) < 2:
        return found
    totals = [(f, v) for f, v in found if _TOTAL.match(f.after)]
    return totals if len(totals) == 1 else found


def _segments(doc: Doc, figures: _Ordered, found: list[tuple[Figure, tuple[float, ...]]]) -> bool:
    """ "10.2% on the variant vs 9.4% on control": the KPI measured on two segments, compared;
    nothing says which one the KPI tracks."""
    for figure, _ in found:
        if figure.role != "partial":
            continue
        for other in figures.from_(figure.q.end):
            return other.role == "reference" and _PART_AFTER.match(other.after) is not None
    return False


def _stated(found: list[tuple[Figure, tuple[float, ...]]]) -> bool:
    """A change written out ("from 52 to 47", "+2 pts") is meant even off the usual scale."""
    return any(f.q.signed or "from" in f.head or " de " in f" {f.head}" for f, _ in found)


def _name_spans(doc: Doc, known: Known) -> list[tuple[Span, str]]:
    """Where the KPI is named, and how: by its "name", by a word of the initiative's "title"
    too (weak: only a value on the KPI's scale), by the word "keyword" KPI, or by its "unit"
    when that is an acronym (FTE, NC), right after the figure."""
    vocabulary = name_words(known.kpi_name, KPI_GENERIC) or name_words(known.kpi_name)
    title = name_words(known.title)
    spans = occurrences(doc.folded, vocabulary, acronym(known.kpi_name), doc.text)
    found = [
        (s, "title" if any(same_word(doc.folded[s[0] : s[1]], t) for t in title) else "name")
        for s in _joined(doc.folded, spans)
    ]
    found += [(m.span(), "keyword") for m in _KEYWORD.finditer(doc.folded)]
    if _ACRONYM.fullmatch(known.kpi_unit):  # "8 FTE signed": the unit of the KPI, in capitals
        unit = re.compile(rf"\b{re.escape(known.kpi_unit)}\b")
        found += [(m.span(), "unit") for m in unit.finditer(doc.text)]
    return sorted(found)


def _joined(folded: str, spans: list[Span]) -> list[Span]:
    """Words of the name written one after the other are one mention: "6 hires made (2
    senior…)" names the KPI Hires made once, after its 6."""
    out: list[Span] = []
    for start, end in spans:
        if out and folded[out[-1][1] : start].strip(" -") == "":
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


class _Ordered:
    """Figures in the order of the text, to find those next to a name without going through
    all of them for each name (a long message names the KPI many times)."""

    def __init__(self, figures: list[Figure]) -> None:
        self.figures = sorted(figures, key=lambda f: f.q.start)
        self.starts = [f.q.start for f in self.figures]

    def from_(self, position: int) -> Iterator[Figure]:
        """The figures starting at `position` or after, in order."""
        for index in range(bisect_left(self.starts, position), len(self.figures)):
            yield self.figures[index]

    def before(self, position: int) -> Iterator[Figure]:
        """The figures starting before `position`, nearest first."""
        for index in range(bisect_left(self.starts, position) - 1, -1, -1):
            yield self.figures[index]


def _alternative(doc: Doc, figures: _Ordered, figure: Figure) -> Figure | None:
    """The figure offered instead of `figure` right after it ("4.1k, or 3.8k if…")."""
    for other in figures.from_(figure.q.end):
        between = doc.folded[figure.q.end : other.q.start]
        return other if _OR.fullmatch(between) else None
    return None


def _after(doc: Doc, figures: _Ordered, span: Span, known: Known) -> Figure | None:
    sentence = doc.sentence_at(span[0])
    chosen = None
    anchor = span[1]  # where the gap to the next figure starts
    for figure in figures.from_(span[1]):
        if figure.q.start >= max(sentence[1], span[1]):
            break
        gap = doc.folded[anchor : figure.q.start]
        if chosen is not None:
            if _CHAIN.match(doc.folded[chosen.q.end : figure.q.start]):
                chosen = figure
                continue
            break
        if anchor > span[1] and _NOW.fullmatch(gap):
            return figure  # "DSO : était à 64 j, maintenant 59 j"
        if _GAP_BREAK.search(gap) or len(gap.split()) > 7 or _REFERENCE_GAP.search(gap):
            return None  # "TRS de la ligne 3 (référence) : 68 %" is another line's figure
        close = len(gap.split()) <= 3  # "Apps migrated: 34/80"
        if figure.role in ("explicit", "overall") or (
            figure.role == "count" and not close and not _counted(figure, known)
        ):
            return None
        if figure.role not in ("reference", "date"):
            chosen = figure
        elif figure.role == "reference" and _WAS.search(figure.head):
            anchor = figure.q.end  # last week's value: this week's may follow ("…, now 58")
    return chosen


def _counted(figure: Figure, known: Known) -> bool:
    """ "12 embauches sur 20": the count is the KPI when it counts what the KPI counts."""
    words = name_words(known.kpi_name, KPI_GENERIC)
    return any(same_word(n, w) for n in figure.noun.split() for w in words)


def _counting(doc: Doc, counts: _Ordered, span: Span, known: Known) -> Figure | None:
    """The count the name stands in ("12 embauches sur 20") or follows ("240 of 300 laptops"),
    if it counts what the KPI does."""
    for figure in counts.before(span[0] + 1):
        inside = figure.q.start <= span[0] < figure.q.end
        if inside or doc.folded[figure.q.end : span[0]].strip() == "":
            return figure if _counted(figure, known) else None
        return None
    return None


def _before(
    doc: Doc,
    figures: _Ordered,
    span: Span,
    unit: frozenset[str] = frozenset(),
    adjacent: bool = False,
) -> Figure | None:
    """The figure said just before the name ("18k sign-ups", "0 NC ouverte" with its `unit`);
    `adjacent`: only one written right against it ("6 hires made (2 senior, 4 mid)" is 6,
    not the 2 after the bracket)."""
    for figure in figures.before(span[0]):
        if figure.q.end > span[0]:
            continue
        if figure.role in ("count", "explicit", "overall", "date", "reference"):
            return None
        gap = doc.masked[figure.q.end : span[0]].split()  # the title's words are blanked
        if adjacent and gap:
            return None
        own = figure.head.rsplit(":", 1)[-1]  # "Teams : 74 % d'utilisateurs": after the heading
        lead = {w for w in own.replace("'", " ").split()[-2:] if not w[0].isdigit()}
        plain = not lead & _NOT_LEADS
        if len(gap) <= 3 and all(w in _BEFORE_GAP or w in unit for w in gap) and plain:
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
    for table in (_TIME, _DAYS):
        if unit in table and family in table:
            factor = table[unit] / table[family]
    values = tuple(round(r * factor, 6) for r in q.readings)
    if figure.role == "change":
        return _changed(figure, values, family, last)
    if q.signed and not _negative_level(figure):
        return (round(last + values[0], 6),) if last is not None and not q.spread else ()
    return values


def _negative_level(figure: Figure) -> bool:
    """ "NPS : -5" states a level below zero; "NPS -5 cette semaine" is a change."""
    return figure.q.readings[0] < 0 and bool(_LEVEL_LEAD.search(figure.head))


def _changed(
    figure: Figure, values: tuple[float, ...], family: str, last: float | None
) -> tuple[float, ...]:
    """ "en hausse de 3 points" on last week's 71 is 74. "Up 3 %" on a percentage KPI may be
    3 points or 3 % of it: both are offered, so the owner is asked."""
    change = WORDED_CHANGE.search(figure.head[-30:])
    if last is None or change is None or len(values) != 1:
        return ()
    delta = values[0] if change["up"] else -values[0]
    if figure.q.unit == "%" and family == "%":
        return (round(last + delta, 6), round(last * (1 + delta / 100), 6))
    return (round(last + delta, 6),)


def _compatible(unit: str, family: str) -> bool:
    if (unit in _TIME and family in _TIME) or (unit in _DAYS and family in _DAYS):
        return True
    return unit == "pts" and family in ("%", "", "pts")


def _resolve(
    readings: tuple[float, ...], known: Known, language: str | None, separator: str
) -> float | None:
    """`12,480`: the reading on the KPI's scale; without a scale, the author's language
    (a French comma is decimal, a French dot groups thousands; the other way in English)."""
    small, large = readings
    for on_scale in (fits_kpi, plausible_kpi, _same_magnitude):
        # on the scale; else within half to twice it; else the one of its order of magnitude
        # (a target of 15,000 alone: 12,480 is 12480; a KPI at 12: 12.48)
        fits = [r for r in (small, large) if on_scale(r, known)]
        if len(fits) == 1:
            return fits[0]
    if fits_kpi(small, known) is None and language in ("fr", "en"):
        decimal = (language == "fr") == (separator == ",")
        return small if decimal else large
    return None


def _same_magnitude(value: float, known: Known) -> bool | None:
    """Within ten times the KPI's scale, either way; None without a scale."""
    scale = kpi_scale(known)
    if scale is None:
        return None
    low, high = scale
    return low > 0 and low / 10 <= value <= high * 10


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
