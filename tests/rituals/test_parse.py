"""Free-text check-in answers, in French and English, read into what the owner reported."""

from dataclasses import replace

import pytest

from rituals.parse import Intent, ParsedUpdate, parse_update
from rituals.status import Status
from tests.rituals.parse_corpus import CORPUS, ENGLISH, FRENCH, UNREADABLE


@pytest.mark.parametrize(
    ("text", "expected"), [pytest.param(text, expected, id=id_) for id_, text, expected in CORPUS]
)
def test_corpus(text: str, expected: ParsedUpdate) -> None:
    assert replace(parse_update(text), highlights=None) == expected


def test_corpus_is_large_and_bilingual() -> None:
    assert len(ENGLISH) + len(FRENCH) >= 70
    assert abs(len(ENGLISH) - len(FRENCH)) <= 10
    assert len({id_ for id_, _, _ in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, expected, id=id_) for id_, text, expected in ENGLISH + FRENCH],
)
def test_every_readable_answer_is_understood(text: str, expected: ParsedUpdate) -> None:
    assert parse_update(text).understood


@pytest.mark.parametrize("text", [text for _, text, _ in UNREADABLE])
def test_unreadable_answers_are_updates_not_understood(text: str) -> None:
    parsed = parse_update(text)
    assert parsed.intent is Intent.UPDATE
    assert not parsed.understood


def test_the_three_examples_of_the_contract() -> None:
    assert parse_update("vert 60% kpi 4,5 — bloqué par le juridique") == ParsedUpdate(
        Intent.UPDATE, Status.ON_TRACK, 60, 4.5, blockers="le juridique"
    )
    assert parse_update("on track, 80%, KPI at 12.3 days; no blockers") == ParsedUpdate(
        Intent.UPDATE, Status.ON_TRACK, 80, 12.3
    )
    assert parse_update("🔴 stuck: waiting for the supplier") == ParsedUpdate(
        Intent.UPDATE, Status.OFF_TRACK, blockers="waiting for the supplier"
    )


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("🟢", Status.ON_TRACK),
        ("🟡", Status.AT_RISK),
        ("🟠", Status.AT_RISK),
        ("🔴", Status.OFF_TRACK),
        ("✅", Status.DONE),
        (":large_green_circle:", Status.ON_TRACK),
        (":large_yellow_circle:", Status.AT_RISK),
        (":large_orange_circle:", Status.AT_RISK),
        (":red_circle:", Status.OFF_TRACK),
        (":white_check_mark:", Status.DONE),
        ("Green", Status.ON_TRACK),
        ("EN BONNE VOIE", Status.ON_TRACK),
        ("yellow", Status.AT_RISK),
        ("a risque", Status.AT_RISK),
        ("en risque", Status.AT_RISK),
        ("rouge", Status.OFF_TRACK),
        ("bloque", Status.OFF_TRACK),
        ("late", Status.OFF_TRACK),
        ("fini", Status.DONE),
        ("livrée", Status.DONE),
        ("terminé", Status.DONE),
    ],
)
def test_each_status_word_alone(text: str, status: Status) -> None:
    assert parse_update(text).status is status


@pytest.mark.parametrize(
    "text",
    ["tokens", "booked", "redo", "reddit thread", "vertical", "ordered", "greener", "lately"],
)
def test_status_words_match_whole_words_only(text: str) -> None:
    assert parse_update(text).status is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("not on track", Status.AT_RISK),
        ("pas en bonne voie", Status.AT_RISK),
        ("isn't green", Status.AT_RISK),
        ("pas en retard", None),
        ("not at risk", None),
        ("no longer red", None),
        ("pas bloqué", None),
        ("n'est plus bloquée", None),
        ("not done yet", None),
        ("pas encore livré", None),
        ("jamais en retard", None),
    ],
)
def test_negated_statuses(text: str, status: Status | None) -> None:
    assert parse_update(text).status is status


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
    assert parse_update(text).progress == progress


@pytest.mark.parametrize(
    ("text", "kpi"),
    [
        ("kpi 4.5", 4.5),
        ("kpi: 4,5", 4.5),
        ("KPI at 12.3 days", 12.3),
        ("kpi = 1 234,5", 1234.5),
        ("kpi 1\u00a0234,5", 1234.5),
        ("kpi 1.234,5 €", 1234.5),
        ("kpi 1,234.5", 1234.5),
        ("KPI -3", -3.0),
        ("kpi 45%", 45.0),
        ("KPI délai moyen : 4,5 j", 4.5),
    ],
)
def test_kpi_number_forms(text: str, kpi: float) -> None:
    parsed = parse_update(text)
    assert parsed.kpi_value == kpi
    assert parsed.progress is None


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
    parsed = parse_update(f"green, {text}")
    assert parsed.blockers is None
    assert parsed.status is Status.ON_TRACK


def test_blocked_by_gives_off_track_only_without_an_explicit_status() -> None:
    assert parse_update("bloqué par le juridique").status is Status.OFF_TRACK
    assert parse_update("orange, bloqué par le juridique").status is Status.AT_RISK


def test_waiting_for_is_a_blocker_but_not_a_status() -> None:
    parsed = parse_update("en attente de la DSI")
    assert parsed.blockers == "en attente de la DSI"
    assert parsed.status is None


def test_blocker_text_keeps_the_owners_words_and_drops_punctuation() -> None:
    parsed = parse_update("Blocker : — Équipe Sécurité (RSSI) ne répond pas ;")
    assert parsed.blockers == "Équipe Sécurité (RSSI) ne répond pas"


def test_status_words_inside_blockers_or_decisions_do_not_set_the_status() -> None:
    parsed = parse_update("green. Decision: do we stay red-team free or go late?")
    assert parsed.status is Status.ON_TRACK
    assert parsed.decision_request == "do we stay red-team free or go late?"


def test_several_blockers_are_joined() -> None:
    parsed = parse_update("Blockers: budget\nwaiting for the CFO")
    assert parsed.blockers == "budget; waiting for the CFO"


def test_intent_phrases_give_way_to_stated_fields() -> None:
    assert replace(parse_update("idem, 60%"), highlights=None) == ParsedUpdate(
        Intent.UPDATE, progress=60
    )
    assert parse_update("skip the pilot, go straight to rollout — amber").intent is Intent.UPDATE


@pytest.mark.parametrize(
    ("text", "highlights"),
    [
        ("vert 60% kpi 4,5 — bloqué par le juridique", None),
        ("green, 70%. Kick-off with <@U0SALES1> went well", "Kick-off with <@U0SALES1> went well"),
        ("Statut : orange\nProchaine étape : recette", "Prochaine étape : recette"),
        ("skip this week, on vacation", "on vacation"),
        ("🟢 :tada:", None),
        ("hello", None),
    ],
)
def test_highlights_keep_the_free_comment(text: str, highlights: str | None) -> None:
    assert parse_update(text).highlights == highlights


@pytest.mark.parametrize(
    ("parsed", "understood"),
    [
        (ParsedUpdate(Intent.NO_CHANGE), True),
        (ParsedUpdate(Intent.SKIP), True),
        (ParsedUpdate(Intent.UPDATE, kpi_value=0.0), True),
        (ParsedUpdate(Intent.UPDATE, progress=0), True),
        (ParsedUpdate(Intent.UPDATE, decision_request="budget?"), True),
        (ParsedUpdate(Intent.UPDATE, highlights="went well"), False),
        (ParsedUpdate(Intent.UPDATE), False),
    ],
)
def test_understood(parsed: ParsedUpdate, understood: bool) -> None:
    assert parsed.understood is understood
