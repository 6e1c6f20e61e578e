"""Opening forms (Slack modals) for a person who clicked or typed a command.

A modal opens with the click's trigger, valid for three seconds: when Slack refuses it (the
work waited too long), the person is told to click again; nothing else depends on it.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlmodel import Session

from bot.blocks import absence as absence_blocks
from bot.blocks import checkin as checkin_blocks
from bot.blocks import checkin_form
from bot.blocks.kit import Message
from bot.delivery import keys
from bot.delivery.inbox import Job
from bot.delivery.outbox import Lane, enqueue
from bot.delivery.payloads import post, respond
from bot.readers import Readers
from bot.settings import Settings
from bot.work import OpenAbsenceForm, OpenCheckinAll, OpenCheckinForm
from rituals.absence import answers_for, may_answer
from rituals.periods import quarter_of, week_of
from rituals.store import checkins, initiatives, prompts

log = logging.getLogger(__name__)
_TOO_LATE = ("expired_trigger_id", "invalid_trigger_id", "exchanged_trigger_id")


def tell(session: Session, job: Job, user: str, url: str | None, message: Message) -> None:
    """A private answer to the person: through the response URL, else in their DM."""
    payload = respond(url, message) if url else post(user, message)
    enqueue(session, keys.reply(job.key), payload, now=job.received_at, lane=Lane.PERSON)


class Forms:
    def __init__(self, client: WebClient, settings: Settings, readers: Readers) -> None:
        self.client = client
        self.settings = settings
        self.readers = readers

    def open(
        self,
        session: Session,
        job: Job,
        user: str,
        url: str | None,
        trigger: str,
        view: dict[str, Any],
    ) -> None:
        try:
            self.client.views_open(trigger_id=trigger, view=view)
        except SlackApiError as exc:
            error = str(exc.response.get("error", ""))
            too_late = error in _TOO_LATE
            if too_late:  # the work waited past the trigger's three seconds: click again
                log.warning("views.open for %s refused: %s", user, error)
            else:  # Slack's side or ours: the detail goes to the log, never to the person
                log.error("views.open for %s failed: %s", user, error, exc_info=exc)
            reason = "too-slow" if too_late else "error"
            tell(session, job, user, url, checkin_blocks.notice(self.readers.of_user(user), reason))

    def checkin(self, session: Session, work: OpenCheckinForm, job: Job) -> None:
        """The form on one initiative (or the person's first); a notice when they own none."""
        now, tz = job.received_at, self.settings.tz
        today = now.astimezone(tz).date()
        words = self.readers.of_user(work.user)
        owned = initiatives.owned_by(
            session=session,
            owners=answers_for(session, user=work.user, today=today),
            quarter=quarter_of(now, tz),
        )
        chosen = (
            initiatives.get(session=session, initiative_id=work.initiative_id)
            if work.initiative_id
            else None
        )
        mine = chosen is not None and may_answer(session, chosen, user=work.user, today=today)
        if chosen is not None and mine and chosen not in owned:
            owned.insert(0, chosen)
        if chosen is None or not mine:
            chosen = owned[0] if owned else None
        if chosen is None or chosen.id is None:
            tell(
                session,
                job,
                work.user,
                work.response_url,
                checkin_blocks.notice(words, "no-initiatives"),
            )
            return
        view = checkin_form.form(
            words,
            chosen,
            choices=[(i.id, i.title) for i in owned if i.id is not None],
            period=work.period or week_of(now, tz),
            last=checkins.latest(session=session, initiative_id=chosen.id),
            correction=work.correction,
        )
        self.open(session, job, work.user, work.response_url, work.trigger_id, view)

    def checkin_all(self, session: Session, work: OpenCheckinAll, job: Job) -> None:
        """Update all: the initiatives of the person's prompt of the week, in one form."""
        words = self.readers.of_user(work.user)
        asked = prompts.with_key(session=session, key=keys.prompt(work.period, work.user))
        today = job.received_at.astimezone(self.settings.tz).date()
        found = initiatives.by_ids(session=session, ids=[p.initiative_id for p in asked])
        mine = [
            i
            for i in sorted(found.values(), key=lambda i: i.title.casefold())
            if may_answer(session, i, user=work.user, today=today)
        ]
        if not mine:
            tell(
                session,
                job,
                work.user,
                work.response_url,
                checkin_blocks.notice(words, "no-initiatives"),
            )
            return
        last = checkins.latest_of(session=session, initiative_ids=[i.id for i in mine if i.id])
        # those not answered this week first: what a modal cannot hold comes next time
        answered = {i for i, c in last.items() if c.period == work.period}
        ordered = sorted(mine, key=lambda i: i.id in answered)
        view = checkin_form.form_all(
            words, [(i, last.get(i.id or 0)) for i in ordered], period=work.period
        )
        self.open(session, job, work.user, work.response_url, work.trigger_id, view)

    def absence(self, session: Session, work: OpenAbsenceForm, job: Job) -> None:
        today = job.received_at.astimezone(self.settings.tz).date()
        view = absence_blocks.form(self.readers.of_user(work.user), until=today + timedelta(days=7))
        self.open(session, job, work.user, work.response_url, work.trigger_id, view)
