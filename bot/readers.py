"""Who reads what, in which language: each person's words, and each committee channel's."""

from __future__ import annotations

from bot.settings import Settings
from bot.words import Catalogue, Words


class Readers:
    """The words of a person (DMs, modals, Home) and of a committee's channel posts."""

    def __init__(self, catalogue: Catalogue, settings: Settings) -> None:
        self.catalogue = catalogue
        self.settings = settings

    @property
    def workspace(self) -> Words:
        return self.catalogue.words(self.settings.config.language)

    def of_user(self, user: str) -> Words:
        return self.workspace

    def of_committee(self, committee: str | None) -> Words:
        return self.workspace
