"""The status an owner states: colours, emoji, status names and plain verdicts ("dans les
clous", "we won't make the date"), typos, negations ("plus dans le rouge"), struck words, and
when a careful reader would ask ("ok", "presque fini", "green on scope, red on budget")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rituals.reading.document import Doc
from rituals.reading.lexicon import FILLERS, NEGATORS, OVERALL, near, word_set, words
from rituals.reading.model import Field, absent, ask, sure
from rituals.reading.status_words import (
    ASK,
    AT,
    CASUAL,
    DONE,
    NOTHING,
    OFF,
    ON,
    PHRASES,
    WARN,
)
from rituals.status import Status

_PATTERN = re.compile(
    r"(?<![a-z0-9'])(?:"
    + "|".join(rf"(?P<g{n}>{phrases})" for n, (phrases, _, _) in enumerate(PHRASES))
    + r")(?![a-z0-9]|-[a-z])"
)
STATUS_PATTERN = _PATTERN  # every status phrase, for telling fields from the owner's words
_FUZZY = {"vert": ON, "verte": ON, "green": ON, "rouge": OFF, "orange": AT, "jaune": AT,
          "amber": AT, "yellow": AT}  # fmt: skip
# Words one letter away from a colour that are no typo of it ("in the 40-50 % range").
_REAL_WORDS = word_set(
    "range ranges grange granges fellow fellows mellow bellow rouage rouages orage orages avert"
    " overt vertu rouget"
)
_LETTERS = {"G": ON, "A": AT, "R": OFF}
_FUZZY_PAIRS = {("on", "track"): ON, ("off", "track"): OFF, ("at", "risk"): AT}
_PAST = re.compile(r"(?:was|were|etait|previously|auparavant|from|last week) $")
_REST = re.compile(r"(?:everything else|tout le reste|pour le reste|le reste|the rest)\b.*$")
_DONE_LEAD = re.compile(
    r"^(?:[\W_]|statut|status|c'est|it's|its|is|est|now|enfin|finally|all|tout|it|this|one"
    r"|one's|et|and|deja|already|officiellement|officially|bon|voila|yes|oui|projet|project"
    r"|le|la|l'|the|our|notre|ce|cette|we|we're|we've|have|has|been|ete|a)*$"
)
_OBJECT = re.compile(
    r" (?:le|la|les|l'|un|une|des|du|de|d'|the|a|an|our|my|this|ce|cette|ces|nos|with|avec"
    r"|for|pour|on|sur)(?:\b|(?<='))"
    r"(?! ?\d| (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)"
    r"| \d+(?![\d,.])(?! ?%)"
)  # "livré l'API", "closed 3 tickets" name what was done; "livré le 3 mars" says when
# Done, but something remains: "livré, mais il reste les correctifs", "done except training".
_BUT_REST = re.compile(
    r"\b(?:sauf|hormis|excepte|except|apart from|but|mais|reste|restent|remaining|left|still)\b"
)
# A survey, a window or a ticket closes too: "closed" is the initiative's end only when it is
# all its sentence says ("c'est clos.", "Closed."), not in "baromètre clos, 52 % de
# participation, restitution au CSE le 4".
_WEAK_DONE = re.compile(r"clos|close|closed|cloturee?s?")
# "de plus en plus en retard" is later and later, not "no longer late".
_NOT_NEGATION = re.compile(r"\bde plus en plus\b|\b(?:en|de) plus\b|\bplus ou moins\b")
_HEDGES = frozenset({"maybe", "peut-etre", "perhaps", "possibly", "probably", "probablement"})
# Words that say a state, not a name: red only when they stand alone ("Statut : bloqué").
_RED_ALONE = re.compile(
    r"(?:(?:rag|status|statut|etat|meteo)\s*:?\s*)?(?:bloquee?s?|blocked|en retard|late|behind"
    r"|stuck|coincee?s?)[\s!.]*"
)


@dataclass(frozen=True)
class Signal:
    what: str | Status
    level: int
    start: int
    end: int
    overall: bool = False
    others: frozenset[Status] = frozenset()  # negated: what it may be instead
    offered: frozenset[Status] = frozenset()  # hedged ("maybe amber?"): what to offer


def read_status(doc: Doc, has_content: bool) -> Field[Status]:
    signals = _signals(doc)
    struck = any(_PATTERN.search(withdrawn) for _, withdrawn in doc.struck)
    if not signals:
        return ask((), None) if struck and not has_content else absent()
    overall = [s for s in signals if s.overall and s.level >= 2]
    top = max(s.level for s in signals)
    if top == 0 and has_content and all(not doc.text[s.start].isalpha() for s in signals):
        return absent()  # "levé 👍 on repart, 45 %": a thumbs-up among words is no status
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
    alone = _alone(doc, signals)
    asks = [s for s in pool if s.what == ASK or (s.what == WARN and not has_content)]
    asks += [s for s in pool if s.what == CASUAL and alone]
    stated |= {AT for s in pool if s.what == WARN and has_content}
    stated |= {ON for s in pool if s.what == CASUAL and not alone}
    said = doc.said(pool[0].start, pool[0].end)
    if asks:
        offered = {status for s in asks for status in sorted(s.offered)}
        return ask(tuple(stated) + tuple(offered - stated) or (ON, AT, OFF), said)
    if sets:
        allowed = frozenset.intersection(*sets)
        stated = stated & allowed if stated else set(allowed)
    if len(stated) == 1:
        chosen = next(iter(stated))
        first = next((s for s in pool if s.what == chosen), pool[0])
        return sure(chosen, doc.said(first.start, first.end))
    return ask(tuple(sorted(stated)), said)


def _alone(doc: Doc, signals: list[Signal]) -> bool:
    """Whether the status words are all the owner says ("ça roule", "all good 👍"): then a
    casual verdict is a shrug, like a bare "ok"; "all good (70 %)" says more."""
    chars = list(doc.masked)
    for signal in signals:
        chars[signal.start : signal.end] = " " * (signal.end - signal.start)
    return all(w.group() in FILLERS for w in words("".join(chars)))


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
        typo = word not in _REAL_WORDS
        status = next((s for t, s in _FUZZY.items() if typo and near(word, t)), None)
        pair = next((s for (p, t), s in _FUZZY_PAIRS.items() if p == prev and near(word, t)), None)
        if status or pair:
            start = token.start() if status else tokens[index - 1].start()
            signal = _signal(doc, status or pair or ON, 3, start, token.end())
            found.append(signal) if signal else None
    found += _letters(doc) + _red_alone(doc)
    return sorted(found, key=lambda s: s.start)


def _red_alone(doc: Doc) -> list[Signal]:
    """ "bloqué", "Statut : en retard": a state written as the whole clause names the status
    red (README); within a sentence the same words are a blocker or a hint."""
    found = []
    for sentence in doc.sentences:
        if doc.is_question(sentence):
            continue
        for start, end in doc.clauses(*sentence):
            clause = doc.masked[start:end]
            before = doc.masked[max(0, start - 20) : start]
            if _RED_ALONE.fullmatch(clause.strip()) and not _negated(before):
                at = start + len(clause) - len(clause.lstrip())
                found.append(Signal(OFF, 3, at, at + len(clause.strip())))
    return found


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
    if what == NOTHING:
        return None
    clause = doc.clause_start(start)
    before = text[clause:start]
    question = doc.question_part(sentence)
    if question and start >= question[0] and not _answered(doc, sentence):
        return _hedged(doc, what, level, start, end)
    if isinstance(what, Status) and _HEDGES & set(before.split()[-2:]):
        return Signal(ASK, 2, start, end, offered=frozenset({what}))
    if _PAST.search(before) or (level == 2 and _REST.search(before)):
        return None
    if what == DONE and not _done_here(text, before, end, start):
        return None
    if what == DONE and _BUT_REST.search(text, end, sentence[1]):
        return Signal(ASK, 2, start, end, offered=frozenset({DONE}))  # "terminé sauf la formation"
    if what == DONE and _WEAK_DONE.fullmatch(text, start, end) and _more(text, end, sentence[1]):
        return Signal(ASK, 2, start, end, offered=frozenset({DONE}))
    after = text[end : doc.clause_end(end)]
    overall = bool(OVERALL & set(before.split()) or OVERALL & set(after.split()[:2]))
    overall = overall or "whole thing" in before or "statut global" in before
    own = text[start:end].split()[:1]
    what = ON if what == CASUAL and _negated(before) else what  # "not all good"
    if _negated(before) and isinstance(what, Status) and not (NEGATORS & set(own)):
        if what == DONE:
            return None
        if what == AT:
            return Signal(ON, 2, start, end, overall)
        others = frozenset({AT, ON} if what == OFF else {AT, OFF})
        return Signal(what, 2, start, end, overall, others)
    return Signal(what, level, start, end, overall)


def _more(text: str, end: int, sentence_end: int) -> bool:
    return any(ch.isalnum() for ch in text[end:sentence_end])


def _hedged(doc: Doc, what: str | Status, level: int, start: int, end: int) -> Signal | None:
    """A status in a question is nobody's answer ("should we go red?"), unless the owner
    wonders aloud about their own ("so maybe amber?", "orange ?", "green-ish?"): then it is
    asked."""
    if not (isinstance(what, Status) or what == ASK) or level < 2:
        return None
    before = doc.masked[doc.clause_start(start) : start].split()
    after = doc.masked[end : doc.clause_end(end)].strip(" ?!.")
    if after or not set(before) <= _HEDGES | {"so", "donc", "alors", "ou", "or", "plutot"}:
        return None
    offered = frozenset({what}) if isinstance(what, Status) else frozenset()
    return Signal(ASK, 2, start, end, offered=offered)


def _done_here(text: str, before: str, end: int, start: int) -> bool:
    """ "Livré ✅", "c'est clos": the initiative is done; "lot 3 livré", "livré l'API" are not."""
    if not text[start].isalpha():
        return True
    header = text[end : end + 3].lstrip().startswith(":")
    return bool(_DONE_LEAD.match(before)) and not _OBJECT.match(text, end) and not header


def _negated(before: str) -> bool:
    last = _NOT_NEGATION.sub(" ", before).split()[-3:]
    return bool(NEGATORS & set(last))


def _answered(doc: Doc, question: tuple[int, int]) -> bool:
    rest = doc.masked[question[1] : question[1] + 12].strip()
    return rest.startswith(("oui", "yes", "yep", "absolument", "absolutely"))
