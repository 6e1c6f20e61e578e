"""The dependency messages in both languages: the question with its buttons, each trouble's
alert, the refusal form read back; people's text escaped."""

from __future__ import annotations

from datetime import date

import pytest

from bot.blocks import dependency as blocks
from bot.text import Mrkdwn
from bot.words import Catalogue, Words
from tests.blockkit import buttons, texts


def words(language: str) -> Words:
    return Catalogue(strict=True).words(language)


def who(user: str) -> Mrkdwn:
    return Mrkdwn({"U0OWNER02": "Owner 2"}.get(user, user))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_question_has_accept_and_refuse_for_each_dependency(language: str) -> None:
    asked = [
        blocks.Asked(7, "Billing <!channel>", "U0OWNER02", "ERP", date(2027, 1, 15)),
        blocks.Asked(8, "Data lake", "U0OWNER02", "ERP", None),
    ]
    payload = blocks.question(words(language), asked, who=who).payload()
    said = texts(payload)
    assert "&lt;!channel&gt;" in said and "<!channel>" not in said
    assert ("Jan 15, 2027" if language == "en" else "15 janv. 2027") in said
    found = [(b["action_id"], b["value"]) for b in buttons(payload)]
    assert found == [
        ("dependency_accept", '{"d":7}'),
        ("dependency_refuse", '{"d":7}'),
        ("dependency_accept", '{"d":8}'),
        ("dependency_refuse", '{"d":8}'),
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("trouble", ["off_track", "blocked", "late", "at_risk"])
def test_each_trouble_reads_as_one_sentence(language: str, trouble: str) -> None:
    message = blocks.alert(
        words(language),
        dependent="Billing",
        provider="ERP",
        owner=Mrkdwn("Owner 1"),
        trouble=trouble,
        needed_by=date(2026, 12, 15),
    )
    said = texts(message.payload())
    assert "*Billing*" in said and "*ERP*" in said and "Owner 1" in said
    if trouble == "late":
        assert ("Dec 15, 2026" if language == "en" else "15 déc. 2026") in said


def test_the_refusal_form_gives_back_its_dependency_and_reason() -> None:
    view = blocks.refusal_form(words("en"), dependency_id=7, dependent="Billing", provider="ERP")
    view["state"] = {"values": {"reason": {"value": {"type": "plain_text_input", "value": " No "}}}}
    assert blocks.read_refusal(view) == (7, "No")
    view["state"] = {"values": {}}
    assert blocks.read_refusal(view) == (7, None)
