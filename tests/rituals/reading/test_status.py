"""Statuses as owners write them, and when a careful reader asks instead."""

import pytest

from rituals.status import Status
from tests.rituals.reading.helpers import one

ON, AT, OFF, DONE = Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.DONE


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("vert", ON),
        ("🟢 RAS", ON),
        (":large_yellow_circle:", AT),
        ("RED. Lost our sponsor", OFF),
        ("vret, 55%", ON),
        ("orrange a cause du recrutement", AT),
        ("on trak", ON),
        ("at rsik", AT),
        ("gren 👍", ON),
        ("on est dans les clous", ON),
        ("ça glisse un peu", AT),
        ("We won't make the Q2 date.", OFF),
        ("✅ livré vendredi", DONE),
        ("clos ✅", DONE),
        ("Statut : finalisé.", DONE),
        ("not at risk anymore", ON),
        ("pas en retard, 80 %", ON),
        ("isn't red anymore but I wouldn't call it green either", AT),
        ("~vert~ orange", AT),
        ("Are we on track? Honestly, no. At risk until Friday.", AT),
        ("Est-ce qu'on est en risque ? Un peu oui, je passe en orange.", AT),
        ("Statut global vert. Phase 1 : terminée ✅", ON),
        ("RAG: A", AT),
        ("G / 60 / none", ON),
        ("presque done, on est dans les temps", ON),
        ("⚠️ the vendor's report expired", AT),
    ],
)
def test_a_stated_status_is_stored(text: str, status: Status) -> None:
    field = one(text).status
    assert (field.value, field.sure) == (status, True)


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "ok 👍",
        "presque fini",
        "almost done 🙂",
        "~rouge~",
        "green/amber",
        "⚠️",
        "🔥🔥🔥",
        "Green on scope, red on budget.",
        "On n'est plus dans le rouge 🙂",
        "status : ok-ish",
        "En pause jusqu'à nouvel ordre.",
        "Vert. Enfin… honnêtement on ne tiendra pas la date.",
    ],
)
def test_a_careful_reader_asks(text: str) -> None:
    field = one(text).status
    assert field.value is None and not field.sure


@pytest.mark.parametrize(
    "text",
    [
        "Lot 3 livré le 12/03, 40 %",
        "2 of 5 sites done",
        "forty percent done",
        "le vendor a enfin livré l'API 🙌 60 %",
        "On a besoin du feu vert du codir.",
        "~done~ pas encore, il reste la recette UAT, 90%",
        "*Done this week*\n- cut over, 60%",
    ],
)
def test_no_status_is_read_into(text: str) -> None:
    field = one(text).status
    assert field.value is None and field.sure


def test_the_words_it_came_from_are_kept() -> None:
    assert one("Amber — two weeks behind").status.said == "Amber"
