"""`/arbitrate`: a `|` inside Slack's own markup belongs to its option, never splits it."""

from __future__ import annotations

import pytest

from rituals.arbitration import parse_arbitrate, split_options

COMMITTEES = ("comex", "opscom")


def parsed(text: str) -> tuple[str, tuple[str, ...]]:
    request = parse_arbitrate(text, committees=COMMITTEES, channel_committee="comex")
    return request.question, request.options


CHANNELS = ("<#C0OPS0001|ops>", "<#C0FIN0001|finance>")
LINKS = ("<https://x.example/a|plan A>", "<https://x.example/b|plan B>")
PEOPLE = ("<@U0CEO0001|paul>", "<@U0CFO0001|anne> as lead")
GROUP = ("yes, see <!subteam^S0001|@leads>", "no")


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("Who runs it? | " + " | ".join(CHANNELS), CHANNELS),
        ("Which plan? | " + " | ".join(LINKS), LINKS),
        ("Who leads? | " + " | ".join(PEOPLE), PEOPLE),
        ("Ship? | " + " | ".join(GROUP), GROUP),
    ],
)
def test_a_pipe_inside_slack_markup_stays_in_its_option(
    text: str, options: tuple[str, ...]
) -> None:
    assert parsed(text)[1] == options


def test_a_question_with_a_link_keeps_its_label_and_the_plain_pipes_still_split() -> None:
    question, options = parsed("Adopt <https://wiki.example/rfc|the RFC>? | Yes | No | Later")

    assert question == "Adopt <https://wiki.example/rfc|the RFC>?"
    assert options == ("Yes", "No", "Later")


def test_a_typed_angle_bracket_is_text_and_does_not_protect_a_pipe() -> None:
    # what a person types as "<" reaches the bot as "&lt;": not markup
    assert parsed("Pick one | a &lt; b | c &gt; d")[1] == ("a < b", "c > d")
    assert split_options("a <b | c") == ["a <b ", " c"]


def test_a_committee_named_by_its_channel_still_comes_first() -> None:
    request = parse_arbitrate(
        "<#C0OPS0001|opscom> Which site? | <#C0LYON001|lyon> | <#C0NANT001|nantes>",
        committees=COMMITTEES,
        channel_committee=None,
    )

    assert request.committee == "opscom"
    assert request.options == ("<#C0LYON001|lyon>", "<#C0NANT001|nantes>")
