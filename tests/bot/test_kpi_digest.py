"""KPI sources feed the digest: a value read this week shows, a failure is noted, never blocks."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlmodel import Session

from bot.jobs import run_ritual
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from rituals.models import Initiative, KpiReading
from tests.bot.test_checkin_flow import texts
from tests.conftest import TUESDAY


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
    with Session(bot.deps.engine) as session:
        session.add(
            Initiative(
                title="Lead time",
                owner="U0OWNER01",
                quarter="2026-Q4",
                committee="comex",
                kpi_name="Lead time",
                kpi_unit="days",
                kpi_target=5.0,
                kpi_source=f"{metrics}/metrics.json#json:data.lead_time",
            )
        )
        session.add(
            Initiative(
                title="Churn",
                owner="U0OWNER02",
                quarter="2026-Q4",
                committee="comex",
                kpi_source=f"{metrics}/gone.csv#csv:B2",
            )
        )
        session.commit()
    run_ritual(bot.deps, "digest", now=TUESDAY + timedelta(days=3))
    bot.settled()
    readings = {r.initiative_id: (r.value, r.error) for r in bot.rows(KpiReading)}
    assert readings == {1: (6.5, None), 2: (None, "HTTP 404")}
    detail = "\n".join(texts(m) for m in standin.messages("C0COMEX01")[1:])
    assert "KPI *6.5* / 5 days" in detail
    assert "KPI source unreadable: HTTP 404" in detail
