"""`GET /metrics` as Prometheus scrapes it: after a check-in run, answers, a 429, a failed
prompt and a failed inbox attempt, every figure the README lists is there, in the text
format, and says what happened. Counters belong to the process, so the test compares a
scrape before with a scrape after."""

from __future__ import annotations

import time
from typing import Any

from prometheus_client.parser import text_string_to_metric_families

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.metrics import Metrics
from rituals.db import make_engine
from rituals.models import InboxItem, OutboxMessage
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import run_ritual

OWNER, GONE = "U0OWNER01", "U0GONE001"  # the stand-in has no user U0GONE001
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(bot: LocalBot) -> Samples:
    response = bot.http.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    samples: Samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def grew(before: Samples, after: Samples, name: str, **labels: str) -> float:
    return value(after, name, **labels) - value(before, name, **labels)


def test_metrics_expose_every_figure_after_some_traffic(
    bot: LocalBot, standin: SlackStandIn
) -> None:
    seed(bot.engine, ("ERP phase 2", OWNER), ("Churn", GONE), ("DSO", "U0OWNER02"))
    before = scrape(bot)

    standin.fail("chat.postMessage", status=429, error="ratelimited", channel="U0OWNER02")
    run_ritual(bot, "checkin", now=TUESDAY)  # three prompts: one refused for good, one 429
    bot.settled()
    bot.dm(OWNER, "green 60%")  # stored, answered with a receipt
    real = bot.core.inbox.handlers["dm"]
    failures = iter([ValueError("a bug")])

    def flaky(*args: Any) -> None:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        real(*args)

    bot.core.inbox.handlers["dm"] = flaky
    bot.dm("U0OWNER02", "amber 30%")  # fails once, done on its retry
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(r.state != "done" for r in bot.rows(InboxItem)):
        time.sleep(0.1)
    bot.settled()
    after = scrape(bot)

    assert grew(before, after, "ritualbot_ritual_runs_total", ritual="checkin") == 1
    assert grew(before, after, "ritualbot_ritual_run_seconds_count", ritual="checkin") == 1
    assert value(after, "ritualbot_ritual_run_seconds_sum", ritual="checkin") > 0
    rows = bot.rows(OutboxMessage)
    posted = [row for row in rows if row.method == "chat.postMessage" and row.state == "sent"]
    assert len(posted) >= 4  # two prompts and two receipts, at least
    sent = grew(before, after, "ritualbot_slack_messages_sent_total", method="chat.postMessage")
    assert sent == len(posted)
    failed = grew(before, after, "ritualbot_slack_messages_failed_total", method="chat.postMessage")
    assert failed == 1
    limited = grew(before, after, "ritualbot_slack_ratelimited_total", method="chat.postMessage")
    assert limited == 1
    assert grew(before, after, "ritualbot_inbox_processed_total", outcome="done") == 2
    assert grew(before, after, "ritualbot_inbox_processed_total", outcome="failed") == 1
    assert ("ritualbot_inbox_processed_total", (("outcome", "parked"),)) in after
    assert grew(before, after, "ritualbot_slack_ack_seconds_count") == 2
    assert value(after, "ritualbot_slack_ack_seconds_bucket", le="3.0") >= 2

    # the depths are the database's, read at the scrape
    for state in ("pending", "sent", "failed"):
        expected = sum(row.state == state for row in rows)
        assert value(after, "ritualbot_outbox_depth", state=state) == expected
    assert value(after, "ritualbot_outbox_depth", state="failed") == 1
    assert value(after, "ritualbot_inbox_depth", state="done") == 2
    assert value(after, "ritualbot_inbox_depth", state="parked") == 0
    assert value(after, "ritualbot_database_up") == 1


def test_metrics_say_the_database_is_down_rather_than_report_wrong_depths() -> None:
    metrics = Metrics(make_engine("sqlite:////nonexistent/folder/ritualbot.db"))
    families = {f.name: f for f in text_string_to_metric_families(metrics.text().decode())}
    [up] = families["ritualbot_database_up"].samples
    assert up.value == 0
    assert "ritualbot_outbox_depth" not in families and "ritualbot_inbox_depth" not in families
    assert "ritualbot_slack_messages_sent" in families  # the process's counters still are
