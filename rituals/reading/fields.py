"""Clauses that only give fields ("vert", "60 %", "KPI 12 j", "Statut : orange"). Once they
are set aside, what is left is in the owner's own words: the blocker, the decision asked for,
the comment. "vert 60% kpi 55 — bloqué par le juridique" keeps "bloqué par le juridique"."""

from __future__ import annotations

import re

from rituals.reading.document import Doc, Span
from rituals.reading.lexicon import FILLERS, WORD, word_set
from rituals.reading.names import name_words
from rituals.reading.quantities import scan
from rituals.reading.status import STATUS_PATTERN

# Words that name a field or frame a figure, and say nothing of their own.
FIELD_WORDS = word_set(
    "kpi kpis indicateur metric avancement progress progression statut status rag meteo etat"
    " state avct prog target cible objectif goal vs versus done fait faits realise realisee"
    " complete completed through du chemin of the way overall globalement global globale total"
    " au niveau level taux rate score valeur value actuel current currently semaine week"
    " update point hebdo weekly tldr tl dr recap synthese resume running tout toujours still"
)


# A name or a title before a colon, at most three words.
_HEADING = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}[\w'’-]+\s*:\s")


def kpi_words(kpi_name: str) -> frozenset[str]:
    """Every word of the KPI's name: "Délai moyen 4,2 j" only gives the KPI."""
    return name_words(kpi_name)


def field_only(doc: Doc, span: Span, kpi: frozenset[str] = frozenset()) -> bool:
    """Whether the clause holds nothing but fields: status words, figures, field names, after
    a short heading ("ERP : vert", "Point S14 : 60 %")."""
    start, end = span
    heading = _HEADING.match(doc.masked, start, end)
    if heading is not None and heading.end() < end:
        start = heading.end()
    text = STATUS_PATTERN.sub(lambda m: " " * len(m.group()), doc.masked[start:end])
    chars = list(text)
    for quantity in scan(text):
        chars[quantity.start : quantity.end] = " " * (quantity.end - quantity.start)
    plain = "".join(chars)
    return not any(
        w.group() not in FILLERS and w.group() not in FIELD_WORDS and w.group() not in kpi
        for w in WORD.finditer(plain)
    )


def own_words(doc: Doc, span: Span, kpi: frozenset[str] = frozenset()) -> Span | None:
    """The span from the first to the last clause of `span` that is more than fields."""
    kept = [c for c in doc.clauses(*span) if not field_only(doc, c, kpi)]
    if not kept:
        return None
    return kept[0][0], kept[-1][1]
