"""KPI sources feed the digest: a value read this week shows, a failure is noted, never blocks."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import KpiReading
from tests.blockkit import texts
from tests.conftest import TUESDAY
from tests.factories import seed
from tests.slackbot import run_ritual


class _Metrics(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/metrics.json":
            body, status = json.dumps({"data": {"lead_time": "6,5"}}).encode(), 200
        else:
            body, status = b"not here", 404
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def metrics() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Metrics)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_digest_shows_the_kpi_read_from_its_source_and_notes_a_failure(
    bot: LocalBot, standin: SlackStandIn, metrics: str
) -> None:
    lead_time, churn = seed(
        bot.engine,
        {
            "title": "Lead time",
            "owner": "U0OWNER01",
            "kpi_name": "Lead time",
            "kpi_unit": "days",
            "kpi_source": f"{metrics}/metrics.json#json:data.lead_time",
        },
        {"title": "Churn", "owner": "U0OWNER02", "kpi_source": f"{metrics}/gone.csv#csv:B2"},
    )
    run_ritual(bot, "digest", now=TUESDAY + timedelta(days=3))
    bot.settled()
    readings = {r.initiative_id: (r.value, r.error) for r in bot.rows(KpiReading)}
    assert readings == {lead_time.id: (6.5, None), churn.id: (None, "HTTP 404")}
    top, *thread = standin.messages("C0COMEX01")
    detail = "\n".join(texts(m) for m in thread)
    assert "*Lead time* · Owner 1 · KPI *6.5 days* (target 5 days)" in detail  # read, not asked
    assert "*Churn* · Owner 2 · no update this week, KPI source unreadable: HTTP 404" in detail
    assert "*1* KPI source could not be read this week" in texts(top)
