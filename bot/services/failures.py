"""What a ritual run could not deliver. The CMOs are told once per run — a DM drawn once
nothing of the run is on its way any more, listing every failure of the run — and
`ritualbot ritual run` lists them; running the ritual again sends them again (see
`services.rituals`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import Session

from bot.blocks import failures as blocks
from bot.delivery import keys
from bot.delivery.outbox import enqueue
from bot.delivery.payloads import Redraw
from bot.people import People
from bot.readers import Readers
from bot.settings import Settings
from bot.text import Mrkdwn, channel, md
from bot.words import Words
from rituals.models import OutboxMessage
from rituals.store import outbox

REPORT_AFTER = timedelta(seconds=2)
REASONS = {
    "channel_not_found",
    "not_in_channel",
    "is_archived",
    "user_not_found",
    "account_inactive",
    "cannot_dm_bot",
    "invalid_auth",
    "missing_scope",
    "ratelimited",
}
SAME_AS = {
    "not_authed": "invalid_auth",
    "token_revoked": "invalid_auth",
    "user_disabled": "account_inactive",
}


def recipient_of(row: OutboxMessage) -> str | None:
    """Whom the row was for: a person's id, a channel's, or None (a thread, a response URL)."""
    if row.person:
        return row.person
    payload = row.payload
    if payload.get("kind") == "redraw" and payload.get("surface") == "prompt":
        return str(payload.get("ref", "")).partition(" ")[2] or None
    found = payload.get("channel")
    return str(found) if found else None


def why(words: Words, error: str | None) -> Mrkdwn:
    """What the error means and what to do, in the reader's words."""
    reason = SAME_AS.get(error or "", error or "")
    if reason in REASONS:
        return words.md(f"failures-why-{reason}")
    return words.md("failures-why-other", error=error or "?")


class FailureReports:
    def __init__(self, settings: Settings, readers: Readers, people: People) -> None:
        self.settings = settings
        self.readers = readers
        self.people = people

    def failed(self, session: Session, row: OutboxMessage) -> None:
        """A ritual's message failed for good (the delivery worker, in its transaction): each
        CMO's report of the run is queued, once."""
        if not row.run:
            return  # a reply to someone, or a report itself: nothing to report
        for cmo in self.settings.config.cmo:
            enqueue(
                session,
                keys.failures(row.run, cmo),
                Redraw(surface="failures", ref=f"{cmo} {row.run}"),
                now=row.created_at,
                delay=REPORT_AFTER,
            )

    def lines(self, session: Session, run: str, words: Words) -> list[tuple[Mrkdwn, Mrkdwn]]:
        return [
            (self.who(recipient_of(row)), why(words, row.last_error))
            for row in outbox.failed_of(session=session, run=run)
        ]

    def who(self, recipient: str | None) -> Mrkdwn:
        if not recipient:
            return md("?")
        if recipient[:1] in ("C", "G"):
            return channel(recipient)
        return self.people.named(recipient)

    def draw(self, session: Session, ref: str) -> dict[str, Any] | None:
        """The report, once nothing of the run is still on its way (the outbox's drawer of
        `failures`; None meanwhile): every failure of the run in one DM."""
        cmo, _, run = ref.partition(" ")
        if outbox.states_of(session=session, run=run).get("pending"):
            return None
        ritual, _, period = run.partition(":")
        words = self.readers.of_user(cmo)
        message = blocks.report(
            words, ritual=ritual, period=period, failures=self.lines(session, run, words)
        )
        return {"channel": cmo, **message.payload()}
