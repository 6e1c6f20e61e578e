"""Progress: the overall figure, stated, bare, in words, in counts; ranges and guesses asked."""

import pytest

from rituals.reading import Known, Last
from rituals.status import Status
from tests.rituals.reading.helpers import CRM, DSO, one

MIGRATION = Known(
    5, "Migration des postes Windows 11", "Postes migrés", "", 1200, Last(Status.ON_TRACK, 40, 480)
)


def test_a_share_of_the_initiatives_own_work_is_its_progress() -> None:
    field = one("quatre-vingts pour cent des postes migrés", MIGRATION).progress
    assert (field.value, field.sure) == (80, True)


def test_a_share_of_something_else_is_asked_not_stored() -> None:
    field = one("quatre-vingts pour cent des postes migrés", DSO).progress
    assert (field.value, field.sure, field.candidates) == (None, False, (80,))


@pytest.mark.parametrize(
    ("text", "progress"),
    [
        ("vert, 60 %", 60),
        ("Avancement : 45 %", 45),
        ("environ 45 %, ça avance", 45),
        ("around 45 %", 45),
        ("~70% d'avancement", 70),
        ("Build 90%, testing 20%, overall maybe 60%.", 60),
        ("S14 : 30 % sur le dev, 10 % sur la recette. Globalement je dirais 25 %.", 25),
        ("quatre-vingts pour cent fait", 80),
        ("à moitié fait", 50),
        ("On en est aux deux tiers.", 67),
        ("about a third of the way there", 33),
        ("2 sites sur 5 équipés", 40),
        ("2 of 5 sites done", 40),
        ("140 of 200 machines swapped", 70),
        ("120 staff trained, 60 to go", 67),
        ("2 sprints left out of 8", 75),
        ("*Progress:* 40% (was 45%)", 40),
        ("avancement ~60~ 55 %", 55),
        ("~80%~ 75%", 75),
        ("Nantes pas encore démarré.", 0),
    ],
)
def test_a_stated_progress_is_stored(text: str, progress: int) -> None:
    field = one(text, DSO).progress
    assert (field.value, field.sure) == (progress, True)


@pytest.mark.parametrize(
    "text",
    [
        "on doit être à 45-50 %",
        "somewhere between 60 and 70%",
        "un peu plus de la moitié",
        "~65 %~ ~70 %~ bon, entre les deux",
        "~45%~ 50? maybe 55%",
        "plus de 50 %",
        "Phase 2 : 14 magasins sur 40 équipés",
        "4 of 9 specialties live; 120 trained, 60 to go",
    ],
)
def test_a_careful_reader_asks(text: str) -> None:
    field = one(text, DSO).progress
    assert field.value is None and not field.sure


@pytest.mark.parametrize(
    "text",
    [
        "budget dépassé de 40 %, rouge",
        "Coûts engagés 60 %, rouge",
        "(cible 70 %) rouge",
        "les deux offres sont à 3 % d'écart, vert",
        "rouge, le go-live du 15 mars",
    ],
)
def test_other_percentages_are_not_the_progress(text: str) -> None:
    field = one(text, DSO).progress
    assert field.value is None and field.sure


def test_a_bare_figure_that_fits_the_kpi_too_is_one_question() -> None:
    part = one("vert, 52", DSO)
    assert part.progress.value is None and part.kpi.value is None
    assert part.questions == ("progress_or_kpi",)


def test_a_lone_figure_that_can_only_be_the_kpi_is_asked_as_the_kpi() -> None:
    part = one("vert, 350", CRM)
    assert part.kpi.candidates == (350.0,) and part.questions == ("kpi",)
