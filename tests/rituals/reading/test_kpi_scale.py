"""`kpi 12,480`: twelve thousand or twelve and a half — read with the KPI's scale (its target
or last value), then the author's language, and asked about when neither says."""

import pytest

from rituals.reading import Known, Last
from tests.rituals.reading.helpers import one

THOUSANDS = Known(
    1, "Référentiel client", "Fiches en doublon", "fiches", 10000, Last(None, 40, 13100)
)
TARGET_ONLY = Known(2, "Référentiel client", "Fiches en doublon", "fiches", 15000, None)
LAST_ONLY = Known(3, "Leads", "Leads qualifiés", "", None, Last(None, 40, 9800))
AROUND_12 = Known(4, "Délais", "Délai moyen", "jours", 10, Last(None, 40, 12.9))
NO_SCALE = Known(5, "Nouveau", "Ventes", "", None, None)
TEXTS = ("kpi 12,480", "KPI: 12,480", "vert, 60 %, kpi 12,480", "on track kpi 12,480 fiches")


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("language", ["fr", "en", None])
@pytest.mark.parametrize(
    ("known", "value"),
    [(THOUSANDS, 12480), (TARGET_ONLY, 12480), (LAST_ONLY, 12480), (AROUND_12, 12.48)],
    ids=["thousands", "target-only", "last-only", "around-12"],
)
def test_the_kpis_scale_decides_whatever_the_language(
    text: str, language: str | None, known: Known, value: float
) -> None:
    field = one(text, known, language).kpi
    assert (field.value, field.sure) == (value, True)


@pytest.mark.parametrize("text", TEXTS)
def test_without_a_scale_a_french_comma_is_decimal_an_english_one_groups(text: str) -> None:
    assert one(text, NO_SCALE, "fr").kpi.value == 12.48
    assert one(text, NO_SCALE, "en").kpi.value == 12480


@pytest.mark.parametrize("text", TEXTS)
def test_without_scale_or_language_it_asks_with_both_readings_and_stores_none(text: str) -> None:
    field = one(text, NO_SCALE, None).kpi
    assert (field.value, field.sure, field.candidates) == (None, False, (12.48, 12480.0))


def test_a_figure_that_reads_one_way_needs_no_choice() -> None:
    assert one("kpi 12,48", THOUSANDS, "en").kpi.value == 12.48  # two decimals: not thousands
    assert one("kpi 12 480", AROUND_12, "en").kpi.value == 12480  # "KPI" says it is meant
