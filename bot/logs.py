"""The process's log: its level (`--log-level`, `RITUALBOT_LOG_LEVEL`), its format (text, or
one JSON object a line with `RITUALBOT_LOG_FORMAT=json`), and a filter that blanks secrets —
Slack tokens wherever they appear, and the configured secrets' own values — before any line
is written."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

LEVELS = ("debug", "info", "warning", "error", "critical")
FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
HIDDEN = "[redacted]"
# Slack tokens: bot, user, app-level, refresh, configuration, legacy.
_TOKENS = re.compile(r"\bx(?:ox[abpsore]|app)-[A-Za-z0-9-]+")
# The environment variables whose values never appear in a log line.
SECRET_VARIABLES = (
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_CLIENT_SECRET",
    "RITUALBOT_SESSION_SECRET",
)


class LogSettingError(Exception):
    """A log level or format that does not exist; the message says which ones do."""


class Redact(logging.Filter):
    """Blanks Slack tokens and the given secret values in a record's message, its traceback
    and its stack, before any handler formats it."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        # the longest first: a secret that contains another is blanked whole
        self.secrets = sorted({s for s in secrets if len(s) >= 6}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, HIDDEN)
        return _TOKENS.sub(HIDDEN, text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: logging's own error path says so
            return True
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (ISO-8601 UTC), level, logger, message, and the
    traceback, when there is one, as one `exception` field."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        if record.stack_info:
            line["stack"] = record.stack_info
        return json.dumps(line, ensure_ascii=False)


class _Handler(logging.StreamHandler):
    """Ours: replaced, never stacked, when the command line configures logging again."""


def level_of(given: str | None, environ: Mapping[str, str], *, default: str) -> int:
    """The level from `--log-level`, else `RITUALBOT_LOG_LEVEL`, else `default`."""
    name = (given or environ.get("RITUALBOT_LOG_LEVEL", "").strip() or default).lower()
    if name not in LEVELS:
        where = "--log-level" if given else "RITUALBOT_LOG_LEVEL"
        raise LogSettingError(f'{where}: "{name}" is not a level; write one of {", ".join(LEVELS)}')
    return int(logging.getLevelName(name.upper()))


def format_of(environ: Mapping[str, str]) -> str:
    name = environ.get("RITUALBOT_LOG_FORMAT", "").strip().lower() or "text"
    if name not in FORMATS:
        raise LogSettingError(f'RITUALBOT_LOG_FORMAT: "{name}" is not a format; write text or json')
    return name


def secrets_of(environ: Mapping[str, str]) -> list[str]:
    """The secret values the log must never show: tokens, signing and client secrets, and
    the password of DATABASE_URL."""
    values = [environ.get(name, "").strip() for name in SECRET_VARIABLES]
    url = environ.get("DATABASE_URL", "")
    if url:
        from sqlalchemy.engine import make_url

        try:
            password = make_url(url).password
        except Exception:  # an unreadable URL: the command says so when it connects
            password = None
        if password:
            values.append(str(password))
    return [value for value in values if value]


def configure(*, level: int, fmt: str, secrets: Iterable[str] = ()) -> None:
    """Log to stderr at `level` in `fmt`, secrets blanked. A host that already logs (pytest,
    an embedding program) keeps its own handlers: only ours is replaced."""
    root = logging.getLogger()
    ours = [h for h in root.handlers if isinstance(h, _Handler)]
    if len(ours) != len(root.handlers):
        return
    for handler in ours:
        root.removeHandler(handler)
    handler = _Handler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    handler.addFilter(Redact(secrets))
    root.addHandler(handler)
    root.setLevel(level)
    # one line per HTTP call, Alembic's plugin set-up: noise below debug
    for noisy in ("httpx", "alembic.runtime.plugins"):
        logging.getLogger(noisy).setLevel(
            logging.DEBUG if level <= logging.DEBUG else logging.WARNING
        )
