"""Blockers: what the team waits on or cannot get past, kept in the owner's words — with or
without marker words ("on attend le retour du DAF", "can't go live until the auditors sign
off", "n'est toujours pas livré"), misspelt ("bloqé", "blockd"), as a label with bullets, or
as the answer to a quoted "what's blocking you?". Negations ("plus bloqués") are not."""

from __future__ import annotations

import re

from rituals.reading.document import Doc, Span
from rituals.reading.lexicon import NEGATORS, near, word_set, words

_MARKER = re.compile(
    r"\b(?:bloquee?s?|bloquer|bloque|blocked|blocking|stuck|coincee?s?|ca bloque"
    r"|en attente (?:de|du|des|d')|toujours en (?:attente|instruction|validation|discussion)"
    r"|waiting (?:on|for)|we're waiting|on attend|j'attends|nous attendons|on patiente"
    r"|(?:still|toujours) pending|pending (?:with|from|on)|suspendue? (?:a|au|aux)"
    r"|(?<!ca )(?<!it )(?<!that )depend(?:s|ent|ant)? (?:on|of|de|du|des)|dependent on"
    r"|tributaire (?:de|du|des)|dependance (?:a|au|aux|de|du|des|vis-a-vis)|dependency on"
    r"|en attente|pending|awaiting|held up|dans l'attente"
    r"|conditionnee? (?:a|par)|contingent on|hinges on|est bloquant|sont bloquants"
    r"|c'est bloquant|blocages? (?:sur|avec|cote|au niveau|chez))\b"
)
# Markers that carry their own negation ("toujours pas", "nobody is signing"): never negated.
_MISSING = re.compile(
    r"\b(?:toujours pas|still (?:not|no|hasn't|haven't|isn't|aren't|doesn't|don't|missing)"
    r"|n'(?:est|a|ont|sont) (?:toujours |encore )?pas (?:encore )?(?:pret|prete|prets|pretes"
    r"|livree?s?|validee?s?|debloquee?s?|signee?s?|ouverte?s?|arrivee?s?|recue?s?|dispo"
    r"|disponibles?|fourni|fournie|envoyee?s?|installee?s?)"
    r"|pas encore (?:de|d') ?(?:retour|reponse|validation|go|feedback|accord|signature)"
    r"|no (?:answer|response|feedback|reply) yet|still no (?:answer|response|feedback)"
    r"|personne ne|nobody (?:is|will|has)|no one (?:is|will|has)|pas d'acces|no access"
    r"|a depose le bilan|depot de bilan|went bust|bankrupt|en liquidation|geles?|gelee?s?"
    r"|frozen|sticking point|point de blocage|showstopper|repousse la livraison"
    r"|livraison repoussee|pushed (?:back )?the delivery)\b"
)
_NEED_OTHER = re.compile(
    r"\b(?:besoin que|need|needs)\b[^.;\n]{1,60}?\b(?:debloque|debloquer|unblock|to free up"
    r"|to give us|to send|to provide|to open|to deliver|to fix)\b"
)
_CANNOT = re.compile(
    r"\b(?:can't|cannot|can not|couldn't|won't|unable to|nothing can|on ne peut pas|ne peut pas"
    r"|ne peuvent pas|impossible de|pas possible|on hold|at risk|en pause|ne valide pas"
    r"|ne signe pas|refuse|rien ne bouge|n'avance pas)\b"
)
_UNTIL = re.compile(r"\b(?:until|till|tant que|avant que|without|unless|sans (?:le|la|l'|leur))\b")
_IF_NOT = re.compile(r"\bsi\b[^.;\n]{1,60}?\b(?:ne|n')\b[^.;\n]{0,40}?\bpas\b")
_NONE = re.compile(
    r"^[\W_]*(?:none|nothing|rien|aucune?|nope|n/?a|no|non|ras|pas de blocage|nada|neant|nil"
    r"|zero|sans objet|0)\b"
    r"(?:[^.,;]{0,30}?)(?:,? ?(?:but|mais|sauf|except)\b(?P<rest>.*))?[.!\s]*$"
)
_NONE_PHRASE = re.compile(
    r"\b(?:rien de bloquant|nothing blocking|no blockers?|aucun blocage|pas de blocages?"
    r"|sans blocage|rien ne bloque|no blocking|nothing to flag|ras cote blocages?)\b"
)
_LABEL = re.compile(
    r"[•\s]*(?:(?:deux|trois|2|3|two|three|les|mes|nos|our|my|main|principaux)\s+)?(?:blockers?"
    r"|blocages?|bloquants?|points? bloquants?|blocking points?|impediments?|blocked)\s*:\s*"
)
_ASKED = re.compile(r"\b(?:block|bloqu|bloc)")
_FUZZY = ("bloque", "bloquee", "bloques", "blocked")
_REAL_WORDS = word_set(
    "blocker blockers blocage blocages bloquant bloquants bloc blocs block blocks bloquer bloque"
    " blocked"
)
_LEAD = re.compile(r"^(?:[\W_]|and|et|but|mais|also|aussi|enfin|sinon)+")
_TRAIL_FIELD = re.compile(
    r"^\s*(?:sinon|otherwise|else|par ailleurs|autrement|ailleurs|for the rest)\b"
    r"|^\s*[~]?\d+(?:[.,]\d+)? ?%?\s*$|^[\s\W]*(?:vert|green|orange|amber|rouge|red|jaune"
    r"|yellow|on track|at risk|off track|statut|status|rag)\b[^a-z]*$"
)


def read_blockers(doc: Doc, excluded: list[Span]) -> str | None:
    text, found = doc.masked, []
    sentences = [s for s in doc.sentences if not any(a <= s[0] < b for a, b in excluded)]
    index = 0
    while index < len(sentences):
        start, end = sentences[index]
        label = _LABEL.match(text, start)
        if label:
            value = _none_or_rest(doc, label.end(), end)
            if label.end() >= end:
                bullets = _bullets(doc, sentences, index + 1)
                found += [doc.said(*b) for b in bullets]
                index += len(bullets)
            elif value:
                found.append(value)
        elif doc.is_question((start, end)) and _ASKED.search(text, start, end):
            if index + 1 < len(sentences):
                answer = _none_or_rest(doc, *sentences[index + 1])
                found += [answer] if answer else []
                index += 1
        elif _is_blocker(doc, start, end):
            found.append(_trimmed(doc, start, end))
        index += 1
    kept = [f for f in dict.fromkeys(found) if f]
    return "; ".join(kept) or None


def _is_blocker(doc: Doc, start: int, end: int) -> bool:
    text = doc.masked
    if doc.is_question((start, end)) or _MISSING.search(text, start, end):
        return not doc.is_question((start, end))
    for match in _MARKER.finditer(text, start, end):
        if not _negated(text, start, match.start()) and not _NONE_PHRASE.search(
            text, max(start, match.start() - 12), min(end, match.end() + 12)
        ):
            return True
    for token in words(text, start, end):
        word = token.group()
        typo = word not in _REAL_WORDS and any(near(word, target) for target in _FUZZY)
        if typo and not _negated(text, start, token.start()):
            return True
    if _NEED_OTHER.search(text, start, end) or _IF_NOT.search(text, start, end):
        return True
    cannot = _CANNOT.search(text, start, end)
    return bool(cannot and _UNTIL.search(text, cannot.end(), end))


def _negated(text: str, start: int, at: int) -> bool:
    before = text[max(start, at - 30) : at].split()[-3:]
    return bool(NEGATORS & set(before))


def _none_or_rest(doc: Doc, start: int, end: int) -> str | None:
    value = doc.masked[start:end].strip()
    if not value:
        return None
    none = _NONE.match(value)
    if none is None:
        return _trimmed(doc, start, end)
    rest = none["rest"]
    if not rest or not rest.strip():
        return None
    offset = start + (len(doc.masked[start:end]) - len(doc.masked[start:end].lstrip()))
    return doc.said(offset + none.start("rest"), end)


def _bullets(doc: Doc, sentences: list[Span], first: int) -> list[Span]:
    found = []
    for start, end in sentences[first:]:
        line = doc.folded.rfind("\n", 0, start) + 1
        if not doc.folded[line:start].strip().startswith("•") and doc.folded[line] != "•":
            break
        found.append((start, end))
    return found


def _trimmed(doc: Doc, start: int, end: int) -> str:
    """The sentence without the clauses that only give other fields ("…, sinon vert 50%")."""
    clauses = doc.clauses(start, end)
    while len(clauses) > 1 and _TRAIL_FIELD.search(doc.masked[clauses[-1][0] : clauses[-1][1]]):
        clauses.pop()
    while len(clauses) > 1 and _TRAIL_FIELD.search(doc.masked[clauses[0][0] : clauses[0][1]]):
        clauses.pop(0)
    first, last = clauses[0][0], clauses[-1][1]
    lead = _LEAD.match(doc.masked, first)
    return doc.said(lead.end() if lead else first, last)
