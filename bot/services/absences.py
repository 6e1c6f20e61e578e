"""Absences declared by `/checkin away …`, `/checkin back`, the "I'm away" form, or ended by
*I'm back* on the Home tab."""

from __future__ import annotations

from sqlmodel import Session

from bot.blocks import absence as blocks
from bot.delivery.inbox import Job
from bot.delivery.outbox import redraw_home
from bot.readers import Readers
from bot.services.forms import tell
from bot.settings import Settings
from bot.work import DeclareAbsence
from rituals.store import absences


class Absences:
    def __init__(self, settings: Settings, readers: Readers) -> None:
        self.settings = settings
        self.readers = readers

    def declare(self, session: Session, work: DeclareAbsence, job: Job) -> None:
        """The absence stored (or ended), the person told privately, their Home redrawn."""
        words = self.readers.of_user(work.user)
        today = job.received_at.astimezone(self.settings.tz).date()
        if work.until is not None and work.until < today:
            tell(session, job, work.user, work.response_url, blocks.refused(words, "past"))
            return
        since = max(work.since or today, today)
        absences.replace(
            session=session,
            user=work.user,
            until=work.until,
            deputy=work.deputy if work.deputy != work.user else None,
            today=today,
            now=job.received_at,
            since=since,
        )
        message = blocks.told(
            words, until=work.until, deputy=work.deputy, since=since if since > today else None
        )
        tell(session, job, work.user, work.response_url, message)
        redraw_home(session, work.user, now=job.received_at)
