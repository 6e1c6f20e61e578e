"""The status an owner states: colours, emoji, status names and plain verdicts ("dans les
clous", "we won't make the date"), typos, negations ("plus dans le rouge"), struck words, and
when a careful reader would ask ("ok", "presque fini", "green on scope, red on budget")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rituals.reading.document import Doc
from rituals.reading.lexicon import NEGATORS, OVERALL, near, words
from rituals.reading.model import Field, absent, ask, sure
from rituals.reading.status_words import ASK, AT, DONE, NOTHING, OFF, ON, PHRASES, WARN
from rituals.status import Status

_PATTERN = re.compile(
    r"(?<![a-z0-9'])(?:"
    + "|".join(rf"(?P<g{n}>{phrases})" for n, (phrases, _, _) in enumerate(PHRASES))
    + r")(?![a-z0-9]|-[a-z])"
)
_FUZZY = {"vert": ON, "verte": ON, "green": ON, "rouge": OFF, "orange": AT, "jaune": AT,
          "amber": AT, "yellow": AT}  # fmt: skip
_LETTERS = {"G": ON, "A": AT, "R": OFF}
_FUZZY_PAIRS = {("on", "track"): ON, ("off", "track"): OFF, ("at", "risk"): AT}
_PAST = re.compile(r"(?:was|were|etait|previously|auparavant|from|last week) $")
_REST = re.compile(r"(?:everything else|tout le reste|pour le reste|le reste|the rest)\b.*$")
_DONE_LEAD = re.compile(
    r"^(?:[\W_]|statut|status|c'est|it's|its|is|est|now|enfin|finally|all|tout|it|this|one"
    r"|one's|et|and|deja|already|officiellement|officially|bon|voila|yes|oui|projet|project)*$"
)
_OBJECT = re.compile(r" (?:le|la|les|l'|un|une|des|du|the|a|an|our|my|this|ce|cette|ces|nos)\b")


@dataclass(frozen=True)
class Signal:
    what: str | Status
    level: int
    start: int
    end: int
    overall: bool = False
    others: frozenset[Status] = frozenset()  # negated: what it may be instead


def read_status(doc: Doc, has_content: bool) -> Field[Status]:
    signals = _signals(doc)
    struck = any(_PATTERN.search(withdrawn) for _, withdrawn in doc.struck)
    if not signals:
        return ask((), None) if struck and not has_content else absent()
    overall = [s for s in signals if s.overall and s.level >= 2]
    top = max(s.level for s in signals)
    if overall:
        pool = overall
    elif top == 3:
        pool = [s for s in signals if s.level >= 2]
    elif top == 2:
        pool = [s for s in signals if s.level == 2]
    elif top == 1:
        return ask((AT, OFF), doc.said(signals[0].start, signals[0].end))
    else:
        return ask((ON,), doc.said(signals[0].start, signals[0].end))
    stated = {s.what for s in pool if isinstance(s.what, Status) and not s.others}
    sets = [s.others for s in pool if s.others]
    asks = [s for s in pool if s.what == ASK or (s.what == WARN and not has_content)]
    stated |= {AT for s in pool if s.what == WARN and has_content}
    said = doc.said(pool[0].start, pool[0].end)
    if asks:
        return ask(tuple(stated) or (ON, AT, OFF), said)
    if sets:
        allowed = frozenset.intersection(*sets)
        stated = stated & allowed if stated else set(allowed)
    if len(stated) == 1:
        chosen = next(iter(stated))
        first = next((s for s in pool if s.what == chosen), pool[0])
        return sure(chosen, doc.said(first.start, first.end))
    return ask(tuple(sorted(stated)), said)


def _signals(doc: Doc) -> list[Signal]:
    text, found = doc.masked, []
    taken: list[tuple[int, int]] = []
    for match in _PATTERN.finditer(text):
        index = int(str(match.lastgroup)[1:])
        _, what, level = PHRASES[index]
        taken.append(match.span())
        signal = _signal(doc, what, level, match.start(), match.end())
        if signal is not None:
            found.append(signal)
    tokens = list(words(text))
    for index, token in enumerate(tokens):
        if any(a <= token.start() < b for a, b in taken):
            continue
        word, prev = token.group(), tokens[index - 1].group() if index else ""
        status = next((s for target, s in _FUZZY.items() if near(word, target)), None)
        pair = next((s for (p, t), s in _FUZZY_PAIRS.items() if p == prev and near(word, t)), None)
        if status or pair:
            start = token.start() if status else tokens[index - 1].start()
            signal = _signal(doc, status or pair or ON, 3, start, token.end())
            found.append(signal) if signal else None
    found += _letters(doc)
    return sorted(found, key=lambda s: s.start)


def _letters(doc: Doc) -> list[Signal]:
    """Terse RAG letters: "G / 60 / none", "A, 40" (capitals standing alone in their clause)."""
    found = []
    for sentence in doc.sentences:
        for start, end in doc.clauses(*sentence):
            letter = doc.text[start:end].strip(" .:")
            if letter in _LETTERS:
                at = doc.text.index(letter, start)
                found.append(Signal(_LETTERS[letter], 3, at, at + 1))
    return found


def _signal(doc: Doc, what: str | Status, level: int, start: int, end: int) -> Signal | None:
    text = doc.masked
    sentence = doc.sentence_at(start)
    if what == NOTHING or (doc.is_question(sentence) and not _answered(doc, sentence)):
        return None
    clause = doc.clause_start(start)
    before = text[clause:start]
    if _PAST.search(before) or (level == 2 and _REST.search(before)):
        return None
    if what == DONE and not _done_here(text, before, end, start):
        return None
    after = text[end : doc.clause_end(end)]
    overall = bool(OVERALL & set(before.split()) or OVERALL & set(after.split()[:2]))
    overall = overall or "whole thing" in before or "statut global" in before
    own = text[start:end].split()[:1]
    if _negated(before) and isinstance(what, Status) and not (NEGATORS & set(own)):
        if what == DONE:
            return None
        if what == AT:
            return Signal(ON, 2, start, end, overall)
        others = frozenset({AT, ON} if what == OFF else {AT, OFF})
        return Signal(what, 2, start, end, overall, others)
    return Signal(what, level, start, end, overall)


def _done_here(text: str, before: str, end: int, start: int) -> bool:
    """ "Livré ✅", "c'est clos": the initiative is done; "lot 3 livré", "livré l'API" are not."""
    if not text[start].isalpha():
        return True
    header = text[end : end + 3].lstrip().startswith(":")
    return bool(_DONE_LEAD.match(before)) and not _OBJECT.match(text, end) and not header


def _negated(before: str) -> bool:
    last = before.split()[-3:]
    return bool(NEGATORS & set(last))


def _answered(doc: Doc, question: tuple[int, int]) -> bool:
    rest = doc.masked[question[1] : question[1] + 12].strip()
    return rest.startswith(("oui", "yes", "yep", "absolument", "absolutely"))
