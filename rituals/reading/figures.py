"""What each figure of a part is, from the words around it in its clause: the overall progress
("globalement 25 %"), a stated progress ("avancement 45 %", "60 % done"), a bare figure
("vert, 60 %"), a part of the work ("30 % sur le dev"), a reference ("cible 70 %", "was 45 %"),
a count ("6 entrepôts sur 8"), or the measure of something else ("budget dépassé de 40 %").

Past 300 lines by a few: the roles of a figure are decided together, one rule after another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rituals.reading.document import Doc, Span
from rituals.reading.lexicon import FILLERS, OVERALL, PROGRESS_WORDS, STOPWORDS, near, word_set
from rituals.reading.numbers_words import word_quantities
from rituals.reading.quantities import Quantity, scan, whole

_HEAD_WORD = re.compile(r"[a-z0-9']+")
_STATUS_WORDS = word_set(
    "vert verte green orange amber jaune yellow rouge red on track off at risk ok done fini"
    " livre all good sinon otherwise plutot rather toujours still reste restons remains ici"
    " here this one's one blocage blocker blockers bloquant ras no nothing rien de special"
    " risque bonne voie retard late behind risky"
)
# Words that lead to a figure without saying what it measures: "aux alentours de 65 %",
# "sitting at 58%", "both around 50%", "concernant la dématérialisation : 60 %".
_LEAD_INS = word_set(
    "alentours autour approximativement grosso modo disons call let's say sitting hovering"
    " tracking landing standing circa both each chacun chacune tous toutes concernant regarding"
    " re cote quant s'agissant as for niveau aujourd'hui today so far jusqu'ici a date to date"
    " actually en fait honestly franchement roughly pretty much wise it peu quasi then puis"
    " ensuite quick"
)
# A figure or a period standing before the figure says nothing of it: "Q3 : 50 %", "S14 55 %".
_PERIOD = re.compile(r"\d.*|q[1-4]|s\d{1,2}|w\d{1,2}|wk\d{1,2}|h[12]|t[1-4]|sprint\d{1,3}")
_COLOURS = ("vert", "verte", "green", "orange", "amber", "rouge", "jaune", "yellow")
_PLAIN = FILLERS | STOPWORDS | _STATUS_WORDS | _LEAD_INS
# A phase or a part of the work: its figure is not the progress of the whole ("build at 60%").
_PHASE_WORDS = word_set(
    "build design dev developpement developpements recette recettes testing tests test uat qa"
    " integration specs specifications conception cadrage lot lots phase sprint vague wave"
    " release module modules pilote pilot etape step stage jalon v1 v2 v3 v4 poc mvp"
)
_PROGRESS_NAMES = ("avancement", "progress", "progression")
_OVERALL_AFTER = re.compile(r"(?:au global|en tout|in total|overall|globalement|all in)\b")
_REFERENCE_LAST = word_set(
    "vs versus was were target cible objectif goal from baseline avant before etait contre"
    " previously precedemment initial instead"
)
# What may stand between a reference word and its figure: "was at 45", "était à 64 j".
_LEVEL_LEADS = word_set("a at de of about around environ")
_TARGET_WORDS = word_set("target targets cible cibles objectif objectifs goal baseline benchmark")
_CHANGE = re.compile(
    r"\b(?:passee?s?|passons|monte|montee|descendue?|baisse|augmente|grimpe|evolue|went|moved"
    r"|rose|jumped|increased|progresse|avance)\b"
)
_FROM_TO = re.compile(r"\b(?:de|from) ~?\d+(?:[.,]\d+)? ?%? ?(?:a|to|->|→) ?$")
# A change said in words: "en hausse de 3 points", "down 2 days" ("down to 11" is a level).
WORDED_CHANGE = re.compile(
    r"\b(?:(?P<up>en hausse|en progression|en amelioration|up|increased|rose|grew|improved"
    r"|gained|gagne|augmente)|(?P<down>en baisse|en recul|down|decreased|dropped|fell"
    r"|lost|perdu|perd|reduced|reduit|baisse|diminue))(?: (?:de|d'|by|of))? ?$"
)
_ESTIMATE = re.compile(
    r"je dirais|i'd say|i would say|je mettrais|i'd put|en tout|in total|au global"
)
_DONE_AFTER = re.compile(
    r"(?:done|fait|faits|faite|faites|complete|completed|finished|d'avancement|through"
    r"|of the way|du chemin|du (?:deploiement|projet|programme|scope|perimetre|backlog|travail"
    r"|boulot)|of the (?:project|rollout|scope|backlog|work)"
    r"|realises?|acheve)\b"
)
# The share of a population that reached a state, not the whole work: "70% of reps certified",
# "40 % des agents formés" (the initiative's own words are blanked: "30% of the backlog
# cleared" is the backlog of the title, its progress).
_SHARE = re.compile(
    r"(?:of|des|du|de la|de l') ?(?:the |les |our |nos )?[a-z'-]{2,30} (?:[a-z'-]{2,30} )?"
    r"(?:[a-z]{3,}ed|[a-z]{3,}(?:e|ee|es|ees|is|ies|its|ites|us|ues))\b"
)
_WHOLE_WORK = word_set(
    "plan project projet programme program scope perimetre backlog roadmap travail work"
    " deploiement rollout migration chantier"
)
_PART_AFTER = re.compile(r"(?:sur|on|pour|for) (?:le|la|les|l'|the)\b")
# Small counts in words ("deux sites sur cinq"); not one/un ("one of the two vendors"), nor
# neuf ("rien de neuf sur…").
_COUNT_WORDS = {
    "deux": 2, "two": 2, "trois": 3, "three": 3, "quatre": 4, "four": 4, "cinq": 5, "five": 5,
    "six": 6, "sept": 7, "seven": 7, "huit": 8, "eight": 8, "nine": 9, "dix": 10, "ten": 10,
    "onze": 11, "eleven": 11, "douze": 12, "twelve": 12,
}  # fmt: skip
_N = r"\d{1,6}|" + "|".join(_COUNT_WORDS)
_COUNT = re.compile(
    rf"(?<![\d.,])\b(?P<n>{_N}) (?P<noun>(?:[a-z'-]{{1,30}} ){{0,3}}?)(?:sur|of|out of|des) "
    rf"(?:the |les |des |l')?(?P<m>{_N})\b(?!\d|[.,]\d| ?(?:%|k\b|€|\$|m€))"
    r"|(?<![\d.,])(?P<n2>\d{1,6}) (?P<noun2>(?:[a-z'-]{1,30} ){1,3}?)?[a-z'-]{0,30}, "
    r"(?P<m2>\d{1,6}) (?:to go|left|remaining|restants?|a faire)"
    r"|(?<![\d.,/])(?P<n3>\d{1,6})/(?P<m3>\d{1,6})(?![\d/])(?! ?%)"
)
_AFTER_COUNT = re.compile(r" ?((?:[a-z'-]{2,30} ?){0,2})")  # "240 of 300 laptops swapped"
_ARROW = re.compile(r"\s*(?:→|->|=>|➡|⇒|-->)\s*")
_LEFT_AFTER = re.compile(r"(?:left|remaining|to go|restants?|restent|a faire|still to do)\W*$")
_LEFT_BEFORE = re.compile(
    r"\b(?:il (?:ne )?(?:nous )?reste|reste|restent|still have|we have|only have)"
    r"(?: plus)?(?: qu'| que)?\s*(?:encore\s*)?$"
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
    role: str  # overall, explicit, bare, lone, partial, reference, count, change, other
    head: str
    after: str
    said: str
    count: tuple[int, int] | None = None  # (done, of) for counts
    noun: str = ""
    phase: bool = False  # a count of one phase only
    doubt: bool = False  # "50?": a guess


def figures(
    doc: Doc, excluded: list[Span], languages: tuple[str, ...], title: frozenset[str] = frozenset()
) -> list[Figure]:
    """The figures of `doc` outside `excluded`; `title`: the words of the initiative's title."""
    text = doc.masked
    # Figures are found in the unmasked text, so that "ligne 3" is still a label when "ligne"
    # is a word of the title; a figure inside a title's words is no figure.
    found = scan(doc.folded) + word_quantities(text, languages)
    found = [q for q in found if not any(a <= q.start < b for a, b in [*excluded, *doc.names])]
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
        if role == "bare" and _share_of_other(after, title):
            role = "partial"
        if role in ("bare", "other") and _left(q, head, after):
            q, role = replace(q, readings=tuple(100 - r for r in q.readings)), "explicit"
        out.append(Figure(q, role, head, after, doc.said(q.start, q.end), doubt=doubt))
    out = _chained(doc, out)
    for match in _NOT_STARTED.finditer(text):
        if not any(a <= match.start() < b for a, b in excluded):
            q = Quantity(match.start(), match.end(), (0.0,), "%", kind="words")
            out.append(Figure(q, "explicit", "", "", doc.said(*match.span())))
    return sorted(out, key=lambda f: f.q.start)


def _chained(doc: Doc, found: list[Figure]) -> list[Figure]:
    """ "50% → 60%": the figure an arrow leads away from is last week's, a reference."""
    found = sorted(found, key=lambda f: f.q.start)
    out = []
    for index, figure in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        between = doc.folded[figure.q.end : following.q.start] if following else ""
        plain = figure.q.kind == "number" and figure.q.unit in (
            "",
            following.q.unit if following else "",
        )
        if following and plain and _ARROW.fullmatch(between):
            figure = replace(figure, role="reference")
        out.append(figure)
    return out


def _left(q: Quantity, head: str, after: str) -> bool:
    """ "20 % left", "il reste 20 % à faire": what remains, so the progress is the rest."""
    if q.unit != "%" or q.kind not in ("number", "fraction") or q.spread or q.signed:
        return False
    return bool(_LEFT_AFTER.match(after) or _LEFT_BEFORE.search(head[-40:]))


def struck_percentages(doc: Doc) -> list[float]:
    return [q.readings[0] for _, words in doc.struck for q in scan(words) if q.unit == "%"]


def _role(doc: Doc, q: Quantity, head: str, after: str) -> str:
    words = [_unelided(w) for w in _HEAD_WORD.findall(_own_head(head)[-120:])][-12:]
    last = words[-1] if words else ""
    leading = [w for w in words[-3:] if w not in _LEVEL_LEADS]
    was = leading[-1] if leading and words[-1] in _LEVEL_LEADS else last  # "était à 64 j"
    tail = head[-60:]  # what the patterns anchored on the figure look at: bounded, so linear
    if WORDED_CHANGE.search(head[-30:]) and not q.signed:
        return "change"
    denominator = re.search(r"\d\s*/\s*$", doc.masked[max(0, q.start - 12) : q.start])
    if denominator or was in _REFERENCE_LAST or (last == "de" and _CHANGE.search(head)):
        return "reference"
    if _TARGET_WORDS & set(words):  # "Objectif ligne 4 au démarrage : 75 %"
        return "reference"
    if after.split()[:1] in (["target"], ["cible"], ["baseline"], ["objectif"]):
        return "reference"
    if _FROM_TO.search(tail):  # "on passe de 50 à 60 %": where the change lands
        words = [w for w in words if not _CHANGE.fullmatch(w) and w not in ("de", "from")]
    content = [w for w in words if w and w not in _PLAIN and not _PERIOD.fullmatch(w)]
    content = [w for w in content if not any(near(w, t) for t in _COLOURS)]  # "verrt 45%"
    dated = _DATE_BEFORE.search(tail) or _MONTH_BEFORE.search(tail)
    if (q.kind == "number" and q.unit == "" and dated) or _MONTH_AFTER.match(after):
        return "date"
    if q.kind == "fraction" and not _OF_SOMETHING.match(after):
        content = []
    if q.unit == "%" and _MORE_OR_LESS.search(tail):
        return "guess"
    if q.unit == "%" or q.kind != "number":
        if OVERALL & set(words) or _ESTIMATE.search(head) or _OVERALL_AFTER.match(after):
            return "overall"
        if _says_progress(words) or _DONE_AFTER.match(after):
            return "explicit"
        if _PART_AFTER.match(after) or _PHASE_WORDS & set(words[-3:]):
            return "partial"
        return "other" if content else "bare"
    if q.unit == "" and _says_progress(words) and not content[1:]:
        return "explicit"
    if not content and after.strip(" ?!.") == "" and q.unit == "" and q.scale == 1:
        return "lone"
    return "other"


def _own_head(head: str) -> str:
    """What leads to the figure: after a colon when the words there lead to it on their own
    ("I reviewed the plan: we're at 40%"); the whole head when the colon ends a label
    ("Budget : 40 %")."""
    _, colon, after = head.rpartition(":")
    lead = _HEAD_WORD.findall(after)
    if colon and lead and all(_unelided(w) in _PLAIN for w in lead):
        return after
    return head


def _says_progress(words: list[str]) -> bool:
    """A word naming the progress, as written in haste too ("avancemnt", "progess")."""
    return any(w in PROGRESS_WORDS or any(near(w, p) for p in _PROGRESS_NAMES) for w in words)


def _share_of_other(after: str, title: frozenset[str]) -> bool:
    """ "70% of reps certified" (Sales enablement) measures one population, maybe one
    workstream; "80 % des postes migrés" (Migration Windows 11) is the initiative's own work."""
    share = _SHARE.match(after)
    if share is None:
        return False
    said = _HEAD_WORD.findall(share.group())[1:]
    if _WHOLE_WORK & set(said):
        return False  # "40% of the plan delivered"
    return not any(w[:4] == t[:4] for w in said if len(w) >= 4 for t in title if len(t) >= 4)


def _unelided(word: str) -> str:
    """ "l'avancement" → "avancement"."""
    return word[2:] if len(word) > 2 and word[1] == "'" else word


def _count_value(written: str) -> int:
    return _COUNT_WORDS.get(written) or int(written)


def _counts(doc: Doc, excluded: list[Span]) -> list[Figure]:
    text, out = doc.folded, []
    for match in _COUNT.finditer(text):
        if any(a <= match.start() < b for a, b in excluded):
            continue
        n = _count_value(match["n"] or match["n2"] or match["n3"])
        m = _count_value(match["m"] or match["m2"] or match["m3"])
        if match["m3"] and ((min(n, m) <= 12 and max(n, m) <= 31) or n == m == 50):
            continue  # "12/03", "6/8" may be dates; "50/50" is a toss-up, not all done
        after = _AFTER_COUNT.match(text, match.end())
        noun = (match["noun"] or match["noun2"] or (after[1] if after else "")).strip()
        if match["m2"]:
            n, m = n, n + m
        elif _REMAINING.search(noun):
            n = m - n
        if m <= 0 or not 0 <= n <= m:
            continue
        line = text.rfind("\n", 0, match.start()) + 1
        sentence = doc.sentence_at(match.start())
        phase = bool(_PHASE.match(text, line) or _PHASE.match(text, sentence[0]))
        q = Quantity(match.start(), match.end(), (whole(100 * n / m),), "%", kind="count")
        said = doc.said(*match.span())
        out.append(Figure(q, "count", "", "", said, (n, m), noun, phase))
    return out
