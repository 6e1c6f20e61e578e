"""Cadences turned into APScheduler triggers: the only module that knows the trigger classes."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from rituals.cadence import Cadence


def trigger_for(cadence: Cadence, tz: ZoneInfo) -> CronTrigger:
    """A cron trigger firing at the cadence's times, read as wall-clock times in `tz`."""
    return CronTrigger(**cadence.fields, timezone=tz)


def next_fire(cadence: Cadence, tz: ZoneInfo, after: datetime) -> datetime:
    """The first time strictly after `after` that the cadence fires, in `tz`."""
    if after.tzinfo is None or after.utcoffset() is None:
        raise ValueError(f"{after!r} is naive; pass an aware datetime")
    # The trigger returns the first match at or after `now`; one microsecond makes it strict.
    now = after.astimezone(UTC) + timedelta(microseconds=1)
    fire: datetime | None = trigger_for(cadence, tz).get_next_fire_time(None, now)
    if fire is None:
        raise ValueError(f'cadence "{cadence.text}" never fires after {after.isoformat()}')
    # Through UTC, so a wall time skipped by DST comes back as the real local time.
    return fire.astimezone(UTC).astimezone(tz)
