"""Settings: the environment and the TOML file, and the messages a bad value gets."""

from __future__ import annotations

import logging
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.settings import SettingsError, load_settings


def config(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "ritualbot.toml"
    path.write_text(text, encoding="utf-8")
    return {"RITUALBOT_CONFIG": str(path)}


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings({})
    assert settings.database_url == "sqlite:///ritualbot.db"
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.port == 3000
    assert settings.cadence("checkin").text == "monday 09:00"
    assert settings.config.language == "en"


def test_the_environment_and_the_file_are_read(tmp_path: Path) -> None:
    env = config(
        tmp_path,
        """
timezone = "America/New_York"
language = "fr"
cmo = ["U0CMO0001"]
escalation_channel = "C0ESCAL01"
[committees.comex]
channel = "C0COMEX01"
members = ["U0CEO0001"]
[cadences]
checkin = "tuesday 08:30"
""",
    )
    env |= {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_API_URL": "http://127.0.0.1:9/api", "PORT": "8080"}
    settings = load_settings(env)
    assert settings.tz.key == "America/New_York"
    assert settings.slack_api_url == "http://127.0.0.1:9/api/"
    assert settings.port == 8080
    assert settings.committee_of_channel("C0COMEX01") == "comex"
    assert settings.cadence("checkin").fields["day_of_week"] == "tue"
    assert settings.cadence("reminder").text == "wednesday 09:00"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('timezone = "Europe/Pariss"', 'timezone: "Europe/Pariss" is not an IANA time zone'),
        ('language = "de"', "language:"),
        ('colour = "blue"', "colour: unknown key"),
        ('[cadences]\ncheckin = "every monday"', '"every monday" is not a cadence'),
        ('[cadences]\nstandup = "monday 09:00"', 'unknown ritual "standup"'),
        ('[committees.comex]\nmembers = ["U1"]', "committees.comex.channel: Field required"),
        ("[delivery]\nrate_per_second = 0", "delivery.rate_per_second"),
        ("timezone = ", "cannot read the configuration"),
    ],
)
def test_a_bad_configuration_stops_the_start_naming_the_key(
    tmp_path: Path, text: str, named: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(config(tmp_path, text))
    assert named in str(caught.value)


def test_a_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="PORT"):
        load_settings({"PORT": "eighty"})
    with pytest.raises(SettingsError, match="RITUALBOT_CONFIG: no file"):
        load_settings({"RITUALBOT_CONFIG": str(tmp_path / "missing.toml")})


def test_tokens_are_secrets_never_shown(caplog: pytest.LogCaptureFixture) -> None:
    settings = load_settings(
        {"SLACK_BOT_TOKEN": "xoxb-very-secret", "SLACK_SIGNING_SECRET": "shh-123"}
    )
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").info("settings: %s %r", settings, settings)
    assert "xoxb-very-secret" not in caplog.text and "shh-123" not in caplog.text
    assert settings.bot_token is not None
    assert settings.bot_token.get_secret_value() == "xoxb-very-secret"


def test_the_readme_configuration_example_is_a_valid_configuration() -> None:
    import re
    import tomllib

    from bot.settings import Config

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = re.search(r"### The TOML file\n\n```toml\n(.*?)```", readme, re.S)
    assert example, "the README shows a TOML example"
    config = Config(**tomllib.loads(example.group(1)))
    assert set(config.committees) == {"comex", "opscom"} and config.holidays


def test_a_countrys_public_holidays_prompt_nobody_beside_the_listed_days(tmp_path: Path) -> None:
    settings = load_settings(
        config(
            tmp_path,
            'timezone = "Europe/Paris"\nholidays_country = "fr"\nholidays = [2026-12-24]\n',
        )
    )
    paris = ZoneInfo("Europe/Paris")
    days = {
        date(2026, 12, 24): True,  # listed
        date(2026, 12, 25): True,  # Christmas, in France
        date(2027, 5, 8): True,  # Victoire 1945, a French holiday only
        date(2026, 12, 28): False,
    }
    assert {
        day: settings.is_holiday(datetime.combine(day, time(9), tzinfo=paris)) for day in days
    } == days


def test_an_unknown_country_stops_the_start_naming_the_key(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="holidays_country"):
        load_settings(config(tmp_path, 'holidays_country = "Atlantis"\n'))
