"""Decision requests: the owner asks a committee or management to decide, choose or approve
— recognised from that intent ("il faudrait que le comité tranche", "need the steerco to pick",
"one ask for the steering group", a "Décision :" label), not from one keyword. A question to
a colleague or to the bot is not one. The request keeps its question and its options."""

from __future__ import annotations

import re

from rituals.reading.document import Doc, Span
from rituals.reading.fields import own_words
from rituals.reading.lexicon import OTHER_APPROVERS

_REQUEST = re.compile(
    r"\b(?:besoin|need|needs|needed|il faut|il faudrait|il nous faut|faut qu|requise?s?|required"
    r"|requested|requesting|request|demande|je demande|would like|we'd like|i'd like"
    r"|je propose|i propose|propose|proposons|ask for|one ask|asking|attendue?s?|souhaite"
    r"|sollicite|sollicitons|solliciter|seek|seeking|kindly request|appreciate|merci de"
    r"|pour decision|for decision|pour arbitrage|a arbitrer|a trancher|to be decided"
    r"|soumettre|submit|doit|doivent|devra|devront|devrait|must|has to|have to|il me faut"
    r"|j'ai besoin|nous avons besoin|on a besoin|en attente d'(?:une )?(?:decision|arbitrage))\b"
)
# Putting a matter to a committee is asking it to decide: "je propose au copil de reporter",
# "à voir en comité", "to raise at the steerco".
_SUBMIT = re.compile(
    r"\b(?:propose|proposons|proposer|soumettre|soumets|submit|submitting|recommande"
    r"|recommend|recommending|a voir en|a discuter en|a remonter (?:au|a la|en)"
    r"|to raise (?:at|with)|to discuss at|to escalate to|to put to|mettre a l'ordre du jour"
    r"|je demande|nous demandons|on demande|demander (?:au|a la|aux)|asking|we ask|i ask"
    r"|requesting|request from)\b"
)
# Obligations say what someone has to do ("la médecine du travail doit valider"): a decision
# request only when a committee is named ("le comité doit trancher").
_MODAL = re.compile(r"\b(?:doit|doivent|devra|devront|devrait|must|has to|have to)\b")
_DECIDE = re.compile(
    r"\b(?:decisions?|decider|decide|decides|arbitrages?|arbitrer|arbitre|trancher|tranche"
    r"|go/no-go|go-no-go|go no go|no-go|feu vert|green light|validation|valide|valider|validate"
    r"|approval|approve|approves|sign-off|sign off|signoff|choose|choisir|choisissent|choisisse"
    r"|pick|(?:a|an|the|exec|board|leadership|their|your) call(?! (?:their|the|his|her|them|him"
    r"|us|me|our|your|it|back)\b)|confirm|confirmer|answer|reponse"
    r"|se prononcer|se prononce|statuer|accord|aval|go-ahead|blessing|rule on|weigh in"
    r"|se positionner|positionne|acter|enteriner|ratify|endorse|endorsement)\b"
    r"|\b(?:un|le|du|a|the|leur|their|votre|your) go\b(?!-live| live)"
)
_COMMITTEE = re.compile(
    r"\b(?:codir|comex|comite|comites|committee|committees|copil|steerco|steering|board"
    r"|leadership|management|direction|exco|dg|cfo|ceo|coo|cio|daf|bureau|conseil|instance"
    r"|sponsor|sponsors|top management|exec|execs|executive|executives|slt|elt|dirigeants"
    r"|council|councils)\b"
)
_LABEL = re.compile(
    r"[•\s]*(?:decisions?|arbitrages?|decision (?:needed|requise|attendue|demandee|required"
    r"|requested)|besoin d'(?:une )?(?:decision|arbitrage)[^:]{0,30}|ask|asks"
    r"|(?:propositions?|proposals?|suggestions?|recommandations?|recommendations?)"
    r"(?: (?:pour|for|au|to) (?:le |la |les |l'|the )?[a-z]+)?|question pour"
    r" (?:le|la|les) [a-z]+|questions? for (?:the )?[a-z]+|one ask for [^:]{1,40}|ask for"
    r" (?:the )?[a-z]+|pour (?:le|la|les) (?:codir|comex|copil|comite|direction)|besoin)\s*:"
)
_NONE = re.compile(
    r"\b(?:no|pas de|pas d'|aucune?|nothing to|rien a|sans) (?:decisions?|arbitrages?|asks?"
    r"|decide|arbitrer|demande)\b|(?:decisions?|arbitrages?|asks?)[^:]{0,25}:\s*(?:none|aucune?"
    r"|rien|neant|n/?a|nope|-)\W*$"
)
# Who else may approve: asking for *their* approval is waiting on them, not a decision request.
_OTHERS = re.compile(r"\s+(?:de|du|des|d'|from|by|of)\s+" + OTHER_APPROVERS)
_ALTERNATIVES = re.compile(
    r"\b(?:ou|or|whether|soit|should we|est-ce qu|do we)\b"
    r"|(?<![\d%] )\b(?:vs|versus)\b(?! ~?[$€£]?\d)"
)  # "option A vs option B"; "10.2% vs 9.4%" compares figures
# Matched at a clause's start with match(text, pos), so no "^" (it would only match at 0).
_TRAIL = re.compile(r"\s*(?:sinon|otherwise|else)\b")


def read_decision(doc: Doc, kpi: frozenset[str] = frozenset()) -> tuple[str | None, list[Span]]:
    """The decision request in the owner's words, and the spans it took (from where the
    request starts: "🟡 48 %, decision needed: budget?" leaves the status and progress)."""
    text, sentences = doc.masked, list(doc.sentences)
    starts: dict[int, int] = {}
    for index, (start, end) in enumerate(sentences):
        begins = _request_start(doc, start, end, kpi)
        if begins is not None:
            starts[index] = begins
    if not starts:
        return None, []
    taken = dict(starts)
    for index in starts:
        before = sentences[index - 1] if index > 0 else None
        if before and (_ALTERNATIVES.search(text, *before) or doc.is_question(before)):
            taken.setdefault(index - 1, sentences[index - 1][0])
        if index + 1 < len(sentences):
            start, end = sentences[index + 1]
            short = len(text[start:end].split()) <= 12
            options = text[start:end].lstrip().startswith("|")  # "…? | yes | no"
            wording = _REQUEST.search(text, start, end) or _DECIDE.search(text, start, end)
            if options or (short and wording):
                taken.setdefault(index + 1, start)
    spans = [(taken[i], sentences[i][1]) for i in sorted(taken)]
    said = " ".join(_trimmed(doc, start, end) for start, end in spans)
    return said or None, spans


def _request_start(doc: Doc, start: int, end: int, kpi: frozenset[str]) -> int | None:
    """Where the sentence's decision request starts, or None when it asks for none."""
    text = doc.masked
    for clause_start, _ in doc.clauses(start, end):
        label = _LABEL.match(text, clause_start)
        if label and _is_request(doc, clause_start, end, labelled=True):
            return label.end()
    if not _is_request(doc, start, end):
        return None
    mine = own_words(doc, (start, end), kpi)
    return mine[0] if mine else start


def _is_request(doc: Doc, start: int, end: int, labelled: bool = False) -> bool:
    text = doc.masked
    if _NONE.search(text, start, end):
        return False  # "no decisions needed", "Décision : aucune"
    question = doc.is_question((start, end))
    if question and _COMMITTEE.search(text, start, end) and _DECIDE.search(text, start, end):
        return True  # "Can the committee decide whether…?"
    if labelled:
        return bool(
            _DECIDE.search(text, start, end)
            or _COMMITTEE.search(text, start, end)
            or _ALTERNATIVES.search(text, start, end)
        )
    committee = _COMMITTEE.search(text, start, end)
    if committee and _SUBMIT.search(text, start, end):
        return True
    request = _REQUEST.search(text, start, end)
    if request is None:
        return False
    decide = _DECIDE.search(text, start, end)
    if committee and _ALTERNATIVES.search(text, start, end):
        return True  # "je propose qu'on présente au copil deux scénarios : A ou B"
    if committee:
        return bool(decide or _SUBMIT.search(text, start, end))
    if decide is None or _MODAL.fullmatch(request.group()) or _OTHERS.match(text, decide.end()):
        return False  # "besoin de la validation du client": waiting on someone, a blocker
    return _noun_request(text, request.end(), decide.start())


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
