"""Who reads what, in which language: each person in their own (the one they chose, else
their Slack locale's when the catalogue has it, else the workspace's), each committee channel
in the committee's `language` (default: the workspace's)."""

from __future__ import annotations

from bot.people import People
from bot.settings import Settings
from bot.words import LANGUAGES, Catalogue, Words


class Readers:
    """The words of a person (DMs, ephemerals, forms, Home) and of a committee's channel."""

    def __init__(self, catalogue: Catalogue, settings: Settings, people: People | None = None):
        self.catalogue = catalogue
        self.settings = settings
        self.people = people

    @property
    def workspace(self) -> Words:
        return self.catalogue.words(self.settings.config.language)

    def language_of(self, user: str) -> str:
        if self.people is None or not user or user[:1] not in ("U", "W"):
            return self.settings.config.language
        person = self.people.person(user)
        if person.language in LANGUAGES:
            return str(person.language)
        spoken = (person.locale or "").split("-")[0].lower()
        return spoken if spoken in LANGUAGES else self.settings.config.language

    def locale_of(self, user: str) -> str | None:
        """The language the person writes in, as far as they or Slack said ("fr" reads
        `12,480` as 12.48); None when neither did: the reader then asks rather than guess."""
        if self.people is None or not user or user[:1] not in ("U", "W"):
            return None
        person = self.people.person(user)
        if person.language in LANGUAGES:
            return str(person.language)
        spoken = (person.locale or "").split("-")[0].lower()
        return spoken or None

    def of_user(self, user: str) -> Words:
        return self.catalogue.words(self.language_of(user))

    def of_committee(self, committee: str | None) -> Words:
        found = self.settings.config.committees.get(committee or "")
        language = (found.language if found else None) or self.settings.config.language
        return self.catalogue.words(language)
