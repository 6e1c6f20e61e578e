"""The weekly digest as Slack shows it: a top message that counts every initiative and at most
five thread messages that name every exception (or count it, explicitly, when even five cannot
hold them), at any committee size, in French and English, pinging nobody."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from bot import words as words_module
from bot.blocks import kit
from bot.blocks.digest import DigestPosts, Kind, digest_posts, kind_of
from bot.catalogue import PACKAGED, read_folder
from bot.text import Mrkdwn, escape, md, slack_date
from bot.words import Catalogue, Words
from rituals.digest import Digest, InitiativeLine, Silence, build_digest
from rituals.escalation import Thresholds
from tests.blockkit import (
    HOSTILE,
    assert_pings_nobody,
    check_message,
    mrkdwn_texts,
    plain_in,
    texts,
    words_in,
)

LANGUAGES = ("en", "fr")
SIZES = (1, 30, 300, 2000)
STATUSES = ("on_track", "at_risk", "off_track", "done", None)
THRESHOLDS = Thresholds(silent_periods=4, off_track_periods=3, blocked_periods=5)
DEADLINE = slack_date(datetime(2026, 11, 27, 12, 0, tzinfo=UTC))
CAUSES = ("silent", "overdue", "off_track", "blocked")
EXCUSES = (None, Silence.SKIPPED, Silence.AWAY)


@cache
def words(language: str) -> Words:
    return Catalogue(strict=True).words(language)


def names(user: str) -> Mrkdwn:
    """What the service passes for a channel post: a display name, never a mention."""
    return escape(f"Person {user[-4:]}")


def title_of(n: int) -> str:
    """Unique once clipped, none a part of another, with characters mrkdwn escapes."""
    return f"Refonte & <parcours> #{n:05}"


def lines(
    size: int,
    title: Callable[[int], str] = title_of,
    blockers: Callable[[int], str | None] = lambda n: (
        "Juridique & <achats>" if n % 7 == 0 else None
    ),
) -> list[InitiativeLine]:
    """A committee with every status, status changes, one owner in four without an answer
    (a third of those skipped the week, a third are away)."""
    return [
        InitiativeLine(
            initiative_id=n,
            title=title(n),
            owner=f"U{n:08}",
            status=STATUSES[n % 5],
            previous_status=STATUSES[(n // 5) % 5],
            progress=(n * 7) % 101,
            kpi_value=None if n % 6 == 0 else 1000.0 + n * 12.5,
            kpi_target=2000.0,
            kpi_unit="k€",
            trend=(None,) * 8,
            blockers=blockers(n),
            answered=n % 4 != 1,
            kpi_error="timeout" if n % 50 == 0 else None,
            excused=EXCUSES[n % 3],
        )
        for n in range(1, size + 1)
    ]


def committee(size: int) -> Digest:
    return build_digest(
        "comex",
        "2026-W48",
        lines(size),
        escalations=[
            (f"Escalated #{n:04}", CAUSES[n % 4], 1 + n % 3) for n in range(size // 10 + 1)
        ],
        decisions=[(f"Decision #{n} & <T1> ?", "Oui, jusqu'à fin mars") for n in range(3)],
        open_polls=[(f"Poll #{n} ?", DEADLINE) for n in range(2)],
    )


@cache
def posted(language: str, size: int) -> DigestPosts:
    return digest_posts(words(language), committee(size), who=names, thresholds=THRESHOLDS)


def payloads(posts: DigestPosts) -> list[dict[str, Any]]:
    return [posts.top.payload(), *(message.payload() for message in posts.thread)]


def thread_text(posts: DigestPosts) -> str:
    return "\n".join(texts(message.payload()) for message in posts.thread)


def needs_attention(line: InitiativeLine) -> bool:
    """The issue's list, written again here: off track, at risk, blocked, changed, missing
    (not a week skipped or an owner away: those are only counted)."""
    blocked = bool(line.blockers) and line.status != "done"
    missing = not line.answered and line.excused is None
    return line.status in ("off_track", "at_risk") or blocked or line.changed or missing


# -- what Slack accepts, at any size ------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_top_message_and_at_most_five_in_its_thread(language: str, size: int) -> None:
    posts = posted(language, size)
    assert 1 <= len(posts.thread) <= 5, "the issue promises one top message and at most five"
    for payload in payloads(posts):
        check_message(payload)
    if size >= 300:
        assert len(posts.thread) > 1, "a big committee's thread takes several messages"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_initiative_is_counted_in_the_top_message(language: str, size: int) -> None:
    digest, posts = committee(size), posted(language, size)
    top = texts(posts.top.payload())
    w = words(language)
    assert sum(digest.counts.values()) == size
    assert w.md("digest-top-total", count=size) in top
    for key, count in digest.counts.items():
        assert f"{w.text('status', status=key)} *{w.num(count)}*" in top, key
    if digest.missing:
        assert w.md("digest-top-missing", missing=len(digest.missing), total=size) in top
    assert bool(digest.skipped) == (w.md("digest-top-skipped", count=len(digest.skipped)) in top)
    assert bool(digest.away) == (w.md("digest-top-away", count=len(digest.away)) in top)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_exception_is_named_or_counted_as_not_listed(language: str, size: int) -> None:
    digest, posts = committee(size), posted(language, size)
    shown = thread_text(posts)
    named: Counter[Kind] = Counter()
    expected: Counter[Kind] = Counter()
    for line in digest.lines:
        kind = kind_of(line)
        assert (kind is not None) == needs_attention(line), line
        times = shown.count(escape(line.title))
        assert times <= 1, f"{line.title} is named {times} times"
        is_named = times == 1
        if kind is None:
            assert not is_named, f"{line.title} needs no attention and is listed"
            continue
        expected[kind] += 1
        named[kind] += is_named
    for kind, items in (
        (Kind.ESCALATED, [title for title, _, _ in digest.escalations]),
        (Kind.DECISION, [question for question, _ in digest.decisions]),
        (Kind.POLL, [question for question, _ in digest.open_polls]),
    ):
        expected[kind] += len(items)
        named[kind] += sum(escape(item) in shown for item in items)
    assert sum(expected.values()) > 0, "nothing to check"
    for kind, count in expected.items():
        assert named[kind] + posts.unlisted.get(kind, 0) == count, kind
    for kind, count in posts.unlisted.items():
        assert words(language).md(f"digest-unlisted-{kind.slug}", count=count) in shown
    assert bool(posts.unlisted) == (size == 2000), "only the biggest committee overflows"


def test_what_is_not_listed_is_the_lowest_priority() -> None:
    posts = posted("en", 2000)
    kinds = list(Kind)
    first = min(kinds.index(kind) for kind in posts.unlisted)
    assert all(kind in posts.unlisted for kind in kinds[first + 1 :])
    assert "…and" in thread_text(posts) and "more at risk not listed" in thread_text(posts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_thread_is_cut_by_counting_not_by_rendering_and_bisecting(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each line is formatted once and each message's frame once: a bisecting cutter would
    format the same lines and contexts over and over. And the counting packs the messages
    close to what Slack takes."""
    calls: Counter[str] = Counter()
    original = words_module.Words._format

    def counting(self: Words, message_id: str, args: dict[str, Any]) -> str:
        calls[message_id] += 1
        return original(self, message_id, args)

    monkeypatch.setattr(words_module.Words, "_format", counting)
    digest = committee(2000)
    posts = digest_posts(words(language), digest, who=names, thresholds=THRESHOLDS)
    items = len(digest.lines) + len(digest.escalations) + len(digest.decisions)
    assert calls["digest-thread-context"] == calls["digest-thread-fallback"] == len(posts.thread)
    assert all(calls[f"digest-heading-{kind.slug}"] <= 1 for kind in Kind)
    assert calls["digest-reason-missing"] == len(digest.missing)
    assert sum(calls.values()) <= 3 * items + 100
    for message in posts.thread[:-1]:
        payload = message.payload()
        used = sum(len(text) for text in words_in(payload["blocks"]))
        assert used > 0.8 * kit.MESSAGE_TEXT_TOTAL or len(payload["blocks"]) > 45


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_thread_message_says_which_part_it_is_and_a_cut_group_says_continued(
    language: str,
) -> None:
    w, posts = words(language), posted(language, 2000)
    parts = len(posts.thread)
    assert parts > 1
    firsts: list[str] = []
    for part, message in enumerate(posts.thread, start=1):
        payload = message.payload()
        about = dict(committee="comex", period="2026-W48", part=part, parts=parts)
        assert payload["text"] == w.md("digest-thread-fallback", **about)
        assert payload["blocks"][0]["elements"][0]["text"] == w.md("digest-thread-context", **about)
        firsts += [block["text"]["text"].split("\n")[0] for block in payload["blocks"][1:]]
    unlisted = w.md("digest-unlisted-heading")
    headings = [first for first in firsts if first != unlisted and first.endswith(")")]
    continued = {w.md("digest-heading-continued", heading=heading) for heading in headings}
    assert len(headings) == len(set(headings)) >= 2, "each group is headed once"
    assert set(firsts) <= {*headings, *continued, unlisted}, "a section starts with a heading"
    assert len(set(firsts) & continued) >= 2, "a group cut across sections says it continues"


@pytest.mark.parametrize(
    ("language", "listed"),
    [
        (
            "en",
            (
                "• 🔴 *Refonte du parcours* · Person ER01 · KPI *4.5 jours* (target 5 jours)"
                " · was 🟡 At risk, blocked: validation juridique des CGU",
                "• ⚪ *Pricing* · Person ER02 · no update this week",
            ),
        ),
        (
            "fr",
            (
                "• 🔴 *Refonte du parcours* · Person ER01 · KPI *4,5 jours* (cible 5 jours)"
                " · avant : 🟡 À risque, bloquée : validation juridique des CGU",
                "• ⚪ *Pricing* · Person ER02 · pas de point hebdo cette semaine",
            ),
        ),
    ],
)
def test_a_line_says_status_title_owner_kpi_and_why_it_is_listed(
    language: str, listed: tuple[str, str]
) -> None:
    slipping = InitiativeLine(
        1, "Refonte du parcours", "U0OWNER01", "off_track", "at_risk", 60, 4.5, 5.0, "jours",
        (None,) * 8, "validation juridique des CGU", True,
    )  # fmt: skip
    silent = InitiativeLine(
        2, "Pricing", "U0OWNER02", None, None, None, None, None, "", (None,) * 8, None, False
    )
    digest = build_digest("comex", "2026-W48", [slipping, silent])
    shown = thread_text(digest_posts(words(language), digest, who=names, thresholds=THRESHOLDS))
    assert [line for line in shown.split("\n") if line.startswith("• ")] == list(listed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_poll_s_deadline_is_the_bot_s_own_markup_kept_as_is(language: str) -> None:
    assert DEADLINE.startswith("<!date^") and DEADLINE in thread_text(posted(language, 30))


FILLERS = {
    "words": "Programme de fidélisation omnicanal & <CRM> ",
    "ampersands": "&",
    "brackets": "<>",
}


@pytest.mark.parametrize("filler", FILLERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_long_titles_and_blockers_are_shortened_within_the_limits(
    language: str, filler: str
) -> None:
    def long(length: int) -> Callable[[int], str]:
        return lambda n: (f"#{n:03} " + FILLERS[filler] * length)[:length]

    digest = build_digest(
        "comex" * 16,
        "2026-W48",
        lines(60, title=long(300), blockers=long(2000)),
        escalations=[(long(300)(n), long(100)(n), 3) for n in range(12)],
        decisions=[(long(2000)(n), long(2000)(n)) for n in range(5)],
        open_polls=[(long(2000)(n), DEADLINE) for n in range(5)],
    )
    posts = digest_posts(words(language), digest, who=names, thresholds=THRESHOLDS)
    for payload in payloads(posts):
        check_message(payload)
    blocked = [
        line for line in thread_text(posts).split("\n") if line.startswith("• ") and "#0" in line
    ]
    assert len(blocked) >= 60, "every initiative is blocked: every one is listed"
    for line in blocked:
        assert line.count("…") >= 1 and len(line) <= 400, line


def test_an_operator_s_wordier_words_are_still_cut_to_fit(tmp_path: Path) -> None:
    wordy = {
        "digest-reason-missing": "no update this week, " * 12 + "{ $x }",
        "digest-heading-off-track": ":red_circle: *Off track, " * 6 + "* ({ $count })",
        "digest-thread-context": "*{ $committee }* · { $period } · part { $part } of { $parts }"
        + " — read it all" * 10,
    }
    for language in LANGUAGES:
        folder = tmp_path / language
        folder.mkdir()
        text = "".join(f"{key} = {value}\n" for key, value in wordy.items())
        (folder / "ours.ftl").write_text(text.replace("{ $x }", ""), encoding="utf-8")
    operator = Catalogue(tmp_path, strict=True)
    for language, size in ((language, size) for language in LANGUAGES for size in (300, 2000)):
        words_ = operator.words(language)
        assert words_.md("digest-reason-missing").startswith("no update this week, no update")
        posts = digest_posts(words_, committee(size), who=names, thresholds=THRESHOLDS)
        assert 1 <= len(posts.thread) <= 5
        for payload in payloads(posts):
            check_message(payload)


# -- nobody pinged, people's words as written ----------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_channel_posts_contain_no_mention_when_who_gives_names(
    language: str, size: int
) -> None:
    for payload in payloads(posted(language, size)):
        assert "<@" not in json.dumps(payload, ensure_ascii=False)
    assert "Person" in thread_text(posted(language, size)), "owners are named"


def hostile_digest() -> Digest:
    return build_digest(
        HOSTILE,
        "2026-W48",
        lines(12, title=lambda n: f"{HOSTILE} #{n:03}", blockers=lambda n: HOSTILE),
        escalations=[(HOSTILE, HOSTILE, 2), (HOSTILE, "silent", 3)],
        decisions=[(HOSTILE, HOSTILE)],
        open_polls=[(HOSTILE, HOSTILE)],
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_text_in_every_people_field_is_escaped_and_pings_nobody(language: str) -> None:
    posts = digest_posts(
        words(language), hostile_digest(), who=lambda user: escape(HOSTILE), thresholds=THRESHOLDS
    )
    everything = payloads(posts)
    assert len(everything) >= 2
    for payload in everything:
        check_message(payload)
        assert assert_pings_nobody(payload) > 0, "the hostile text is shown, escaped"
        rendered = texts(payload)
        assert "&amp;amp;" not in rendered, "escaped twice"
        assert not re.search(r"&(?!amp;|lt;|gt;)", "\n".join(mrkdwn_texts(payload))), "a bare &"
        assert all("&lt;" not in text for text in plain_in(payload)), "plain text is not escaped"
    shown = thread_text(posts)
    # 12 titles and 12 blockers, 2 escalation titles and a cause, the decision's two texts,
    # the poll's question and its (escaped) deadline, and 12 owners through `who`.
    assert shown.count("&lt;!channel&gt;") >= 12 + 12 + 3 + 2 + 2 + 12


# -- the words: thresholds as configured, numbers as the language writes them ---------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            (
                "no update for 4 weeks or more",
                "off track for 3 weeks or more",
                "same blocker for 5 weeks or more",
            ),
        ),
        (
            "fr",
            (
                "sans point hebdo depuis 4 semaines ou plus",
                "en retard depuis 3 semaines ou plus",
                "même blocage depuis 5 semaines ou plus",
            ),
        ),
    ],
)
def test_the_causes_state_the_configured_thresholds(
    language: str, expected: tuple[str, ...]
) -> None:
    shown = thread_text(posted(language, 30))
    for phrase in expected:
        assert phrase in shown
    assert "two weeks" not in shown and "deux semaines" not in shown
    one = Thresholds(silent_periods=1)
    single = digest_posts(words(language), committee(30), who=names, thresholds=one)
    assert ("1 week or more" if language == "en" else "1 semaine ou plus") in thread_text(single)


@pytest.mark.parametrize(
    ("language", "total"), [("en", "*2,000 initiatives*"), ("fr", "*2\u202f000 initiatives*")]
)
def test_numbers_are_written_as_the_language_writes_them(language: str, total: str) -> None:
    assert total in texts(posted(language, 2000).top.payload())


@pytest.mark.parametrize(
    ("language", "kpi"),
    [
        ("en", "KPI *1,012.5 k€* (target 2,000 k€)"),
        ("fr", "KPI *1\u202f012,5 k€* (cible 2\u202f000 k€)"),
    ],
)
def test_a_listed_initiative_shows_its_kpi_against_its_target(language: str, kpi: str) -> None:
    [line] = [t for t in thread_text(posted(language, 30)).split("\n") if "#00001" in t]
    assert kpi in line
    without = [t for t in thread_text(posted(language, 30)).split("\n") if "#00006" in t]
    assert without and "KPI" not in without[0], "no KPI value known: none shown"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unreadable_kpi_source_is_noted_in_the_line_and_counted_on_top(language: str) -> None:
    """Listed or not, an initiative whose KPI source failed is not lost: the top message
    counts them all, and a listed line says why its KPI is missing."""

    def line(n: int, answered: bool) -> InitiativeLine:
        error = "HTTP 404" if n < 2 else None
        return InitiativeLine(
            n, title_of(n), f"U{n:08}", "on_track", "on_track", 50, None, 5.0, "d", (), None,
            answered, kpi_error=error,
        )  # fmt: skip

    w = words(language)
    digest = build_digest("comex", "2026-W48", [line(0, False), line(1, True), line(2, True)])
    posts = digest_posts(w, digest, who=names, thresholds=THRESHOLDS)
    assert w.md("digest-top-kpi-errors", count=2) in texts(posts.top.payload())
    [listed] = [t for t in thread_text(posts).split("\n") if "#00000" in t]
    assert w.md("digest-reason-kpi-error", error="HTTP 404") in listed
    assert "#00001" not in thread_text(posts), "answered and on track: only counted"
    calm = texts(posted(language, 30).top.payload())
    assert w.md("digest-top-kpi-errors", count=1).split("*")[0] not in calm, "none unread"


def test_french_and_english_have_the_same_structure() -> None:
    def skeleton(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: skeleton(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [skeleton(item) for item in value]
        return "…" if key == "text" else value

    english, french = payloads(posted("en", 30)), payloads(posted("fr", 30))
    assert skeleton(english) == skeleton(french)
    assert texts(english[0]) != texts(french[0]), "the French digest is in English"


# -- the small cases -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_committee_gets_a_top_message_and_no_thread(language: str) -> None:
    posts = digest_posts(
        words(language), build_digest("comex", "2026-W48", []), who=names, thresholds=THRESHOLDS
    )
    check_message(posts.top.payload())
    assert posts.thread == ()
    assert words(language).md("digest-top-empty") in texts(posts.top.payload())


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_calm_week_is_counted_and_needs_no_thread(language: str) -> None:
    calm = [
        InitiativeLine(
            n, title_of(n), f"U{n:08}", "on_track", "on_track", 50, None, None, "", (), None, True
        )
        for n in range(40)
    ]
    posts = digest_posts(
        words(language), build_digest("comex", "2026-W48", calm), who=names, thresholds=THRESHOLDS
    )
    assert posts.thread == ()
    top = texts(posts.top.payload())
    assert words(language).md("digest-top-calm") in top
    assert words(language).md("digest-top-complete") in top


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dashboard_link_is_shown_when_given(language: str) -> None:
    url = "https://ritualbot.example/committees/comex"
    posts = digest_posts(
        words(language), committee(2000), who=names, thresholds=THRESHOLDS, link=url
    )
    assert f"<{url}|" in texts(posts.top.payload())
    assert f"<{url}|" in texts(posts.thread[-1].payload()), "where the rest is not listed"
    assert url not in texts(posted(language, 30).top.payload())


@pytest.mark.parametrize("surface", ["digest", "escalation", "home", "review"])
def test_each_surface_has_the_same_messages_and_placeholders_in_both_languages(
    surface: str,
) -> None:
    parsed = read_folder(PACKAGED)
    assert not parsed.problems
    found = {
        language: {
            entry.id: entry.variables
            for entry in parsed.entries[language].values()
            if entry.file.name == f"{surface}.ftl"
        }
        for language in LANGUAGES
    }
    assert found["en"], f"no message in en/{surface}.ftl"
    assert found["en"] == found["fr"]
    assert all(name.startswith(f"{surface}-") for name in found["en"])
    for language in LANGUAGES:
        source = (PACKAGED / language / f"{surface}.ftl").read_text(encoding="utf-8")
        assert "(s)" not in source, "plurals are Fluent selectors"


# -- a week skipped or an owner away is not missing ----------------------------------------


def excused_committee() -> Digest:
    """Nine initiatives on track: two silent, one skipped, one away (and off track)."""

    def line(n: int, answered: bool = True, excused: Silence | None = None) -> InitiativeLine:
        status = "off_track" if excused is Silence.AWAY else "on_track"
        return InitiativeLine(
            n, f"Initiative {n}", f"U{n:08}", status, status, 50, None, None, "", (), None,
            answered, excused=excused,
        )  # fmt: skip

    return build_digest(
        "comex",
        "2026-W48",
        [
            *(line(n) for n in range(1, 6)),
            line(6, False),
            line(7, False),
            line(8, False, Silence.SKIPPED),
            line(9, False, Silence.AWAY),
        ],
    )


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "*2* of 9 updates missing this week · 1 skipped · 1 away"),
        (
            "fr",
            "*2* points hebdo manquants sur 9 cette semaine"
            " · 1 semaine sautée · 1 responsable absent",
        ),
    ],
)
def test_skipped_and_away_are_counted_apart_and_not_listed_as_missing(
    language: str, said: str
) -> None:
    w = words(language)
    posts = digest_posts(w, excused_committee(), who=names, thresholds=THRESHOLDS)
    assert said in texts(posts.top.payload())
    shown = thread_text(posts)
    [missing] = [
        section["text"]["text"]
        for message in posts.thread
        for section in message.payload()["blocks"][1:]
        if section["text"]["text"].startswith(w.md("digest-heading-missing", count=2))
    ]
    assert "*Initiative 6*" in missing and "*Initiative 7*" in missing
    assert "Initiative 8" not in shown, "a week skipped is only counted"
    [away] = [line for line in shown.split("\n") if "*Initiative 9*" in line]
    assert w.md("digest-reason-away") in away, "off track and away: listed, saying why"
    assert "Initiative 9" not in missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_week_with_only_excuses_says_none_is_missing(language: str) -> None:
    w = words(language)
    found = excused_committee()
    answered = build_digest(
        "comex", "2026-W48", [line for line in found.lines if line.silence is not Silence.MISSING]
    )
    top = texts(digest_posts(w, answered, who=names, thresholds=THRESHOLDS).top.payload())
    expected = md(" · ").join(
        [
            w.md("digest-top-none-missing"),
            w.md("digest-top-skipped", count=1),
            w.md("digest-top-away", count=1),
        ]
    )
    assert expected in top and w.md("digest-top-complete") not in top
