"""The rules the old parser's tests (tests/rituals/test_parse.py) stated, kept for the reader
where they agree with the reading rules of tests/reading/corpus/README.md; where the corpus
reads otherwise ("not on track" is asked, not at risk), the corpus's reading is asserted and
the old one given in a comment. The old corpus itself lives on in tests/reading/corpus/legacy.yaml.
"""

import pytest

from rituals.reading import Context, Intent, Known, Last, Part, read
from rituals.status import Status

ON, AT, OFF = Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK
DAYS = Known(1, "Traitement des commandes", "Délai moyen", "jours", 10, Last(ON, 50, 14))
ASKED = "asked"


def parts(text: str) -> tuple[Part, ...]:
    return read(text, Context((DAYS,), DAYS.id)).parts


def status(text: str) -> object:
    found = parts(text)
    if not found:
        return None
    field = found[0].status
    return field.value if field.sure else ASKED


@pytest.mark.parametrize(
    "text",
    ["tokens", "booked", "redo", "reddit thread", "vertical", "ordered", "greener", "lately"],
)
def test_status_words_match_whole_words_only(text: str) -> None:
    assert status(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not on track", ASKED),  # old: at risk; at risk or off track? the corpus asks
        ("pas en bonne voie", ASKED),  # old: at risk
        ("isn't green", ASKED),  # old: at risk
        ("pas en retard", ON),  # old: none; "pas en retard" = on schedule (corpus)
        ("not at risk", ON),  # old: none; as "not at risk anymore" in the corpus
        ("no longer red", ASKED),  # old: none; as "plus dans le rouge" in the corpus
        ("pas bloqué", None),
        ("n'est plus bloquée", None),
        ("not done yet", None),
        ("pas encore livré", None),
        ("de plus en plus en retard", ASKED),  # later and later is no negation
    ],
)
def test_negated_statuses(text: str, expected: object) -> None:
    assert status(text) == expected


@pytest.mark.parametrize(
    ("text", "progress"),
    [
        ("100%", 100),
        ("0 %", 0),
        ("101%", None),
        ("150 %", None),
        ("-10%", None),
        ("+10% this week", None),
        ("progress -5", None),
        ("progress 250", None),
        ("avancement 62,5 %", 63),
        ("progress at 33", 33),
        ("62,5 %", None),
        ("50% → 60%", 60),
        ("120% of target, 60% done", 60),
    ],
)
def test_progress_bounds_and_forms(text: str, progress: int | None) -> None:
    found = parts(text)
    assert (found[0].progress.value if found else None) == progress


@pytest.mark.parametrize(
    ("text", "kpi"),
    [
        ("kpi 4.5", 4.5),
        ("kpi: 4,5", 4.5),
        ("KPI at 12.3 days", 12.3),
        ("kpi = 1 234,5", 1234.5),
        ("kpi 1\u00a0234,5", 1234.5),
        ("kpi 1,234.5", 1234.5),
        ("KPI délai moyen : 4,5 j", 4.5),
    ],
)
def test_kpi_number_forms(text: str, kpi: float) -> None:
    (part,) = parts(text)
    assert (part.kpi.value, part.kpi.sure) == (kpi, True)
    assert part.progress.value is None


def test_a_kpi_in_another_unit_is_not_the_kpi() -> None:
    """Old: "kpi 45%" was 45; the KPI here is in days, so 45 % is not its value."""
    assert all(p.kpi.value is None for p in parts("kpi 45%"))


@pytest.mark.parametrize(
    "text",
    [
        "no blockers",
        "No blocker",
        "pas de blocage",
        "aucun blocage",
        "aucun bloquant",
        "Blockers: none",
        "bloquants : aucun",
        "blocker: n/a",
        "Blocages : RAS",
    ],
)
def test_explicitly_no_blockers(text: str) -> None:
    (part,) = parts(f"green, {text}")
    assert part.blockers is None
    assert part.status.value is ON


def test_waiting_for_is_a_blocker_but_not_a_status() -> None:
    (part,) = parts("en attente de la DSI")
    assert part.blockers == "en attente de la DSI"
    assert part.status.value is None and part.status.sure


def test_blocked_by_is_a_blocker_not_a_status() -> None:
    """Old: "bloqué par le juridique" was off track; the corpus reads a blocker only."""
    (part,) = parts("bloqué par le juridique")
    assert part.blockers == "le juridique" and part.status.value is None
    (part,) = parts("orange, bloqué par le juridique")
    assert part.status.value is AT


def test_blocker_text_keeps_the_owners_words_and_drops_punctuation() -> None:
    (part,) = parts("Blocker : — Équipe Sécurité (RSSI) ne répond pas ;")
    assert part.blockers == "Équipe Sécurité (RSSI) ne répond pas"


def test_status_words_inside_decisions_do_not_set_the_status() -> None:
    (part,) = parts("green. Decision: do we stay red-team free or go late?")
    assert part.status.value is ON
    assert part.decision == "do we stay red-team free or go late?"


def test_several_blockers_are_joined() -> None:
    (part,) = parts("Blockers: budget\nwaiting for the CFO")
    assert part.blockers == "budget; waiting for the CFO"


def test_intent_phrases_give_way_to_stated_fields() -> None:
    (part,) = parts("idem, 60%")
    assert (part.intent, part.progress.value) == (Intent.UPDATE, 60)
    (part,) = parts("skip the pilot, go straight to rollout — amber")
    assert (part.intent, part.status.value) == (Intent.UPDATE, AT)


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "?",
        "thanks!",
        "ça va ?",
        "",
        ":wave: <@U0BOT0001>",
        "on livre vendredi si tout va bien",
    ],
)
def test_unreadable_answers(text: str) -> None:
    assert not read(text, Context((DAYS,), DAYS.id)).readable
