"""The poll's messages: what Slack accepts, what readers see, in both languages, whatever
people wrote in the question, the options, the context and the initiative's title."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.blocks import poll
from bot.blocks.poll import PollCard, fair
from bot.ids import PollRef
from bot.text import Mrkdwn, escape, md, mention
from bot.words import Catalogue, Words
from rituals.arbitration import MAX_OPTION, MAX_QUESTION, result, validate_poll
from tests.blockkit import HOSTILE, assert_pings_nobody, buttons, check_message, texts

CATALOGUE = Catalogue(strict=True)
LANGUAGES = ("en", "fr")
POLL_ID, CHANNEL = 42, "C0COMEX01"
OWNER, CMO = "U0OWNER01", "U0CMO0001"
MEMBERS = tuple(f"U0MEMBER{n:02}" for n in range(1, 11))
ALLOWED = frozenset(f"<@{user}>" for user in (*MEMBERS, OWNER, CMO))
DEADLINE = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def words(language: str) -> Words:
    return CATALOGUE.words(language)


def display_name(user: str) -> Mrkdwn:
    """A `who` that names people without notifying them, as long a name as Slack allows."""
    return md(f"Marie-Charlotte de La Rochefoucauld-Liancourt ({user})")


@dataclass(frozen=True)
class Said:
    """What people wrote that the poll shows back."""

    question: str = "Do we extend the ERP budget by 3 months?"
    options: tuple[str, ...] = ("Yes, until the end of March", "No", "Only 1 month")
    context: str = "The integrator asks for 3 months & 40 k€ more: see the CFO's note."
    title: str = "ERP phase 2"
    committee: str = "comex"


REALISTIC = Said()
HOSTILE_SAID = Said(
    HOSTILE, (HOSTILE, f"{HOSTILE} (bis)", f"{HOSTILE} (ter)"), HOSTILE, HOSTILE, HOSTILE
)
# As long as the validator and the forms allow, and "&" everywhere: five times longer escaped.
LONGEST = Said(
    "&" * MAX_QUESTION,
    tuple("&" * (MAX_OPTION - 1) + chr(65 + n) for n in range(10)),
    "&" * 1500,
    "&" * 300,
    "&" * 80,
)
SAID = {"realistic": REALISTIC, "hostile": HOSTILE_SAID, "longest": LONGEST}

# Votes as (member, option): some, a winner (A: 3, B: 1, C: 1), a tie (A and B), ten ways tied.
SOME = ((MEMBERS[0], 0), (MEMBERS[1], 0), (MEMBERS[2], 1))
WINNER = (*SOME, (MEMBERS[3], 2), (MEMBERS[4], 0))
TIE = ((MEMBERS[0], 0), (MEMBERS[1], 1), (MEMBERS[2], 0), (MEMBERS[3], 1), (MEMBERS[4], 2))
TEN_WAY = tuple((member, n) for n, member in enumerate(MEMBERS))
VARIANTS: dict[str, tuple[tuple[tuple[str, int], ...], dict[str, bool]]] = {
    "open_named": (SOME, {}),
    "open_anonymous": (SOME, {"anonymous": True}),
    "open_no_votes": ((), {}),
    "open_initiative_context": (SOME, {"initiative": True, "context": True}),
    "open_ten_options": (TEN_WAY[:7], {"ten": True, "initiative": True, "context": True}),
    "closed_winner": (WINNER, {"closed": True}),
    "closed_tie": (TIE, {"closed": True}),
    "closed_no_votes": ((), {"closed": True}),
    "closed_anonymous_winner": (WINNER, {"closed": True, "anonymous": True}),
    "closed_ten_way_tie": (
        TEN_WAY,
        {"closed": True, "ten": True, "initiative": True, "context": True},
    ),
}
OPEN = [name for name in VARIANTS if name.startswith("open")]
CLOSED = [name for name in VARIANTS if name.startswith("closed")]


def ten(said: Said) -> tuple[str, ...]:
    if len(said.options) >= 10:
        return said.options[:10]
    return tuple(f"{n + 1}. {said.options[n % len(said.options)]}" for n in range(10))


def card(said: Said, variant: str, *, members: tuple[str, ...] = MEMBERS) -> PollCard:
    """A poll as a service builds it: validated as stored, with `result()` of its votes."""
    votes, shape = VARIANTS[variant]
    options = ten(said) if shape.get("ten") else said.options[:3]
    question, checked = validate_poll(said.question, options)
    return PollCard.of(
        result(len(checked), votes, members),
        id=POLL_ID,
        committee=said.committee,
        channel=CHANNEL,
        question=question,
        options=checked,
        deadline=DEADLINE,
        closed=shape.get("closed", False),
        anonymous=shape.get("anonymous", False),
        context=said.context if shape.get("context") else None,
        initiative=said.title if shape.get("initiative") else None,
        owner=OWNER if shape.get("initiative") else None,
    )


def shown(language: str, said: Said, variant: str, surface: str) -> dict[str, Any]:
    given = card(said, variant)
    if surface == "closed_notice":
        return poll.closed_notice(words(language), given).payload()
    return poll.message(words(language), given, who=mention).payload()


SURFACES = [(v, "message") for v in VARIANTS] + [(v, "closed_notice") for v in CLOSED]


def sections(rendered: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in rendered["blocks"] if b["type"] == "section"]


def contexts(rendered: dict[str, Any]) -> list[str]:
    return [e["text"] for b in rendered["blocks"] if b["type"] == "context" for e in b["elements"]]


# -- what Slack accepts, whatever people wrote ---------------------------------------------


@pytest.mark.parametrize("said", list(SAID))
@pytest.mark.parametrize(("variant", "surface"), SURFACES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_slack_accepts_the_poll_s_messages(
    language: str, variant: str, surface: str, said: str
) -> None:
    check_message(shown(language, SAID[said], variant, surface))


@pytest.mark.parametrize(("variant", "surface"), SURFACES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_people_s_words_ping_nobody_and_show_as_written(
    language: str, variant: str, surface: str
) -> None:
    rendered = shown(language, HOSTILE_SAID, variant, surface)
    assert assert_pings_nobody(rendered, allowed=ALLOWED) > 0
    assert "{ $x }" in texts(rendered) and "{{ 7*7 }}" in texts(rendered)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_longest_poll_with_long_names_fits_and_keeps_its_ten_buttons(language: str) -> None:
    given = replace(card(LONGEST, "open_ten_options"), voters=(MEMBERS,) * 10, counts=(10,) * 10)
    rendered = poll.message(words(language), given, who=display_name).payload()
    check_message(rendered)
    votes = [b for b in buttons(rendered) if b["action_id"].startswith("poll_vote_")]
    assert len(votes) == 10
    more = {"en": r"and \d+ more$", "fr": r"et \d+ autres$"}[language]
    assert all(re.search(more, text) for text in sections(rendered)[1:11])


def test_budgets_keep_short_texts_whole_and_share_the_rest() -> None:
    assert fair([10, 2000, 20], 1000) == [10, 970, 20]
    assert fair([600, 600, 10], 1000) == [495, 495, 10]
    assert fair([], 1000) == []


# -- what readers see -----------------------------------------------------------------------


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_open_poll_has_a_vote_button_per_option_and_close_now(
    language: str, variant: str
) -> None:
    rendered = shown(language, REALISTIC, variant, "message")
    votes = [b for b in buttons(rendered) if b["action_id"].startswith("poll_vote_")]
    close = [b for b in buttons(rendered) if b["action_id"] == "poll_close"]
    if variant in CLOSED:
        assert votes == [] and close == []
        return
    count = len(card(REALISTIC, variant).options)
    assert [b["action_id"] for b in votes] == [f"poll_vote_{n}" for n in range(count)]
    assert [PollRef.model_validate_json(b["value"]) for b in votes] == [
        PollRef(a=POLL_ID, o=n) for n in range(count)
    ]
    verb = {"en": "Vote", "fr": "Voter"}[language]
    assert [b["text"]["text"] for b in votes] == [f"{verb} {chr(65 + n)}" for n in range(count)]
    (button,) = close
    assert PollRef.model_validate_json(button["value"]) == PollRef(a=POLL_ID)
    assert (
        button["confirm"]["deny"]["text"] == {"en": "Keep open", "fr": "Laisser ouvert"}[language]
    )


RESULT = {
    "en": {
        "winner": "*Result: A. Yes, until the end of March* with 3 of 5 votes.",
        "tie": "*Result: a tie* between *A.* Yes, until the end of March and *B.* No.",
        "none": "*Result: no votes were cast.*",
        "status": "Closed · turnout 50% (5 of 10 members) · Committee comex",
    },
    "fr": {
        "winner": "*Résultat : A. Yes, until the end of March*, avec 3 votes sur 5.",
        "tie": "*Résultat : égalité* entre *A.* Yes, until the end of March et *B.* No.",
        "none": "*Résultat : aucun vote exprimé.*",
        "status": "Clos · participation 50\u00a0% (5 membres sur 10) · Comité comex",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closed_poll_names_the_winner_with_a_trophy(language: str) -> None:
    rendered = shown(language, REALISTIC, "closed_winner", "message")
    trophies = [text for text in sections(rendered) if ":trophy:" in text]
    assert len(trophies) == 1 and trophies[0].startswith(f"*A.* {REALISTIC.options[0]}")
    assert sections(rendered)[-1] == RESULT[language]["winner"]
    assert contexts(rendered)[-1] == RESULT[language]["status"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closed_poll_names_the_tied_options(language: str) -> None:
    rendered = shown(language, REALISTIC, "closed_tie", "message")
    assert not any(":trophy:" in text for text in sections(rendered)), "a tie has no winner"
    assert sections(rendered)[-1] == RESULT[language]["tie"]
    ten_way = sections(shown(language, REALISTIC, "closed_ten_way_tie", "message"))[-1]
    assert all(f"*{chr(65 + n)}.*" in ten_way for n in range(10))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closed_poll_says_nobody_voted(language: str) -> None:
    rendered = shown(language, REALISTIC, "closed_no_votes", "message")
    assert not any(":trophy:" in text for text in sections(rendered))
    assert sections(rendered)[-1] == RESULT[language]["none"]


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en", ["*3* votes", "*1* vote", "*1* vote"]),
        ("fr", ["*3* votes", "*1* vote", "*1* vote"]),
    ],
)
def test_each_option_counts_its_votes(language: str, counts: list[str]) -> None:
    options = sections(shown(language, REALISTIC, "closed_winner", "message"))[:3]
    assert [text.split("\n")[1].split(" · ")[0].split("` ")[-1] for text in options] == counts
    nobody = sections(shown(language, REALISTIC, "open_no_votes", "message"))[0]
    assert nobody.endswith({"en": "*0* votes", "fr": "*0* vote"}[language])


@pytest.mark.parametrize(
    ("language", "votes", "said"),
    [
        ("en", SOME, "3 of 10 members voted, 7 not yet"),
        ("fr", SOME, "3 membres sur 10 ont voté, 7 pas encore"),
        ("en", SOME[:1], "1 of 10 members voted, 9 not yet"),
        ("fr", SOME[:1], "1 membre sur 10 a voté, 9 pas encore"),
        ("en", TEN_WAY, "10 of 10 members voted · "),
        ("fr", TEN_WAY, "10 membres sur 10 ont voté · "),
    ],
)
def test_the_open_poll_says_when_it_closes_and_who_has_voted(
    language: str, votes: tuple[tuple[str, int], ...], said: str
) -> None:
    given = replace(card(REALISTIC, "open_ten_options"), **tally(votes, MEMBERS, 10))
    status = contexts(poll.message(words(language), given, who=mention).payload())[-1]
    assert status.startswith(f"{'Closes' if language == 'en' else 'Fin des votes :'} <!date^")
    assert str(int(DEADLINE.timestamp())) in status and said in status


def tally(
    votes: tuple[tuple[str, int], ...], members: tuple[str, ...], options: int = 3
) -> dict[str, Any]:
    """The fields of a card that `result()` fills, for `replace`."""
    outcome = result(options, votes, members)
    return {
        "counts": outcome.tally.counts,
        "voters": outcome.tally.voters,
        "winners": outcome.winners,
        "voted": outcome.tally.voted,
        "members": outcome.tally.members,
        "missing": len(outcome.tally.missing),
    }


@pytest.mark.parametrize(
    ("variant", "surface"),
    [
        ("open_anonymous", "message"),
        ("closed_anonymous_winner", "message"),
        ("closed_anonymous_winner", "closed_notice"),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_anonymous_poll_names_no_voter(language: str, variant: str, surface: str) -> None:
    rendered = json.dumps(shown(language, REALISTIC, variant, surface))
    assert card(REALISTIC, variant).voted > 0, "nobody voted: nothing to hide"
    assert not [member for member in MEMBERS if member in rendered]
    if surface == "message":
        assert {"en": "Anonymous: counts only", "fr": "Anonyme : totaux"}[language] in rendered


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_named_poll_shows_who_voted_what_through_who(language: str) -> None:
    options = sections(shown(language, REALISTIC, "open_named", "message"))
    assert options[0].endswith(f"*2* votes · <@{MEMBERS[0]}> <@{MEMBERS[1]}>")
    assert options[1].endswith(f" · <@{MEMBERS[2]}>") and "<@" not in options[2]
    named = poll.message(words(language), card(REALISTIC, "open_named"), who=display_name)
    assert "<@" not in json.dumps(named.payload()) and f"({MEMBERS[0]})" in texts(named.payload())


@pytest.mark.parametrize("language", LANGUAGES)
def test_thirty_voters_are_all_named(language: str) -> None:
    board = tuple(f"U0M{n:06d}" for n in range(30))
    votes = tuple((member, n % 3) for n, member in enumerate(board))
    given = replace(card(REALISTIC, "open_named"), **tally(votes, board))
    options = sections(poll.message(words(language), given, who=mention).payload())
    assert [text.count("<@") for text in options[:3]] == [10, 10, 10]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_initiative_and_the_context_are_shown(language: str) -> None:
    about = contexts(shown(language, REALISTIC, "open_initiative_context", "message"))
    owner = {"en": "owner", "fr": "responsable"}[language]
    assert about[0].endswith(f"*{REALISTIC.title}* · {owner} <@{OWNER}>")
    assert about[1] == escape(REALISTIC.context) and "&amp;" in about[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_question_is_shown_whole_under_a_shortened_header(language: str) -> None:
    question = ("Do we extend the ERP budget & the <support> contract by 3 months? " * 40)[:2000]
    rendered = poll.message(
        words(language), replace(card(REALISTIC, "open_named"), question=question), who=mention
    ).payload()
    header = rendered["blocks"][0]["text"]["text"]
    assert len(header) == 150 and header.endswith("…")
    assert rendered["blocks"][1]["text"]["text"] == escape(question)
    short = shown(language, REALISTIC, "open_named", "message")
    assert short["blocks"][0]["text"]["text"] == f"⚖️ {REALISTIC.question}"
    assert short["blocks"][1]["text"]["text"].startswith("*A.*"), "no repeat of a short question"


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_long_option_among_short_ones_is_shown_whole(language: str) -> None:
    long = ("Move the ERP go-live to March & keep the legacy invoicing running " * 8)[:MAX_OPTION]
    given = replace(card(REALISTIC, "open_named"), options=(long, "Keep January", "Split"))
    rendered = poll.message(words(language), given, who=mention).payload()
    assert escape(long) in sections(rendered)[0]


# -- the CMO's notice, the voter's and the CMO's private answers ---------------------------

NOTICE = {
    "en": {
        "closed_winner": "Most votes: *A. Yes, until the end of March* (3 of 5). Turnout 50%.",
        "closed_tie": "A tie between *A.* Yes, until the end of March and *B.* No. Turnout 50%.",
        "closed_no_votes": "Nobody voted. Turnout 0%.",
    },
    "fr": {
        "closed_winner": "Option arrivée en tête : *A. Yes, until the end of March* (3 sur 5)."
        " Participation : 50\u00a0%.",
        "closed_tie": "Égalité entre *A.* Yes, until the end of March et *B.* No."
        " Participation : 50\u00a0%.",
        "closed_no_votes": "Personne n’a voté. Participation : 0\u00a0%.",
    },
}


@pytest.mark.parametrize("variant", list(NOTICE["en"]))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closed_notice_gives_the_result_and_offers_to_record_it(
    language: str, variant: str
) -> None:
    rendered = shown(language, REALISTIC, variant, "closed_notice")
    (text,) = sections(rendered)
    title, outcome, _ = text.split("\n")
    assert f"<#{CHANNEL}>" in title and f"*{REALISTIC.question}*" in title
    assert outcome == NOTICE[language][variant]
    (button,) = buttons(rendered)
    assert (button["action_id"], button["style"]) == ("decision_record", "primary")
    assert PollRef.model_validate_json(button["value"]) == PollRef(a=POLL_ID)


@pytest.mark.parametrize(("language", "turnout"), [("en", "4.5%"), ("fr", "4,5\u00a0%")])
def test_the_turnout_is_written_the_language_s_way(language: str, turnout: str) -> None:
    committee = tuple(f"U0BOARD{n:03}" for n in range(200))
    votes = tuple((member, n % 3) for n, member in enumerate(committee[:9]))
    given = replace(card(REALISTIC, "closed_winner"), **tally(votes, committee))
    notice = sections(poll.closed_notice(words(language), given).payload())[0]
    status = contexts(poll.message(words(language), given, who=mention).payload())[-1]
    assert turnout in notice and turnout in status
    assert {"en": "(9 of 200 members)", "fr": "(9 membres sur 200)"}[language] in status


VOTED = {
    "en": {
        "new": "Your vote for *B. No* is counted.",
        "changed": "Your vote is now *B. No*.",
        "same": "You already voted *B. No*: nothing changed.",
        "not_member": "Only members of comex vote here; your click was not counted.",
        "closed": "This poll is closed; your click was not counted.",
    },
    "fr": {
        "new": "Votre vote pour *B. No* est pris en compte.",
        "changed": "Votre vote est désormais *B. No*.",
        "same": "Vous avez déjà voté *B. No* : rien n’a changé.",
        "not_member": "Seuls les membres du comité comex votent ici ;"
        " votre clic n’a pas été compté.",
        "closed": "Ce sondage est clos ; votre clic n’a pas été compté.",
    },
}


@pytest.mark.parametrize("outcome", list(poll.VOTE_OUTCOMES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_voter_is_told_what_became_of_the_click(language: str, outcome: Any) -> None:
    told = poll.vote_told(words(language), outcome, option=1, text="No", committee="comex")
    rendered = told.payload()
    check_message(rendered)
    assert rendered["text"] == sections(rendered)[0] == VOTED[language][outcome]
    hostile = poll.vote_told(words(language), outcome, option=1, text=HOSTILE, committee=HOSTILE)
    if outcome != "closed":
        assert assert_pings_nobody(hostile.payload()) > 0


@pytest.mark.parametrize("reason", ["not_cmo", "already"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_poll_notices_say_why_nothing_happened(language: str, reason: Any) -> None:
    rendered = poll.notice(words(language), reason).payload()
    check_message(rendered)
    expected = {
        ("en", "not_cmo"): "Only the CMO can close a poll or record its decision.",
        ("en", "already"): "This poll is already closed.",
        ("fr", "not_cmo"): "Seul le CMO peut clore un sondage ou en enregistrer la décision.",
        ("fr", "already"): "Ce sondage est déjà clos.",
    }
    assert sections(rendered) == [expected[language, reason]]


def test_the_card_holds_what_the_result_made_of_the_votes() -> None:
    given = card(REALISTIC, "closed_tie")
    assert (given.counts, given.winners, given.winner) == ((2, 2, 1), (0, 1), None)
    assert (given.voted, given.members, given.missing, given.turnout) == (5, 10, 5, 50.0)
    assert card(REALISTIC, "closed_winner").winner == 0


# -- the words ------------------------------------------------------------------------------


def same_words(file: str) -> None:
    """Both languages' `file` define the same messages, prefixed by its surface, with the same
    placeholders, and no "(s)" plural."""
    en, fr = (
        {i: e for i, e in CATALOGUE.ids(language).items() if e.file.name == file}
        for language in LANGUAGES
    )
    assert en and set(en) == set(fr)
    assert all(i.startswith(file.removesuffix(".ftl") + "-") for i in en)
    assert {i: e.variables for i, e in en.items()} == {i: e.variables for i, e in fr.items()}
    assert not [i for i, e in {**en, **fr}.items() if re.search(r"\w\(s\)", e.source)]


def test_both_languages_have_the_poll_s_words() -> None:
    same_words("poll.ftl")
