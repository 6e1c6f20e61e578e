"""The API's rules: attribution to initiatives, asking which, intents, carry-over, nothing
wrong stored, and a reader linear in the length of the text."""

import random
import time

from rituals.reading import Context, Intent, Known, Last, read
from rituals.status import Status
from tests.rituals.reading.helpers import CRM, DSO, RATE, one

ERP = Known(
    10, "Déploiement ERP SAP S/4HANA", "Processus basculés", "", 40, Last(Status.ON_TRACK, 55, 18)
)
DSO2 = Known(11, "Réduction du DSO", "DSO", "jours", 45, Last(Status.AT_RISK, 30, 61))
MEAUX = Known(12, "Construction de l'entrepôt de Meaux", "Jalons tenus", "%", 90)


def test_a_bare_ok_asks_for_the_status() -> None:
    part = one("ok")
    assert part.status.value is None and part.questions == ("status",)


def test_several_initiatives_each_get_their_part() -> None:
    reading = read("ERP : vert 60 % / DSO : rouge, bloqué par la compta", Context((ERP, DSO2)))
    parts = {p.initiative_id: p for p in reading.parts}
    assert set(parts) == {10, 11} and not reading.ask_which
    assert (parts[10].status.value, parts[10].progress.value) == (Status.ON_TRACK, 60)
    assert parts[11].status.value == Status.OFF_TRACK
    assert parts[11].blockers is not None and "la compta" in parts[11].blockers
    assert parts[10].blockers is None


def test_titles_are_matched_loosely() -> None:
    text = "Pour l'entrepôt de Meaux : orange, le permis est toujours en instruction."
    reading = read(text, Context((ERP, MEAUX, DSO2)))
    assert [p.initiative_id for p in reading.parts] == [12]


def test_a_part_naming_none_of_several_initiatives_gets_none() -> None:
    reading = read("Bonjour. Vert, 50 %, rien de bloquant.", Context((ERP, DSO2)))
    assert reading.ask_which and [p.initiative_id for p in reading.parts] == [None]
    reading = read("Sur le reste : orange, 20 %. DSO : rouge.", Context((ERP, DSO2)))
    assert {p.initiative_id for p in reading.parts} == {None, 11}


def test_a_thread_reply_belongs_to_the_thread_unless_it_names_others() -> None:
    assert [p.initiative_id for p in read("vert, 60 %", Context((ERP, DSO2), 11)).parts] == [11]
    reading = read("Ici vert, 80 %. Et pour l'ERP c'est rouge.", Context((ERP, DSO2), 11))
    parts = {p.initiative_id: p for p in reading.parts}
    assert parts[11].progress.value == 80 and parts[10].status.value == Status.OFF_TRACK


def test_a_plain_dm_from_the_owner_of_one_initiative_goes_to_it() -> None:
    assert [p.initiative_id for p in read("vert, 60 %", Context((ERP,))).parts] == [10]


def test_both_covers_all() -> None:
    reading = read("Tout est vert pour les deux, RAS.", Context((ERP, DSO2)))
    assert [p.status.value for p in reading.parts] == [Status.ON_TRACK, Status.ON_TRACK]


def test_intents() -> None:
    assert one("idem semaine dernière").intent is Intent.NO_CHANGE
    assert one("RAS").intent is Intent.NO_CHANGE
    assert one("skip cette semaine, en congés 🌴").intent is Intent.SKIP
    for text in ("Bonjour !", "merci 🙏", "c'est quoi ce bot ?", "Anyone know if the 3pm is on?"):
        assert not read(text, Context((CRM,), 1)).readable


def test_same_as_last_week_except_carries_the_rest_over() -> None:
    part = one("Same as last week, except we're now at 65%.", DSO)
    assert (part.status.value, part.progress.value, part.kpi.value) == (Status.AT_RISK, 65, 61)


def test_uncertain_fields_store_nothing_and_offer_candidates() -> None:
    part = one("on est à 72 %", RATE)
    assert part.progress.value is None and part.kpi.value is None
    assert part.progress.candidates == (72,) and part.kpi.candidates == (72.0,)
    assert part.questions == ("progress_or_kpi",)


def _timed(text: str) -> float:
    context = Context((RATE, DSO), thread=3, language="fr")
    started = time.perf_counter()
    read(text, context)
    return time.perf_counter() - started


def test_the_reader_is_linear_and_caps_what_it_reads() -> None:
    rng = random.Random(8)
    alphabet = "abcdefghij klmnop 0123456789 %,.;:!?~*_`<>|@#-•\n🟢éàç"
    mix = "".join(rng.choice(alphabet) for _ in range(40_000))
    assert _timed(("green " * 7000)[:40_000]) < 1.0
    assert _timed(mix) < 1.0
    assert _timed("~" * 40_000) < 1.0 and _timed("1," * 20_000) < 1.0
