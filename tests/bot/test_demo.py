"""`ritualbot demo` runs the real code paths offline and shows what each person sees."""

from __future__ import annotations

import io

from bot.__main__ import main
from bot.devtools.demo import run_demo


def test_the_demo_tells_the_week_as_people_see_it() -> None:
    out = io.StringIO()
    assert run_demo(out=out) == 0
    text = out.getvalue()
    assert "9 initiatives created" in text
    # every owner was asked once (one prompt shown, six in a line), answers were understood,
    # the reminder went to those who still owe one
    assert text.count("Weekly check-in · 2026-W48") == 1
    assert text.count("→ ritualbot posts to") == 6
    assert "🟢 On track · progress 60%" in text and "Blockers: le juridique" in text
    # two initiatives answered in one message: one receipt for both
    both = text.split("Update recorded for ERP phase 2")[1].split("💬")[0]
    assert "Update recorded for Référentiel client unique" in both and "ritualbot →" not in both
    assert "Which initiative is this update about?" in text
    assert "I could not read an update in that message" in text
    assert "┌ Weekly check-in ┐" in text
    assert "Skipped for 2026-W48" in text
    assert "do not own any initiative" in text
    assert text.count("A gentle reminder") == 2
    assert "6 check-ins recorded" in text
    # the arbitration: a poll, votes, a refusal, the result, the decision, the monthly agenda
    assert "Poll posted in #comex" in text
    assert "Only members of comex vote here" in text
    assert "Result: B. March with 2 of 2 votes." in text
    assert "┌ Record decision ┐" in text
    assert "Monthly arbitration · opscom · 2026-12" in text
    assert "A. Approve: Hire an external recruiter for Q1?" in text
    assert "→ March (January: 0; March: 2" in text
    # the Friday digest per committee, and the CMO's Home tab
    assert "Weekly digest · comex · 2026-W48" in text and "Weekly digest · opscom" in text
    assert "1 of 4 updates missing this week · 1 skipped" in text  # a skip is not missing
    assert "No update this week (1)" in text
    assert "Claire Moreau’s Home tab" in text and "Portfolio · 2026-Q4" in text


def test_the_demo_speaks_french_on_request(capsys) -> None:
    assert main(["demo", "--language", "fr"]) == 0
    text = capsys.readouterr().out
    # what people see in Slack is in French, numbers written the French way
    assert "Point hebdo · 2026-W48" in text
    assert (
        "Point enregistré pour ERP phase 2" in text and "avancement 60\N{NO-BREAK SPACE}%" in text
    )
    assert "Pour quelle initiative est ce point ?" in text
    assert "Résultat : B. March, avec 2 votes sur 2." in text
    assert "Synthèse hebdomadaire · comex · 2026-W48" in text
    # and none of it in English
    for english in ("Weekly check-in ·", "Update recorded", "A gentle reminder", "Result:"):
        assert english not in text, english
