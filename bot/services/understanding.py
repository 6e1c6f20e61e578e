"""From an owner's words to what to store: the reader's context (the initiatives the author
answers for this week, with their KPI and last answer), and each part of a reading turned into
an answer of sure fields, the rest asked about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.services.recording import ToStore
from bot.settings import Settings
from rituals.absence import answers_for
from rituals.checkins import answer_of, repeat_last
from rituals.models import CheckIn, Initiative
from rituals.periods import quarter_of
from rituals.reading import Context, Intent, Known, Last, Part, Reading, read
from rituals.status import Status
from rituals.store import checkins, initiatives


@dataclass(frozen=True)
class Author:
    """Who wrote, and the initiatives they answer for this week (theirs and, as a deputy,
    those of owners away)."""

    user: str
    initiatives: list[Initiative]

    def by_id(self, initiative_id: int | None) -> Initiative | None:
        return next((i for i in self.initiatives if i.id == initiative_id), None)


def author(session: Session, settings: Settings, user: str, now: datetime) -> Author:
    today = now.astimezone(settings.tz).date()
    owners = answers_for(session, user=user, today=today)
    quarter = quarter_of(now, settings.tz)
    return Author(user, initiatives.owned_by(session=session, owners=owners, quarter=quarter))


def understand(
    session: Session,
    text: str,
    among: Sequence[Initiative],
    *,
    thread: int | None = None,
    language: str | None = None,
) -> Reading:
    """Read `text` about `among` (the author's initiatives); `thread` when it replies in the
    thread of one initiative's message."""
    ids = [i.id for i in among if i.id is not None]
    last = checkins.latest_of(session=session, initiative_ids=ids)
    known = tuple(
        Known(
            id=i.id or 0,
            title=i.title,
            kpi_name=i.kpi_name,
            kpi_unit=i.kpi_unit,
            kpi_target=i.kpi_target,
            last=_last(last.get(i.id or 0)),
        )
        for i in among
    )
    return read(text, Context(known, thread=thread, language=language))


def _last(answer: CheckIn | None) -> Last | None:
    if answer is None:
        return None
    status = Status(answer.status) if answer.status in {s.value for s in Status} else None
    return Last(status, answer.progress, answer.kpi_value)


@dataclass(frozen=True)
class Outcome:
    """What a reading comes to: the answers to store, the weeks skipped, the parts to ask
    about (they name none of the author's initiatives), and whether a part repeats an answer
    that does not exist yet."""

    to_store: list[ToStore]
    skipped: list[Initiative]
    unnamed: list[Part]
    nothing_to_repeat: list[Initiative]


def outcome(
    session: Session,
    reading: Reading,
    who: Author,
    *,
    period: str,
    raw_text: str,
    ts: str | None,
    source: str = "message",
) -> Outcome:
    to_store, skipped, unnamed, missing = [], [], [], []
    for part in reading.parts:
        initiative = who.by_id(part.initiative_id)
        if initiative is None or initiative.id is None:
            unnamed.append(part)
            continue
        if part.intent is Intent.SKIP:
            skipped.append(initiative)
            continue
        last = checkins.latest(session=session, initiative_id=initiative.id)
        if part.intent is Intent.NO_CHANGE:
            if last is None:
                missing.append(initiative)
                continue
            to_store.append(
                ToStore(initiative, period, repeat_last(last), source, raw_text=raw_text, ts=ts)
            )
            continue
        read_as = answer_of(part, last)
        to_store.append(
            ToStore(
                initiative,
                period,
                read_as.answer,
                source,
                kept_status=read_as.kept_status,
                asked=read_as.asked,
                raw_text=raw_text,
                ts=ts,
            )
        )
    return Outcome(to_store, skipped, unnamed, missing)
