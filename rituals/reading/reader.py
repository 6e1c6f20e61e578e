"""read(): an owner's free-text weekly update → one Part per initiative it covers, each field
with how sure the reading is, so that the bot asks instead of guessing.

Only the first MAX_CHARS characters are read (Slack allows 40,000; no update is that long),
and every step is linear in the length of what is read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rituals.reading.blockers import read_blockers
from rituals.reading.comments import comment
from rituals.reading.confidence import settle
from rituals.reading.decisions import read_decision
from rituals.reading.document import Doc
from rituals.reading.fields import kpi_words
from rituals.reading.figures import figures, struck_percentages
from rituals.reading.intents import carries_over, intent_of
from rituals.reading.kpi import read_kpi
from rituals.reading.lexicon import FILLERS, words
from rituals.reading.markup import clean
from rituals.reading.model import (
    Context,
    Field,
    Intent,
    Known,
    Part,
    Reading,
    T,
    absent,
    ask,
    sure,
)
from rituals.reading.names import name_words
from rituals.reading.progress import read_progress, unchanged
from rituals.reading.split import split
from rituals.reading.status import read_status
from rituals.status import Status

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
    kept = [p for p in parts if p.says_something or p.intent is not Intent.UPDATE]
    if any(p.intent is Intent.UPDATE for p in kept):
        kept = [_as_last_week(p, known.get(p.initiative_id or -1)) for p in kept]
    return Reading(tuple(kept), ask_which, True)


def _as_last_week(part: Part, known: Known | None) -> Part:
    """ "ERP : 300 users. Pour le data warehouse rien de neuf.": among updates, a part that
    says nothing changed is an update carrying last week's values."""
    if part.intent is not Intent.NO_CHANGE or known is None or known.last is None:
        return part
    last = known.last
    return replace(
        part,
        intent=Intent.UPDATE,
        status=_carried(part.status, last.status),
        progress=_carried(part.progress, last.progress),
        kpi=_carried(part.kpi, last.kpi_value),
    )


def _part(
    doc: Doc,
    initiative_id: int | None,
    known: Known | None,
    language: str,
    stated_language: str | None,
) -> Part:
    """One part; `stated_language` is the author's (context), `language` a guess if need be."""
    languages = (language, "en" if language == "fr" else "fr")
    kpi_names = kpi_words(known.kpi_name) if known else frozenset()
    decision, decision_spans = read_decision(doc, kpi_names)
    title = name_words(known.title) if known else frozenset()
    figs = figures(doc, decision_spans + _questions(doc), languages, title)
    carry = carries_over(doc.folded)
    kpi, claimed = read_kpi(doc, figs, known, stated_language, carry)
    progress = read_progress([f for f in figs if f.q.start not in claimed], struck_percentages(doc))
    progress_field, kpi = settle(progress, kpi, known, figs)
    blockers, blocker_spans = read_blockers(doc, decision_spans, kpi_names)
    status = _doubted(read_status(doc, _has_content(doc)), blockers, progress_field)
    if carry and known and known.last:
        status = _carried(status, known.last.status)
    if (carry or unchanged(doc.folded)) and known and known.last:
        progress_field = _carried(progress_field, known.last.progress)
    part = Part(initiative_id, doc.text, Intent.UPDATE, status, progress_field, kpi, blockers,
                decision, None)  # fmt: skip
    if not part.says_something:
        part = replace(part, intent=intent_of(doc.folded) or Intent.UPDATE)
    taken = decision_spans + blocker_spans
    return replace(part, highlights=comment(doc, taken, kpi_names))


def _doubted(status: Field[Status], blockers: str | None, progress: Field[int]) -> Field[Status]:
    """Done, and yet something is still awaited ("closed Friday… I'm waiting on the extract")
    or left ("done at 80%"): a careful reader asks rather than closes the initiative."""
    unfinished = progress.value is not None and progress.value < 100
    if status.value is Status.DONE and (blockers is not None or unfinished):
        return ask((Status.DONE,), status.said)
    return status


def _bare(doc: Doc, initiative_id: int | None, intent: Intent) -> Part:
    return Part(initiative_id, doc.text, intent, absent(), absent(), absent(), None, None, None)


def _carried(field: Field[T], last: T | None) -> Field[T]:
    if field.value is None and field.sure and last is not None:
        return sure(last, "as last week")
    return field


def _questions(doc: Doc) -> list[tuple[int, int]]:
    """The questions asked, whose figures are nobody's answer ("2 or 3 weeks?"); only the part
    after a label or dash is the question ("orange 40% — arbitrage : prolonger ?")."""
    found = []
    for sentence in doc.sentences:
        question = doc.question_part(sentence)
        if question is not None and not _guess(doc, sentence):
            found.append(question)
    return found


def _guess(doc: Doc, sentence: tuple[int, int]) -> bool:
    """ "50?": a figure the owner is unsure of, not a question to anyone."""
    return bool(re.fullmatch(r"[\W\d_]*\d[\W\d_]*", doc.folded[sentence[0] : sentence[1]]))


def _has_content(doc: Doc) -> bool:
    return sum(1 for w in words(doc.masked) if w.group() not in FILLERS) >= 3


def _language(folded: str) -> str:
    french = len(_FRENCH.findall(folded))
    english = len(_ENGLISH.findall(folded))
    return "fr" if french > english else "en"
