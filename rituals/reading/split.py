"""Which initiative each piece of a message is about. Titles are matched loosely (names.py);
a thread reply belongs to its thread's initiative unless it plainly names others; a plain DM
naming none of several initiatives asks which; "pour les deux" / "all three" covers all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rituals.reading.document import Doc, Span
from rituals.reading.model import Context
from rituals.reading.names import KPI_GENERIC, distinctive, name_words, occurrences

_ALL = re.compile(
    r"\b(?:pour les (?:deux|trois|quatre|2|3|4)|les deux|both|all three|all four|all of them"
    r"|the three|the two|tous les (?:deux|trois|quatre)|toutes les (?:deux|trois|quatre)"
    r"|pour tous|partout|all (?:my|our|the) (?:projects|initiatives))\b"
)
_HERE = re.compile(r"\b(?:ici|this one'?s?|this one|celui-ci|celle-ci)\b")


@dataclass(frozen=True)
class Piece:
    initiative_id: int | None
    doc: Doc


def split(doc: Doc, context: Context) -> tuple[list[Piece], bool]:
    """The pieces of the message per initiative, and whether to ask which initiative it is."""
    inits = context.initiatives
    mentions = _mentions(doc, context)
    names = tuple((a, b) for a, b, _ in mentions)
    if len(inits) <= 1:
        return [Piece(inits[0].id if inits else None, doc.named(names))], False
    others = [m for m in mentions if m[2] != context.thread]
    if context.thread is not None and not others:
        return [Piece(context.thread, doc.named(names))], False
    if not mentions:
        if _ALL.search(doc.folded):
            return [Piece(k.id, doc) for k in inits], False
        return [Piece(None, doc)], True
    owners = _owners(doc, mentions, context.thread)
    pieces: list[Piece] = []
    for owner, spans in owners:
        cut = (
            Doc.joined([doc.cut(a, b) for a, b in spans]) if len(spans) > 1 else doc.cut(*spans[0])
        )
        local = _local_names(names, spans)
        pieces.append(Piece(owner, cut.named(local)))
    return pieces, False


def _mentions(doc: Doc, context: Context) -> list[tuple[int, int, int]]:
    inits = context.initiatives
    titles = distinctive((k.id, k.title) for k in inits)
    title_words = {w for ws in titles.values() for w in ws}
    kpis = distinctive((k.id, k.kpi_name) for k in inits if k.kpi_name)
    found = []
    for known in inits:
        vocabulary = titles.get(known.id, frozenset())
        if len(inits) > 1:
            kpi_words = kpis.get(known.id, frozenset()) & name_words(known.kpi_name, KPI_GENERIC)
            vocabulary = vocabulary | (kpi_words - title_words)
        spans = occurrences(doc.folded, vocabulary, (), doc.text)
        found += [(_with_initials(doc, a), b, known.id) for a, b in spans]
    if context.thread is not None and len(inits) > 1:
        found += [(*m.span(), context.thread) for m in _HERE.finditer(doc.folded)]
    return sorted(found)


def _with_initials(doc: Doc, start: int) -> int:
    """ "DC exit" names "Data centre exit": capitals written just before a name belong to it."""
    before = re.search(r"\b([A-Z]{2,4}) $", doc.text[max(0, start - 6) : start])
    return start - len(before.group()) if before else start


def _owners(
    doc: Doc, mentions: list[tuple[int, int, int]], thread: int | None
) -> list[tuple[int | None, list[Span]]]:
    units: list[tuple[int, int, int | None]] = []
    owner: int | None = thread
    for start, end in doc.sentences:
        for a, b in doc.clauses(start, end):
            inside = [m for m in mentions if a <= m[0] < b]
            cuts = [(a, inside[0][2] if inside else owner)]
            for m in inside[1:]:
                if m[2] != cuts[-1][1]:
                    cuts.append((m[0], m[2]))
            for index, (cut_start, cut_owner) in enumerate(cuts):
                cut_end = cuts[index + 1][0] if index + 1 < len(cuts) else b
                units.append((cut_start, cut_end, cut_owner))
                owner = cut_owner
    grouped: dict[int | None, list[Span]] = {}
    for a, b, who in units:
        spans = grouped.setdefault(who, [])
        if spans and _only_gap(doc, spans[-1][1], a):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return list(grouped.items())


def _only_gap(doc: Doc, end: int, start: int) -> bool:
    """Two units of one owner are one piece when only punctuation stands between them."""
    return not any(ch.isalnum() for ch in doc.folded[end:start])


def _local_names(names: tuple[Span, ...], spans: list[Span]) -> tuple[Span, ...]:
    local, offset = [], 0
    for a, b in spans:
        local += [(x - a + offset, y - a + offset) for x, y in names if a <= x and y <= b]
        offset += b - a + 1
    return tuple(local)
