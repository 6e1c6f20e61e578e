"""Phrasings beyond the corpus: words near a colour that are none, colours that name things,
done with something left, what remains of the work, changes said in words, times in hours."""

import pytest

from rituals.reading import Context, Known, Last, Part, read
from rituals.status import Status

ON, AT, OFF, DONE = Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.DONE
DAYS = Known(1, "Traitement des commandes", "Délai moyen", "jours", 10, Last(ON, 50, 14))
TRS = Known(2, "Presse 7", "TRS", "%", 80, Last(ON, 50, 71))
WAIT = Known(3, "Urgences", "Temps d'attente", "min", 120, Last(AT, 40, 150))
ASKED = "asked"


def part(text: str, known: Known = DAYS) -> Part | None:
    parts = read(text, Context((known,), known.id)).parts
    return parts[0] if parts else None


def value(field: object) -> object:
    return getattr(field, "value") if getattr(field, "sure") else ASKED  # noqa: B009


@pytest.mark.parametrize(
    "text",
    [
        "low end of the range, 45%",
        "a fellow PM joined the team, 45%",
        "les rouages de la DSI, 45 %",
        "espaces verts livrés, avancement 45 %",
        "le numéro vert est en place, 45 %",
        "red team exercise scheduled, 45%",
        "green light from legal, now 45%",
        "on a eu le feu vert du comex, 45 %",
    ],
)
def test_no_status_in_words_that_only_look_like_one(text: str) -> None:
    found = part(text)
    assert found is not None and value(found.status) is None and value(found.progress) == 45


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("rouje, on a perdu le créneau", OFF),
        ("ça sent le roussi pour la date de fin", AT),
        ("dead in the water until further notice", OFF),
        ("C'est en prod depuis mardi, on peut clôturer 🎉", DONE),
        ("on track-ish", ASKED),
        ("quasi terminé", ASKED),
        ("On track. Although if the audit holds we'll miss June, so maybe amber?", ASKED),
        ("amber, decision needed: extend the budget?", AT),
        ("de plus en plus en retard", ASKED),
        ("terminé sauf la formation", ASKED),
        ("done at 80%", ASKED),
        ("Done ✅ but still waiting for the sign-off from legal", ASKED),
        ("done with the design, 45% overall", None),
    ],
)
def test_statuses(text: str, status: object) -> None:
    found = part(text)
    assert found is not None and value(found.status) == status


@pytest.mark.parametrize(
    ("text", "progress"),
    [
        ("20% left", 80),
        ("il reste 20 % à faire", 80),
        ("on est à 2/3 du scope delivered", 67),
        ("on a fait le quart du boulot", 25),
        ("Je situe le projet à 55 % au global. Câblage à 60 %.", 55),
        ("aux alentours de 65 %", 65),
        ("call it 30-35%", ASKED),
        ("design done, build at 60%", ASKED),
        ("50% → 60%", 60),
        ("on passe de 50 à 60 %", 60),
        ("Q3 : 50 %", 50),
        ("14/30 sites done", 47),
        ("rdv le 12/03, 40 %", 40),
    ],
)
def test_progress(text: str, progress: object) -> None:
    found = part(text)
    assert found is not None and value(found.progress) == progress


@pytest.mark.parametrize(
    ("text", "known", "kpi"),
    [
        ("TRS en hausse de 3 points cette semaine", TRS, 74),
        ("TRS down 2 pts", TRS, 69),
        ("temps d'attente 2h15", WAIT, 135),
        ("attente moyenne : 1 h 50", WAIT, 110),
        ("kpi 55", DAYS, 55),
        ("KPI à 12", DAYS, 12),
        ("délai moyen down to 11 days", DAYS, 11),
        ("délai moyen 4 j, or 6 j if you count the returns", DAYS, ASKED),
    ],
)
def test_kpi(text: str, known: Known, kpi: object) -> None:
    found = part(text, known)
    assert found is not None and value(found.kpi) == kpi
