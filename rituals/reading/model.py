"""What the reader is given (the author's initiatives this week) and what it returns."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from rituals.status import Status

T = TypeVar("T")


@dataclass(frozen=True)
class Last:
    """The initiative's last stored answer."""

    status: Status | None
    progress: int | None
    kpi_value: float | None


@dataclass(frozen=True)
class Known:
    """One of the author's initiatives this week, as the roadmap has it."""

    id: int
    title: str
    kpi_name: str = ""
    kpi_unit: str = ""
    kpi_target: float | None = None
    last: Last | None = None


@dataclass(frozen=True)
class Context:
    initiatives: tuple[Known, ...]
    thread: int | None = None  # the initiative whose prompt thread the reply is in
    language: str | None = None  # "fr" / "en" when the author's language is known


@dataclass(frozen=True)
class Field(Generic[T]):
    """One field as read: a value only when sure; otherwise what to offer as buttons."""

    value: T | None
    sure: bool
    candidates: tuple[T, ...] = ()
    said: str | None = None

    @property
    def asked(self) -> bool:
        return not self.sure


def absent() -> Field[T]:
    """The owner said nothing about the field: nothing stored, nothing asked."""
    return Field(None, True)


def sure(value: T, said: str | None = None) -> Field[T]:
    return Field(value, True, (), said)


def ask(candidates: tuple[T, ...] = (), said: str | None = None) -> Field[T]:
    """A careful reader would hesitate: store nothing and offer the candidates."""
    unique = tuple(dict.fromkeys(candidates))
    return Field(None, False, unique, said)


class Intent(StrEnum):
    UPDATE = "update"
    NO_CHANGE = "no_change"
    SKIP = "skip"


@dataclass(frozen=True)
class Part:
    """What the message says about one initiative (None: it names none of the author's)."""

    initiative_id: int | None
    text: str
    intent: Intent
    status: Field[Status]
    progress: Field[int]
    kpi: Field[float]
    blockers: str | None
    decision: str | None
    highlights: str | None

    @property
    def questions(self) -> tuple[str, ...]:
        """The fields to ask about; one figure that is the progress or the KPI is one question."""
        asked: list[str] = []
        if not self.status.sure:
            asked.append("status")
        both = not self.progress.sure and not self.kpi.sure
        if both and self.progress.said is not None and self.progress.said == self.kpi.said:
            asked.append("progress_or_kpi")
        else:
            asked += [
                name for name, f in (("progress", self.progress), ("kpi", self.kpi)) if f.asked
            ]
        return tuple(asked)

    @property
    def says_something(self) -> bool:
        fields = (self.status, self.progress, self.kpi)
        stated = any(f.value is not None or not f.sure for f in fields)
        return stated or self.blockers is not None or self.decision is not None


@dataclass(frozen=True)
class Reading:
    parts: tuple[Part, ...]
    ask_which: bool  # several initiatives, a plain DM, nothing names one: ask which
    readable: bool  # False: nothing to record, the bot answers with help
