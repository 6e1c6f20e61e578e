"""The pieces every builder shares: counting a message's text as Slack does, filling a
message to what it holds, and merging several messages to one person into as few as hold
them, none left out."""

from __future__ import annotations

from bot.blocks import kit
from bot.text import md
from tests.blockkit import check_message, texts, words_in


def test_text_size_counts_what_slack_counts() -> None:
    blocks = [
        kit.header("Weekly check-in"),
        kit.section(md("*ERP* · green")),
        kit.actions(kit.button("Update", "checkin_update", "x" * 500)),  # values are not text
    ]
    payload = kit.Message(md("fallback"), tuple(blocks)).payload()
    assert kit.text_size(blocks) == sum(len(text) for text in words_in(payload["blocks"]))
    assert kit.text_size(blocks) == len("Weekly check-in") + len("*ERP* · green") + len("Update")


def test_a_room_takes_what_fits_and_refuses_the_rest_whole() -> None:
    room = kit.Room(blocks=3, chars=100)
    room.spend([kit.header("h" * 20)])
    assert room.take([kit.section(md("a" * 50))])
    assert not room.take([kit.section(md("b" * 31))]), "29 characters left"
    assert not room.take([kit.divider(), kit.divider()]), "one block left"
    assert (room.blocks, room.chars) == (1, 30)
    assert room.take([kit.section(md("c" * 30))])


def escalation(n: int, chars: int) -> kit.Message:
    return kit.message(
        md(f"case {n}"),
        kit.section(md(f"Case {n}: " + "x" * chars)),
        kit.actions(kit.button("Open", f"open_{n}")),
    )


def test_merged_messages_share_one_message_while_it_holds_them() -> None:
    [merged] = kit.merge([escalation(n, 100) for n in range(5)])
    check_message(merged.payload())
    assert [b["type"] for b in merged.payload()["blocks"]].count("divider") == 4
    assert merged.text == md("case 0")


def test_merged_messages_past_what_a_message_holds_go_on_in_the_next_none_left_out() -> None:
    many = [escalation(n, 2000) for n in range(12)]  # ~24,000 characters in all
    merged = kit.merge(many)
    assert len(merged) >= 3
    for message in merged:
        check_message(message.payload())
    shown = "\n".join(texts(message.payload()) for message in merged)
    assert all(f"Case {n}: " in shown for n in range(12))
    assert merged[0].text == md("case 0") and merged[1].text != merged[0].text


def test_merged_messages_past_the_blocks_a_message_holds_go_on_in_the_next() -> None:
    merged = kit.merge([escalation(n, 10) for n in range(30)])  # 3 blocks each with its divider
    assert [len(m.blocks) for m in merged] == [50, 38]
    assert sum(len(texts(m.payload()).split("Case ")) - 1 for m in merged) == 30
