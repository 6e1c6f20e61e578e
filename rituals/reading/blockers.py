"""Blockers: what the team waits on or cannot get past, kept in the owner's words — with or
without marker words ("on attend le retour du DAF", "can't go live until the auditors sign
off", "n'est toujours pas livré"), misspelt ("bloqé", "blockd"), as a label with bullets, or
as the answer to a quoted "what's blocking you?". Negations ("plus bloqués") are not."""

from __future__ import annotations

import re

from rituals.reading.document import Doc, Span
from rituals.reading.fields import field_only, own_words
from rituals.reading.lexicon import NEGATORS, OTHER_APPROVERS, near, word_set, words

_MARKER = re.compile(
    r"\b(?:bloquee?s?|bloquer|bloque|blocked|blocking|stuck|coincee?s?|ca bloque"
    r"|en attente (?:de|du|des|d')|toujours en (?:attente|instruction|validation|discussion)"
    r"|waiting (?:on|for)|we're waiting|on attend|j'attends|nous attendons|on patiente"
    r"|(?:still|toujours) pending|pending (?:with|from|on)|suspendue? (?:a|au|aux)"
    r"|(?<!ca )(?<!it )(?<!that )depend(?:s|ent|ant)? (?:on|of|de|du|des)(?! (?:whether|if|si)\b)"
    r"|dependent on(?! (?:whether|if)\b)"
    r"|tributaire (?:de|du|des)|dependance (?:a|au|aux|de|du|des|vis-a-vis)|dependency on"
    r"|en attente|pending|awaiting|held up|dans l'attente"
    r"|conditionnee? (?:a|par)|contingent on|hinges on|est bloquant|sont bloquants"
    r"|c'est bloquant|blocages? (?:sur|avec|cote|au niveau|chez)|waiting to|still waiting"
    r"|en attendant (?:le|la|les|l'|d'|que|qu'|leur|son|sa|ses)|attendons toujours"
    r"|ne (?:nous |me |leur )?(?:repond|repondent|envoie|envoient|livre|livrent|fournit"
    r"|fournissent) (?:plus|pas|toujours pas)|not responding|unresponsive|radio silence"
    r"|silence radio|trainent des pieds|traine des pieds|drags? (?:its|their) feet"
    r"|dragging (?:its|their) feet"
    r"|(?:a l'arret|au point mort|at a standstill|stalled|halted)(?: [a-z]+)?"
    r" (?:depuis|since|a cause|because|faute|du fait))\b"
)
# Said of a blocker that is gone: "le blocage sur les habilitations est levé".
_LIFTED = re.compile(
    r"\b(?:est |a ete |sont |ont ete |is |was |has been |have been |are |were )?(?:levee?s?"
    r"|resolue?s?|resolved|lifted|cleared|removed|unblocked|debloquee?s?|reglee?s?|sorted)\b"
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
    r"|(?:vendor|supplier|partner|contractor|prestataire|fournisseur|editeur|integrateur"
    r"|partenaire)s? (?:has |have |a |ont )?(?:pulled out|backed out|walked away|dropped out"
    r"|gone bust|jete l'eponge|lache l'affaire|abandonne|s'est retire|se sont retires)"
    r"|livraison repoussee|pushed (?:back )?the delivery|a fait faillite|fait faillite"
    r"|(?<!we )(?<!i )(?:hasn't|has not|haven't|have not) (?:yet )?(?:delivered|sent|provided"
    r"|signed|approved|released|opened|provisioned|answered|replied|given us)"
    r"|(?<!on )(?<!nous )(?<!je )(?:ne|n') ?(?:les |le |la |l'|nous |leur |lui )?(?:a|ont)"
    r" (?:toujours |encore )?pas (?:encore )?(?:livree?s?|liberee?s?|envoyee?s?|fourni|fournie"
    r"|transmise?s?|signee?s?|validee?s?|ouverte?s?|repondu))\b"
)
_NEED_OTHER = re.compile(
    r"\b(?:besoin que|need|needs)\b[^.;\n]{1,60}?\b(?:debloque|debloquer|unblock|to free up"
    r"|to give us|to send|to provide|to open|to deliver|to fix)\b"
)
# Needing someone else's approval is waiting on them: "besoin de la validation du client".
_NEED_APPROVAL = re.compile(
    r"\b(?:besoin|need|needs|needed|il faut|il nous faut|requires?|required)\b[^.;\n]{0,25}?"
    r"\b(?:validation|approval|sign-off|sign off|accord|feu vert|go|ok|green light|reponse)"
    r"\s+(?:de|du|des|d'|from|by|of)\s+" + OTHER_APPROVERS
)
_CANNOT = re.compile(
    r"\b(?:can't|cannot|can not|couldn't|won't|unable to|nothing can|on ne peut pas|ne peut pas"
    r"|ne peuvent pas|impossible d(?:e|')|pas possible|on hold|at risk|en pause|ne valide pas"
    r"|ne signe pas|refuse|rien ne bouge|n'avance pas|nothing moves|nothing will move)\b"
)
_UNTIL = re.compile(
    r"\b(?:until|till|tant que|avant que|without|unless|sans (?:le|la|l'|les|leur|leurs|son|sa"
    r"|ses|un|une|des|eux|elle|elles|lui|ca|cela))\b"
)
_IF_NOT = re.compile(r"\bsi\b[^.;\n]{1,60}?\b(?:ne|n')\b[^.;\n]{0,40}?\bpas\b")
_NONE = re.compile(
    r"^[\W_]*(?:none|nothing|rien|aucune?|nope|n/?a|no|non|ras|pas de blocage|nada|neant|nil"
    r"|zero|sans objet|0)\b"
    r"(?P<tail>[^.,;]{0,40}?)(?:,? ?(?:but|mais|sauf|except)\b(?! si\b| if\b)(?P<rest>.*)"
    r"|,? ?(?:sauf si|except if|unless|a moins)\b.*)?[.!\s]*$"
)
# What may follow "none" and still say none: "aucun pour l'instant", "nothing major on our
# side". Other words make it a blocker: "no test environment", "non signé".
_NONE_TAIL = word_set(
    "blocker blockers blocage blocages bloquant bloquants blocking issue issues problem problems"
    " probleme problemes pour l'instant instant moment le la les l' de d' du a ce stade at this"
    " point the right now so far for now today aujourd'hui cette semaine week de notre mon cote"
    " on our my side en particulier in particular particulier special known connu connus"
    " majeur majeurs major a signaler to report flag worth mentioning really vraiment tout at"
    " all identified identifie identifies yet encore pas as of date heureusement luckily"
    " thankfully fortunately"
)
_NONE_PHRASE = re.compile(
    r"\b(?:rien de bloquant|nothing blocking|no blockers?|aucun blocage|pas de blocages?"
    r"|sans blocage|rien ne bloque|no blocking|nothing to flag|ras cote blocages?)\b"
)
_LABEL_WORDS = (
    r"[•\s]*(?:(?:deux|trois|2|3|two|three|les|mes|nos|our|my|main|principaux|principales)\s+)?"
    r"(?:blockers?|blocages?|bloquants?|points? bloquants?|points? de blocage|blocking points?"
    r"|blocking issues?|impediments?|blocked(?: by| on)?|bloquee?s?(?: par| sur)?|stuck(?: on)?"
    r"|issues?|problemes?|difficultes?|obstacles?|freins?)"
)
_LABEL = re.compile(r"(?<![a-z'])" + _LABEL_WORDS + r"\s*:\s*")
_HEADING = re.compile(_LABEL_WORDS + r"\s*:?\s*")  # "*Points bloquants*" alone on its line
# A blocker said as "bloqué par le juridique" is "le juridique" (README).
_BY = re.compile(r"(?:bloquee?s?|blocked|stuck|coincee?s?) (?:par|by|on|sur)\s+")
_ASKED = re.compile(r"\b(?:block|bloqu|bloc)")
_FUZZY = ("bloque", "bloquee", "bloques", "blocked")
_REAL_WORDS = word_set(
    "blocker blockers blocage blocages bloquant bloquants bloc blocs block blocks bloquer bloque"
    " blocked"
)
# What a blocker may start with and not keep: separators and linking words, not "<!channel>".
_LEAD = re.compile(r"(?:[\s,;:.\-—–•*_|/]|and\b|et\b|but\b|mais\b|also\b|aussi\b|enfin\b|sinon\b)+")
_TRAIL_FIELD = re.compile(
    r"^\s*(?:sinon|otherwise|else|par ailleurs|autrement|ailleurs|for the rest)\b"
    r"|^\s*[~]?\d+(?:[.,]\d+)? ?%?\s*$|^[\s\W]*(?:vert|green|orange|amber|rouge|red|jaune"
    r"|yellow|on track|at risk|off track|statut|status|rag)\b[^a-z]*$"
)


def read_blockers(
    doc: Doc, excluded: list[Span], kpi: frozenset[str] = frozenset()
) -> tuple[str | None, list[Span]]:
    """The blockers of a part in the owner's words, or None, and the spans they were read
    from; `excluded`: the decision request's spans, `kpi`: the words of the KPI's name."""
    text, found = doc.masked, []
    sentences = _outside(doc.sentences, excluded)
    index = 0
    while index < len(sentences):
        start, end = sentences[index]
        label = _label(doc, start, end)
        if label is not None:
            value = _none_or_rest(doc, label, end)
            if label >= end:
                bullets = _bullets(doc, sentences, index + 1)
                found += [(doc.said(*b), (start, b[1])) for b in bullets]
                index += len(bullets)
            elif value:
                found.append((value, (doc.clause_start(label), end)))
        elif doc.is_question((start, end)) and _ASKED.search(text, start, end):
            if index + 1 < len(sentences):
                answer = _none_or_rest(doc, *sentences[index + 1])
                found += [(answer, (start, sentences[index + 1][1]))] if answer else []
                index += 1
        elif _is_blocker(doc, start, end, kpi):
            found.append((_trimmed(doc, start, end, kpi), (start, end)))
        index += 1
    kept = [said for said in dict.fromkeys(said for said, _ in found) if said]
    return "; ".join(kept) or None, [span for said, span in found if said]


def _outside(sentences: tuple[Span, ...], excluded: list[Span]) -> list[Span]:
    """The sentences, each cut where a decision request starts in it ("orange. Décision : on
    attend le go du HQ ?" keeps "orange."), without those inside one."""
    kept = []
    for start, end in sentences:
        cut = min([a for a, _ in excluded if start <= a < end] + [end])
        if cut > start and not any(a <= start < b for a, b in excluded):
            kept.append((start, cut))
    return kept


def _label(doc: Doc, start: int, end: int) -> int | None:
    """Where the value of a "Blocker :" label starts (`end` for a heading over bullets): the
    label may open the sentence or one of its clauses ("orange 40 % — bloquant : attente"),
    or follow fields in it ("red 20% blocker: budget freeze")."""
    text = doc.masked
    if _HEADING.fullmatch(text, start, end):
        return end
    for clause_start, clause_end in doc.clauses(start, end):
        label = _LABEL.search(text, clause_start, clause_end)
        if label is None:
            continue
        before = (clause_start, label.start())
        if not text[slice(*before)].strip() or field_only(doc, before):
            return label.end()  # "red 20% blocker: budget freeze": fields, then the label
    return None


def _is_blocker(doc: Doc, start: int, end: int, kpi: frozenset[str]) -> bool:
    text = doc.masked
    if doc.is_question((start, end)) or _MISSING.search(text, start, end):
        return not doc.is_question((start, end))
    if _marked(doc, start, end, kpi):
        return True
    for token in words(text, start, end):
        word = token.group()
        typo = word not in _REAL_WORDS and any(near(word, target) for target in _FUZZY)
        if typo and not _negated(text, start, token.start()):
            return True
    if _NEED_OTHER.search(text, start, end) or _IF_NOT.search(text, start, end):
        return True
    if _NEED_APPROVAL.search(text, start, end):
        return True
    cannot = _CANNOT.search(text, start, end)
    return bool(cannot and _UNTIL.search(text, cannot.end(), end))


def _marked(doc: Doc, start: int, end: int, kpi: frozenset[str]) -> bool:
    """A marker of a wait, neither negated, lifted, nor a word of the KPI's name."""
    text = doc.masked
    for match in _MARKER.finditer(text, start, end):
        if _negated(text, start, match.start()) or _in_kpi_name(doc.folded, match, kpi):
            continue
        if _NONE_PHRASE.search(text, max(start, match.start() - 12), min(end, match.end() + 12)):
            continue
        lifted = _LIFTED.search(text, match.end(), end)
        if lifted is None or _negated(text, start, lifted.start()):
            return True
    return False


def _in_kpi_name(folded: str, match: re.Match[str], kpi: frozenset[str]) -> bool:
    """ "Claims pending stood at 7,840": "pending" names the KPI (Claims pending), written
    next to another word of its name; it says nothing is awaited."""
    if not kpi or not set(match.group().split()) <= kpi:
        return False
    before = folded[max(0, match.start() - 40) : match.start()].split()[-1:]
    after = folded[match.end() : match.end() + 40].split()[:1]
    return any(w.strip(".,;:") in kpi for w in before + after)


def _negated(text: str, start: int, at: int) -> bool:
    before = text[max(start, at - 30) : at].split()[-3:]
    return bool(NEGATORS & set(before))


def _none_or_rest(doc: Doc, start: int, end: int) -> str | None:
    value = doc.masked[start:end].strip()
    if not value:
        return None
    none = _NONE.match(value)
    if none is None or not set(none["tail"].replace("'", "' ").split()) <= _NONE_TAIL:
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


def _trimmed(doc: Doc, start: int, end: int, kpi: frozenset[str] = frozenset()) -> str:
    """The sentence without the clauses that only give other fields ("…, sinon vert 50%",
    "vert 60% kpi 55 — bloqué par le juridique"), and without "bloqué par" itself."""
    clauses = doc.clauses(start, end)
    while len(clauses) > 1 and _TRAIL_FIELD.search(doc.masked[clauses[-1][0] : clauses[-1][1]]):
        clauses.pop()
    while len(clauses) > 1 and _TRAIL_FIELD.search(doc.masked[clauses[0][0] : clauses[0][1]]):
        clauses.pop(0)
    span = own_words(doc, (clauses[0][0], clauses[-1][1]), kpi) or (clauses[0][0], clauses[-1][1])
    first, last = span
    marker = _MARKER.search(doc.masked, first, last)
    if marker and marker.start() > first and field_only(doc, (first, marker.start()), kpi):
        first = marker.start()  # "amber 30 blocked legal": the fields before the marker go
    lead = _LEAD.match(doc.masked, first, last)
    first = lead.end() if lead else first
    by = _BY.match(doc.masked, first, last)
    if by is not None and by.end() < last:
        first = by.end()
    return doc.said(first, last)
