"""A decision as a commitment in Slack — the follow-up controls, the Blocked form, the overdue
messages of each level and the review — within Slack's limits, in both languages, whatever
people wrote, pinging nobody."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.blocks import commitment
from bot.blocks.commitment import Followed
from bot.ids import Action
from bot.text import channel
from rituals.escalation import Audience
from tests.blockkit import HOSTILE, assert_pings_nobody, check_message, check_view, texts
from tests.bot.blocks.test_poll import LANGUAGES, display_name, words

LONG = "&" * 2000
DECIDED = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def followed(said: str, blocked: str | None = None, n: int = 7) -> Followed:
    return Followed(
        id=n,
        question=said,
        decision=said[:500],
        due=date(2026, 12, 4),
        decided_at=DECIDED,
        decided_by="U0CMO0001",
        follow_up_owner="U0OWNER02",
        committee="comex",
        blocked=blocked,
    )


SAID = {"realistic": "Extend the ERP budget?", "hostile": HOSTILE, "longest": LONG}


@pytest.mark.parametrize("said", list(SAID))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_fits_and_pings_nobody(language: str, said: str) -> None:
    w, text = words(language), SAID[said]
    many = [followed(text, blocked=text if n % 2 else None, n=n) for n in range(12)]
    queue = w.md("escalation-queue", committee=channel("C0COMEX01"))
    rendered = [commitment.asked(w, many).payload()]
    for level, audience in ((1, Audience.OWNER), (2, Audience.OWNER_TOLD), (2, Audience.CMO)):
        message = commitment.overdue(
            w, many[1], audience, who=display_name, level=level, queue=queue
        )
        rendered.append(message.payload())
    top = commitment.overdue(w, many[1], Audience.CMO, who=display_name, level=3, queue=queue)
    rendered.append(top.payload())
    rendered.append(commitment.review(w, many[0], who=display_name).payload())
    for keep in (True, False):
        done = commitment.reviewed(
            w, many[0], who=display_name, by="U0CEO0001", keep=keep, queue=queue
        )
        rendered.append(done.payload())
    for message in rendered:
        check_message(message)
        if said == "hostile":
            assert assert_pings_nobody(message) > 0
    if said != "longest":
        assert "<#C0COMEX01>" in texts(rendered[4])  # level 3 names the queue
    view = commitment.blocked_form(w, many[1])
    check_view(view)
    assert view["callback_id"] == "decision_blocked_modal"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_controls_are_done_a_new_date_and_blocked(language: str) -> None:
    block = commitment.controls(words(language), 7, due=date(2026, 12, 4)).to_dict()
    assert block["block_id"] == "decision_7"
    ids = [e["action_id"] for e in block["elements"]]
    assert ids == [Action.DECISION_DONE, Action.DECISION_NEW_DATE, Action.DECISION_BLOCKED]
    assert block["elements"][1]["initial_date"] == "2026-12-04"
    review = commitment.review(words(language), followed("Q?"), who=display_name).payload()
    actions = next(b for b in review["blocks"] if b["type"] == "actions")
    assert [e["action_id"] for e in actions["elements"]] == [
        Action.DECISION_KEEP,
        Action.DECISION_REVISIT,
    ]
