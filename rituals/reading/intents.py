"""What kind of answer it is: an update, "nothing changed" (idem, RAS, same as last week),
a skip of the week (skip, OOO, pas d'update), or last week's answer with one change
("idem sauf l'avancement : 70 %"), which carries the other fields over."""

from __future__ import annotations

import re

from rituals.reading.model import Intent

_NO_CHANGE = re.compile(
    r"\b(?:idem|rien de (?:neuf|nouveau|special a signaler)|same (?:as|que|qu'|than)"
    r" (?:last week|la semaine derniere|last time|before|d'habitude)|same as last|nothing new"
    r"|no changes?|pas de changements?|aucun changement|unchanged|inchangee?s?|no news"
    r"|tout pareil|pareil que|comme la semaine (?:derniere|passee)|rien a signaler"
    r"|nothing to report|statu quo|status quo|ras|r\.a\.s|pas d'evolution|aucune evolution"
    r"|nothing to add|rien a ajouter|comme avant|as before|nothing has changed|rien n'a change"
    r"|toujours pareil|sans changement|see last week|cf\.? semaine derniere)\b"
    r"|^\W*(?:same|pareil|inchange|no change|rien|nothing)\W*$"
)
_SKIP = re.compile(
    r"\b(?:skip|skipping|je passe(?: mon tour)?|on passe cette semaine|pas d'update|pas de point"
    r"|pas de mise a jour|no update|no updates|ooo|out of (?:the )?office|en conges|on pto|pto"
    r"|out sick|en arret|en vacances|on leave|on holiday|absente?|en deplacement"
    r"|on vacation|pas cette semaine|not this week|sick leave|arret maladie|je saute"
    r"|passer (?:cette semaine|mon tour|notre tour|pour cette semaine))\b"
)
_EXCEPT = re.compile(r"\b(?:sauf|except|excepte|hormis|but now|a part)\b")
_SAME = re.compile(
    r"\b(?:idem|same as last week|same as last time|comme la semaine derniere|pareil"
    r"|same que la semaine derniere)\b"
)


def intent_of(folded: str) -> Intent | None:
    """The intent a message states outright, if any (a skip before a no-change)."""
    if _SKIP.search(folded):
        return Intent.SKIP
    if _NO_CHANGE.search(folded):
        return Intent.NO_CHANGE
    return None


def carries_over(folded: str) -> bool:
    """ "Same as last week, except we're now at 55%": last week's fields, but for the change."""
    same = _SAME.search(folded)
    return bool(same and _EXCEPT.search(folded, same.end()))
