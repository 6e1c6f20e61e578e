"""Loose matching of names (initiative titles, KPI names) in what owners write: short names,
partial titles, plurals, typos, acronyms ("MQLs" for Marketing qualified leads), accents and
case ignored ("l'ERP", "le projet CRM", "tarifs" for "grille tarifaire")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rituals.reading.lexicon import GENERIC, STOPWORDS, fold, near, word_set

Span = tuple[int, int]
_TOKEN = re.compile(r"[a-z0-9]+")
_ABBREVIATIONS = {"avg": "average", "nb": "nombre", "moy": "moyen", "qty": "quantity",
                  "nbr": "nombre", "tx": "taux", "ca": "chiffre", "app": "application",
                  "appli": "application", "apps": "applications"}  # fmt: skip
# English words of titles and KPIs and their French equivalents (singular, folded), so that
# "Recruitment" names "Plan de recrutement", "open tickets" the KPI "Tickets ouverts".
_EQUIVALENTS = {
    "recruitment": "recrutement", "recruiting": "recrutement", "training": "formation",
    "user": "utilisateur", "saving": "economie", "open": "ouvert", "ouverte": "ouvert",
    "delay": "delai", "deployment": "deploiement", "invoice": "facture",
    "supplier": "fournisseur", "customer": "client", "employee": "salarie", "store": "magasin",
    "warehouse": "entrepot", "security": "securite", "quality": "qualite", "payroll": "paie",
    "purchasing": "achat", "procurement": "achat", "contract": "contrat", "energy": "energie",
    "cost": "cout", "inventory": "inventaire", "migrated": "migre", "signed": "signe",
    "complaint": "reclamation", "hire": "embauche", "delivery": "livraison",
    "availability": "disponibilite", "scrap": "rebut", "waste": "dechet",
}  # fmt: skip
# KPI words too common to name a KPI on their own.
KPI_GENERIC = word_set(
    "taux rate nombre number moyen moyenne average mensuel mensuelle monthly hebdo weekly total"
    " par per nb pourcentage percentage part share ratio score index indice niveau level jours"
    " days heures hours minutes euros dollars nombre cumul semaine week"
)


def name_words(name: str, ignore: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words of a name that can name it alone (stop words and generic words dropped)."""
    found = {t for t in _TOKEN.findall(fold(name)) if t not in STOPWORDS and t not in ignore}
    return frozenset(t for t in found if len(t) >= 2 and not t.isdigit())


def acronym(name: str) -> tuple[str, ...]:
    """ "Marketing qualified leads" → mql; "Time to onboard" → tto, "On time in full" → otif."""
    tokens = [t for t in _TOKEN.findall(fold(name)) if t.isalpha()]
    found = ("".join(t[0] for t in tokens if t not in STOPWORDS), "".join(t[0] for t in tokens))
    return tuple(a for a in dict.fromkeys(found) if len(a) >= 3)


def same_word(word: str, name_word: str) -> bool:
    """ "licences" ~ "licence", "tarifs" ~ "tarifaire", "forcasting" ~ "forecasting"."""
    word = _ABBREVIATIONS.get(word, word)
    if word == name_word:
        return True
    if min(len(word), len(name_word)) < 4:
        return False
    if _canonical(word) == _canonical(name_word):
        return True
    shorter = min(len(word), len(name_word))
    common = _common_prefix(word, name_word)
    if common >= 5 and common >= 0.75 * shorter:
        return True
    return len(word) >= 6 and near(word, name_word)


def occurrences(
    folded: str, vocabulary: frozenset[str], short: tuple[str, ...] = (), upper: str = ""
) -> list[Span]:
    """Spans of `folded` where words of the vocabulary (or the acronym `short`) are written.
    Two-letter words count only when the owner wrote them in capitals (`upper`: the text)."""
    spans = []
    for token in _TOKEN.finditer(folded):
        word = token.group()
        if word in STOPWORDS or word.isdigit():
            continue
        if len(word) == 2 and (not upper or not upper[token.start() : token.end()].isupper()):
            continue
        hit = any(same_word(word, v) for v in vocabulary) if len(word) > 2 else word in vocabulary
        if hit or _singular(word) in short:
            spans.append(token.span())
    return spans


def distinctive(titles: Iterable[tuple[int, str]]) -> dict[int, frozenset[str]]:
    """Per initiative, the words of its title that no other of the author's titles share."""
    words = {key: name_words(title, GENERIC) | _bracketed(title) for key, title in titles}
    out = {}
    for key, mine in words.items():
        others = [w for other, ws in words.items() if other != key for w in ws]
        out[key] = frozenset(w for w in mine if not any(same_word(w, o) for o in others))
    return out


def _bracketed(title: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(fold(" ".join(re.findall(r"\(([^)]{1,20})\)", title)))))


def _canonical(word: str) -> str:
    """The singular, in French: "users" → utilisateur, "ouvertes" → ouvert."""
    singular = _singular(word)
    return _EQUIVALENTS.get(singular, singular)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
