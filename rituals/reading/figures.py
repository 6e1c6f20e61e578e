"""What each figure of a part is, from the words around it in its clause: the overall progress
("globalement 25 %"), a stated progress ("avancement 45 %", "60 % done"), a bare figure
("vert, 60 %"), a part of the work ("30 % sur le dev"), a reference ("cible 70 %", "was 45 %"),
a count ("6 entrepôts sur 8"), or the measure of something else ("budget dépassé de 40 %")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rituals.reading.document import Doc, Span
from rituals.reading.lexicon import FILLERS, OVERALL, PROGRESS_WORDS, word_set
from rituals.reading.numbers_words import word_quantities
from rituals.reading.quantities import Quantity, scan

_HEAD_WORD = re.compile(r"[a-z0-9']+")
_STATUS_WORDS = word_set(
    "vert verte green orange amber jaune yellow rouge red on track off at risk ok done fini"
    " livre all good sinon otherwise plutot rather toujours still reste restons remains ici"
    " here this one's one blocage blocker blockers bloquant ras no nothing rien de special"
)
_PLAIN = FILLERS | _STATUS_WORDS
_REFERENCE_LAST = word_set(
    "vs versus was were target cible objectif goal from baseline avant before etait contre"
    " previously precedemment initial instead"
)
_CHANGE = re.compile(r"\b(?:passee?s?|monte|montee|descendue?|baisse|augmente|grimpe|evolue)\b")
_ESTIMATE = re.compile(
    r"je dirais|i'd say|i would say|je mettrais|i'd put|en tout|in total|au global"
)
_DONE_AFTER = re.compile(
    r"(?:done|fait|faits|faite|faites|complete|completed|finished|d'avancement|through"
    r"|of the way|du chemin|du (?:deploiement|projet|programme)|of the (?:project|rollout)"
    r"|realises?|acheve)\b"
)
_PART_AFTER = re.compile(r"(?:sur|on|pour|for) (?:le|la|les|l'|the)\b")
_COUNT = re.compile(
    r"(?<![\d.,])(?P<n>\d{1,6}) (?P<noun>(?:[a-z'-]{1,30} ){0,3}?)(?:sur|of|out of) "
    r"(?:the |les |des |l')?(?P<m>\d{1,6})(?!\d|[.,]\d| ?(?:%|k\b|€|\$|m€))"
    r"|(?<![\d.,])(?P<n2>\d{1,6}) (?P<noun2>(?:[a-z'-]{1,30} ){1,3}?)?[a-z'-]{0,30}, "
    r"(?P<m2>\d{1,6}) (?:to go|left|remaining|restants?|a faire)"
    r"|(?<![\d.,/])(?P<n3>\d{1,6}) ?/ ?(?P<m3>3[2-9]|[4-9]\d|\d{3,6})(?![\d/])(?! ?%)"
)
_REMAINING = re.compile(r"\b(?:left|remaining|restants?|restent)\b")
_DATE_BEFORE = re.compile(r"\b(?:le|du|au|les|d'ici le|avant le|since|depuis le)\s*$")
_MONTH_AFTER = re.compile(
    r"(?:er )?(?:janv|fev|mars|avr|mai\b|juin|juil|aout|sept|oct|nov|dec|jan\b|feb|mar\b|apr"
    r"|may\b|jun\b|jul\b|aug|sep\b|january|february|march|april|june|july|august|september"
    r"|october|november|december)"
)
_OF_SOMETHING = re.compile(
    r"(?:du|de la|de l'|des|of the|of)\s+(?!chemin|way|projet|project|travail|work|boulot|route"
    r"|programme|parcours|plan\b|rollout|deploiement|migration)[a-z]"
)
_MORE_OR_LESS = re.compile(
    r"(?:plus de|more than|over|au moins|at least|moins de|less than|under|presque|almost"
    r"|nearly|just over|just under|bit more than|pas loin de|bientot|above|below|au-dela de"
    r"|>|<|≥|≤)\s*~?\s*$"
)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
    r"|june|july|august|september|october|november|december)\.?\s*$"
)
_PHASE = re.compile(r"[\W\d]*(?:phase|lot|vague|wave|sprint|etape|step|stage|jalon)\b")
_NOT_STARTED = re.compile(
    r"\b(?:pas (?:encore )?(?:demarree?s?|commencee?s?|lancee?s?)|not (?:yet )?started)\b"
)


@dataclass(frozen=True)
class Figure:
    q: Quantity
    role: str  # overall, explicit, bare, lone, partial, reference, count, other
    head: str
    after: str
    said: str
    count: tuple[int, int] | None = None  # (done, of) for counts
    noun: str = ""
    phase: bool = False  # a count of one phase only
    doubt: bool = False  # "50?": a guess


def figures(doc: Doc, excluded: list[Span], languages: tuple[str, ...]) -> list[Figure]:
    text = doc.masked
    found = scan(text) + word_quantities(text, languages)
    found = [q for q in found if not any(a <= q.start < b for a, b in excluded)]
    counts = _counts(doc, excluded)
    taken = {start for fig in counts for start in (fig.q.start, fig.q.end)}
    out = list(counts)
    for q in found:
        if q.start in taken or any(c.q.start <= q.start < c.q.end for c in counts):
            continue
        head = text[doc.clause_start(q.start) : q.start]
        after = text[q.end : doc.clause_end(q.end)].strip()
        doubt = text[q.end : q.end + 3].lstrip(" %").startswith("?")
        role = _role(doc, q, head, after)
        out.append(Figure(q, role, head, after, doc.said(q.start, q.end), doubt=doubt))
    for match in _NOT_STARTED.finditer(text):
        if not any(a <= match.start() < b for a, b in excluded):
            q = Quantity(match.start(), match.end(), (0.0,), "%", kind="words")
            out.append(Figure(q, "explicit", "", "", doc.said(*match.span())))
    return sorted(out, key=lambda f: f.q.start)


def struck_percentages(doc: Doc) -> list[float]:
    return [q.readings[0] for _, words in doc.struck for q in scan(words) if q.unit == "%"]


def _role(doc: Doc, q: Quantity, head: str, after: str) -> str:
    words = [_unelided(w) for w in _HEAD_WORD.findall(head[-120:])][-12:]
    last = words[-1] if words else ""
    denominator = re.search(r"\d\s*/\s*$", doc.masked[max(0, q.start - 12) : q.start])
    if denominator or last in _REFERENCE_LAST or (last == "de" and _CHANGE.search(head)):
        return "reference"
    if after.split()[:1] in (["target"], ["cible"], ["baseline"], ["objectif"]):
        return "reference"
    content = [w for w in words if w and w not in _PLAIN and not w[0].isdigit()]
    dated = _DATE_BEFORE.search(head) or _MONTH_BEFORE.search(head)
    if (q.kind == "number" and q.unit == "" and dated) or _MONTH_AFTER.match(after):
        return "date"
    if q.kind == "fraction" and not _OF_SOMETHING.match(after):
        content = []
    if q.unit == "%" and _MORE_OR_LESS.search(head):
        return "guess"
    if q.unit == "%" or q.kind != "number":
        if OVERALL & set(words) or _ESTIMATE.search(head):
            return "overall"
        if PROGRESS_WORDS & set(words) or _DONE_AFTER.match(after):
            return "explicit"
        if _PART_AFTER.match(after):
            return "partial"
        return "other" if content else "bare"
    if q.unit == "" and PROGRESS_WORDS & set(words) and not content[1:]:
        return "explicit"
    if not content and after.strip(" ?!.") == "" and q.unit == "" and q.scale == 1:
        return "lone"
    return "other"


def _unelided(word: str) -> str:
    """ "l'avancement" → "avancement"."""
    return word[2:] if len(word) > 2 and word[1] == "'" else word


def _counts(doc: Doc, excluded: list[Span]) -> list[Figure]:
    text, out = doc.folded, []
    for match in _COUNT.finditer(text):
        if any(a <= match.start() < b for a, b in excluded):
            continue
        n = int(match["n"] or match["n2"] or match["n3"])
        m = int(match["m"] or match["m2"] or match["m3"])
        noun = (match["noun"] or match["noun2"] or "").strip()
        if match["m2"]:
            n, m = n, n + m
        elif _REMAINING.search(noun):
            n = m - n
        if m <= 0 or not 0 <= n <= m:
            continue
        line = text.rfind("\n", 0, match.start()) + 1
        sentence = doc.sentence_at(match.start())
        phase = bool(_PHASE.match(text, line) or _PHASE.match(text, sentence[0]))
        q = Quantity(match.start(), match.end(), (round(100 * n / m),), "%", kind="count")
        said = doc.said(*match.span())
        out.append(Figure(q, "count", "", "", said, (n, m), noun, phase))
    return out
