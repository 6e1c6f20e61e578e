"""Every answer the documents show owners, read as the documents say it is understood.

Sources: CONTRACT.md ("In Slack"), README.md ("How owners answer", "Arbitration"), and the
examples of the message catalogue (prompts/en/checkin.ftl, prompts/fr/checkin.ftl: the prompt's
hint, the reminder and the help). The documents give no initiative, so each example is read for
an ordinary one: a KPI in days, and last week's answer on record."""

import pytest

from rituals.reading import Context, Intent, Known, Last, Part, read
from rituals.status import Status

ON, AT, OFF, DONE = Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.DONE

# An ordinary initiative: its KPI is a delay in days, near the values of the examples.
LEAD_TIME = Known(1, "Refonte du traitement des commandes", "Délai moyen", "jours", 4, None)
SEEN = Known(2, "Refonte du traitement des commandes", "Délai moyen", "jours", 10, Last(ON, 50, 14))
ERP = Known(3, "Déploiement ERP", "Processus basculés", "", 40, Last(ON, 55, 18))
DSO = Known(4, "Réduction du DSO", "DSO", "jours", 45, Last(AT, 30, 61))
ORDINARY = (LEAD_TIME, SEEN)


def part_of(text: str, known: Known) -> Part:
    reading = read(text, Context((known,), known.id))
    assert reading.readable and not reading.ask_which, text
    assert len(reading.parts) == 1, reading
    return reading.parts[0]


def stored(part: Part) -> tuple[object, ...]:
    """What the bot stores: the sure fields, None for the rest."""
    fields = (part.status, part.progress, part.kpi)
    return tuple(f.value if f.sure else "asked" for f in fields)


def has(text: str | None, phrase: str) -> bool:
    return text is not None and phrase.casefold() in text.casefold()


# ---------------------------------------------------------------- README: "How owners answer"


@pytest.mark.parametrize("known", ORDINARY, ids=("first-week", "with-last"))
@pytest.mark.parametrize(
    ("text", "status", "progress", "kpi", "blocker"),
    [
        ("vert 60% kpi 4,5 — bloqué par le juridique", ON, 60, 4.5, "le juridique"),
        ("on track, 80%, KPI at 12.3 days; no blockers", ON, 80, 12.3, None),
        ("🔴 stuck: waiting for the supplier", OFF, None, None, "waiting for the supplier"),
        ("orange 40 % — bloquant : attente fournisseur", AT, 40, None, "attente fournisseur"),
    ],
)
def test_the_readme_table(
    text: str,
    status: Status,
    progress: int | None,
    kpi: float | None,
    blocker: str | None,
    known: Known,
) -> None:
    part = part_of(text, known)
    assert part.intent is Intent.UPDATE
    assert stored(part) == (status, progress, kpi)
    if blocker is None:
        assert part.blockers is None
    else:
        assert has(part.blockers, blocker)
    assert part.decision is None


def test_the_readme_blocker_is_what_blocks_not_the_whole_answer() -> None:
    part = part_of("vert 60% kpi 4,5 — bloqué par le juridique", LEAD_TIME)
    assert part.blockers == "le juridique"


@pytest.mark.parametrize("known", ORDINARY, ids=("first-week", "with-last"))
def test_the_readme_decision_request(known: Known) -> None:
    part = part_of("amber, decision needed: extend the budget?", known)
    assert part.status.value is AT and part.status.sure
    assert has(part.decision, "extend the budget")
    assert part.blockers is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("pas de changement", Intent.NO_CHANGE),
        ("no change", Intent.NO_CHANGE),
        ("je passe cette semaine", Intent.SKIP),
        ("skip", Intent.SKIP),
    ],
)
def test_the_readme_no_change_and_skip(text: str, intent: Intent) -> None:
    part = part_of(text, SEEN)
    assert part.intent is intent
    assert stored(part) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("green", ON),
        ("on track", ON),
        ("vert", ON),
        ("en bonne voie", ON),
        ("amber", AT),
        ("at risk", AT),
        ("orange", AT),
        ("à risque", AT),
        ("red", OFF),
        ("off track", OFF),
        ("rouge", OFF),
        ("bloqué", OFF),
        ("en retard", OFF),
        ("done", DONE),
        ("terminé", DONE),
        ("livré", DONE),
        ("🟢", ON),
        ("🟡", AT),
        ("🟠", AT),
        ("🔴", OFF),
        ("✅", DONE),
    ],
)
def test_the_readme_and_contract_status_words(text: str, status: Status) -> None:
    part = part_of(text, SEEN)
    assert (part.status.value, part.status.sure) == (status, True)


@pytest.mark.parametrize("known", ORDINARY, ids=("first-week", "with-last"))
@pytest.mark.parametrize(
    ("text", "kpi"), [("kpi 4.5", 4.5), ("kpi: 4,5", 4.5), ("KPI at 12.3", 12.3)]
)
def test_the_readme_and_contract_kpi_forms(text: str, kpi: float, known: Known) -> None:
    part = part_of(text, known)
    assert (part.kpi.value, part.kpi.sure) == (kpi, True)
    assert part.progress.value is None and part.progress.sure


def test_the_contract_percentage_is_the_progress() -> None:
    part = part_of("60%", SEEN)
    assert (part.progress.value, part.progress.sure) == (60, True)
    assert part.kpi.value is None and part.kpi.sure


@pytest.mark.parametrize(
    ("text", "blocker"),
    [
        ("blocker: waiting for the supplier", "waiting for the supplier"),
        ("blocked by legal", "legal"),
        ("bloqué par le juridique", "le juridique"),
    ],
)
def test_the_readme_and_contract_blocker_forms(text: str, blocker: str) -> None:
    part = part_of(text, SEEN)
    assert part.blockers == blocker


def test_a_status_left_unsaid_is_not_read() -> None:
    """README: "A status left unsaid keeps the last one": the reader reads none, surely, and
    the check-in keeps the last (rituals.checkins.answer_of)."""
    part = part_of("60%", SEEN)
    assert part.status.value is None and part.status.sure


# ------------------------------------------------------------------------ README: "Arbitration"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("décision : go ou no-go du pilote", "go ou no-go du pilote"),
        ("arbitrage : on décale la MEP ou on réduit le périmètre ?", "on décale la MEP"),
        ("decision needed: extend the budget?", "extend the budget"),
    ],
)
def test_the_readme_decision_labels(text: str, phrase: str) -> None:
    assert has(part_of(text, SEEN).decision, phrase)


def test_the_readme_decision_keeps_its_own_options() -> None:
    part = part_of("decision needed: Extend by 3 months? | yes | no | 1 month", SEEN)
    assert part.decision == "Extend by 3 months? | yes | no | 1 month"
    assert stored(part) == (None, None, None)


# ------------------------------------------------------- the catalogue: hint, reminder, help


@pytest.mark.parametrize("known", ORDINARY, ids=("first-week", "with-last"))
@pytest.mark.parametrize(
    ("text", "blocker"),
    [
        ("green, 60%, kpi 4.5, blocked by legal", "legal"),
        ("vert, 60 %, kpi 4,5, bloqué par le juridique", "le juridique"),
    ],
)
def test_the_prompt_hint(text: str, blocker: str, known: Known) -> None:
    part = part_of(text, known)
    assert stored(part) == (ON, 60, 4.5)
    assert part.blockers == blocker
    assert part.decision is None


@pytest.mark.parametrize(
    ("text", "blocker"),
    [
        ("ERP: green 60% / DSO: red, blocked by accounting", "accounting"),
        ("ERP : vert 60 % / DSO : rouge, bloqué par la compta", "la compta"),
    ],
)
def test_the_prompt_hint_for_several(text: str, blocker: str) -> None:
    reading = read(text, Context((ERP, DSO)))
    assert reading.readable and not reading.ask_which
    parts = {p.initiative_id: p for p in reading.parts}
    assert set(parts) == {ERP.id, DSO.id}
    assert stored(parts[ERP.id]) == (ON, 60, None) and parts[ERP.id].blockers is None
    assert stored(parts[DSO.id]) == (OFF, None, None)
    assert parts[DSO.id].blockers == blocker


@pytest.mark.parametrize("text", ["green, 60%", "vert, 60 %"])
def test_the_reminder(text: str) -> None:
    assert stored(part_of(text, SEEN)) == (ON, 60, None)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("at risk 40% — blocker: waiting for the supplier", AT),
        ("orange 40 % — bloquant : attente du fournisseur", AT),
    ],
)
def test_the_help_second_example(text: str, status: Status) -> None:
    part = part_of(text, SEEN)
    assert stored(part) == (status, 40, None)
    assert has(part.blockers, "attente du fournisseur") or has(
        part.blockers, "waiting for the supplier"
    )


@pytest.mark.parametrize("text", ["no change", "pas de changement"])
def test_the_help_third_example(text: str) -> None:
    assert part_of(text, SEEN).intent is Intent.NO_CHANGE


# ----------------------------------------------------- CONTRACT: which initiative, and asking


def test_a_thread_reply_belongs_to_its_prompt() -> None:
    reading = read("vert, 60 %", Context((ERP, DSO), thread=DSO.id))
    assert [p.initiative_id for p in reading.parts] == [DSO.id]


def test_a_plain_dm_belongs_to_the_owners_only_initiative() -> None:
    reading = read("vert, 60 %", Context((ERP,)))
    assert [p.initiative_id for p in reading.parts] == [ERP.id] and not reading.ask_which


def test_a_plain_dm_to_an_owner_of_several_asks_which() -> None:
    reading = read("vert, 60 %", Context((ERP, DSO)))
    assert reading.ask_which


def test_an_uncertain_reading_asks_one_question_and_stores_nothing_of_it() -> None:
    """CONTRACT: "when a reading is uncertain it asks one short question ... and stores only
    what is certain": 72 fits both the progress and a KPI at 68 → 80 %."""
    rate = Known(5, "Blocs opératoires", "Taux d'occupation", "%", 80, Last(ON, 50, 68))
    part = part_of("vert, 72 %", rate)
    assert stored(part) == (ON, "asked", "asked")
    assert part.questions == ("progress_or_kpi",)
