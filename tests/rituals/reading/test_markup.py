"""Slack markup is read away; struck text is withdrawn but remembered."""

from rituals.reading.markup import clean


def test_links_and_channels_become_words() -> None:
    doc = clean("need it on <https://jira.example.com/X-1|OPS-4411> cf <#C02AB|proj>")
    assert doc.text == "need it on OPS-4411 cf #proj"


def test_mentions_stay_as_written_and_are_not_read() -> None:
    """README: owners' text is shown as written; "<!channel>" pings nobody once escaped."""
    for text in (
        "need <@U04ABCD12> and <!channel>",
        "need &lt;@U04ABCD12&gt; and &lt;!channel&gt;",
    ):
        doc = clean(text)
        assert doc.text == "need <@U04ABCD12> and <!channel>"
        assert doc.folded.replace("<", " ").replace(">", " ").split() == ["need", "and"]


def test_a_link_without_label_and_a_bare_url_are_dropped() -> None:
    assert clean("voir <https://x.example.com/a> et https://y.example.com/b ok").text.split() == [
        "voir",
        "et",
        "ok",
    ]


def test_bold_italic_and_code_are_plain_words() -> None:
    assert clean("*GREEN* — _finally_ `progress: 65`").text == "GREEN — finally  progress: 65 "


def test_struck_words_are_withdrawn_and_remembered() -> None:
    doc = clean("~vert~ orange")
    assert "vert" not in doc.text
    assert [words for _, words in doc.struck] == ["vert"]


def test_a_single_tilde_means_about_not_struck() -> None:
    assert clean("~70% d'avancement").text == "~70% d'avancement"


def test_quotes_bullets_and_numbered_lists() -> None:
    doc = clean("> what's blocking you?\n- a\n1. b\nDeux blocages : 1) x 2) y")
    assert [line.strip() for line in doc.text.splitlines()] == [
        "what's blocking you?",
        "• a",
        "• b",
        "Deux blocages :",
        "• x",
        "• y",
    ]


def test_shortcodes_and_entities() -> None:
    assert (
        clean(":large_green_circle: Click &amp; collect :unknown_thing:").text
        == "🟢 Click & collect  "
    )


def test_folding_keeps_positions() -> None:
    doc = clean("Légère dérive – ÇA")
    assert len(doc.folded) == len(doc.text)
    assert doc.folded == "legere derive – ca"
