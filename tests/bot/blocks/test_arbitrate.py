"""/arbitrate's private answers and its form: what Slack accepts, what the CMO reads, and
the form read back into a poll or into an error beside each bad block."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.blocks import arbitrate
from bot.ids import PollModalState
from bot.text import escape
from rituals.arbitration import (
    MAX_OPTION,
    MAX_QUESTION,
    ArbitrationError,
    check_deadline,
    parse_arbitrate,
    validate_poll,
)
from tests.blockkit import HOSTILE, assert_pings_nobody, check_message, check_view, texts
from tests.bot.blocks.test_poll import LANGUAGES, same_words, words

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
DEADLINE = NOW + timedelta(hours=48)
CHANNEL, COMMITTEES = "C0COMEX01", ("comex", "opscom")
STATE = PollModalState(channel=CHANNEL, response_url="https://hooks.slack.com/x")
QUESTION = "Do we extend the ERP budget by 3 months?"


def sections(rendered: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in rendered["blocks"] if b["type"] == "section"]


# -- the private answers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "count"),
    [(QUESTION, 3), (HOSTILE, 2), ("&" * MAX_QUESTION, 10)],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cmo_is_told_where_the_poll_went(language: str, question: str, count: int) -> None:
    rendered = arbitrate.posted(
        words(language), channel_id=CHANNEL, deadline=DEADLINE, question=question, options=count
    ).payload()
    check_message(rendered)
    said = {"en": "Poll posted in <#C0COMEX01>, closes <!date^", "fr": "Sondage publié dans"}
    assert rendered["text"].startswith(f":white_check_mark: {said[language]}")
    assert f"<!date^{int(DEADLINE.timestamp())}^" in rendered["text"]
    assert sections(rendered)[0].endswith(f"* · {count} options")
    if question == HOSTILE:
        assert assert_pings_nobody(rendered) > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_someone_not_cmo_is_refused_and_told_how_to_ask_for_a_decision(language: str) -> None:
    rendered = arbitrate.refused(words(language)).payload()
    check_message(rendered)
    assert rendered["text"].startswith({"en": "Only the CMO", "fr": "Seul le CMO"}[language])
    assert {"en": "decision needed", "fr": "décision attendue"}[language] in sections(rendered)[0]


def refusal(text: str, committees: tuple[str, ...] = COMMITTEES) -> ArbitrationError:
    """What `parse_arbitrate` raises for `/arbitrate text`."""
    try:
        parse_arbitrate(text, committees=list(committees), channel_committee=None)
    except ArbitrationError as error:
        return error
    raise AssertionError(f"/arbitrate {text} was accepted")


def past_deadline() -> ArbitrationError:
    with pytest.raises(ArbitrationError) as caught:
        check_deadline(NOW - timedelta(hours=1), now=NOW)
    return caught.value


LONG = "Move the ERP go-live to March & keep the legacy invoicing running "
# Each error code of rituals.arbitration, and what the CMO must read about it.
REFUSALS: dict[str, tuple[ArbitrationError, dict[str, str]]] = {
    "no_question": (
        refusal("| A | B"),
        {"en": "there is no question", "fr": "la question manque"},
    ),
    "one_option": (
        refusal("Q? | A"),
        {"en": "at least two options", "fr": "au moins deux options"},
    ),
    "too_many_options": (
        refusal("Q? | " + " | ".join(f"O{n}" for n in range(11))),
        {
            "en": "at most 10 options (you gave 11)",
            "fr": "au plus 10 options (vous en avez indiqué 11)",
        },
    ),
    "empty_option": (
        refusal("Q? | A | | B"),
        {"en": "option 2 is empty", "fr": "l’option 2 est vide"},
    ),
    "duplicate_option": (
        refusal("Q? | Yes | No | yes"),
        {"en": "the option “yes” is there twice", "fr": "l’option « yes » figure deux fois"},
    ),
    "unknown_committee": (
        refusal("#board Q? | A | B"),
        {
            "en": "there is no committee “board” (known: comex, opscom)",
            "fr": "aucun comité ne s’appelle « board » (comités connus : comex, opscom)",
        },
    ),
    "unknown_committee_none": (
        ArbitrationError("unknown_committee", name="board", known=[]),
        {"en": "there is no committee “board”.", "fr": "aucun comité ne s’appelle « board »."},
    ),
    "no_committee": (
        refusal("Q? | A | B", committees=()),
        {"en": "no committee is configured yet", "fr": "aucun comité n’est encore configuré"},
    ),
    "past_deadline": (
        past_deadline(),
        {"en": "the deadline <!date^", "fr": "la date de fin des votes, <!date^"},
    ),
    "too_long_question": (
        refusal("Q" * (MAX_QUESTION + 1) + " | A | B"),
        {"en": "question is longer than 2,000 characters", "fr": "dépasse 2\u202f000 caractères"},
    ),
    "too_long_option": (
        refusal(f"Q? | A | {LONG * 8}"),
        {"en": "option 2 is longer than 500 characters", "fr": "l’option 2 dépasse 500 caractères"},
    ),
    "unknown_code": (
        ArbitrationError("something_new"),
        {"en": "I could not read that request", "fr": "je n’ai pas compris cette demande"},
    ),
}


def test_every_error_code_is_tried() -> None:
    codes = {error.code for error, _ in REFUSALS.values()}
    expected = {
        "no_question", "one_option", "too_many_options", "empty_option", "duplicate_option",
        "unknown_committee", "no_committee", "past_deadline", "too_long", "something_new",
    }  # fmt: skip
    assert codes == expected


@pytest.mark.parametrize("variant", list(REFUSALS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_error_says_what_is_wrong_and_how_to_write_it(language: str, variant: str) -> None:
    error, says = REFUSALS[variant]
    rendered = arbitrate.error(words(language), error).payload()
    check_message(rendered)
    nothing = {"en": "Nothing was posted: ", "fr": "Rien n’a été publié : "}[language]
    assert rendered["text"].startswith(nothing) and says[language] in rendered["text"]
    usage = {"en": "with 2 to 10 options", "fr": "avec 2 à 10 options"}[language]
    assert usage in sections(rendered)[0] and ">`/arbitrate " in sections(rendered)[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_example_shown_is_a_command_that_works(language: str) -> None:
    """What the CMO is told to write, written: a poll of its question and options."""
    shown = sections(arbitrate.error(words(language), ArbitrationError("one_option")).payload())
    found = re.findall(r"`/arbitrate ([^`]+)`", shown[0])
    [example] = [text for text in found if not re.fullmatch(r"[A-Z |]+", text)]  # not the syntax
    request = parse_arbitrate(
        html.unescape(example), committees=list(COMMITTEES), channel_committee="comex"
    )
    assert request.question and len(request.options) >= 2 and request.committee == "comex"
    view = open_form(language)
    [options] = [b for b in view["blocks"] if b.get("block_id") == "options"]
    lines = options["element"]["placeholder"]["text"].splitlines()
    assert validate_poll(request.question, tuple(lines))[1] == tuple(lines), "the form's example"


@pytest.mark.parametrize(
    "error",
    [
        ArbitrationError("duplicate_option", option=HOSTILE, position=3),
        ArbitrationError("unknown_committee", name=HOSTILE, known=[HOSTILE, "comex"]),
        ArbitrationError("duplicate_option", option="&" * MAX_OPTION, position=3),
        ArbitrationError("unknown_committee", name="&" * 500, known=["&" * 80] * 30),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_what_people_wrote_in_an_error_pings_nobody_and_fits(
    language: str, error: ArbitrationError
) -> None:
    rendered = arbitrate.error(words(language), error).payload()
    check_message(rendered)
    if HOSTILE in str(error.detail):
        assert assert_pings_nobody(rendered) > 0


# -- the form -------------------------------------------------------------------------------

INITIATIVES = [(n + 1, f"ERP phase {n + 1} & <migration>") for n in range(100)]


def open_form(language: str, **given: Any) -> dict[str, Any]:
    shape: dict[str, Any] = {
        "committees": COMMITTEES,
        "committee": "opscom",
        "deadline": DEADLINE,
        "state": STATE,
        "initiatives": INITIATIVES[:3],
        **given,
    }
    return arbitrate.form(words(language), **shape)


@pytest.mark.parametrize(
    "shape",
    [
        {},
        {"committee": None, "initiatives": []},
        {"committees": ("comex",), "committee": "unknown"},
        {"initiatives": INITIATIVES},
        {"committees": (HOSTILE, "x" * 150), "initiatives": [(1, HOSTILE), (2, "&" * 300)]},
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_slack_accepts_the_form(language: str, shape: dict[str, Any]) -> None:
    view = open_form(language, **shape)
    check_view(view)
    ids = [b["block_id"] for b in view["blocks"]]
    inputs = ["question", "options", "committee", "deadline", "visibility", "tally", "context"]
    assert ids == inputs + (["initiative"] if shape.get("initiatives", True) else [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_starts_from_the_channel_s_committee_and_the_default_deadline(
    language: str,
) -> None:
    view = open_form(language)
    element = {b["block_id"]: b["element"] for b in view["blocks"]}
    assert element["committee"]["initial_option"]["value"] == "opscom"
    assert element["deadline"]["initial_date_time"] == int(DEADLINE.timestamp())
    assert element["visibility"]["initial_option"]["value"] == "names"
    assert [o["value"] for o in element["initiative"]["options"]] == ["1", "2", "3"]
    assert PollModalState.model_validate_json(view["private_metadata"]) == STATE
    assert view["callback_id"] == "arbitrate_modal"
    assert {"en": "Ask a committee", "fr": "Saisir un comité"}[language] == view["title"]["text"]
    first = open_form(language, committee=None)["blocks"][2]["element"]
    assert first["initial_option"]["value"] == "comex"


def test_a_form_needs_a_committee() -> None:
    with pytest.raises(ValueError):
        open_form("en", committees=())


def submitted(view: dict[str, Any], **given: Any) -> dict[str, Any]:
    """`view` as Slack sends it back when a user filled `given` (block id → what they chose)."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input" or block["block_id"] not in given:
            continue
        kind, value = block["element"]["type"], given[block["block_id"]]
        if kind in ("static_select", "radio_buttons"):
            state = {"selected_option": {"value": value} if value is not None else None}
        elif kind == "datetimepicker":
            state = {"selected_date_time": value}
        elif kind == "datepicker":
            state = {"selected_date": value}
        elif kind == "users_select":
            state = {"selected_user": value}
        else:
            state = {"value": value}
        values[block["block_id"]] = {block["element"]["action_id"]: {"type": kind, **state}}
    return {**view, "state": {"values": values}}


FILLED = {
    "question": f"  {QUESTION} ",
    "options": "Yes\n\n  No  \nOnly 1 month\n",
    "committee": "opscom",
    "deadline": int(DEADLINE.timestamp()),
    "visibility": "anonymous",
    "context": "Backlog is 9 weeks",
    "initiative": "2",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_reads_back_what_the_cmo_filled(language: str) -> None:
    view = submitted(open_form(language), **FILLED)
    poll, errors = arbitrate.read(view, words(language), committees=COMMITTEES, now=NOW)
    assert errors == {}
    assert poll == arbitrate.PollForm(
        committee="opscom",
        question=QUESTION,
        options=("Yes", "No", "Only 1 month"),
        deadline=DEADLINE,
        anonymous=True,
        context="Backlog is 9 weeks",
        initiative_id=2,
        state=STATE,
    )
    bare = {**FILLED, "visibility": "names", "context": None, "initiative": None}
    poll, _ = arbitrate.read(
        submitted(open_form(language), **bare), words(language), committees=COMMITTEES, now=NOW
    )
    assert poll is not None and (poll.anonymous, poll.context, poll.initiative_id) == (
        False,
        None,
        None,
    )


def test_the_form_reads_people_s_words_as_they_typed_them() -> None:
    view = submitted(
        open_form("en"),
        **{**FILLED, "question": HOSTILE, "options": f"{HOSTILE}\nNo", "context": HOSTILE},
    )
    poll, errors = arbitrate.read(view, words("en"), committees=COMMITTEES, now=NOW)
    assert poll is not None and errors == {}
    assert (poll.question, poll.options[0], poll.context) == (HOSTILE, HOSTILE, HOSTILE)


BAD: dict[str, tuple[dict[str, Any], dict[str, dict[str, str]]]] = {
    "no_question": (
        {"question": None},
        {"question": {"en": "Write the question", "fr": "Indiquez la question"}},
    ),
    "one_option": (
        {"options": "Yes"},
        {"options": {"en": "at least two options", "fr": "au moins deux options"}},
    ),
    "too_many_options": (
        {"options": "\n".join(f"O{n}" for n in range(11))},
        {"options": {"en": "(you wrote 11)", "fr": "(vous en avez écrit 11)"}},
    ),
    "duplicate_option": (
        {"options": "Yes\nNo\nyes"},
        {"options": {"en": "“yes” is there twice", "fr": "« yes » figure deux fois"}},
    ),
    "too_long_question": (
        {"question": "Q" * (MAX_QUESTION + 1)},
        {"question": {"en": "2,000 characters", "fr": "2\u202f000 caractères"}},
    ),
    "too_long_option": (
        {"options": f"Yes\n{'N' * (MAX_OPTION + 1)}"},
        {"options": {"en": "Option 2 is too long", "fr": "L’option 2 est trop longue"}},
    ),
    "unknown_committee": (
        {"committee": "board"},
        {"committee": {"en": "configured committees", "fr": "comités configurés"}},
    ),
    "past_deadline": (
        {"deadline": int((NOW - timedelta(hours=1)).timestamp())},
        {"deadline": {"en": "in the future", "fr": "à venir"}},
    ),
    "deadline_now": (
        {"deadline": int(NOW.timestamp())},
        {"deadline": {"en": "in the future", "fr": "à venir"}},
    ),
    "no_deadline": ({"deadline": None}, {"deadline": {"en": "in the future", "fr": "à venir"}}),
    "bad_initiative": (
        {"initiative": "abc"},
        {"initiative": {"en": "from the list", "fr": "dans la liste"}},
    ),
    "two_at_once": (
        {"options": "Yes", "deadline": int((NOW - timedelta(hours=1)).timestamp())},
        {
            "options": {"en": "at least two options", "fr": "au moins deux options"},
            "deadline": {"en": "in the future", "fr": "à venir"},
        },
    ),
}


@pytest.mark.parametrize("variant", list(BAD))
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_bad_field_gets_its_error_beside_its_block(language: str, variant: str) -> None:
    changed, expected = BAD[variant]
    view = submitted(open_form(language), **{**FILLED, **changed})
    poll, errors = arbitrate.read(view, words(language), committees=COMMITTEES, now=NOW)
    assert poll is None and set(errors) == set(expected)
    for block, says in expected.items():
        assert says[language] in errors[block]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_committee_configured_is_said_beside_the_committee(language: str) -> None:
    view = submitted(open_form(language), **FILLED)
    poll, errors = arbitrate.read(view, words(language), committees=(), now=NOW)
    assert poll is None and list(errors) == ["committee"]
    assert {"en": "No committee", "fr": "Aucun comité"}[language] in errors["committee"]
    refused = arbitrate.not_cmo_errors(words(language))
    assert refused == {
        "question": {
            "en": "Only the CMO can put a question to a committee.",
            "fr": "Seul le CMO peut soumettre une question à un comité.",
        }[language]
    }


def test_people_s_words_in_the_form_are_plain_text() -> None:
    view = open_form("en", committees=(HOSTILE, "comex"), initiatives=[(1, HOSTILE)])
    assert HOSTILE in texts(view) and escape(HOSTILE) not in texts(view)


def test_both_languages_have_the_arbitrate_words() -> None:
    same_words("arbitrate.ftl")
