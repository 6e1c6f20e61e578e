"""The pictures of what people see: the bot's Block Kit drawn as HTML (people's text stays
text), `ritualbot demo --html DIR` writing a page per scene, and Chromium screenshotting one."""

from __future__ import annotations

import re
import shutil
import struct
from html import unescape
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.__main__ import main
from bot.devtools.render import Post, Reader, block, mrkdwn, page
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.text import escape
from tests.blockkit import HOSTILE
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import run_ritual

OWNER = "U0OWNER01"
SCRIPT = "<script>alert(1)</script>"
SCENES = {
    "checkin-prompt": "Weekly check-in · 2026-W48",
    "receipt": "Update recorded for",
    "which-initiative": "Which initiative is this update about?",
    "checkin-form": "Weekly check-in",
    "reminder": "A gentle reminder",
    "poll": "ERP go-live: January or March?",
    "decision": "Stock count in February",
    "digest": "Weekly digest · comex · 2026-W48",
    "home": "Portfolio · 2026-Q4",
    "escalation": "is past its due date",
}
READER = Reader({"U0OWNER01": "Sophie Laurent", "C0COMEX01": "#comex"}, ZoneInfo("Europe/Paris"))


def shown(html: str) -> str:
    """The page's words as a reader sees them (tags and the style sheet dropped)."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_an_owners_script_in_a_title_and_an_answer_stays_text(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("<b>Onboarding</b> & co " + SCRIPT, OWNER))
    run_ritual(bot, "checkin", now=TUESDAY)
    bot.settled()
    # Slack hands the bot a message's text with its three control characters escaped
    bot.dm(OWNER, escape(f"on track, 60%; {SCRIPT} & <!channel>"))
    bot.settled()
    prompt, receipt = standin.messages(OWNER)[0], standin.messages(OWNER)[-1]
    html = page(
        "t", READER, place="dm", posts=[Post("ritualbot", TUESDAY, p) for p in (prompt, receipt)]
    )

    assert "<script" not in html and "<b>Onboarding" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Onboarding&lt;/b&gt; &amp; co" in html
    # the receipt shows the title exactly as the owner wrote it in the roadmap
    assert "Update recorded for <b>Onboarding</b> & co " + SCRIPT in shown(html)
    assert "@channel" not in shown(html)


def test_mrkdwn_is_drawn_and_hostile_text_is_shown_as_written() -> None:
    html = str(mrkdwn("*Due:* _soon_ ~old~ `kpi 4` <@U0OWNER01> in <#C0COMEX01> :wave:", READER))
    assert html == (
        "<b>Due:</b> <i>soon</i> <s>old</s> <code>kpi 4</code> "
        '<span class="mention">@Sophie Laurent</span> in <span class="channel">#comex</span> 👋'
    )
    link = str(mrkdwn("<https://example.com/a?b=1&amp;c=2|the page>", READER))
    assert link == '<a href="https://example.com/a?b=1&amp;c=2">the page</a>'
    # people's text, escaped by the bot as it must be, comes out exactly as they typed it
    hostile = str(mrkdwn(escape(HOSTILE), READER))
    assert "<span" not in hostile and "<a " not in hostile  # no ping, no link
    assert shown(hostile) == HOSTILE.replace("*bold*", "bold")  # Slack bolds it too
    plain = str(block({"type": "header", "text": {"type": "plain_text", "text": SCRIPT}}, READER))
    assert "&lt;script&gt;" in plain and "<script" not in plain
    # what the renderer cannot read is drawn as it can, never a crash
    odd = str(mrkdwn("a \ue0007\ue001 <!date^99999999999999^{date}|later> <@> <>", READER))
    assert "later" in odd and "\ue000" not in odd
    assert "unknown element" in str(block({"type": "input", "label": {"text": "x"}}, READER))
    unknown = str(block({"type": "video", "title": {"type": "plain_text", "text": "x"}}, READER))
    assert "unknown block: video" in unknown


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    assert main(["demo", "--html", str(folder)]) == 0
    return folder


def test_demo_html_writes_a_page_per_scene_and_an_index(pages: Path) -> None:
    written = {p.stem for p in pages.glob("*.html")}
    assert written == {*SCENES, "index"}
    index = (pages / "index.html").read_text(encoding="utf-8")
    for slug, words in SCENES.items():
        assert f'href="{slug}.html"' in index
        html = (pages / f"{slug}.html").read_text(encoding="utf-8")
        # every block and element the builders produced is drawn, none as a placeholder
        assert 'class="unknown"' not in html, slug
        assert words in shown(html), slug
        assert "http" not in html, slug  # nothing to fetch: self-contained
    receipt = shown((pages / "receipt.html").read_text(encoding="utf-8"))
    assert "Thomas Girard" in receipt and "ritualbot APP" in receipt  # the answer, the reply
    assert 'class="dialog"' in (pages / "checkin-form.html").read_text(encoding="utf-8")
    decision = shown((pages / "decision.html").read_text(encoding="utf-8"))
    assert "Thomas Girard" in decision and "U0OWNER02" not in decision  # names, never ids


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.skipif(
    not shutil.which("chromium"), reason="chromium is not installed (apt-get install chromium)"
)
def test_chromium_screenshots_a_page_cropped_to_its_content(pages: Path, tmp_path: Path) -> None:
    from bot.devtools.shoot import WIDTH, shoot

    png = shoot(pages / "escalation.html", tmp_path / "escalation.png")
    width, height = _png_size(png)
    assert width == WIDTH and 120 < height < 400  # one short DM, not a full window
    assert png.stat().st_size < 150_000


def test_the_other_elements_and_blocks_slack_takes_are_drawn() -> None:
    option = {"text": {"type": "plain_text", "text": "Yes"}, "value": "y"}
    elements = [
        {"type": "checkboxes", "options": [option], "initial_options": [option]},
        {"type": "radio_buttons", "options": [option]},
        {"type": "datetimepicker", "initial_date_time": 1795680000},
        {"type": "users_select", "initial_user": "U0OWNER01"},
        {"type": "datepicker", "initial_date": "2027-03-31"},
        {"type": "overflow", "options": [option]},
        {"type": "button", "text": {"type": "plain_text", "text": "Drop"}, "style": "danger"},
    ]
    rich = {
        "type": "rich_text",
        "elements": [
            {
                "type": "rich_text_section",
                "elements": [
                    {"type": "text", "text": SCRIPT, "style": {"bold": True}},
                    {"type": "user", "user_id": "U0OWNER01"},
                ],
            }
        ],
    }
    image = {"type": "image", "image_url": "https://example.com/x.png", "alt_text": "chart"}
    html = "".join(
        str(block(b, READER)) for b in [{"type": "actions", "elements": elements}, rich, image]
    )
    assert 'class="unknown"' not in html and "<script" not in html
    assert "☑ Yes" in html and "○ Yes" in html and "@Sophie Laurent" in html
    assert "2027-03-31" in html and "⋯" in html and 'class="btn danger"' in html
    assert "<b>&lt;script&gt;" in html
    assert "example.com" not in html  # an image is named, never fetched
