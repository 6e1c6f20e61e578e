"""What a person chooses for themselves: the language the bot writes to them in."""

from __future__ import annotations

from sqlmodel import Session

from bot.blocks import kit
from bot.delivery.inbox import Job
from bot.people import People
from bot.readers import Readers
from bot.services.forms import tell
from bot.work import SetLanguage
from rituals.models import Person


class Preferences:
    def __init__(self, readers: Readers, people: People) -> None:
        self.readers = readers
        self.people = people

    def language(self, session: Session, work: SetLanguage, job: Job) -> None:
        stored = session.get(Person, work.user) or Person(user=work.user)
        stored.language = work.language
        session.add(stored)
        self.people.chose(work.user, work.language)
        words = self.readers.catalogue.words(work.language or self.readers.language_of(work.user))
        said = words.md(
            "preference-language-auto" if work.language is None else "preference-language"
        )
        tell(session, job, work.user, work.response_url, kit.message(said, kit.section(said)))
