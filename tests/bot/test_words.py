"""The message catalogue: both languages say the same things, an operator's partial catalogue
wins where it speaks, and a broken one is refused naming file, line and message id."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.catalogue import LANGUAGES, PACKAGED, CatalogueError, check_catalogue, read_folder
from bot.devtools.standin import SlackStandIn
from bot.text import Mrkdwn
from bot.words import Catalogue, WordsError
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import run_ritual, running_bot

PACKAGED_ENTRIES = read_folder(PACKAGED).entries


def test_the_packaged_catalogue_reads_without_a_problem() -> None:
    assert read_folder(PACKAGED).problems == []
    assert sorted(PACKAGED_ENTRIES) == sorted(LANGUAGES)


def test_every_language_has_the_same_messages_with_the_same_placeholders() -> None:
    english = PACKAGED_ENTRIES["en"]
    assert len(english) > 300
    for language in LANGUAGES:
        other = PACKAGED_ENTRIES[language]
        assert sorted(other) == sorted(english), language
        for name, entry in english.items():
            assert other[name].variables == entry.variables, (language, name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_formats_with_the_placeholders_it_declares(language: str) -> None:
    words = Catalogue(strict=True).words(language)
    checked = 0
    for name, entry in PACKAGED_ENTRIES[language].items():
        if name.startswith("-"):
            continue
        args = {variable: 1 for variable in entry.variables}
        assert words.text(name, **args).strip(), name
        checked += 1
    assert checked > 300


def test_a_missing_placeholder_is_a_loud_error_in_strict_mode() -> None:
    words = Catalogue(strict=True).words("en")
    with pytest.raises(WordsError, match="checkin-chosen"):
        words.md("checkin-chosen")


def test_peoples_text_is_escaped_in_mrkdwn_and_shown_as_written_in_plain_text() -> None:
    words = Catalogue(strict=True).words("en")
    hostile = "<!channel> & <@U0X>"
    said = words.md("checkin-chosen", title=hostile)
    assert "&lt;!channel&gt; &amp; &lt;@U0X&gt;" in said and "<!" not in said
    assert words.md("checkin-chosen", title=Mrkdwn("*bold*")) == "Recorded for **bold**."
    assert hostile in words.text("checkin-chosen-fallback", title=hostile)


@pytest.mark.parametrize(
    ("language", "number", "percent", "thousands"),
    [("en", "4.5", "4.5%", "1,234.5"), ("fr", "4,5", "4,5\u00a0%", "1\u202f234,5")],
)
def test_numbers_are_written_the_languages_way(
    language: str, number: str, percent: str, thousands: str
) -> None:
    words = Catalogue().words(language)
    assert (words.num(4.5), words.pct(4.5), words.num(1234.5)) == (number, percent, thousands)


@pytest.mark.parametrize(("share", "shown"), [(100 / 3, "33.3%"), (0.1 + 0.2, "0.3%"), (60, "60%")])
def test_a_share_is_shown_to_a_tenth_never_with_float_noise(share: float, shown: str) -> None:
    assert Catalogue().words("en").pct(share) == shown


def override(tmp_path: Path, files: dict[str, str]) -> Path:
    """An operator's prompts_dir holding `files` (`en/x.ftl` → text)."""
    folder = tmp_path / "prompts"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_reworded_sentence_in_both_languages_wins_over_the_packaged_one(tmp_path: Path) -> None:
    folder = override(
        tmp_path,
        {
            "en/ours.ftl": 'checkin-chosen = Noted "for" *{ $title }*, thanks!\n',
            "fr/nous.ftl": "checkin-chosen = C'est noté pour *{ $title }*, merci !\n",
        },
    )
    assert check_catalogue(folder) == []
    catalogue = Catalogue(folder, strict=True)
    assert catalogue.words("en").md("checkin-chosen", title="ERP") == 'Noted "for" *ERP*, thanks!'
    assert (
        catalogue.words("fr").md("checkin-chosen", title="ERP") == "C'est noté pour *ERP*, merci !"
    )
    # the messages it does not define keep the packaged words
    assert catalogue.words("en").text("checkin-form-title") == "Weekly check-in"


@pytest.mark.parametrize(
    ("files", "line", "message_id", "what"),
    [
        pytest.param(
            {"en/a.ftl": "checkin-chosen = Fine\ncheckin-which = { $title\n"},
            2,
            "checkin-which",
            "syntax error",
            id="syntax",
        ),
        pytest.param(
            {"en/a.ftl": "checkin-chosn = Recorded\n", "fr/a.ftl": "checkin-chosn = Noté\n"},
            1,
            "checkin-chosn",
            'did you mean "checkin-chosen"',
            id="unknown-id",
        ),
        pytest.param(
            {
                "en/a.ftl": "checkin-chosen = For { $initiative }\n",
                "fr/a.ftl": "checkin-chosen = Pour { $title }\n",
            },
            1,
            "checkin-chosen",
            "$initiative is not passed by the bot; this message gets $title",
            id="placeholder",
        ),
        pytest.param(
            {"en/a.ftl": "checkin-chosen = Recorded for { $title }\n"},
            1,
            "checkin-chosen",
            "missing language: defined in en but not in fr",
            id="missing-language",
        ),
        pytest.param(
            {
                "en/a.ftl": "checkin-chosen = <!channel> { $title }\n",
                "fr/a.ftl": "checkin-chosen = { $title }\n",
            },
            1,
            "checkin-chosen",
            "notifies a whole channel",
            id="mass-mention",
        ),
        pytest.param(
            {"de/a.ftl": "checkin-chosen = Erfasst { $title }\n"},
            0,
            None,
            'unknown language "de"',
            id="unknown-language",
        ),
        pytest.param(
            {
                "en/a.ftl": "checkin-chosen = A { $title }\n",
                "en/b.ftl": "checkin-chosen = B { $title }\n",
                "fr/a.ftl": "checkin-chosen = A { $title }\n",
            },
            1,
            "checkin-chosen",
            "defined twice",
            id="twice",
        ),
    ],
)
def test_a_broken_catalogue_is_refused_naming_file_line_and_message_id(
    tmp_path: Path, files: dict[str, str], line: int, message_id: str | None, what: str
) -> None:
    folder = override(tmp_path, files)
    problems = check_catalogue(folder)
    assert problems, "the broken catalogue passed the check"
    problem = next(p for p in problems if what in p.what)  # en's before fr's
    assert (problem.line, problem.message_id) == (line, message_id)
    assert str(problem).startswith(str(problem.file))
    with pytest.raises(CatalogueError, match=re.escape(what.split(":")[0])):
        Catalogue(folder)


def test_prompts_export_then_check_is_clean_and_a_broken_copy_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    assert main(["prompts", "export", str(folder)]) == 0
    assert sorted(p.name for p in (folder / "fr").glob("*.ftl")) == sorted(
        p.name for p in (PACKAGED / "fr").glob("*.ftl")
    )
    assert main(["prompts", "check", str(folder)]) == 0
    assert "valid" in capsys.readouterr().out

    broken = folder / "en" / "checkin.ftl"
    broken.write_text(broken.read_text(encoding="utf-8").replace("{ $title }", "{ $titre }", 1))
    assert main(["prompts", "check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:" in err and "$titre is not passed by the bot" in err


def test_prompts_export_of_one_language(tmp_path: Path) -> None:
    assert main(["prompts", "export", str(tmp_path / "fr-only"), "--language", "fr"]) == 0
    assert sorted(p.name for p in (tmp_path / "fr-only").iterdir()) == ["fr"]


def test_the_bot_refuses_to_start_on_a_broken_catalogue(
    tmp_path: Path,
    environ: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = override(tmp_path, {"en/a.ftl": "checkin-chosen = { $title\n"})
    config = Path(environ["RITUALBOT_CONFIG"])
    config.write_text(f'prompts_dir = "{folder}"\n' + config.read_text(encoding="utf-8"))
    for key, value in environ.items():
        monkeypatch.setenv(key, value)

    assert main(["ritual", "run", "checkin"]) == 2
    err = capsys.readouterr().err
    assert f"{folder / 'en' / 'a.ftl'}:1: checkin-chosen: syntax error" in err
    assert len(err.strip().splitlines()) == 2  # the count, then the problem: no traceback


def test_a_copy_of_the_catalogue_in_the_package_matches_the_source(tmp_path: Path) -> None:
    """`prompts export` copies what the bot reads, byte for byte."""
    target = tmp_path / "copy"
    shutil.copytree(PACKAGED / "en", target / "en")
    shutil.copytree(PACKAGED / "fr", target / "fr")
    assert check_catalogue(target) == []


def test_a_reworded_sentence_shows_up_in_slack(
    tmp_path: Path, environ: dict[str, str], standin: SlackStandIn
) -> None:
    folder = override(
        tmp_path,
        {
            "en/ours.ftl": "checkin-prompt-header = Your Monday word, { $period }\n",
            "fr/nous.ftl": "checkin-prompt-header = Votre point du lundi, { $period }\n",
        },
    )
    config = Path(environ["RITUALBOT_CONFIG"])
    config.write_text(f'prompts_dir = "{folder}"\n' + config.read_text(encoding="utf-8"))
    with running_bot(environ, standin, clock=lambda: TUESDAY) as bot:
        seed(bot.engine, ("ERP phase 2", "U0OWNER01"))
        run_ritual(bot, "checkin", now=TUESDAY)
        bot.settled()
    [prompt] = standin.messages("U0OWNER01")
    assert prompt["blocks"][0]["text"]["text"] == "Your Monday word, 2026-W48"
