"""Checks of what this machine holds: the configuration, the database and its schema, the
prompts catalogue. Nothing here changes anything: the schema is read, never migrated."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url

from bot.checks import Check
from bot.settings import Settings, SettingsError, load_settings
from rituals.db import MIGRATIONS

CONFIG_FIX = "set RITUALBOT_CONFIG to your TOML file, or put ritualbot.toml in this folder"


def configuration(environ: Mapping[str, str] | None = None) -> tuple[Check, Settings | None]:
    """The environment and the TOML file load, and name the people the rituals need."""
    try:
        settings = load_settings(environ)
    except SettingsError as exc:
        fix = "fix that key (the README documents every key, with an example)"
        return Check("configuration", False, str(exc), fix), None
    config = settings.config
    if settings.config_path is None:
        found = "no configuration file: no committee, no CMO"
        return Check("configuration", False, found, CONFIG_FIX), settings
    where = str(settings.config_path)
    if not config.committees:
        fix = "add a [committees.NAME] table with its channel and members"
        return Check("configuration", False, f"{where}: no committee", fix), settings
    if not config.cmo:
        fix = 'add cmo = ["U…"], the Slack ids of the CMO(s)'
        return Check("configuration", False, f"{where}: no CMO", fix), settings
    found = (
        f"{where}: {_count(len(config.committees), 'committee')}, "
        f"{_count(len(config.cmo), 'CMO')}, time zone {config.timezone}, "
        f"language {config.language}"
    )
    return Check("configuration", True, found), settings


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def shown(url: str) -> str:
    """A database URL fit to print: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL at all: say nothing of what it holds
        return "(DATABASE_URL)"


def reason(exc: BaseException) -> str:
    """The driver's own words, on one line: the first line of the error it raised."""
    inner = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(inner).strip().splitlines() if line.strip()]
    return lines[0][:300] if lines else type(inner).__name__


def database(engine: Engine, url: str) -> Check:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        fix = "start it, or fix DATABASE_URL (host, port, name, user and password)"
        return Check("database", False, f"{shown(url)} is unreachable: {reason(exc)}", fix)
    return Check("database", True, f"{shown(url)} answers")


@cache
def heads() -> frozenset[str]:
    """The revisions this version's migrations end at."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def schema_of(connection: Connection) -> Check:
    current = frozenset(MigrationContext.configure(connection).get_current_heads())
    wanted = heads()
    if current == wanted:
        return Check(
            "schema", True, f"migrated to the latest revision ({', '.join(sorted(wanted))})"
        )
    if not current:
        found = "the database is empty (no ritualbot schema yet)"
        fix = "run `ritualbot db upgrade` (or start the bot: it creates the schema at start)"
        return Check("schema", False, found, fix)
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    known = {rev.revision for rev in scripts.walk_revisions()}
    found = f"at revision {', '.join(sorted(current))}, this version's latest is "
    found += ", ".join(sorted(wanted))
    if not current <= known:
        fix = "a newer ritualbot migrated this database: run that version, or upgrade this one"
        return Check("schema", False, found, fix)
    fix = "run `ritualbot db upgrade` (or start the bot: it migrates the schema at start)"
    return Check("schema", False, found, fix)


def schema(engine: Engine) -> Check:
    try:
        with engine.connect() as connection:
            return schema_of(connection)
    except Exception as exc:
        return Check("schema", False, f"cannot be read: {reason(exc)}", "see the database line")


def catalogue(settings: Settings) -> Check:
    from bot.catalogue import LANGUAGES, check_catalogue, packaged

    reference = packaged()
    if reference.problems:
        fix = "reinstall ritualbot: its own catalogue is damaged"
        return Check("prompts", False, str(reference.problems[0]), fix)
    folder = settings.config.prompts_dir
    if folder is None:
        return Check("prompts", True, f"the packaged catalogue ({', '.join(LANGUAGES)})")
    problems = check_catalogue(folder, reference)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        fix = f"fix it; `ritualbot prompts check {folder}` lists every problem"
        return Check("prompts", False, f"{problems[0]}{more}", fix)
    return Check("prompts", True, f"{folder}: your wording is valid")


def connection_secrets(settings: Settings) -> Check:
    """What Slack's requests are checked with: the signing secret (HTTP), the app token
    (Socket Mode)."""
    modes = []
    if settings.signing_secret is not None:
        modes.append("SLACK_SIGNING_SECRET set (HTTP mode)")
    if settings.app_token is not None:
        modes.append("SLACK_APP_TOKEN set (Socket Mode)")
    if not modes:
        found = "neither SLACK_SIGNING_SECRET nor SLACK_APP_TOKEN is set"
        fix = (
            "HTTP mode: copy the Signing Secret (Basic Information) into SLACK_SIGNING_SECRET; "
            "Socket Mode: an app-level token with connections:write into SLACK_APP_TOKEN"
        )
        return Check("Slack requests", False, found, fix)
    return Check("Slack requests", True, "; ".join(modes))
