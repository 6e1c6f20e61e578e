"""The owner's comment: what a message says beyond the fields read. Clauses that only give
fields, the blocker and the decision request already stored, greetings and sign-offs are left
out, so "green, 70%. Kick-off with Sales went well" comments "Kick-off with Sales went well"."""

from __future__ import annotations

from rituals.reading.document import Doc, Span
from rituals.reading.fields import FIELD_WORDS, field_only
from rituals.reading.intents import intent_of
from rituals.reading.lexicon import FILLERS, word_set, words

# Words of greetings and sign-offs: "Bonjour à tous", "Madame, Monsieur", "Cordialement".
_COURTESY = word_set(
    "bonjour hello hi hey salut coucou merci thanks thank cheers cordialement regards best"
    " bonne journee semaine madame monsieur dear team equipe tous toutes all everyone folks"
    " bien a vous sincerely kind warm wishes yours"
)
# Words that only say there is nothing to say: "no blockers", "rien de bloquant".
_NOTHING = word_set(
    "no none nothing rien aucun aucune pas ras blocker blockers blocage blocages bloquant"
    " bloquants decision decisions arbitrage besoin need needs needed particulier special"
)
_MIN_WORDS = 2  # a lone word left over ("ETA", "update") is no comment


def comment(doc: Doc, taken: list[Span], kpi: frozenset[str]) -> str | None:
    """The comment left in `doc`; `taken`: the spans read as the blocker or the decision."""
    runs: list[list[Span]] = []
    for sentence in doc.sentences:
        run: list[Span] = []
        for clause in doc.clauses(*sentence):
            if _is_comment(doc, clause, taken, kpi):
                run.append(clause)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    said = [doc.said(run[0][0], run[-1][1]) for run in runs if _words(doc, run) >= _MIN_WORDS]
    return " ".join(s for s in said if s) or None


def _is_comment(doc: Doc, clause: Span, taken: list[Span], kpi: frozenset[str]) -> bool:
    start, end = clause
    if any(start < b and a < end for a, b in taken) or field_only(doc, clause, kpi):
        return False
    return intent_of(doc.folded[start:end]) is None or _words(doc, [clause]) > 2


def _words(doc: Doc, run: list[Span]) -> int:
    """The words of a run of clauses that say something of their own."""
    plain = FILLERS | FIELD_WORDS | _COURTESY | _NOTHING
    return sum(
        1
        for start, end in run
        for w in words(doc.masked, start, end)
        if len(w.group()) > 1 and w.group() not in plain
    )
