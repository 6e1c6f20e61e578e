"""The quarterly review page: one self-contained, well-formed HTML page from one template for
every language, a chart per KPI measured twice or more, people's words escaped."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event
from sqlmodel import Session

from bot.pages.review import chart, review_page
from bot.services.review import load_review
from bot.words import Catalogue, Words
from rituals.db import Database, make_engine, migrate
from rituals.models import CheckinPrompt, Decision, Escalation
from rituals.review import DecisionLine, InitiativeReview, KpiPoint, QuarterReview
from tests.factories import answer, seed

LANGUAGES = ("en", "fr")
PARIS = ZoneInfo("Europe/Paris")
HOSTILE_TITLE = "Delivery <script>alert('x')</script> & speed"
HOSTILE_QUESTION = "Budget <script>alert(2)</script> & more?"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """The page as a browser reads it, noting what it would have to be lenient about."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()
        self.errors += [f"<{tag}> never closed" for tag in self.open]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.open[-1] if self.open else None}>")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.elements if name == tag]

    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def initiative(
    n: int, title: str, points: list[tuple[str, float]], **extra: object
) -> InitiativeReview:
    values: dict[str, object] = dict(
        initiative_id=n,
        title=title,
        objective="Ship faster & cheaper",
        owner="U0OWNER01",
        committee="comex",
        kpi_name="Lead time",
        kpi_unit="days",
        baseline=45.0,
        target=30.0,
        achieved=points[-1][1] if points else None,
        reached=0.6,
        status="at_risk",
        completion=0.75,
        escalations=1,
        points=tuple(KpiPoint(period, value) for period, value in points),
    )
    return InitiativeReview(**(values | extra))


REVIEW = QuarterReview(
    quarter="2026-Q4",
    committees={
        "comex": [
            initiative(
                1, HOSTILE_TITLE, [("2026-W41", 44.0), ("2026-W43", 41.5), ("2026-W45", 36.0)]
            ),
            initiative(2, "Customer NPS", [("2026-W42", 21.0), ("2026-W46", 1234.5)], kpi_unit=""),
        ],
        "opscom": [initiative(3, "Warehouse move", [("2026-W44", 11.0)], status="off_track")],
        "": [initiative(4, "Hiring plan", [], status=None, reached=None, completion=None)],
    },
    decisions=(
        DecisionLine(
            decided_at=datetime(2026, 11, 3, 10, 0, tzinfo=PARIS),
            committee="comex",
            question=HOSTILE_QUESTION,
            decision="Go & hire",
            follow_up_owner="U0OWNER01",
            due=date(2026, 12, 1),
        ),
    ),
    summary={"on_track": 0, "at_risk": 2, "off_track": 1, "done": 0, "unknown": 1},
)
CHARTED = [r for rows in REVIEW.committees.values() for r in rows if len(r.points) >= 2]


@cache
def words(language: str) -> Words:
    return Catalogue(strict=True).words(language)


@cache
def page(language: str) -> str:
    return review_page(REVIEW, words(language), {"U0OWNER01": "Marie Curie"})


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_self_contained_well_formed_page(language: str) -> None:
    html = page(language)
    parsed = Page(html)
    assert parsed.errors == []
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert parsed.all("html") == [{"lang": language}]
    tags = Counter(tag for tag, _ in parsed.elements)
    assert tags["style"] == 1
    assert not {"link", "script", "img", "iframe", "object"} & set(tags)
    for _, attrs in parsed.elements:
        for key in ("src", "href"):
            assert not re.match(r"\s*https?://", attrs.get(key) or ""), attrs
    for reference in ("http://", "https://", "url(", "@import"):
        assert reference not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_polyline_per_kpi_measured_twice_or_more(language: str) -> None:
    parsed = Page(page(language))
    lines = parsed.all("polyline")
    assert CHARTED and len(lines) == len(CHARTED) == len(parsed.all("svg"))
    counts = sorted(len(str(line["points"]).split()) for line in lines)
    assert counts == sorted(len(r.points) for r in CHARTED) and min(counts) >= 2
    assert len(parsed.all("circle")) == sum(len(r.points) for r in CHARTED)
    for kind in ("target", "baseline"):
        assert len([x for x in parsed.all("line") if x.get("class") == kind]) == len(CHARTED)
    assert chart(REVIEW.committees["opscom"][0]) is None, "one value draws no line"
    assert all(x.get("stroke-dasharray") for x in parsed.all("line") if x.get("class") == "target")
    text = Page(page(language)).words()
    assert "days" in text, "the unit labels the axis"
    assert "2026-W41" in text and "2026-W45" in text, "the first and last weeks under the axis"


@pytest.mark.parametrize("language", LANGUAGES)
def test_people_s_words_are_escaped_and_shown_as_written(language: str) -> None:
    html = page(language)
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; speed" in html
    assert "Go &amp; hire" in html
    text = Page(html).words()
    assert HOSTILE_TITLE in text and HOSTILE_QUESTION in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_people_are_shown_by_name(language: str) -> None:
    text = Page(page(language)).words()
    assert "Marie Curie" in text and "U0OWNER01" not in text
    unnamed = Page(review_page(REVIEW, words(language))).words()
    assert "U0OWNER01" in unnamed, "without a name, the id"


EXPECTED = {
    "en": (
        "Quarterly review — 2026-Q4",
        "Committee: comex",
        "Without a committee",
        "Objective: Ship faster & cheaper",
        "45 → 30",
        "41.5",
        "1,234.5",
        "60%",
        "75%",
        "At risk",
        "Off track",
        "Decision log",
        "Nov 3, 2026",
    ),
    "fr": (
        "Revue trimestrielle — 2026-Q4",
        "Comité : comex",
        "Sans comité",
        "Objectif : Ship faster & cheaper",
        "41,5",
        "1\u202f234,5",
        "60\u00a0%",
        "À risque",
        "En retard",
        "Journal des décisions",
        "3 nov. 2026",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_speaks_its_language(language: str) -> None:
    text = Page(page(language)).words()
    for expected in EXPECTED[language]:
        assert " ".join(expected.split()) in text, expected
    if language == "fr":
        for english in ("Quarterly review", "Decision log", "Committee", "Objective:", "At risk"):
            assert english not in text
        assert "41.5" not in text


# -- the page of a stored quarter ----------------------------------------------------------


def at(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 9, 0, tzinfo=UTC)


@pytest.fixture
def stored(sqlite_url: str) -> Iterator[Database]:
    """A charted KPI answered 3 weeks of 4 asked (one skipped), an answer replaced, a
    previous quarter's initiative, and decisions in and out of the quarter."""
    engine = make_engine(sqlite_url)
    migrate(engine)
    delivery, old = seed(
        engine,
        {"title": HOSTILE_TITLE, "owner": "U0OWNER01", "kpi_baseline": 45.0, "kpi_target": 30.0},
        {"title": "Last quarter's pilot", "owner": "U0OWNER01", "quarter": "2026-Q3"},
        kpi_name="Lead time",
        kpi_unit="days",
    )
    assert delivery.id and old.id
    with Session(engine) as session:
        for week, value in (("2026-W41", 44.0), ("2026-W43", 41.5), ("2026-W45", 36.0)):
            session.add(answer(delivery.id, week, kpi_value=value, status="at_risk"))
        session.add(answer(delivery.id, "2026-W45", kpi_value=20.0, is_current=False))
        session.add(answer(old.id, "2026-W30", kpi_value=1.5, status="done"))
        for week in ("2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45"):
            session.add(
                CheckinPrompt(
                    initiative_id=delivery.id,
                    period=week,
                    owner="U0OWNER01",
                    message_key=f"checkin:{week}:initiative:{delivery.id}",
                    created_at=at(1),
                    skipped_at=at(2) if week == "2026-W44" else None,
                )
            )
        session.add(
            Escalation(
                initiative_id=delivery.id, cause="off_track", opened_at=at(10), raised_at=at(10)
            )
        )
        for question, when in ((HOSTILE_QUESTION, at(3)), ("An old question", at(3, month=9))):
            session.add(
                Decision(
                    committee="comex",
                    question=question,
                    decision="Go & hire",
                    decided_by="U0CMO0001",
                    decided_at=when,
                )
            )
        session.commit()
    yield Database(engine)
    engine.dispose()


def test_the_page_of_a_stored_quarter_shows_that_quarter_only(stored: Database) -> None:
    text = Page(review_page(load_review(stored, "2026-Q4", tz=PARIS), words("en"))).words()
    assert HOSTILE_TITLE in text and HOSTILE_QUESTION in text
    assert "45 → 30" in text and "36" in text
    assert "60%" in text, "45 → 36, of the way to 30"
    assert "75%" in text, "3 answers to the 4 weeks asked and not skipped"
    assert "Last quarter's pilot" not in text and "An old question" not in text


def test_a_larger_roadmap_is_read_with_the_same_few_queries(stored: Database) -> None:
    statements: list[str] = []

    def count(*args: Any) -> None:
        if args[2].lstrip().upper().startswith("SELECT"):  # not the session's BEGIN, PRAGMA
            statements.append(args[2])

    def sized() -> tuple[int, int]:
        statements.clear()
        event.listen(stored.engine, "before_cursor_execute", count)
        try:
            review = load_review(stored, "2026-Q4", tz=PARIS)
        finally:
            event.remove(stored.engine, "before_cursor_execute", count)
        return len(statements), sum(len(rows) for rows in review.committees.values())

    few, small = sized()
    more = seed(stored.engine, *((f"More {n}", "U0OWNER02") for n in range(30)))
    with Session(stored.engine) as session:
        session.add_all(answer(i.id or 0, "2026-W42", kpi_value=1.5) for i in more)
        session.commit()
    many, larger = sized()
    assert many == few <= 5 and larger == small + 30


def test_an_operator_s_reworded_sentence_shows_in_the_page(tmp_path: Path) -> None:
    for language, heading in (("en", "Our quarter"), ("fr", "Notre trimestre")):
        (tmp_path / language).mkdir()
        (tmp_path / language / "ours.ftl").write_text(
            f"review-page-heading = {heading} — {{ $quarter }}\n", encoding="utf-8"
        )
    operator = Catalogue(tmp_path, strict=True)
    for language, heading in (("en", "Our quarter — 2026-Q4"), ("fr", "Notre trimestre — 2026-Q4")):
        text = Page(review_page(REVIEW, operator.words(language))).words()
        assert heading in text and "Quarterly review — 2026-Q4" not in text
        assert EXPECTED[language][2] in text, "the sentences it does not define are packaged ones"
