"""The weekly check-in as Slack shows it — the one prompt per person listing all their
initiatives, the reminder, the replies to an owner's message, the forms (one initiative, or
all of them) and the absence messages: what Slack accepts, in French and English, with owners'
words escaped, shortened where Slack limits them, and examples that the reader understands.

The receipt has its own file, test_receipt.py, which shares these fixtures."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import pytest

from bot.blocks import absence, checkin, checkin_form, escalation
from bot.blocks.checkin import FollowUp, PromptItem
from bot.blocks.kit import Message, first_text
from bot.ids import Action, DecisionRef, ModalState, PromptRef
from bot.text import Mrkdwn, clip
from bot.words import Catalogue, Words
from rituals.escalation import Cause, Thresholds
from rituals.reading import Context, Intent, Known, Last, Reading, read
from rituals.status import Status
from tests.blockkit import (
    HOSTILE,
    assert_pings_nobody,
    buttons,
    check_message,
    check_view,
    mrkdwn_texts,
    plain_in,
    texts,
)
from tests.bot.blocks.test_arbitrate import submitted

LANGUAGES = ("en", "fr")
PERIOD, LAST_PERIOD = "2026-W48", "2026-W47"
DECIDED = datetime(2026, 11, 17, 10, 0, tzinfo=UTC)
THRESHOLDS = Thresholds(silent_periods=4, off_track_periods=3, blocked_periods=5)
FIRST_ID = 3  # the id of a person's first initiative; the others follow


@cache
def words(language: str) -> Words:
    return Catalogue(strict=True).words(language)


@dataclass(frozen=True)
class Initiative:
    """What the builders read of rituals.models.Initiative (a prompt's and an escalation's)."""

    id: int | None
    title: str
    objective: str
    kpi_name: str
    kpi_unit: str
    kpi_target: float | None
    due: date | None
    owner: str = "U0OWNER01"
    accountable: str | None = "U0ACCT001"


@dataclass(frozen=True)
class Answer:
    """What the builders read of rituals.models.CheckIn."""

    status: str | None
    progress: int | None
    kpi_value: float | None
    blockers: str | None
    decision_request: str | None
    highlights: str | None


@dataclass(frozen=True)
class Said:
    """What owners, the roadmap and Slack profiles wrote, which the check-in shows back."""

    title: str = "Refonte du parcours d’onboarding"
    objective: str = "Réduire le délai d’activation des nouveaux clients"
    kpi_name: str = "Délai d’activation"
    blockers: str = "validation juridique des CGU"
    decision: str = "arbitrer le budget média du T1"
    highlights: str = "Pilote lancé avec 3 clients"
    owner_name: str = "Marie Curie"  # an owner away, whose deputy answers


REALISTIC = Said()
HOSTILE_SAID = Said(*[HOSTILE] * 7)
LONG_TITLE = replace(REALISTIC, title=("Programme de fidélisation omnicanal " * 20)[:500])
# As long as the roadmap and the form let people write (their max_length).
LONGEST = replace(
    REALISTIC,
    title=("Refonte du parcours d’onboarding & activation " * 7)[:300],
    objective=("Réduire le délai & le coût " * 80)[:2000],
    kpi_name=("Délai moyen d’activation & de conversion " * 8)[:300],
    blockers=("Attente < fournisseur & juridique > " * 56)[:2000],
    decision=("Arbitrer le budget & les priorités " * 29)[:1000],
    highlights=("Pilote lancé, retours positifs & suite " * 52)[:2000],
    owner_name=("Marie-Françoise de la Tour d’Auvergne " * 4)[:120],
)
SAID = {"realistic": REALISTIC, "hostile": HOSTILE_SAID, "long": LONG_TITLE, "longest": LONGEST}


def initiative(said: Said, n: int = 0, *, complete: bool = True) -> Initiative:
    """The person's `n`th initiative (ids from FIRST_ID on; titles told apart by a number)."""
    title = said.title if n == 0 else f"{said.title} {n + 1}"
    if not complete:
        return Initiative(FIRST_ID + n, title, "", "", "", None, None)
    return Initiative(
        FIRST_ID + n, title, said.objective, said.kpi_name, "jours", 5.0, date(2026, 12, 18)
    )


def answer(said: Said, *, full: bool = True, status: str | None = "at_risk") -> Answer:
    if not full:
        return Answer(status, None, None, None, None, None)
    return Answer(status, 60, 1234.5, said.blockers, said.decision, said.highlights)


def follow_ups(said: Said, n: int, count: int) -> list[FollowUp]:
    """`count` open decisions about initiative `n`; every other one with a due date."""
    return [
        FollowUp(
            id=10 + 10 * n + k,
            decision=f"{said.decision} #{k}",
            decided_at=DECIDED,
            due=date(2026, 12, 15) if k % 2 else None,
        )
        for k in range(count)
    ]


def item(
    said: Said,
    n: int = 0,
    *,
    last: bool = True,
    decisions: int = 0,
    deputy: bool = False,
    complete: bool = True,
) -> PromptItem:
    """One initiative of a prompt as bot.services.checkin builds it: the last answer with its
    period, the decisions to follow up, and the away owner's name (People.named) as deputy."""
    return PromptItem(
        initiative(said, n, complete=complete),
        last=answer(said) if last else None,
        last_period=LAST_PERIOD if last else None,
        decisions=follow_ups(said, n, decisions),
        deputy_for=clip(said.owner_name, 80) if deputy else None,
    )


def notes(w: Words, said: Said, count: int) -> list[Mrkdwn]:
    """What the noise budget folds into a prompt: escalations to the owner, as first_text."""
    causes = (Cause.SILENT, Cause.OFF_TRACK, Cause.BLOCKED, Cause.OVERDUE)
    return [
        first_text(
            escalation.owner(
                w, escalation.Case(initiative(said, n), causes[n % 4], THRESHOLDS), period=PERIOD
            )
        )
        for n in range(count)
    ]


def titles(said: Said, count: int) -> list[str]:
    return [initiative(said, n).title for n in range(count)]


def prompt(w: Words, said: Said, count: int, *, note: int = 0, **given: Any) -> Message:
    items = [item(said, n, **given) for n in range(count)]
    return checkin.prompt(w, items, period=PERIOD, notes=notes(w, said, note))


Build = Callable[[Words, Said], Any]
# Every surface of the check-in, in the variants that change its shape.
CASES: dict[str, Build] = {
    "prompt, one initiative, first time": lambda w, s: prompt(w, s, 1, last=False),
    "prompt, one initiative, last full": lambda w, s: prompt(w, s, 1),
    "prompt, one initiative, last without status": lambda w, s: checkin.prompt(
        w,
        [
            PromptItem(
                initiative(s, complete=False), answer(s, full=False, status=None), LAST_PERIOD
            )
        ],
        period=PERIOD,
    ),
    "prompt, one initiative, two open decisions": lambda w, s: prompt(w, s, 1, decisions=2),
    "prompt, two initiatives": lambda w, s: checkin.prompt(
        w, [item(s, 0), item(s, 1, last=False)], period=PERIOD
    ),
    "prompt, two initiatives, one as a deputy, with notes": lambda w, s: checkin.prompt(
        w, [item(s, 0), item(s, 1, deputy=True)], period=PERIOD, notes=notes(w, s, 2)
    ),
    "prompt, six initiatives": lambda w, s: checkin.prompt(
        w,
        [item(s, n, decisions=n % 2, deputy=n == 5) for n in range(6)],
        period=PERIOD,
        notes=notes(w, s, 1),
    ),
    "prompt, thirty initiatives": lambda w, s: prompt(w, s, 30, last=False),
    "reminder, one initiative": lambda w, s: checkin.reminder(
        w, titles=titles(s, 1), period=PERIOD
    ),
    "reminder, three initiatives": lambda w, s: checkin.reminder(
        w, titles=titles(s, 3), period=PERIOD
    ),
    "reminder, twelve initiatives, with notes": lambda w, s: checkin.reminder(
        w, titles=titles(s, 12), period=PERIOD, notes=notes(w, s, 3)
    ),
    "skipped": lambda w, s: checkin.skipped(w, title=s.title, period=PERIOD),
    "help": lambda w, s: checkin.help_reply(w),
    "help on an initiative": lambda w, s: checkin.help_reply(w, title=s.title),
    "not owner": lambda w, s: checkin.not_owner(w),
    "which of two": lambda w, s: checkin.which(
        w, pending_id=7, choices=[(3, s.title), (4, f"{s.title} (bis)")]
    ),
    "which of two, about a part": lambda w, s: checkin.which(
        w, pending_id=7, choices=[(3, s.title), (4, f"{s.title} (bis)")], said=s.highlights
    ),
    "which of thirty": lambda w, s: checkin.which(
        w, pending_id=7, choices=[(n, f"{s.title} {n}") for n in range(30)]
    ),
    "chosen": lambda w, s: checkin.chosen(w, title=s.title),
    "form, one initiative, first time": lambda w, s: checkin_form.form(
        w, initiative(s), choices=[(3, s.title)], period=PERIOD, last=None
    ),
    "form, several initiatives, last full": lambda w, s: checkin_form.form(
        w,
        initiative(s),
        choices=[(n, f"{s.title} {n}") for n in range(1, 6)],
        period=PERIOD,
        last=answer(s),
    ),
    "form, correcting a receipt": lambda w, s: checkin_form.form(
        w, initiative(s), choices=[(3, s.title)], period=PERIOD, last=answer(s), correction=True
    ),
    "update all, two initiatives": lambda w, s: checkin_form.form_all(
        w, [(initiative(s, 0), answer(s)), (initiative(s, 1), None)], period=PERIOD
    ),
    "update all, six initiatives": lambda w, s: checkin_form.form_all(
        w, [(initiative(s, n, complete=n % 2 == 0), answer(s)) for n in range(6)], period=PERIOD
    ),
    "update all, twenty-five initiatives": lambda w, s: checkin_form.form_all(
        w, [(initiative(s, n), answer(s)) for n in range(25)], period=PERIOD
    ),
    "absence form": lambda w, s: absence.form(w, until=date(2026, 12, 1)),
    "away": lambda w, s: absence.told(w, until=date(2026, 12, 1), deputy=None),
    "away with a deputy": lambda w, s: absence.told(w, until=date(2026, 12, 1), deputy="U0DEPUTY1"),
    "back": lambda w, s: absence.told(w, until=None, deputy=None),
    "away unreadable": lambda w, s: absence.refused(w, "bad"),
    "away in the past": lambda w, s: absence.refused(w, "past"),
    **{
        f"notice {reason}": (lambda w, s, reason=reason: checkin.notice(w, reason))
        for reason in (
            entry.removeprefix("notice-")
            for entry in Catalogue().ids()
            if entry.startswith("notice-")
        )
    },
}
# A prompt item with its last answer shows 6 of the owner's texts: the title, the KPI's name
# twice (what is measured, and beside the last value), the blockers, the decision asked for
# and the comment; each open decision 1 more, and an away owner's name 1 more. A note about
# an initiative shows its title once.
ITEM = 6
# The surfaces that show what owners wrote, with how many of their texts each shows.
SHOWING = {
    "prompt, one initiative, last full": ITEM,
    "prompt, one initiative, two open decisions": ITEM + 2,
    "prompt, two initiatives": ITEM + 2,  # the second, never answered: title and KPI name
    "prompt, two initiatives, one as a deputy, with notes": 2 * ITEM + 1 + 2,
    "prompt, six initiatives": 6 * ITEM + 3 + 1 + 1,  # 3 decisions, a deputy, a note
    "reminder, one initiative": 1,
    "reminder, three initiatives": 3,
    "reminder, twelve initiatives, with notes": 8 + 3,  # 8 titles named, the rest counted
    "skipped": 1,
    "help on an initiative": 1,
    "which of two, about a part": 1,  # the part quoted; the titles are plain-text buttons
    "chosen": 1,
    "form, one initiative, first time": 1,
    "update all, two initiatives": 2,
    "update all, six initiatives": 6,
}


def rendered(language: str, case: str, said: Said = REALISTIC) -> dict[str, Any]:
    built = CASES[case](words(language), said)
    return built if isinstance(built, dict) else built.payload()


def check(found: dict[str, Any]) -> None:
    if found.get("type") == "modal":
        check_view(found)
    else:
        check_message(found)


def skeleton(value: Any, key: str | None = None) -> Any:
    """The rendering without its words: types, ids, values and order."""
    if isinstance(value, dict):
        return {k: skeleton(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [skeleton(item) for item in value]
    return "…" if key in ("text", "initial_value") and isinstance(value, str) else value


def sections(found: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in found["blocks"] if b["type"] == "section" and "text" in b]


def block(found: dict[str, Any], block_id: str) -> dict[str, Any]:
    [found_block] = [b for b in found["blocks"] if b.get("block_id") == block_id]
    return found_block


def item_blocks(found: dict[str, Any]) -> list[dict[str, Any]]:
    """The actions of each initiative a prompt lists, in order."""
    return [b for b in found["blocks"] if str(b.get("block_id", "")).startswith("initiative_")]


def says_more(language: str, found: dict[str, Any]) -> bool:
    """Whether a prompt says it could not list some initiatives."""
    w = words(language)
    more = {w.md("checkin-prompt-more", count=k) for k in range(1, 100)}
    return bool(more & set(sections(found)))


def item_section(found: dict[str, Any], initiative_id: int) -> str:
    """The section on one initiative of a prompt: the one just before its buttons."""
    blocks = found["blocks"]
    at = blocks.index(block(found, f"initiative_{initiative_id}"))
    assert blocks[at - 1]["type"] == "section"
    return str(blocks[at - 1]["text"]["text"])


# -- what Slack accepts ------------------------------------------------------------------------


@pytest.mark.parametrize("said", SAID)
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_slack_accepts_every_check_in_message(language: str, case: str, said: str) -> None:
    check(rendered(language, case, SAID[said]))


@pytest.mark.parametrize("case", CASES)
def test_french_and_english_have_the_same_structure(case: str) -> None:
    english, french = rendered("en", case), rendered("fr", case)
    assert skeleton(french) == skeleton(english)
    assert texts(french) != texts(english), "the French rendering is in English"


# -- owners' words: as written, pinging nobody ---------------------------------------------------


@pytest.mark.parametrize(("case", "shown"), SHOWING.items())
@pytest.mark.parametrize("language", LANGUAGES)
def test_owners_words_are_shown_escaped_and_ping_nobody(
    language: str, case: str, shown: int
) -> None:
    found = rendered(language, case, HOSTILE_SAID)
    check(found)
    in_blocks = "\n".join(mrkdwn_texts({"blocks": found["blocks"]}))
    assert in_blocks.count("&lt;!channel&gt;") == shown
    assert assert_pings_nobody(found) > 0
    assert "{ $x }" in in_blocks and "{{ 7*7 }}" in in_blocks, "placeholders in people's words"
    assert "49" not in re.sub(r"<!date\^[^>]*>", "", texts(found)), "a template evaluated them"
    assert all("&lt;" not in text for text in plain_in(found)), "plain text is not escaped"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fallback_names_the_initiatives_escaped(language: str) -> None:
    """A notification shows the fallback text: it names what the prompt is about, escaped."""
    found = rendered(language, "prompt, six initiatives", HOSTILE_SAID)
    assert found["text"].count("&lt;!channel&gt;") == 3, "the first three initiatives"
    assert_pings_nobody({"text": found["text"]})


@pytest.mark.parametrize("language", LANGUAGES)
def test_people_s_words_in_plain_text_show_as_written(language: str) -> None:
    choose = buttons(rendered(language, "which of two", HOSTILE_SAID))[0]["text"]["text"]
    assert choose.startswith(HOSTILE[:60])
    form = rendered(language, "form, several initiatives, last full", HOSTILE_SAID)
    option = form["blocks"][0]["element"]["initial_option"]["text"]["text"]
    assert option.startswith(HOSTILE[:60])
    [kpi] = [b["label"]["text"] for b in form["blocks"] if b.get("block_id") == "kpi"]
    assert HOSTILE in kpi
    every = rendered(language, "update all, two initiatives", HOSTILE_SAID)
    labels = [b["label"]["text"] for b in every["blocks"] if b.get("block_id", "")[:4] == "kpi:"]
    assert len(labels) == 2 and all(HOSTILE in label for label in labels)


# -- within Slack's limits ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_title_is_shortened_where_slack_limits_it(language: str) -> None:
    title = LONG_TITLE.title
    found = rendered(language, "prompt, one initiative, first time", LONG_TITLE)
    heading = item_section(found, FIRST_ID).split("\n")[0]
    assert len(heading) == 150 and heading.startswith(f"*{title[:100]}") and heading.endswith("…*")
    assert title[:60] not in found["text"] and title[:50] in found["text"]
    reminder = "\n".join(sections(rendered(language, "reminder, three initiatives", LONG_TITLE)))
    named = re.findall(r"\*([^*]+)\*", reminder)
    assert len(named) == 3 and all(len(n) <= 98 and n.endswith("…") for n in named)
    choose = buttons(rendered(language, "which of two", LONG_TITLE))[0]["text"]["text"]
    assert len(choose) == 75 and choose.endswith("…")
    view = rendered(language, "form, several initiatives, last full", LONG_TITLE)
    option = view["blocks"][0]["element"]["initial_option"]["text"]["text"]
    assert len(option) == 75 and option.endswith("…")
    every = rendered(language, "update all, two initiatives", LONG_TITLE)
    intro = sections(every)[0]
    assert title not in intro and title[:250] in intro and len(intro) < len(title)


@pytest.mark.parametrize("language", LANGUAGES)
def test_which_offers_as_many_initiatives_as_slack_takes(language: str) -> None:
    offered = buttons(rendered(language, "which of thirty"))
    assert len(offered) == 25
    assert len({b["action_id"] for b in offered}) == 25, "action ids told apart"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_last_answer_puts_each_field_on_its_own_line(language: str) -> None:
    w = words(language)
    full = item_section(rendered(language, "prompt, one initiative, last full"), FIRST_ID)
    lines = full.split("\n")
    assert [line.split(" ")[0] for line in lines[-4:]] == [
        "🟡",
        ":construction:",
        ":scales:",
        ":memo:",
    ]
    assert lines[-5] == w.md("checkin-prompt-last", period=LAST_PERIOD)
    bare = rendered(language, "prompt, one initiative, last without status")
    lines = item_section(bare, FIRST_ID).split("\n")
    assert lines[1:] == [
        w.md("checkin-prompt-last", period=LAST_PERIOD),
        f"⚪ *{w.text('status', status='none')}*",
        w.md("answer-no-blockers"),
    ], "the title, the last update's heading, its status line, the 'no blockers' line"


@pytest.mark.parametrize(
    ("language", "kpi", "progress", "due"),
    [
        ("en", "1,234.5", "60%", "Dec 18, 2026"),
        ("fr", "1\u202f234,5", "60\u00a0%", "18 déc. 2026"),
    ],
)
def test_numbers_are_written_the_language_s_way(
    language: str, kpi: str, progress: str, due: str
) -> None:
    shown = item_section(rendered(language, "prompt, one initiative, last full"), FIRST_ID)
    assert f"{kpi} jours" in shown and progress in shown and due in shown
    every = rendered(language, "update all, two initiatives")
    initial = {b["block_id"]: b["element"].get("initial_value") for b in every["blocks"][1:5]}
    assert (initial[f"progress:{FIRST_ID}"], initial[f"kpi:{FIRST_ID}"]) == (progress, kpi)


# -- one prompt per person ----------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 2, 6])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_person_gets_one_prompt_listing_every_initiative(language: str, count: int) -> None:
    w = words(language)
    found = checkin.prompt(w, [item(REALISTIC, n) for n in range(count)], period=PERIOD).payload()
    check_message(found)
    assert found["blocks"][0]["text"]["text"] == w.text("checkin-prompt-header", period=PERIOD)
    assert w.md("checkin-prompt-intro", count=count) in sections(found)
    ids = [FIRST_ID + n for n in range(count)]
    assert [b["block_id"] for b in item_blocks(found)] == [f"initiative_{i}" for i in ids]
    for n, initiative_id in enumerate(ids):
        heading = item_section(found, initiative_id).split("\n")[0]
        assert heading == f"*{initiative(REALISTIC, n).title}*"
    assert not says_more(language, found), "every one is shown"
    hint = "checkin-prompt-hint-many" if count > 1 else "checkin-prompt-hint"
    assert found["blocks"][-2] == {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": w.md(hint)}],
    }
    named = [title for title in titles(REALISTIC, count) if title in found["text"]]
    assert len(named) == min(count, 3), "the fallback names the first initiatives"


@pytest.mark.parametrize("said", [s for s in SAID if s != "longest"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_six_initiatives_still_fit_in_one_message(language: str, said: str) -> None:
    """Six initiatives, each with its last answer and some open decisions, with a folded
    note: every one shown in one message Slack takes."""
    found = rendered(language, "prompt, six initiatives", SAID[said])
    assert len(item_blocks(found)) == 6
    assert not says_more(language, found)
    check_message(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_the_longest_words_the_prompt_lists_what_fits_and_counts_the_rest(
    language: str,
) -> None:
    """Six initiatives each with the longest answer the form takes: past Slack's characters
    in one message, so the prompt lists what fits and says how many more."""
    found = rendered(language, "prompt, six initiatives", LONGEST)
    check_message(found)
    listed = len(item_blocks(found))
    assert 1 <= listed < 6
    assert words(language).md("checkin-prompt-more", count=6 - listed) in sections(found)
    assert block(found, "checkin_week") is found["blocks"][-1], "Update all stays last"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_prompt_says_how_many_more_it_could_not_list(language: str) -> None:
    found = rendered(language, "prompt, thirty initiatives")
    check_message(found)
    listed = len(item_blocks(found))
    assert 6 <= listed < 30
    assert words(language).md("checkin-prompt-more", count=30 - listed) in sections(found)
    assert not says_more(language, rendered(language, "prompt, six initiatives"))
    assert block(found, "checkin_week") is found["blocks"][-1], "Update all stays last"


@pytest.mark.parametrize("count", [1, 2, 6])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_prompt_has_its_buttons_on_each_initiative_and_the_week(
    language: str, count: int
) -> None:
    found = checkin.prompt(
        words(language), [item(REALISTIC, n) for n in range(count)], period=PERIOD
    ).payload()
    for n, actions in enumerate(item_blocks(found)):
        ids = [e["action_id"] for e in actions["elements"]]
        assert ids == [Action.CHECKIN_UPDATE, Action.CHECKIN_NO_CHANGE, Action.CHECKIN_SKIP]
        refs = {PromptRef.model_validate_json(e["value"]) for e in actions["elements"]}
        assert refs == {PromptRef(i=FIRST_ID + n, p=PERIOD)}
    week = block(found, "checkin_week")
    assert found["blocks"][-1] == week
    expected = [Action.CHECKIN_UPDATE_ALL] * (count > 1) + [Action.CHECKIN_AWAY]
    assert [e["action_id"] for e in week["elements"]] == expected
    refs = {PromptRef.model_validate_json(e["value"]) for e in week["elements"]}
    assert refs == {PromptRef(i=FIRST_ID, p=PERIOD)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_prompt_asks_about_each_open_decision(language: str) -> None:
    ask = words(language).md("checkin-prompt-decision-ask")
    expected = {
        "prompt, one initiative, last full": [],
        "prompt, one initiative, two open decisions": [10, 11],
        "prompt, six initiatives": [20, 40, 60],  # one on each odd initiative
    }
    for case, decisions in expected.items():
        found = rendered(language, case)
        asked = [b for b in found["blocks"] if str(b.get("block_id", "")).startswith("decision_")]
        assert [b["block_id"] for b in asked] == [f"decision_{d}" for d in decisions]
        for actions, decision in zip(asked, decisions, strict=True):
            clicks = [(e["action_id"], DecisionRef.model_validate_json(e["value"]).d) for e in
                      actions["elements"] if "value" in e]  # fmt: skip
            assert clicks == [(Action.DECISION_DONE, decision), (Action.DECISION_BLOCKED, decision)]
            # not yet: a date picker of the new date, the decision known by its block
            [picker] = [e for e in actions["elements"] if e["type"] == "datepicker"]
            assert picker["action_id"] == Action.DECISION_NEW_DATE
            question = found["blocks"][found["blocks"].index(actions) - 1]["text"]["text"]
            assert question.endswith("\n" + ask)
        assert "\n".join(sections(found)).count(ask) == len(decisions)
    two = "\n".join(sections(rendered(language, "prompt, one initiative, two open decisions")))
    assert f"{REALISTIC.decision} #0" in two and f"{REALISTIC.decision} #1" in two
    assert words(language).day(date(2026, 12, 15)) in two, "the due date of the second"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_deputy_is_told_whom_they_answer_for(language: str) -> None:
    w = words(language)
    found = rendered(language, "prompt, two initiatives, one as a deputy, with notes")
    deputy_line = w.md("checkin-prompt-for", owner=clip(REALISTIC.owner_name, 80))
    assert deputy_line not in item_section(found, FIRST_ID)
    assert item_section(found, FIRST_ID + 1).split("\n")[1] == deputy_line


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_notes_folded_into_a_prompt_come_after_its_intro(language: str) -> None:
    w = words(language)
    found = rendered(language, "prompt, two initiatives, one as a deputy, with notes")
    folded = notes(w, REALISTIC, 2)
    assert sections(found)[:2] == [w.md("checkin-prompt-intro", count=2), "\n\n".join(folded)]


# -- the reminder ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reminder_names_only_what_is_still_unanswered(language: str) -> None:
    w = words(language)
    everything = titles(REALISTIC, 3)
    answered, *missing = everything
    found = checkin.reminder(w, titles=missing, period=PERIOD).payload()
    check_message(found)
    shown = "\n".join(sections(found))
    assert re.findall(r"\*([^*]+)\*", shown) == missing
    assert f"*{answered}*" not in shown
    assert found["text"] == w.md("checkin-reminder-fallback", period=PERIOD, count=2)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_reminder_names_eight_and_counts_the_rest(language: str) -> None:
    found = rendered(language, "reminder, twelve initiatives, with notes")
    first, *folded = sections(found)
    assert re.findall(r"\*([^*]+)\*", first) == titles(REALISTIC, 8)
    assert re.search(r"\b4\b", re.sub(r"\*[^*]+\*", "", first)), "and 4 more"
    assert folded == notes(words(language), REALISTIC, 3)


# -- what the reader is asked, and can do ---------------------------------------------------


def known(initiatives: Sequence[Initiative], lasts: Sequence[Answer | None]) -> tuple[Known, ...]:
    """The initiatives as bot.services.understanding gives them to the reader."""
    return tuple(
        Known(
            id=i.id or 0,
            title=i.title,
            kpi_name=i.kpi_name,
            kpi_unit=i.kpi_unit,
            kpi_target=i.kpi_target,
            last=Last(Status(last.status) if last.status else None, last.progress, last.kpi_value)
            if last
            else None,
        )
        for i, last in zip(initiatives, lasts, strict=True)
    )


# The names the many-initiative example uses for the owner's initiatives: an owner with those
# two initiatives writing the example as shown.
NAMED_IN_EXAMPLE = ("ERP", "DSO")


def of_person(count: int, *, last: bool) -> Context:
    """A reply in the DM (no thread), by someone answering for `count` initiatives."""
    lasts = [answer(REALISTIC) if last else None] * count
    return Context(known([initiative(REALISTIC, n) for n in range(count)], lasts))


def of_the_example() -> Context:
    return Context(tuple(Known(n, title) for n, title in enumerate(NAMED_IN_EXAMPLE, start=1)))


# Each message showing examples, who reads a reply to it, and whether the reader can tell
# which initiative a reply is about (the person has one, or the example names them).
EXAMPLES: dict[str, tuple[Callable[[], Context], bool]] = {
    "prompt, one initiative, first time": (lambda: of_person(1, last=False), True),
    "prompt, one initiative, last full": (lambda: of_person(1, last=True), True),
    "prompt, two initiatives": (of_the_example, True),
    "prompt, six initiatives": (of_the_example, True),
    "reminder, one initiative": (lambda: of_person(1, last=True), True),
    # several missing: a one-line reply is asked about (which initiative?), its fields sure
    "reminder, three initiatives": (lambda: of_person(3, last=True), False),
    "help": (lambda: of_person(2, last=True), False),
    "help on an initiative": (lambda: of_person(1, last=True), True),
}


def examples(language: str, case: str) -> list[str]:
    """Every example an owner is shown (in backticks), but commands."""
    shown = re.findall(r"`([^`\n]+)`", "\n".join(mrkdwn_texts(rendered(language, case))))
    return [example for example in shown if not example.startswith("/")]


def readings(language: str, case: str) -> list[Reading]:
    context = EXAMPLES[case][0]()
    found = examples(language, case)
    assert found, "nothing to check"
    return [read(example, context) for example in found]


@pytest.mark.parametrize("case", EXAMPLES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_examples_shown_are_understood(language: str, case: str) -> None:
    """Every example an owner is shown reads as an update with sure fields, about the
    initiatives it names; commands are none."""
    context, named = EXAMPLES[case]
    ids = {k.id for k in context().initiatives}
    for example, reading in zip(examples(language, case), readings(language, case), strict=True):
        assert reading.readable and reading.parts, f"the reader does not read {example!r}"
        for part in reading.parts:
            fields = (part.status, part.progress, part.kpi)
            assert all(f.sure for f in fields), f"the reader asks about {example!r}: {part}"
            if part.intent is Intent.UPDATE:
                assert part.status.value is not None, f"no status in {example!r}"
        if named:
            assert not reading.ask_which
            about = {part.initiative_id for part in reading.parts}
            assert about == ids, f"{example!r} is not read about each initiative it names"


def test_the_many_initiative_example_names_the_initiatives_it_is_read_with() -> None:
    for language in LANGUAGES:
        for example in examples(language, "prompt, two initiatives"):
            assert all(name in example for name in NAMED_IN_EXAMPLE), example


def read_as(reading: Reading) -> list[tuple[Any, ...]]:
    """What a reading stores, field by field (which fields, and their values)."""
    return [
        (p.initiative_id, p.intent, p.status.value, p.progress.value, p.kpi.value, bool(p.blockers))
        for p in reading.parts
    ]


@pytest.mark.parametrize("case", EXAMPLES)
def test_french_and_english_examples_read_alike(case: str) -> None:
    """The same example, shown in French or in English, stores the same fields."""
    english, french = readings("en", case), readings("fr", case)
    assert [read_as(r) for r in french] == [read_as(r) for r in english]


# -- the form on one initiative ----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_starts_from_the_last_answer_on_the_chosen_initiative(language: str) -> None:
    view = rendered(language, "form, several initiatives, last full")
    assert ModalState.model_validate_json(view["private_metadata"]) == ModalState(
        initiatives=[1, 2, 3, 4, 5], period=PERIOD
    )
    chosen = view["blocks"][0]["element"]["initial_option"]
    assert chosen["value"] == "3"
    assert block(view, "status")["element"]["initial_option"]["value"] == "at_risk"
    correcting = rendered(language, "form, correcting a receipt")
    assert ModalState.model_validate_json(correcting["private_metadata"]) == ModalState(
        initiatives=[3], period=PERIOD, correction=True
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_s_errors_name_its_blocks(language: str) -> None:
    view = rendered(language, "form, one initiative, first time")
    blocks = {block.get("block_id") for block in view["blocks"]}
    _, errors = checkin_form.read(
        submitted(view, status="purple", progress="150", kpi="lots"), words(language)
    )
    assert set(errors) == {"status", "progress", "kpi"} and set(errors) <= blocks
    assert all(len(error) <= 2000 for error in errors.values())


@pytest.mark.parametrize("typed", ["1 234,5", "1,234.5", "1234.5"])
def test_the_form_reads_numbers_as_free_text_does(typed: str) -> None:
    view = rendered("fr", "form, one initiative, first time")
    read_back, errors = checkin_form.read(
        submitted(view, status="on_track", progress="60 %", kpi=typed), words("fr")
    )
    assert errors == {} and read_back is not None
    assert (read_back.initiative_id, read_back.period, read_back.progress) == (3, PERIOD, 60)
    assert read_back.kpi_value == 1234.5


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_correction_form_reads_back_as_a_correction(language: str) -> None:
    view = rendered(language, "form, correcting a receipt")
    read_back, errors = checkin_form.read(as_left(view), words(language))
    assert errors == {} and read_back is not None and read_back.correction
    last = answer(REALISTIC)
    assert (read_back.status, read_back.progress, read_back.kpi_value, read_back.blockers) == (
        last.status,
        last.progress,
        last.kpi_value,
        last.blockers,
    )


# -- Update all: every initiative in one form -----------------------------------------------


def as_left(view: dict[str, Any]) -> dict[str, Any]:
    """`view` as Slack sends it back when the owner changed nothing: its initial values."""
    given: dict[str, Any] = {}
    for b in view["blocks"]:
        if b["type"] != "input":
            continue
        element = b["element"]
        if "initial_option" in element:
            given[b["block_id"]] = element["initial_option"]["value"]
        elif "initial_value" in element:
            given[b["block_id"]] = element["initial_value"]
        else:
            given[b["block_id"]] = None
    return submitted(view, **given)


def every(language: str) -> tuple[dict[str, Any], list[int]]:
    """Update all on three initiatives: one answered before, one never, one without a status."""
    items = [
        (initiative(REALISTIC, 0), answer(REALISTIC)),
        (initiative(REALISTIC, 1), None),
        (initiative(REALISTIC, 2, complete=False), answer(REALISTIC, full=False, status=None)),
    ]
    view = checkin_form.form_all(words(language), items, period=PERIOD)
    return view, [FIRST_ID, FIRST_ID + 1, FIRST_ID + 2]


@pytest.mark.parametrize("language", LANGUAGES)
def test_update_all_has_a_section_on_each_initiative(language: str) -> None:
    view, ids = every(language)
    check_view(view)
    assert view["callback_id"] == "checkin_all_modal"
    assert ModalState.model_validate_json(view["private_metadata"]) == ModalState(
        initiatives=ids, period=PERIOD
    )
    fields = ("status", "progress", "kpi", "blockers")
    assert [b.get("block_id") for b in view["blocks"]] == [
        name for n in ids for name in (None, *(f"{field}:{n}" for field in fields))
    ]
    assert all(b["optional"] for b in view["blocks"] if b["type"] == "input")


@pytest.mark.parametrize("language", LANGUAGES)
def test_update_all_takes_as_many_initiatives_as_a_modal_holds(language: str) -> None:
    view = rendered(language, "update all, twenty-five initiatives")
    check_view(view)
    shown = ModalState.model_validate_json(view["private_metadata"]).initiatives
    assert shown == [FIRST_ID + n for n in range(len(shown))] and 15 <= len(shown) < 25
    assert len(sections(view)) == len(shown)
    more = words(language).md("checkin-all-more", count=25 - len(shown))
    assert view["blocks"][-1] == {"type": "context", "elements": [{"type": "mrkdwn", "text": more}]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_update_all_left_as_it_is_reads_back_the_last_answers(language: str) -> None:
    view, (answered, _, _) = every(language)
    read_back, errors = checkin_form.read_all(as_left(view), words(language))
    assert errors == {} and read_back is not None
    last = answer(REALISTIC)
    assert [
        (a.initiative_id, a.period, a.status, a.progress, a.kpi_value, a.blockers)
        for a in read_back
    ] == [(answered, PERIOD, last.status, last.progress, last.kpi_value, last.blockers)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_update_all_reads_back_what_was_typed(language: str) -> None:
    view, (answered, new, without_status) = every(language)
    typed = {
        f"status:{answered}": "done",
        f"progress:{answered}": "100 %",
        f"kpi:{answered}": "4,5" if language == "fr" else "4.5",
        f"status:{new}": "off_track",
        f"blockers:{new}": f"  {HOSTILE}  ",
        f"progress:{without_status}": None,
    }
    read_back, errors = checkin_form.read_all(submitted(view, **typed), words(language))
    assert errors == {} and read_back is not None
    assert [
        (a.initiative_id, a.status, a.progress, a.kpi_value, a.blockers) for a in read_back
    ] == [
        (answered, "done", 100, 4.5, None),
        (new, "off_track", None, None, HOSTILE),
    ], "an initiative left without a status is left as it is"
    assert all(a.decision_request is None and not a.correction for a in read_back)


@pytest.mark.parametrize("language", LANGUAGES)
def test_update_all_s_errors_are_keyed_by_block(language: str) -> None:
    view, (answered, new, without_status) = every(language)
    w = words(language)
    blocks = {b.get("block_id") for b in view["blocks"]}
    typed = {
        f"status:{answered}": "on_track",
        f"kpi:{answered}": "lots",
        f"status:{new}": "at_risk",
        f"progress:{new}": "150",
        f"progress:{without_status}": "40",  # a figure, and no status to go with it
    }
    read_back, errors = checkin_form.read_all(submitted(view, **typed), w)
    assert read_back is None
    assert errors == {
        f"kpi:{answered}": w.text("checkin-form-error-kpi"),
        f"progress:{new}": w.text("checkin-form-error-progress"),
        f"status:{without_status}": w.text("checkin-form-error-status"),
    }
    assert set(errors) <= blocks and all(len(error) <= 2000 for error in errors.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_update_all_asks_which_reading_of_an_ambiguous_number(language: str) -> None:
    view, (answered, _, _) = every(language)
    w = words(language)
    typed = {f"status:{answered}": "on_track", f"kpi:{answered}": "1,234"}
    read_back, errors = checkin_form.read_all(submitted(view, **typed), w)
    assert read_back is None and set(errors) == {f"kpi:{answered}"}
    assert w.num(1.234) in errors[f"kpi:{answered}"] and w.num(1234) in errors[f"kpi:{answered}"]
