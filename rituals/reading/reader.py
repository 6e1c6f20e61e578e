"""read(): an owner's free-text weekly update → one Part per initiative it covers, each field
with how sure the reading is, so that the bot asks instead of guessing.

Only the first MAX_CHARS characters are read (Slack allows 40,000; no update is that long),
and every step is linear in the length of what is read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rituals.reading.blockers import read_blockers
from rituals.reading.confidence import settle
from rituals.reading.decisions import read_decision
from rituals.reading.document import Doc
from rituals.reading.figures import figures, struck_percentages
from rituals.reading.intents import carries_over, intent_of
from rituals.reading.kpi import read_kpi
from rituals.reading.lexicon import FILLERS, words
from rituals.reading.markup import clean
from rituals.reading.model import Context, Field, Intent, Known, Part, Reading, T, absent, sure
from rituals.reading.progress import read_progress
from rituals.reading.split import split
from rituals.reading.status import read_status

MAX_CHARS = 4000
_FRENCH = re.compile(r"\b(?:le|la|les|des|est|sur|pour|avec|une|on|pas|du|au|et|c'est)\b")
_ENGLISH = re.compile(r"\b(?:the|and|is|we|of|to|with|are|on|not|it|this|we're)\b")


def read(text: str, context: Context) -> Reading:
    """Read an update of the author of `context`; see the module docstring for the limits."""
    doc = clean(text[:MAX_CHARS])
    language = context.language or _language(doc.folded)
    pieces, ask_which = split(doc, context)
    known = {k.id: k for k in context.initiatives}
    parts = [
        _part(p.doc, p.initiative_id, known.get(p.initiative_id or -1), language, context.language)
        for p in pieces
    ]
    stated = intent_of(doc.folded)
    if all(not p.says_something for p in parts):
        intent = stated or Intent.UPDATE
        if intent is Intent.UPDATE:
            return Reading((), False, False)
        ids = [p.initiative_id for p in parts] if not ask_which else list(known)
        return Reading(tuple(_bare(doc, i, intent) for i in ids), False, True)
    kept = tuple(p for p in parts if p.says_something)
    return Reading(kept, ask_which, True)


def _part(
    doc: Doc,
    initiative_id: int | None,
    known: Known | None,
    language: str,
    stated_language: str | None,
) -> Part:
    """One part; `stated_language` is the author's (context), `language` a guess if need be."""
    languages = (language, "en" if language == "fr" else "fr")
    decision, decision_spans = read_decision(doc)
    questions = [s for s in doc.sentences if doc.is_question(s) and not _guess(doc, s)]
    figs = figures(doc, decision_spans + questions, languages)
    carry = carries_over(doc.folded)
    kpi, claimed = read_kpi(doc, figs, known, stated_language, carry)
    progress = read_progress([f for f in figs if f.q.start not in claimed], struck_percentages(doc))
    progress_field, kpi = settle(progress, kpi, known, figs)
    blockers = read_blockers(doc, decision_spans)
    status = read_status(doc, _has_content(doc))
    if carry and known and known.last:
        status = _carried(status, known.last.status)
        progress_field = _carried(progress_field, known.last.progress)
    part = Part(initiative_id, doc.text, Intent.UPDATE, status, progress_field, kpi, blockers,
                decision, None)  # fmt: skip
    if not part.says_something:
        part = replace(part, intent=intent_of(doc.folded) or Intent.UPDATE)
    return replace(part, highlights=_highlights(doc, part))


def _bare(doc: Doc, initiative_id: int | None, intent: Intent) -> Part:
    return Part(initiative_id, doc.text, intent, absent(), absent(), absent(), None, None, None)


def _carried(field: Field[T], last: T | None) -> Field[T]:
    if field.value is None and field.sure and last is not None:
        return sure(last, "as last week")
    return field


def _guess(doc: Doc, sentence: tuple[int, int]) -> bool:
    """ "50?": a figure the owner is unsure of, not a question to anyone."""
    return bool(re.fullmatch(r"[\W\d_]*\d[\W\d_]*", doc.folded[sentence[0] : sentence[1]]))


def _has_content(doc: Doc) -> bool:
    return sum(1 for w in words(doc.masked) if w.group() not in FILLERS) >= 3


def _highlights(doc: Doc, part: Part) -> str | None:
    """The sentences left that say something more than the fields read."""
    used = " ".join(x for x in (part.blockers, part.decision) if x)
    kept = []
    for start, end in doc.sentences:
        sentence = doc.said(start, end)
        if not sentence or sentence in used:
            continue
        content = [w for w in words(doc.masked, start, end) if w.group() not in FILLERS]
        if len(content) >= 4:
            kept.append(sentence)
    return " ".join(kept) or None


def _language(folded: str) -> str:
    french = len(_FRENCH.findall(folded))
    english = len(_ENGLISH.findall(folded))
    return "fr" if french > english else "en"
