"""What is kept in the owner's words: the blocker without the fields around it, the decision
without its label, and the comment without either."""

import pytest

from rituals.reading import Context, Known, Last, Part, read
from rituals.status import Status
from tests.rituals.reading.helpers import one

DAYS = Known(
    20, "Traitement des commandes", "Délai moyen", "jours", 10, Last(Status.ON_TRACK, 50, 14)
)


def parts(text: str) -> tuple[Part, ...]:
    """The parts read, none when the message is unreadable (then nothing is stored either)."""
    return read(text, Context((DAYS,), DAYS.id)).parts


@pytest.mark.parametrize(
    ("text", "blocker"),
    [
        ("vert 60% kpi 55 — bloqué par le juridique", "le juridique"),
        ("ERP : vert, 60 %, KPI 12 j — bloqué par le juridique", "le juridique"),
        ("orange 40 % — bloquant : attente fournisseur", "attente fournisseur"),
        ("🔴 stuck: waiting for the supplier", "waiting for the supplier"),
        ("Bloqué : en attente de la signature du contrat cadre.", "en attente de la signature"),
        ("RED. Blocked by IT security review, can't deploy to prod.", "IT security review"),
        ("amber 30 blocked legal", "blocked legal"),
        ("*Points bloquants*\n- réseau non câblé\n- licences non reçues", "réseau non câblé"),
        ("Blocked by: BT still hasn't provisioned the lines.", "BT still hasn't provisioned"),
        ("Issues: tooling failed acceptance; supplier is re-machining.", "tooling failed"),
    ],
)
def test_the_blocker_is_what_blocks(text: str, blocker: str) -> None:
    found = one(text, DAYS).blockers
    assert found is not None and found.startswith(blocker), found


@pytest.mark.parametrize(
    "text",
    [
        "Le blocage sur les habilitations est levé 👍 on repart, 45 %",
        "Blocker : aucun, sauf si Apple rejette encore",
        "Blockers: none at this point",
        "no blockers, 60%",
    ],
)
def test_no_blocker(text: str) -> None:
    assert all(p.blockers is None for p in parts(text))


@pytest.mark.parametrize(
    ("text", "blocker"),
    [
        ("blocked: no test environment", "no test environment"),
        ("Blocages : pas de salle dispo", "pas de salle dispo"),
        ("Impossible d'avancer sans les règles de gestion de la DRH.", "règles de gestion"),
        ("ambre, waiting to hear back from the council", "hear back from the council"),
        ("Projet suspendu par la direction en attendant le budget 2026.", "budget 2026"),
        ("la DSI traîne des pieds pour ouvrir les flux", "ouvrir les flux"),
    ],
)
def test_more_ways_to_say_a_blocker(text: str, blocker: str) -> None:
    found = one(text, DAYS).blockers
    assert found is not None and blocker.casefold() in found.casefold()


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("🟡 slipping a bit, 48 %, decision needed: extra budget?", "extra budget?"),
        ("orange 40% — arbitrage : prolonger le budget ? | oui | non", "prolonger le budget"),
        ("Ask: can the steering group approve wave 5?", "can the steering group approve"),
        ("Je sollicite l'accord de la direction pour recruter.", "Je sollicite l'accord"),
        ("il faut un go du board pour signer avec Workday", "il faut un go du board"),
        ("Do we keep A or move to B? Needs an exec call.", "Do we keep A or move to B?"),
        ("on propose au copil de reporter la phase 2", "on propose au copil"),
    ],
)
def test_the_decision_starts_where_it_is_asked(text: str, decision: str) -> None:
    found = one(text, DAYS).decision
    assert found is not None and found.startswith(decision), found


def test_the_fields_before_a_decision_are_still_read() -> None:
    part = one("🟡 slipping a bit, 48 %, decision needed: extra budget?", DAYS)
    assert (part.status.value, part.progress.value) == (Status.AT_RISK, 48)


@pytest.mark.parametrize(
    "text",
    [
        "blocké par la médecine du travail qui doit valider les postes",
        "le fournisseur doit livrer les badges",
        "waiting for finance to approve the PO",
    ],
)
def test_what_someone_has_to_do_is_no_decision_request(text: str) -> None:
    assert all(p.decision is None for p in parts(text))


@pytest.mark.parametrize(
    ("text", "comment"),
    [
        ("green, 70%. Kick-off with <@U0SALES1> went well", "Kick-off with <@U0SALES1> went well"),
        ("Statut : orange\nProchaine étape : recette", "Prochaine étape : recette"),
        ("Bonjour à tous, vert 50 %. Le client a validé la maquette. Cordialement", None),
        ("vert 60% kpi 4,5 — bloqué par le juridique", None),
        ("orange 40 % — bloquant : attente fournisseur", None),
        ("on track, 80%, KPI at 12.3 days; no blockers", None),
        ("amber, decision needed: extend the budget?", None),
        ("🟢 :tada:", None),
    ],
)
def test_the_comment_is_what_the_fields_leave(text: str, comment: str | None) -> None:
    found = one(text, DAYS).highlights
    if comment is None and "maquette" in text:
        assert found == "Le client a validé la maquette"
    else:
        assert found == comment
