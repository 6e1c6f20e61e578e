"""`review export`'s page, from a real database: one self-contained, well-formed HTML page
with a chart per measured KPI, owners' words escaped, in English and in French."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, event
from sqlmodel import Session

from bot.review_html import load_review, review_html
from rituals.db import make_engine, migrate
from rituals.models import CheckIn, CheckinPrompt, Decision, Escalation, Initiative
from rituals.review import QuarterReview

QUARTER = "2026-Q4"
PARIS = ZoneInfo("Europe/Paris")
HOSTILE_TITLE = "Delivery <script>alert('x')</script> & speed"
HOSTILE_QUESTION = "Budget <script>alert(2)</script> & more?"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """Reads the page and notes what a browser would be lenient about: unclosed or
    mismatched tags, and every element with its attributes."""

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

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.open[-1] if self.open else None}>")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def tags(self) -> Counter[str]:
        return Counter(tag for tag, _ in self.elements)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.elements if name == tag]


def at(day: int, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=UTC)


def seed(engine: Engine) -> None:
    """Two charted KPIs (3 and 2 weeks), one with a single value, one never measured, a
    previous quarter's initiative, and a decision in and out of the quarter."""
    with Session(engine) as session:
        delivery = add(session, HOSTILE_TITLE, "comex", 45.0, 30.0, "Ship faster & cheaper")
        nps = add(session, "Customer NPS", "comex", 20.0, 40.0, "Ship faster & cheaper")
        single = add(session, "Warehouse move", "opscom", 10.0, 12.0, "Cut costs")
        add(session, "Hiring plan", None, None, None, "Grow the team")
        old = add(session, "Last quarter's pilot", "comex", 1.0, 2.0, "Old", quarter="2026-Q3")
        for week, value in (("2026-W41", 44.0), ("2026-W43", 41.5), ("2026-W45", 36.0)):
            answer(session, delivery, week, value, "at_risk")
        answer(session, delivery, "2026-W45", 20.0, "on_track", current=False)
        for week in ("2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45"):
            session.add(
                CheckinPrompt(
                    initiative_id=delivery,
                    period=week,
                    owner="U0OWNER01",
                    message_key=f"checkin:{week}:initiative:{delivery}",
                    skipped_at=at(2) if week == "2026-W44" else None,
                )
            )
        answer(session, nps, "2026-W42", 25.0, "on_track")
        answer(session, nps, "2026-W47", 31.0, "on_track")
        answer(session, single, "2026-W44", 11.0, "off_track")
        answer(session, old, "2026-W30", 1.5, "done")
        answer(session, old, "2026-W31", 1.8, "done")
        session.add(Escalation(initiative_id=delivery, cause="off_track", opened_at=at(10)))
        session.add(decide("comex", HOSTILE_QUESTION, "Go & hire", at(3)))
        session.add(decide("comex", "An old question", "No", at(3, month=9)))
        session.commit()


def add(
    session: Session,
    title: str,
    committee: str | None,
    baseline: float | None,
    target: float | None,
    objective: str,
    *,
    quarter: str = QUARTER,
) -> int:
    initiative = Initiative(
        title=title,
        objective=objective,
        kpi_name="Lead time" if baseline == 45.0 else "Score",
        kpi_unit="days" if baseline == 45.0 else "",
        kpi_baseline=baseline,
        kpi_target=target,
        owner="U0OWNER01",
        committee=committee,
        quarter=quarter,
    )
    session.add(initiative)
    session.flush()
    assert initiative.id is not None
    return initiative.id


def answer(
    session: Session, initiative_id: int, period: str, kpi: float, status: str, current: bool = True
) -> None:
    session.add(
        CheckIn(
            initiative_id=initiative_id,
            period=period,
            kpi_value=kpi,
            status=status,
            is_current=current,
            source="message",
            author="U0OWNER01",
        )
    )
    session.flush()


def decide(committee: str, question: str, decision: str, when: datetime) -> Decision:
    return Decision(
        committee=committee,
        question=question,
        decision=decision,
        decided_by="U0CMO0001",
        follow_up_owner="U0OWNER01",
        due=date(2026, 12, 15),
        decided_at=when,
    )


@pytest.fixture
def engine(sqlite_url: str) -> Engine:
    engine = make_engine(sqlite_url)
    migrate(engine)
    seed(engine)
    return engine


@pytest.mark.parametrize("language", ["en", "fr"])
def test_one_self_contained_well_formed_page(engine: Engine, language: str) -> None:
    html = review_html(load_review(engine, QUARTER, tz=PARIS), language=language)
    page = Page(html)

    assert page.errors == []
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert page.all("html") == [{"lang": language}]
    tags = page.tags()
    assert tags["svg"] == 2  # the two KPIs measured at least twice
    assert tags["style"] == 1
    assert not {"link", "script", "img", "iframe", "object"} & set(tags)
    assert not [attrs for _, attrs in page.elements if "src" in attrs or "href" in attrs]
    for reference in ("http://", "https://", "url(", "@import"):
        assert reference not in html


def test_charts_plot_each_week_with_target_and_baseline(engine: Engine) -> None:
    page = Page(review_html(load_review(engine, QUARTER, tz=PARIS), language="en"))

    lines = sorted(len(str(p["points"]).split()) for p in page.all("polyline"))
    assert lines == [2, 3]
    assert len(page.all("circle")) == 5
    targets = [line for line in page.all("line") if line.get("class") == "target"]
    assert len(targets) == 2
    assert all(line.get("stroke-dasharray") for line in targets)
    assert len([line for line in page.all("line") if line.get("class") == "baseline"]) == 2
    text = "".join(page.text)
    assert "days" in text  # the unit labels the axis
    assert "2026-W41" in text and "2026-W45" in text


def test_owners_words_are_escaped(engine: Engine) -> None:
    html = review_html(load_review(engine, QUARTER, tz=PARIS), language="en")
    page = Page(html)

    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; speed" in html
    assert "Go &amp; hire" in html
    text = "".join(page.text)
    assert HOSTILE_TITLE in text  # shown as written
    assert HOSTILE_QUESTION in text


def test_the_quarter_in_english(engine: Engine) -> None:
    html = review_html(load_review(engine, QUARTER, tz=PARIS), language="en")
    text = " ".join(" ".join(Page(html).text).split())

    assert "Quarterly review — 2026-Q4" in text
    assert "Committee: comex" in text and "Committee: opscom" in text
    assert "Without a committee" in text
    assert "Objective: Ship faster & cheaper" in text
    assert "45 → 30" in text
    assert "41.5" in text
    assert "60%" in text  # 45 → 36 of the way to 30
    assert "75%" in text  # 3 answers to 4 prompts (one week skipped)
    assert "At risk" in text and "Off track" in text
    assert "Decision log" in text and "2026-11-03" in text
    assert "Last quarter's pilot" not in text
    assert "An old question" not in text


def test_the_quarter_in_french(engine: Engine) -> None:
    html = review_html(load_review(engine, QUARTER, tz=PARIS), language="fr")
    text = " ".join(" ".join(Page(html).text).split())

    assert "Revue trimestrielle — 2026-Q4" in text
    assert "Comité : comex" in text and "Sans comité" in text
    assert "Journal des décisions" in text
    assert "Vous trouverez" in text
    assert "41,5" in text and "41.5" not in text
    assert "60\u00a0%" in html  # a no-break space before the sign
    assert "À risque" in text and "En retard" in text
    assert "03/11/2026" in text
    for english in ("Quarterly review", "Decision log", "Committee", "Objective:", "At risk"):
        assert english not in text


def test_an_operators_template_wins(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "prompts" / "en").mkdir(parents=True)
    (tmp_path / "prompts" / "en" / "review.html.j2").write_text(
        "<p>Ours: {{ quarter }} {{ decisions[0].question }}</p>"
    )
    review = load_review(engine, QUARTER, tz=PARIS)
    html = review_html(review, language="en", prompts_dir=tmp_path / "prompts")
    assert html == "<p>Ours: 2026-Q4 Budget &lt;script&gt;alert(2)&lt;/script&gt; &amp; more?</p>"


def test_load_review_makes_the_same_few_queries_for_a_larger_roadmap(engine: Engine) -> None:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", count)
    small = load_review(engine, QUARTER)
    few = len(statements)
    with Session(engine) as session:
        for n in range(30):
            initiative = add(session, f"More {n}", "comex", 1.0, 2.0, "More")
            answer(session, initiative, "2026-W42", 1.5, "on_track")
        session.commit()
    statements.clear()
    larger = load_review(engine, QUARTER)

    assert len(statements) == few <= 5

    def size(review: QuarterReview) -> int:
        return sum(len(rows) for rows in review.committees.values())

    assert size(larger) == size(small) + 30
