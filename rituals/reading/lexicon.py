"""Folding (case, accents, apostrophes) and the small word lists every rule shares.

Every pattern of the reader reads folded text: lower case, no accents, ' for ’, plain spaces.
Folding keeps one character per character, so a span of the folded text is a span of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def fold_char(char: str) -> str:
    if char in "’‘ʼ´`":
        return "'"
    if char in "\u00a0\u202f\u2009\t":
        return " "
    if char == "œ":
        return "o"
    folded = unicodedata.normalize("NFD", char)[0].lower()
    return folded[0] if folded else char


def fold(text: str) -> str:
    return "".join(fold_char(char) for char in text)


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The words of folded text, as matches (so with their spans)."""
    return WORD.finditer(text, start, len(text) if end is None else end)


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = word_set(
    "de du des la le les l d un une et en a au aux sur pour par avec vers dans ou the of and for"
    " to in on at by with a an or our my your their its is are be this that from as sa son ses"
    " leur nos notre mes mon ce cette ces qui que y it's we i je on nous vous ils elles est"
    " same day all new all"
)
# Words of titles that name no initiative on their own ("le projet", "the rollout").
GENERIC = word_set(
    "projet projets project projects programme programmes program plan plans mise place"
    " nouveau nouvelle nouveaux nouvelles initiative phase outil outils tool tools systeme"
    " system solution solutions deploiement rollout refonte migration renouvellement gestion"
    " management lancement launch amelioration improvement redesign revamp upgrade reduction"
    " optimisation optimization creation implementation update review revue pilot pilote"
    " chantier suivi mise2 groupe group equipe team"
)
NEGATORS = word_set(
    "pas plus jamais non not no never isn't aren't wasn't weren't won't wouldn't don't doesn't"
    " didn't can't cannot n'est n'a n'ont n'etait n'y ne aucun aucune nor neither"
)
# Words that say nothing by themselves around a figure: "on est à ~60 %", "we're at 60%".
FILLERS = word_set(
    "on est a we re we're are at about around environ genre maybe probably roughly approx"
    " approximately je dirais i'd say sinon otherwise ici this one one's still toujours now"
    " maintenant currently actuellement doit etre should be nous sommes en gros like so donc"
    " et and mais but vers de du la le les the it's c'est is status statut cette semaine week"
    " this hebdo update point already deja just juste quasi quasiment pile exactly tout pile"
    " pour l' d' s' we'd i'm moi me mine nearly presque near over plus ou moins pret ready"
    " ok bien good all well fine pour un une aux en rendu arrive arrives reached there y yet"
    " somewhere between entre quelque part except sauf hormis now pres ordre l'ordre order"
    " close s'etablit stands globally we've have has ete been reached atteint atteignons"
)
OVERALL = word_set("overall globalement global globale ensemble total whole general")
PROGRESS_WORDS = word_set(
    "avancement progress progression completion avance avancee advancement progres avct prog"
    " progr completed complete realise realisee accompli completude avcmt avcement avancmt"
)
DONE_AFTER = word_set(
    "done fait faits faite faites complete completed d'avancement through achieve realise"
    " realises termine acheve of"
)
REFERENCE = word_set(
    "vs versus was were target targets cible objectif objectifs goal from baseline avant before"
    " etait contre instead previously precedemment initial plan prevu budget"
)
UNCERTAIN = word_set("maybe peut-etre perhaps possibly sais dunno")
SKIP_UNITS = frozenset({"h", "pm", "am", "er", "eme", "e", "nd", "rd", "th", "st", "x"})


def near(word: str, target: str) -> bool:
    """A typo of `target`: one letter missing, doubled or swapped ("vret", "gren", "orrange");
    a wrong letter only in long words or between letters that sound alike ("rouje"), so that
    "vers" or "route" never read as "vert", "rouge"."""
    if word == target or len(word) < 4 or len(target) < 4:
        return False
    if abs(len(word) - len(target)) == 1:
        return Levenshtein.distance(word, target) == 1
    if len(word) != len(target):
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        return word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]]
    if len(diff) != 1:
        return False
    pair = frozenset((word[diff[0]], target[diff[0]]))
    return len(word) >= 6 or (len(word) == 5 and pair in _SOUND_ALIKE)


# Letters owners swap because they sound alike ("rouje", "verd" is not one: d/t changes words).
_SOUND_ALIKE = frozenset(frozenset(pair) for pair in ("gj", "ck", "cq", "kq", "iy", "sz"))

# Who else an initiative may wait on for an approval (not a committee): "la validation du client".
OTHER_APPROVERS = (
    r"(?:la |le |l'|les |the |our |notre |nos )?(?:client|clients|customer|fournisseur|vendor"
    r"|supplier|prestataire|editeur|partenaire|partner|dsi|it|legal|juridique|rssi|dpo|cnil"
    r"|achats|procurement|securite|security|compliance|conformite|auditeurs?|auditors?"
    r"|regulateur|regulator|mairie|prefecture|banque|bank|syndicats|unions?|cse|metiers?"
    r"|business|utilisateurs|users)\b"
)
