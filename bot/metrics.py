"""The bot's figures for Prometheus (`GET /metrics`, the text format): what the process did —
messages sent and failed per Web API method, 429s, inbox items done, failed and parked,
ritual runs and their duration, the time to answer Slack — counted where it happens, and
the depth of the outbox and the inbox by state, read from the database at each scrape (so
every replica reports the same queues).

The counters belong to the process (one bot a process); each web app gathers them with its
database's depths in a registry of its own."""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.process_collector import ProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from rituals.models import InboxItem
from rituals.store import outbox

CONTENT_TYPE = CONTENT_TYPE_LATEST
OUTBOX_STATES = ("pending", "sent", "failed")
INBOX_STATES = ("pending", "done", "parked")

SENT = Counter(
    "ritualbot_slack_messages_sent",
    "Outbox messages Slack accepted, by Web API method",
    ["method"],
    registry=None,
)
FAILED = Counter(
    "ritualbot_slack_messages_failed",
    "Outbox messages that failed for good, by Web API method",
    ["method"],
    registry=None,
)
RATELIMITED = Counter(
    "ritualbot_slack_ratelimited",
    "429 answers from Slack, by Web API method",
    ["method"],
    registry=None,
)
INBOX = Counter(
    "ritualbot_inbox_processed",
    "Inbox items processed: done, failed (an attempt that will be retried) or parked",
    ["outcome"],
    registry=None,
)
RITUAL_RUNS = Counter("ritualbot_ritual_runs", "Ritual runs, by ritual", ["ritual"], registry=None)
RITUAL_SECONDS = Histogram(
    "ritualbot_ritual_run_seconds",
    "How long a ritual run took to decide and queue its messages, by ritual",
    ["ritual"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
    registry=None,
)
ACK_SECONDS = Histogram(
    "ritualbot_slack_ack_seconds",
    "Time from a Slack request's arrival to its answer (Slack waits 3 s at most)",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5),
    registry=None,
)
for _outcome in ("done", "failed", "parked"):  # every series from the start, at 0
    INBOX.labels(_outcome)
PROCESS_METRICS = (SENT, FAILED, RATELIMITED, INBOX, RITUAL_RUNS, RITUAL_SECONDS, ACK_SECONDS)


class _Depths(Collector):
    """The queues by state, read at each scrape; `ritualbot_database_up` 0 when they cannot be."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("ritualbot_database_up", "1 when the database answered the scrape")
        try:
            with Session(self.engine) as session:
                sent = outbox.states_after(session=session, after_id=0)
                rows = session.exec(
                    select(InboxItem.state, func.count()).group_by(col(InboxItem.state))
                )
                received = {state: int(count) for state, count in rows}
        except Exception:  # the database is away: say so, and no depth rather than a wrong one
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield _by_state("ritualbot_outbox_depth", "Outbox messages by state", sent, OUTBOX_STATES)
        yield _by_state("ritualbot_inbox_depth", "Inbox items by state", received, INBOX_STATES)


def _by_state(
    name: str, documentation: str, counts: dict[str, int], states: tuple[str, ...]
) -> GaugeMetricFamily:
    gauge = GaugeMetricFamily(name, documentation, labels=["state"])
    for state in sorted(set(states) | set(counts)):
        gauge.add_metric([state], counts.get(state, 0))
    return gauge


class Metrics:
    """The figures one web app serves: the process's counters, its database's depths."""

    def __init__(self, engine: Engine) -> None:
        self.registry = CollectorRegistry()
        for metric in PROCESS_METRICS:
            self.registry.register(metric)
        self.registry.register(_Depths(engine))
        ProcessCollector(registry=self.registry)

    def text(self) -> bytes:
        return generate_latest(self.registry)
