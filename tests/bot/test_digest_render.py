"""The weekly digest as Slack shows it: a top message and thread replies that Slack accepts
for a committee of any size, in French and English, with owners' words shown as written."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.models.blocks import Block

from bot.digest_render import BLOCKS_TEXT_MAX, check_message, digest_messages
from bot.render import Renderer, escape_mrkdwn, slack_date
from rituals.digest import Digest, InitiativeLine, build_digest
from tests.bot.test_prompts import mrkdwn_in, plain_in

LANGUAGES = ("en", "fr")
SIZES = (1, 30, 300)
STATUSES = ("on_track", "at_risk", "off_track", "done", None)
HOSTILE = "<!channel> <@U1> & {{ 7*7 }}"
ESCAPED = "&lt;!channel&gt; &lt;@U1&gt; &amp; {{ 7*7 }}"
DEADLINE = slack_date(datetime(2026, 11, 27, 12, 0, tzinfo=UTC))
MISSING_HEADER = {"en": "Missing updates", "fr": "Points hebdo manquants"}
INITIATIVES_HEADER = "Initiatives"


def title_of(n: int) -> str:
    """Unique, none a part of another, with characters Slack needs escaped."""
    return f"Refonte parcours & <onboarding> #{n:03}"


def lines(
    size: int,
    title: Callable[[int], str] = title_of,
    blockers: Callable[[int], str | None] = lambda n: "Juridique & achats <T1>" if n % 3 else None,
) -> list[InitiativeLine]:
    """A committee: every status, some KPIs, gaps in trends, one owner in four silent."""
    return [
        InitiativeLine(
            initiative_id=n,
            title=title(n),
            owner=f"U{n:08}",
            status=STATUSES[n % 5],
            previous_status=STATUSES[(n // 5) % 5],
            progress=(n * 7) % 101,
            kpi_value=None if n % 6 == 0 else 1000.0 + n * 12.5,
            kpi_target=2000.0 if n % 4 else None,
            kpi_unit="k€",
            trend=tuple(None if (n + k) % 5 == 0 else float(k * n % 13) for k in range(8)),
            blockers=blockers(n),
            answered=n % 4 != 1,
        )
        for n in range(1, size + 1)
    ]


def committee(size: int, **shape: Any) -> Digest:
    """The committee's digest; the escalated initiatives are silent ones."""
    members = lines(size, **shape)
    silent = [line for line in members if not line.answered]
    return build_digest(
        "comex",
        "2026-W48",
        members,
        escalations=[
            (line.title, ("silent", "overdue")[n % 2], 1 + n % 3)
            for n, line in enumerate(silent[: size // 10 + 1])
        ],
        decisions=[("Prolonge-t-on le budget ERP & <T1> ?", "Oui, jusqu’à fin mars")] * 3,
        open_polls=[("Recrute-t-on un PMO ?", DEADLINE)] * 2,
    )


@cache
def renderer(language: str) -> Renderer:
    return Renderer(language)


@cache
def rendered(language: str, size: int) -> tuple[dict, list[dict]]:
    return digest_messages(renderer(language), committee(size))


# -- reading messages as Slack would --------------------------------------------------------


def assert_slack_accepts(message: dict) -> None:
    check_message(message)
    for block in message["blocks"]:
        parsed = Block.parse(block)
        assert parsed is not None, f"unknown block {block}"
        # to_dict() validates the block; equality: no key dropped as unknown
        assert parsed.to_dict() == block


def shown(message: dict) -> str:
    """Everything a reader sees in the message, notification text included."""
    return "\n".join([message["text"], *mrkdwn_in(message["blocks"]), *plain_in(message)])


def initiative_sections(message: dict) -> dict[str, str]:
    return {
        block["block_id"]: block["text"]["text"]
        for block in message["blocks"]
        if block.get("block_id", "").startswith("initiative_")
    }


def listed_under(message: dict, header: str) -> list[str]:
    """The section texts following each header that starts with `header`."""
    found, inside = [], False
    for block in message["blocks"]:
        if block["type"] == "header":
            inside = block["text"]["text"].startswith(header)
        elif inside and block["type"] == "section":
            found.append(block["text"]["text"])
    return found


def skeleton(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: skeleton(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [skeleton(item) for item in value]
    return "…" if key == "text" and isinstance(value, str) else value


# -- within Slack's limits, at any size ------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_what_slack_accepts(language: str, size: int) -> None:
    top, replies = rendered(language, size)
    assert replies, "the detail goes in the thread"
    for message in [top, *replies]:
        assert_slack_accepts(message)
    if size == 300:
        assert len(replies) > 1


def whole_thread(language: str, digest: Digest) -> dict:
    """The whole detail rendered as one reply, uncut."""
    return renderer(language).render(
        "digest_detail",
        digest=digest,
        part=1,
        parts=1,
        start=dict.fromkeys(
            ("initiatives", "missing", "escalations", "decisions", "open_polls"), 0
        ),
        initiatives=digest.lines,
        missing=digest.missing,
        escalations=digest.escalations,
        decisions=digest.decisions,
        open_polls=digest.open_polls,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_reply_would_not_hold_a_big_committee(language: str) -> None:
    """What the cutting is for: all 300 initiatives in one reply, Slack would refuse."""
    with pytest.raises(AssertionError, match="blocks, more than 50"):
        check_message(whole_thread(language, committee(300)))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_initiative_is_shown_in_exactly_one_reply(language: str, size: int) -> None:
    digest = committee(size)
    _, replies = rendered(language, size)
    sections = [initiative_sections(reply) for reply in replies]
    order = [block_id for found in sections for block_id in found]
    assert order == [f"initiative_{line.initiative_id}" for line in digest.lines]
    for line in digest.lines:
        title = escape_mrkdwn(line.title)
        assert sum(title in text for found in sections for text in found.values()) == 1
        if line.answered:  # a silent one is listed again, as missing (and maybe escalated)
            assert sum(title in shown(reply) for reply in replies) == 1, line.title


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_missing_updates_are_listed(language: str, size: int) -> None:
    digest = committee(size)
    top, replies = rendered(language, size)
    listed = "\n".join(
        text for reply in replies for text in listed_under(reply, MISSING_HEADER[language])
    )
    assert digest.missing
    for line in digest.lines:
        entry = f"*{escape_mrkdwn(line.title)}* · <@{line.owner}>"
        assert listed.count(entry) == (0 if line.answered else 1), line.title
    assert f"*{len(digest.missing)}*" in shown(top)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_list_cut_across_replies_says_which_part_each_shows(language: str) -> None:
    _, replies = rendered(language, 300)
    headers = [
        block["text"]["text"]
        for reply in replies
        for block in reply["blocks"]
        if block["type"] == "header" and block["text"]["text"].startswith(INITIATIVES_HEADER)
    ]
    ranges = [tuple(int(n) for n in re.findall(r"\d+", header)) for header in headers]
    assert len(ranges) == len([r for r in replies if initiative_sections(r)]) > 1
    assert ranges[0][0] == 1 and ranges[-1][1] == 300
    assert all(shown[2] == 300 for shown in ranges)
    assert all(after[0] == before[1] + 1 for before, after in pairwise(ranges))


@pytest.mark.parametrize("language", LANGUAGES)
def test_replies_are_numbered(language: str) -> None:
    _, replies = rendered(language, 300)
    for n, reply in enumerate(replies, 1):
        context = reply["blocks"][0]["elements"][0]["text"]
        assert context.endswith(f" {n}/{len(replies)}")
        assert reply["text"].endswith(f" {n}/{len(replies)}")


def test_an_empty_committee_gets_a_top_message_and_no_thread() -> None:
    for language in LANGUAGES:
        top, replies = digest_messages(renderer(language), build_digest("comex", "2026-W48", []))
        assert_slack_accepts(top)
        assert replies == []


# -- what each line says --------------------------------------------------------------------


LINE = InitiativeLine(
    initiative_id=7,
    title="Refonte du parcours d’onboarding",
    owner="U0OWNER01",
    status="off_track",
    previous_status="at_risk",
    progress=60,
    kpi_value=1234.5,
    kpi_target=2000.0,
    kpi_unit="jours",
    trend=(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0),
    blockers="validation juridique des CGU",
    answered=True,
)
NUMBERS = {"en": ("1,234.5", "2,000"), "fr": ("1 234,5", "2 000")}


def one_line(language: str, line: InitiativeLine) -> str:
    _, replies = digest_messages(renderer(language), build_digest("comex", "2026-W48", [line]))
    assert len(replies) == 1
    return initiative_sections(replies[0])[f"initiative_{line.initiative_id}"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_line_shows_status_owner_progress_kpi_trend_and_blockers(language: str) -> None:
    text = one_line(language, LINE)
    value, target = NUMBERS[language]
    assert text.startswith("🔴 *Refonte du parcours d’onboarding* · <@U0OWNER01>")
    assert "🟡" in text, "the status of last week"
    assert "*60" in text and value in text and target in text and "jours" in text
    assert "`▁▂▃▄▅▆▇█`" in text
    assert "validation juridique des CGU" in text
    unchanged = one_line(language, replace(LINE, previous_status=None))
    assert "🟡" not in unchanged


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_silent_owner_s_line_says_so_and_an_unknown_trend_shows_no_code(language: str) -> None:
    silent = one_line(language, replace(LINE, answered=False, trend=(None,) * 8, blockers=None))
    assert len(silent.split("\n")) == len(one_line(language, LINE).split("\n"))
    assert "`" not in silent


# -- owners' words as written, within the limits --------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_text_is_escaped(language: str) -> None:
    hostile = build_digest(
        HOSTILE,
        "2026-W48",
        lines(12, title=lambda n: f"{HOSTILE} #{n:03}", blockers=lambda n: HOSTILE),
        escalations=[(HOSTILE, HOSTILE, 2), (HOSTILE, "silent", 3)],
        decisions=[(HOSTILE, HOSTILE)],
        open_polls=[(HOSTILE, DEADLINE)],
    )
    top, replies = digest_messages(renderer(language), hostile)
    everything = [top, *replies]
    for message in everything:
        assert_slack_accepts(message)
        for text in [message["text"], *mrkdwn_in(message["blocks"])]:
            assert "<!channel>" not in text and "<@U1>" not in text, text
            assert not re.search(r"&(?!amp;|lt;|gt;)", text), f"unescaped & in {text!r}"
            assert "&amp;amp;" not in text, "escaped twice"
        for text in plain_in(message):
            assert "&amp;" not in text, f"plain text shows {text!r}"
        evaluated = re.search(r"U1(?:>|&gt;) (?:&|&amp;) (?!\{\{ 7\*7 \}\})", shown(message))
        assert evaluated is None, "a template evaluated the owner's text"
    details = "\n".join(shown(reply) for reply in replies)
    # the committee's name in each reply's text and context; 12 titles and 12 blockers in
    # the lines, the silent ones' titles, 2 escalations and a cause, the decision's question
    # and answer, the poll's question
    silent = len(hostile.missing)
    assert details.count(ESCAPED) == 2 * len(replies) + 12 + 12 + silent + 3 + 2 + 1
    assert ESCAPED in shown(top)
    assert DEADLINE in details, "the bot's own date markup is kept"


FILLERS = {
    "words": "Programme de fidélisation omnicanal & <CRM> ",
    "ampersands": "&",
    "brackets": "<>",
}


@pytest.mark.parametrize("filler", FILLERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_title_and_long_blockers_stay_within_limits(language: str, filler: str) -> None:
    def long(length: int) -> Callable[[int], str]:
        return lambda n: (f"#{n:03} " + FILLERS[filler] * length)[:length]

    digest = build_digest(
        "comex" * 16,
        "2026-W48",
        lines(60, title=long(500), blockers=long(2000)),
        escalations=[(long(500)(n), long(100)(n), 3) for n in range(12)],
        decisions=[(long(2000)(n), long(2000)(n)) for n in range(5)],
        open_polls=[(long(2000)(n), DEADLINE) for n in range(5)],
    )
    top, replies = digest_messages(renderer(language), digest)
    for message in [top, *replies]:
        assert_slack_accepts(message)
    sections = {k: v for reply in replies for k, v in initiative_sections(reply).items()}
    assert len(sections) == 60
    for text in sections.values():
        title, *rest = text.split("\n")
        blockers = next(line for line in rest if line.startswith(":construction:"))
        assert title.count("…") == blockers.count("…") == 1, "the title and blockers are shortened"


# -- both languages -----------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_french_and_english_have_the_same_structure(size: int) -> None:
    """The same blocks and ids; the cuts may differ, as French takes more characters."""
    digest = committee(size)
    english, french = whole_thread("en", digest), whole_thread("fr", digest)
    assert skeleton(french) == skeleton(english)
    assert shown(french) != shown(english), "the French thread is in English"
    (en_top, _), (fr_top, _) = rendered("en", size), rendered("fr", size)
    assert skeleton(fr_top) == skeleton(en_top)
    assert shown(fr_top) != shown(en_top), "the French digest is in English"


# -- the parts an operator may rewrite ----------------------------------------------------------


WORDY = """{
  "text": {{ ("Digest " ~ part)|json }},
  "blocks": [
    {"type": "context", "elements": [{"type": "mrkdwn", "text": {{ (part ~ "/" ~ parts)|json }}}]}
{% for line in initiatives %}
    ,{"type": "section", "block_id": {{ ("initiative_" ~ line.initiative_id)|json }},
      "text": {"type": "mrkdwn", "text": {{ line.title|q }}}}
    ,{"type": "divider"}
    ,{"type": "context", "elements": [{"type": "mrkdwn", "text": {{ line.owner|json }}}]}
{% endfor %}
{% for line in missing %}
    ,{"type": "section", "text": {"type": "mrkdwn", "text": {{ ("Missing: " ~ line.title)|q }}}}
{% endfor %}
{% for item in escalations + decisions + open_polls %}
    ,{"type": "section", "text": {"type": "mrkdwn", "text": {{ item[0]|q }}}}
{% endfor %}
  ]
}"""


def operator_prompts(tmp_path: Path, detail: str) -> Renderer:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "digest_detail.json.j2").write_text(detail, encoding="utf-8")
    return Renderer("en", prompts_dir=tmp_path)


def test_an_operator_s_wordier_thread_is_still_cut_to_fit(tmp_path: Path) -> None:
    digest = committee(300)
    top, replies = digest_messages(operator_prompts(tmp_path, WORDY), digest)
    for message in [top, *replies]:
        assert_slack_accepts(message)
    ids = Counter(block_id for reply in replies for block_id in initiative_sections(reply))
    assert set(ids.values()) == {1} and len(ids) == 300


def test_an_item_too_big_for_any_message_is_refused_with_the_reason(tmp_path: Path) -> None:
    oversized = WORDY.replace("{{ line.title|q }}", "{{ (line.title * 200)|q }}")
    with pytest.raises(ValueError, match=r"does not fit.*\(section\): text has \d+ characters"):
        digest_messages(operator_prompts(tmp_path, oversized), committee(3))


# -- check_message: each limit --------------------------------------------------------------


def section(text: str = "ok", **extra: Any) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}, **extra}


def button(text: str = "Go", value: str = "v") -> dict:
    return {"type": "button", "text": {"type": "plain_text", "text": text}, "value": value}


def context(count: int, text: str = "ok") -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}] * count}


@pytest.mark.parametrize(
    ("blocks", "reason"),
    [
        pytest.param([section()] * 51, "51 blocks, more than 50", id="blocks"),
        pytest.param([], "no blocks", id="no-blocks"),
        pytest.param([section("x" * 3001)], "section.*3001 characters", id="section"),
        pytest.param(
            [section(fields=[{"type": "mrkdwn", "text": "x" * 2001}])], "field has 2001", id="field"
        ),
        pytest.param(
            [{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}],
            "header has 151 characters",
            id="header",
        ),
        pytest.param([context(11)], "11 elements", id="context-elements"),
        pytest.param([context(1, "x" * 3001)], "context text has 3001", id="context-text"),
        pytest.param(
            [{"type": "actions", "elements": [button()] * 26}], "26 elements", id="actions-elements"
        ),
        pytest.param(
            [{"type": "actions", "elements": [button("x" * 76)]}],
            "button text has 76",
            id="button-text",
        ),
        pytest.param(
            [section(accessory=button(value="x" * 2001))], "button value", id="button-value"
        ),
        pytest.param(
            [section(block_id="a"), section(block_id="a")], "block_id used twice", id="block-ids"
        ),
        pytest.param(
            [section("x" * 2500)] * 5, f"more than {BLOCKS_TEXT_MAX} in all", id="text-in-all"
        ),
    ],
)
def test_check_message_names_the_limit_broken(blocks: list[dict], reason: str) -> None:
    with pytest.raises(AssertionError, match=reason):
        check_message({"text": "Weekly digest", "blocks": blocks})


def test_check_message_wants_a_fallback_text() -> None:
    with pytest.raises(AssertionError, match="no fallback text"):
        check_message({"text": " ", "blocks": [section()]})
    with pytest.raises(AssertionError, match="4001 characters"):
        check_message({"text": "x" * 4001, "blocks": [section()]})


def test_check_message_lets_the_limits_themselves_through() -> None:
    check_message(
        {
            "text": "x" * 4000,
            "blocks": [
                section("x" * 3000, block_id="a", accessory=button("x" * 75, "v" * 2000)),
                {"type": "header", "text": {"type": "plain_text", "text": "x" * 150}},
                context(10, "x"),
                {"type": "actions", "elements": [button()] * 25},
                *[section("x", block_id=f"b{n}") for n in range(46)],
            ],
        }
    )
