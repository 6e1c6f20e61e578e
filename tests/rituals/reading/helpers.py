"""Small builders for the reader's tests: one initiative, a context, a reading of one part."""

from __future__ import annotations

from rituals.reading import Context, Known, Last, Part, read
from rituals.status import Status

CRM = Known(
    1, "Déploiement CRM Salesforce", "Utilisateurs actifs", "", 400, Last(Status.ON_TRACK, 60, 310)
)
DSO = Known(2, "Réduction du DSO", "DSO", "jours", 45, Last(Status.AT_RISK, 30, 61))
RATE = Known(
    3,
    "Optimisation des blocs opératoires",
    "Taux d'occupation des blocs",
    "%",
    80,
    Last(Status.ON_TRACK, 50, 68),
)


def one(text: str, known: Known = CRM, language: str | None = None) -> Part:
    reading = read(text, Context((known,), known.id, language))
    assert reading.readable, text
    assert len(reading.parts) == 1, reading
    return reading.parts[0]
