"""The words the bot says: every sentence in Fluent files per language.

`prompts/<language>/*.ftl` holds the packaged words; an operator's `prompts_dir` may hold a
partial catalogue in the same layout, whose messages win once `bot.catalogue` finds nothing
wrong with it. `Words` formats one language's messages, escaping people's text for mrkdwn,
with numbers and dates formatted by Babel.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from fluent.runtime import FluentBundle, FluentResource

from bot.catalogue import (
    LANGUAGES,
    PACKAGED,
    CatalogueError,
    Entry,
    check_catalogue,
    packaged,
)
from bot.text import Mrkdwn, fit, md

log = logging.getLogger(__name__)

# Fluent refuses a placeable longer than 2,500 characters; builders clip long before that.
MAX_ARGUMENT = 2400


class WordsError(Exception):
    """A message could not be formatted (a placeholder missing): a bug, loud in tests."""


class Catalogue:
    """The packaged words of every language, with an operator's overrides on top."""

    def __init__(self, override: Path | None = None, *, strict: bool = False) -> None:
        reference = packaged()
        if reference.problems:
            raise CatalogueError(reference.problems)
        if override is not None:
            problems = check_catalogue(override, reference)
            if problems:
                raise CatalogueError(problems)
        self.strict = strict
        self.reference = reference
        self._words = {
            language: Words(language, self._bundle(language, override), strict=strict)
            for language in LANGUAGES
        }

    @staticmethod
    def _bundle(language: str, override: Path | None) -> FluentBundle:
        bundle = FluentBundle([language], use_isolating=False)
        folders = [PACKAGED / language] + ([override / language] if override else [])
        for folder in folders:
            for path in sorted(folder.glob("*.ftl")):
                resource = FluentResource(path.read_text(encoding="utf-8"))
                bundle.add_resource(resource, allow_overrides=True)
        return bundle

    def words(self, language: str) -> Words:
        return self._words.get(language) or self._words[LANGUAGES[0]]

    def ids(self, language: str = LANGUAGES[0]) -> dict[str, Entry]:
        return self.reference.entries.get(language, {})


class Words:
    """One language's messages: plain text for plain_text fields, Mrkdwn for mrkdwn ones."""

    def __init__(self, language: str, bundle: FluentBundle, *, strict: bool = False) -> None:
        self.language = language
        self.locale = Locale.parse(language)
        self._bundle = bundle
        self._strict = strict

    def text(self, message_id: str, **args: Any) -> str:
        """For plain_text fields and fallbacks: arguments are placed as they are."""
        return self._format(message_id, {k: self._plain_arg(v) for k, v in args.items()})

    def md(self, message_id: str, **args: Any) -> Mrkdwn:
        """For mrkdwn fields: people's text (any str that is not Mrkdwn) escaped."""
        return Mrkdwn(self._format(message_id, {k: self._md_arg(v) for k, v in args.items()}))

    def has(self, message_id: str) -> bool:
        return bool(self._bundle.has_message(message_id))

    def _format(self, message_id: str, args: dict[str, Any]) -> str:
        if not self._bundle.has_message(message_id):
            raise WordsError(f"{self.language}: no message {message_id}")
        pattern = self._bundle.get_message(message_id).value
        if pattern is None:
            raise WordsError(f"{self.language}: message {message_id} has no value")
        text, errors = self._bundle.format_pattern(pattern, args)
        if errors:
            problem = f"{self.language}/{message_id}: {'; '.join(map(str, errors))}"
            if self._strict:
                raise WordsError(problem)
            log.error("catalogue message formatted with errors: %s", problem)
        return str(text)

    def _plain_arg(self, value: Any) -> Any:
        if isinstance(value, datetime):
            raise TypeError("a time is shown with text.slack_date (each reader's zone), not as is")
        if isinstance(value, int):  # bools too
            return int(value)
        if isinstance(value, float):
            return self.num(value)
        if isinstance(value, date):
            return self.day(value)
        text = "" if value is None else str(value)
        return text if len(text) <= MAX_ARGUMENT else text[: MAX_ARGUMENT - 1] + "…"

    def _md_arg(self, value: Any) -> Any:
        if isinstance(value, datetime):
            raise TypeError("a time is shown with text.slack_date (each reader's zone), not as is")
        if isinstance(value, int):  # bools too
            return int(value)
        if isinstance(value, float | date):
            return self._plain_arg(value)
        return fit(md(value), MAX_ARGUMENT)

    def join(self, items: Iterable[str], style: Literal["standard", "or"] = "standard") -> Mrkdwn:
        """`A, B and C` / `A, B et C`; people's text escaped."""
        escaped = [md(item) for item in items]
        if not escaped:
            return md("")
        return Mrkdwn(format_list(escaped, style=style, locale=self.locale))

    # -- numbers and dates, as the language writes them ------------------------------------

    def num(self, value: float | int | None) -> str:
        """`4.5` / `4,5`; `1,234.5` / `1 234,5`; at most two decimals."""
        if value is None:
            return "—"
        return str(format_decimal(round(value, 2), format="#,##0.##", locale=self.locale))

    def pct(self, value: float | int | None) -> str:
        """A percentage given 0–100: `45%` in English, `45 %` in French."""
        if value is None:
            return "—"
        share = Decimal(str(round(float(value), 1))) / 100  # exact: 33.3, never 33.2999…
        return str(format_percent(share, locale=self.locale, decimal_quantization=False))

    def day(self, value: date | None) -> str:
        """A calendar day: `Dec 18, 2026` / `18 déc. 2026`."""
        if value is None:
            return "—"
        return str(format_date(value, format="medium", locale=self.locale))
