"""Blockers kept in the owner's words; decision requests recognised from intent."""

import pytest

from tests.rituals.reading.helpers import CRM, one


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("bloqé par la DSI sur les droits d'accès AD, 35%", "droits d'accès AD"),
        ("blockd by legal on the DPA, 30%", "legal on the DPA"),
        ("toujours bloquer par l'éditeur qui ne livre pas les licences", "licences"),
        ("on patiente encore sur l'avis de l'avocat, sinon ça avance, 60 %", "avis de l'avocat"),
        ("On ne peut pas lancer la campagne tant que le juridique n'a pas validé les CGV.", "CGV"),
        ("can't go live until the auditors sign off", "auditors sign off"),
        ("Finance still hasn't released the benchmark data", "benchmark data"),
        ("*Blocages* :\n• accès VPN pour le prestataire\n• validation du DPO", "accès VPN"),
        ("*Blockers:* none on our side, but the regulator's feedback is pending", "regulator"),
        ("> what's blocking you?\nthe works council consultation", "works council"),
        ("need <@U042XYZ89> to unblock the test env, otherwise green 50%", "test env"),
    ],
)
def test_blockers(text: str, phrase: str) -> None:
    blockers = one(text).blockers
    assert blockers is not None and phrase.lower() in blockers.lower()


def test_the_blocker_is_kept_without_the_other_fields() -> None:
    assert one("besoin que <@U04ABCD12> débloque l'env de recette, sinon vert 50%").blockers == (
        "besoin que <@U04ABCD12> débloque l'env de recette"
    )


@pytest.mark.parametrize(
    "text",
    [
        "pas bloqué, juste lent. 40 %",
        "On n'est plus bloqués, la DSI a ouvert les flux. Vert.",
        "No blockers. 70%.",
        "RAS côté blocages. 65 %, vert.",
        "*Blocages* : aucun pour l'instant. 40 %",
        "Orange : on a pris 10 jours de retard",
        "vert-jaune, ça dépend des jours",
        "c'est at risk à cause du go-live décalé côté client",
    ],
)
def test_no_blocker(text: str) -> None:
    assert one(text).blockers is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Il faudrait que le comité tranche entre Geodis et Kuehne+Nagel.", "Geodis"),
        ("Need approval from the investment committee for the extra $80k.", "investment"),
        ("Should we go with Manhattan or Blue Yonder? Need the steerco to pick.", "Manhattan"),
        (
            "Est-ce qu'on garde l'option offshore ? J'ai besoin d'une décision avant le 30.",
            "offshore",
        ),
        ("Decision needed: extend by 3 months? | yes | no", "| yes | no"),
        ("Arbitrage : on décale le go-live ou on coupe le périmètre ?", "décale le go-live"),
        ("Decision needed : on lance ou on attend le go du HQ ?", "attend le go du HQ"),
    ],
)
def test_decision_requests(text: str, phrase: str) -> None:
    part = one(text)
    assert part.decision is not None and phrase in part.decision
    assert part.blockers is None  # "on attend le go" inside a decision is not a blocker


@pytest.mark.parametrize(
    "text",
    [
        "<@U03QWERTY1> tu peux me renvoyer le fichier ? Sinon vert, 30 %",
        "How do I change my KPI target in here? Anyway, amber, 40%.",
        "waiting for <@U07RSTUV8> pour le go de la sécu, on ne peut pas merger avant",
        "can't go live until the auditors sign off",
    ],
)
def test_not_a_decision_request(text: str) -> None:
    assert one(text, CRM).decision is None
