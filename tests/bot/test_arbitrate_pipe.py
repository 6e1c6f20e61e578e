"""`/arbitrate` through a signed command: options holding Slack markup with `|` stay whole."""

from __future__ import annotations

import json

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import Arbitration

CMO, COMEX = "U0CMO0001", "C0COMEX01"


def test_channel_and_link_options_with_pipes_make_a_two_option_poll(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    text = "Who runs the pilot? | <#C0OPS0001|ops> | <https://wiki.example/fin|finance team>"

    response = bot.command(CMO, "/arbitrate", text, channel=COMEX)

    assert response.status_code == 200
    bot.settled()
    [poll] = bot.rows(Arbitration)
    assert (poll.question, list(poll.options)) == (
        "Who runs the pilot?",
        ["<#C0OPS0001|ops>", "<https://wiki.example/fin|finance team>"],
    )
    [posted] = [m for m in standin.messages(COMEX) if "poll_vote" in json.dumps(m)]
    votes = [b for b in posted["blocks"] if "poll_vote" in json.dumps(b.get("accessory", {}))]
    assert len(votes) == 2
