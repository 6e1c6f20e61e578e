"""Settings: the environment (secrets, URLs) and the TOML configuration, validated once at start.

Past 300 lines: one pydantic model per TOML table, each with its validators, so an
operator's every key and its error live in one file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from rituals.cadence import Cadence, parse_cadence
from rituals.kpi_source import parse_source
from rituals.registry import NAMES as RITUALS
from rituals.registry import spec_of
from rituals.scorecard import DEFAULT_PERSPECTIVES, Thresholds, better_of, fold, perspective_of
from rituals.workdays import Workweek, parse_hours


class SettingsError(Exception):
    """A setting is missing or wrong; the message names the key and what to write."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Committee(_Strict):
    channel: str
    members: list[str] = Field(default_factory=list)
    language: Literal["fr", "en"] | None = None  # its channel posts; default: the workspace's
    # the share of members who must vote for a poll's result to stand (0.5: half); None: any
    quorum: float | None = Field(default=None, gt=0, le=1)


class Delivery(_Strict):
    # a ceiling: the pace learns what Slack allows (429s) under it
    rate_per_second: float = Field(default=100.0, gt=0, le=1000)
    burst: int = Field(default=20, ge=1, le=1000)  # sent at once after a pause, at most
    max_attempts: int = Field(default=8, ge=1, le=50)
    timeout_seconds: float = Field(default=10.0, gt=0, le=120)


class EscalationRules(_Strict):
    silent_periods: int = Field(default=2, ge=1, le=52)
    off_track_periods: int = Field(default=2, ge=1, le=52)
    blocked_periods: int = Field(default=3, ge=1, le=52)
    raise_after_periods: int = Field(default=1, ge=1, le=52)


class Noise(_Strict):
    weekly_dms: int = Field(default=2, ge=1, le=20)  # unsolicited DMs per person per week


class Arbitration(_Strict):
    deadline_hours: float = Field(default=48, gt=0, le=24 * 60)
    # the deadline's hours are those of working days (weekends and `holidays` skipped), and
    # it falls within `working_hours`; false: plain hours, as the clock runs
    working_days: bool = True
    working_hours: str = "09:00-18:00"
    # how long the Consulted of a poll's initiative have to give their view before it opens
    # (0: the poll opens at once)
    consult_hours: float = Field(default=48, ge=0, le=24 * 14)

    @field_validator("working_hours")
    @classmethod
    def _hours(cls, value: str) -> str:
        parse_hours(value)
        return value


class Indicator(_Strict):
    """A health indicator outside any initiative (`[indicators.NAME]`), for the scorecard."""

    title: str = Field(min_length=1, max_length=200)
    perspective: str
    unit: str = ""
    target: float | None = None
    green: float | None = None  # the threshold a value must reach to be green (default: target)
    amber: float | None = None  # and to be amber; short of it, red
    better: Literal["higher", "lower"] | None = None  # default: inferred from the thresholds
    source: str | None = None  # read before each digest, as an initiative's kpi_source

    @field_validator("source")
    @classmethod
    def _readable_source(cls, value: str | None) -> str | None:
        if value is not None:
            parse_source(value)  # raises with what to write
        return value

    @model_validator(mode="after")
    def _thresholds(self) -> Indicator:
        if self.target is None and self.green is None:
            raise ValueError("needs a target or a green threshold, e.g. target = 45")
        better_of(self.thresholds)  # raises when nothing tells which way is better
        return self

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(self.target, self.green, self.amber, self.better)


class Config(_Strict):
    """The operator's TOML file: people, channels, cadences. Unknown keys are errors."""

    timezone: str = "UTC"
    language: Literal["fr", "en"] = "en"
    cmo: list[str] = Field(default_factory=list)
    escalation_channel: str | None = None
    prompts_dir: Path | None = None
    committees: dict[str, Committee] = Field(default_factory=dict)
    cadences: dict[str, str] = Field(default_factory=dict)
    delivery: Delivery = Field(default_factory=Delivery)
    arbitration: Arbitration = Field(default_factory=Arbitration)
    escalation: EscalationRules = Field(default_factory=EscalationRules)
    noise: Noise = Field(default_factory=Noise)
    holidays: list[date] = Field(default_factory=list)
    holidays_country: str | None = None  # e.g. "FR": its public holidays, with `holidays`
    checkin_local_time: bool = False
    # The scorecard: its perspectives (an initiative's `perspective` names one), then the
    # health indicators, each under one of them.
    perspectives: list[str] = Field(default_factory=lambda: list(DEFAULT_PERSPECTIVES))
    indicators: dict[str, Indicator] = Field(default_factory=dict)
    # Where people reach the bot's web pages (the dashboard, its sign-in), e.g.
    # "https://ritualbot.example.com": Slack messages link to them, sign-in returns to it.
    public_url: str | None = None

    @field_validator("perspectives")
    @classmethod
    def _perspective_words(cls, value: list[str]) -> list[str]:
        seen: set[str] = set()
        for name in value:
            if not name or name != name.strip() or " " in name:
                raise ValueError(f'perspective "{name}" must be one word, e.g. "safety"')
            if fold(name) in seen:
                raise ValueError(f'perspective "{name}" is listed twice; list it once')
            seen.add(fold(name))
        return value

    @field_validator("indicators")
    @classmethod
    def _indicators_perspectives(
        cls, value: dict[str, Indicator], info: ValidationInfo
    ) -> dict[str, Indicator]:
        perspectives = info.data.get("perspectives", DEFAULT_PERSPECTIVES)
        for name, indicator in value.items():
            if not name or name != name.strip() or " " in name:
                raise ValueError(f'indicator name "{name}" must be one word, e.g. "dso"')
            if perspective_of(indicator.perspective, perspectives) is None:
                raise ValueError(
                    f'{name}.perspective: "{indicator.perspective}" is not a perspective; '
                    f"write one of {', '.join(perspectives)}, or add it to perspectives = [...]"
                )
        return value

    @field_validator("holidays_country")
    @classmethod
    def _known_country(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if code not in holidays.list_supported_countries():
            raise ValueError(f'"{value}" is not a country the holidays calendar knows (e.g. "FR")')
        return code

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f'"{value}" is not an IANA time zone (e.g. "Europe/Paris")') from exc
        return value

    @field_validator("cadences")
    @classmethod
    def _known_cadences(cls, value: dict[str, str]) -> dict[str, str]:
        for name, text in value.items():
            if name not in RITUALS:
                raise ValueError(f'unknown ritual "{name}"; the rituals are {", ".join(RITUALS)}')
            parse_cadence(text)
        return value

    @field_validator("committees")
    @classmethod
    def _committee_names(cls, value: dict[str, Committee]) -> dict[str, Committee]:
        for name in value:
            if not name or name != name.strip() or " " in name:
                raise ValueError(f'committee name "{name}" must be one word, e.g. "comex"')
        return value


@cache
def _calendar(country: str, year: int) -> holidays.HolidayBase:
    return holidays.country_holidays(country, years=year)


class Settings(BaseModel):
    """Everything the composition root needs, from the environment and the TOML file."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    bot_token: SecretStr | None = None
    signing_secret: SecretStr | None = None
    app_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    database_url: str = "sqlite:///ritualbot.db"
    port: int = Field(default=3000, ge=1, le=65535)
    config_path: Path | None = None
    config: Config = Field(default_factory=Config)
    # The dashboard's Sign in with Slack (OpenID Connect); off without the client's id/secret.
    client_id: str | None = None
    client_secret: SecretStr | None = None
    oauth_url: str = "https://slack.com/openid/connect/authorize"
    session_secret: SecretStr | None = None  # default: derived from the signing secret

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.config.timezone)

    def cadence(self, ritual: str) -> Cadence:
        return parse_cadence(self.config.cadences.get(ritual, spec_of(ritual).cadence))

    def is_holiday(self, moment: datetime) -> bool:
        """A day of `holidays`, or a public holiday of `holidays_country` (workspace zone)."""
        day = moment.astimezone(self.tz).date()
        if day in self.config.holidays:
            return True
        country = self.config.holidays_country
        return country is not None and day in _calendar(country, day.year)

    def holiday_on(self, day: date) -> bool:
        """`is_holiday` for a day of the workspace's calendar."""
        if day in self.config.holidays:
            return True
        country = self.config.holidays_country
        return country is not None and day in _calendar(country, day.year)

    @property
    def workweek(self) -> Workweek:
        """The workspace's working days and hours, which poll deadlines keep to."""
        opens, closes = parse_hours(self.config.arbitration.working_hours)
        return Workweek(self.tz, self.holiday_on, opens, closes)

    def is_cmo(self, user: str) -> bool:
        return user in self.config.cmo

    def committee_of_channel(self, channel: str) -> str | None:
        for name, committee in self.config.committees.items():
            if committee.channel == channel:
                return name
        return None


_ENV_KEYS = {
    "SLACK_BOT_TOKEN": "bot_token",
    "SLACK_SIGNING_SECRET": "signing_secret",
    "SLACK_APP_TOKEN": "app_token",
    "SLACK_API_URL": "slack_api_url",
    "DATABASE_URL": "database_url",
    "PORT": "port",
    "SLACK_CLIENT_ID": "client_id",
    "SLACK_CLIENT_SECRET": "client_secret",
    "SLACK_OAUTH_URL": "oauth_url",
    "RITUALBOT_SESSION_SECRET": "session_secret",
}


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read the environment and the TOML file; raise SettingsError naming the bad key."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {
        field: env[key] for key, field in _ENV_KEYS.items() if env.get(key, "").strip()
    }
    path = _config_path(env)
    if path is not None:
        values["config_path"] = path
        values["config"] = _read_config(path)
    try:
        settings = Settings(**values)
    except ValidationError as exc:
        raise SettingsError(_describe(exc, {v: k for k, v in _ENV_KEYS.items()})) from None
    if not settings.slack_api_url.endswith("/"):
        settings = settings.model_copy(update={"slack_api_url": settings.slack_api_url + "/"})
    return settings


def _config_path(env: Mapping[str, str]) -> Path | None:
    named = env.get("RITUALBOT_CONFIG", "").strip()
    if named:
        path = Path(named)
        if not path.is_file():
            raise SettingsError(f"RITUALBOT_CONFIG: no file at {path}")
        return path
    default = Path("ritualbot.toml")
    return default if default.is_file() else None


def _read_config(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read the configuration: {exc}") from None
    try:
        return Config(**data)
    except ValidationError as exc:
        raise SettingsError(f"{path}: " + _describe(exc, {})) from None


def _describe(exc: ValidationError, names: Mapping[str, str]) -> str:
    problems = []
    for error in exc.errors():
        location = [str(part) for part in error["loc"]]
        if location and location[0] == "config":
            location = location[1:]
        key = ".".join(location) or "configuration"
        key = names.get(key, key)
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key"
        problems.append(f"{key}: {message}")
    return "; ".join(problems)
