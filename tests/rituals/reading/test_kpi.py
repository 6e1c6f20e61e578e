"""KPI values by the KPI's name, in its unit, with changes; 12,480 read with the KPI's scale."""

import pytest

from rituals.reading import Known, Last
from rituals.status import Status
from tests.rituals.reading.helpers import CRM, DSO, RATE, one

SAVINGS = Known(4, "Achats indirects", "Savings booked", "k€", 500, Last(Status.ON_TRACK, 50, 290))
WAIT = Known(5, "Urgences", "Temps d'attente moyen", "min", 180, Last(Status.AT_RISK, 40, 210))
LEADS = Known(6, "Demand generation", "Marketing qualified leads", "", 15000, Last(None, 40, 10900))
TINY = Known(7, "Fraude", "Taux de fraude", "%", 15, Last(None, 40, 12.9))
NEW = Known(8, "Nouveau", "Ventes", "", None, None)


@pytest.mark.parametrize(
    ("text", "known", "kpi"),
    [
        ("DSO : 54 j (vs 58), vert", DSO, 54),
        ("DSO from 52 to 47 days", DSO, 47),
        ("utilisateurs actifs 340", CRM, 340),
        ("320 utilisateurs actifs", CRM, 320),
        ("kpi = 380, progress 35", CRM, 380),
        ("Savings booked: 0,4 M€", SAVINGS, 400),
        ("savings booked 340 000 €", SAVINGS, 340),
        ("Temps d'attente : 3h10 en moyenne", WAIT, 190),
        ("MQLs this month: 12,480", LEADS, 12480),
        ("taux d'occupation des blocs 71 → 74 %", RATE, 74),
        ("taux d'occupation des blocs +2 pts vs la semaine dernière", RATE, 70),
        ("taux d'occupation des blocs passé de 68 à 72 %", RATE, 72),
        ("KPI unchanged.", RATE, 68),
    ],
)
def test_a_named_kpi_is_stored_in_its_unit(text: str, known: Known, kpi: float) -> None:
    field = one(text, known).kpi
    assert (field.value, field.sure) == (kpi, True)


def test_twelve_thousand_or_twelve_point_five_is_read_with_the_scale() -> None:
    assert one("taux de fraude 12,480", TINY).kpi.value == 12.48


def test_without_a_scale_the_language_decides_and_otherwise_it_asks() -> None:
    assert one("ventes : 12,480", NEW, "fr").kpi.value == 12.48
    assert one("sales ventes: 12,480", NEW, "en").kpi.value == 12480
    field = one("ventes : 12,480", NEW, None).kpi
    assert field.value is None and not field.sure and field.candidates == (12.48, 12480.0)


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("taux de fraude 0,8 ou 0,9 %", TINY),
        ("DSO 51 or 53 depending on the scope", DSO),
        ("on est à 72 %", RATE),
        ("we're at 64%", RATE),
    ],
)
def test_a_careful_reader_asks(text: str, known: Known) -> None:
    field = one(text, known).kpi
    assert field.value is None and not field.sure


def test_a_percentage_is_not_a_count_kpi() -> None:
    assert one("environ 45 %", CRM).kpi.value is None


def test_a_named_value_far_off_the_kpis_scale_is_asked() -> None:
    field = one("utilisateurs actifs : 5", CRM).kpi
    assert field.value is None and field.candidates == (5.0,)


def test_a_french_dot_groups_thousands() -> None:
    consumption = Known(9, "Énergie", "Consommation", "MWh", None, None)
    assert one("Consommation: 1.050 MWh", consumption, "fr").kpi.value == 1050
    assert one("Consommation: 1.050 MWh", consumption, "en").kpi.value == 1.05
