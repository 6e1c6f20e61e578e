"""Decision requests: the owner asks a committee or management to decide, choose or approve
— recognised from that intent ("il faudrait que le comité tranche", "need the steerco to pick",
"one ask for the steering group", a "Décision :" label), not from one keyword. A question to
a colleague or to the bot is not one. The request keeps its question and its options."""

from __future__ import annotations

import re

from rituals.reading.document import Doc, Span

_REQUEST = re.compile(
    r"\b(?:besoin|need|needs|needed|il faut|il faudrait|il nous faut|faut qu|requise?s?|required"
    r"|requested|requesting|request|demande|je demande|would like|we'd like|i'd like"
    r"|je propose|i propose|propose|proposons|ask for|one ask|asking|attendue?s?|souhaite"
    r"|sollicite|sollicitons|solliciter|seek|seeking|kindly request|appreciate|merci de"
    r"|pour decision|for decision|pour arbitrage|a arbitrer|a trancher|to be decided"
    r"|soumettre|submit|doit|doivent|devra|devront|devrait|must|has to|have to)\b"
)
_DECIDE = re.compile(
    r"\b(?:decisions?|decider|decide|decides|arbitrages?|arbitrer|arbitre|trancher|tranche"
    r"|go/no-go|go-no-go|go no go|no-go|feu vert|green light|validation|valide|valider|validate"
    r"|approval|approve|approves|sign-off|sign off|signoff|choose|choisir|choisissent|choisisse"
    r"|pick|a call|confirm|confirmer|answer|reponse|se prononcer|statuer)\b"
)
_COMMITTEE = re.compile(
    r"\b(?:codir|comex|comite|comites|committee|committees|copil|steerco|steering|board"
    r"|leadership|management|direction|exco|dg|cfo|ceo|coo|cio|daf|bureau|conseil|instance"
    r"|sponsor|sponsors|top management)\b"
)
_LABEL = re.compile(
    r"[•\s]*(?:decisions?|arbitrages?|decision (?:needed|requise|attendue|demandee|required"
    r"|requested)|besoin d'(?:une )?(?:decision|arbitrage)[^:]{0,30}|ask|asks|question pour"
    r" (?:le|la|les) [a-z]+|one ask for [^:]{1,40}|besoin)\s*:"
)
_NONE = re.compile(
    r"\b(?:no|pas de|pas d'|aucune?|nothing to|rien a|sans) (?:decisions?|arbitrages?|asks?"
    r"|decide|arbitrer|demande)\b|(?:decisions?|arbitrages?|asks?)[^:]{0,25}:\s*(?:none|aucune?"
    r"|rien|neant|n/?a|nope|-)\W*$"
)
_ALTERNATIVES = re.compile(r"\b(?:ou|or|vs|versus|whether|soit|should we|est-ce qu|do we)\b")
_TRAIL = re.compile(r"^\s*(?:sinon|otherwise|else)\b")


def read_decision(doc: Doc) -> tuple[str | None, list[Span]]:
    """The decision request in the owner's words, and the sentences it took."""
    text, sentences = doc.masked, list(doc.sentences)
    chosen: list[int] = []
    for index, (start, end) in enumerate(sentences):
        if _is_request(doc, start, end):
            chosen.append(index)
    if not chosen:
        return None, []
    taken = set(chosen)
    for index in chosen:
        if index > 0 and _ALTERNATIVES.search(text, *sentences[index - 1]):
            taken.add(index - 1)
        if index + 1 < len(sentences):
            start, end = sentences[index + 1]
            short = len(text[start:end].split()) <= 12
            options = text[start:end].lstrip().startswith("|")  # "…? | yes | no"
            wording = _REQUEST.search(text, start, end) or _DECIDE.search(text, start, end)
            if options or (short and wording):
                taken.add(index + 1)
    spans = [sentences[i] for i in sorted(taken)]
    said = " ".join(_trimmed(doc, start, end) for start, end in spans)
    return said or None, spans


def _is_request(doc: Doc, start: int, end: int) -> bool:
    text = doc.masked
    if _NONE.search(text, start, end):
        return False  # "no decisions needed", "Décision : aucune"
    question = doc.is_question((start, end))
    if question and _COMMITTEE.search(text, start, end) and _DECIDE.search(text, start, end):
        return True  # "Can the committee decide whether…?"
    if _LABEL.match(text, start) and (
        _DECIDE.search(text, start, end)
        or _COMMITTEE.search(text, start, end)
        or _ALTERNATIVES.search(text, start, end)
    ):
        return True
    request = _REQUEST.search(text, start, end)
    if request is None:
        return False
    decide = _DECIDE.search(text, start, end)
    committee = _COMMITTEE.search(text, start, end)
    if committee and _ALTERNATIVES.search(text, start, end):
        return True  # "je propose qu'on présente au copil deux scénarios : A ou B"
    return bool(decide and (committee or _noun_request(text, request.end(), decide.start())))


def _noun_request(text: str, after_request: int, decide_at: int) -> bool:
    """ "besoin d'une décision", "need approval", "validation requise": asking for a decision."""
    return 0 <= decide_at - after_request <= 12 or decide_at < after_request


def _trimmed(doc: Doc, start: int, end: int) -> str:
    clauses = doc.clauses(start, end)
    cut = False
    while len(clauses) > 1 and _TRAIL.match(doc.masked, clauses[-1][0]):
        clauses.pop()
        cut = True
    return doc.said(start, clauses[-1][1] if cut else end)
