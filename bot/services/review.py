"""The quarterly review: posted to each committee at the start of a quarter, and the page
`ritualbot review export` writes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.blocks import review as blocks
from bot.dashboard.links import page_url
from bot.delivery import keys
from bot.delivery.outbox import enqueue
from bot.delivery.payloads import post
from bot.readers import Readers
from bot.settings import Settings
from rituals.db import Database
from rituals.periods import previous, quarter_of
from rituals.registry import Ritual, RunResult
from rituals.review import QuarterReview, build_review, quarter_bounds
from rituals.store import review, runs


def load_review(database: Database, quarter: str, *, tz: ZoneInfo) -> QuarterReview:
    """The review of `quarter`, read with five queries whatever the roadmap's size."""
    start, end = quarter_bounds(quarter, tz)
    with database.read() as session:
        rows = review.quarter_rows(session=session, quarter=quarter, start=start, end=end)
    return build_review(
        quarter,
        rows.initiatives,
        rows.checkins,
        rows.prompts,
        rows.decisions,
        rows.escalations,
        tz=tz,
    )


class ReviewRitual:
    def __init__(self, database: Database, settings: Settings, readers: Readers) -> None:
        self.database = database
        self.settings = settings
        self.readers = readers

    def run(self, *, now: datetime, committee: str | None = None) -> RunResult:
        """The review of the quarter that just ended, posted to each committee once."""
        tz = self.settings.tz
        quarter = previous(quarter_of(now, tz))
        found = load_review(self.database, quarter, tz=tz)
        queued = 0
        with self.database.write() as session:
            for name in [committee] if committee else list(self.settings.config.committees):
                if not runs.note(
                    session=session, ritual=Ritual.REVIEW, period=quarter, committee=name, now=now
                ):
                    continue
                message = blocks.review_summary(
                    self.readers.of_committee(name),
                    committee=name,
                    quarter=quarter,
                    items=found.committees.get(name, []),
                    decisions=sum(d.committee == name for d in found.decisions),
                    page=page_url(self.settings, f"/review/{quarter}"),
                )
                channel = self.settings.config.committees[name].channel
                queued += enqueue(
                    session, keys.review(quarter, name), post(channel, message), now=now
                )
        return RunResult(Ritual.REVIEW, quarter, queued, queued > 0)
