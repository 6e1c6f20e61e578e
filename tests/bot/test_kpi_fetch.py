"""Fetching KPIs over HTTP (httpx.MockTransport) into a real SQLite database."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.services.kpi_fetch import fetch_readings
from rituals.db import make_engine, migrate, transaction
from rituals.models import Initiative, KpiReading
from tests.factories import initiative

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
SECRET = "s3cr3t-token-value"
SOURCES = {
    "json": "https://kpi.test/metrics.json#json:data.lead_time",
    "csv": "https://kpi.test/export.csv#csv:lead_time",
    "flaky": "https://kpi.test/flaky.json#json:value",
    "down": "https://kpi.test/down.json#json:value",
    "slow": "https://kpi.test/slow.json#json:value",
    "gone": "https://kpi.test/gone.json#json:value",
    "wrong path": "https://kpi.test/metrics.json#json:data.x",
    "secured": "https://kpi.test/secure.json#json:value | header:Authorization=KPI_TOKEN",
    "unset env": "https://kpi.test/secure.json#json:value | header:Authorization=NOT_SET",
    "bad source": "ftp://kpi.test/k.csv#csv:B2",
    "none": None,
}


class Server:
    """Serves the KPI endpoints and remembers what it was asked."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path == "/metrics.json":
            return httpx.Response(200, json={"data": {"lead_time": 4.5}})
        if path == "/export.csv":
            return httpx.Response(200, text="week;lead_time\n2026-W46;5,5\n2026-W47;3,25\n")
        if path == "/flaky.json":
            tries = sum(r.url.path == path for r in self.requests)
            return httpx.Response(500) if tries == 1 else httpx.Response(200, json={"value": 12})
        if path == "/down.json":
            return httpx.Response(503)
        if path == "/slow.json":
            raise httpx.ReadTimeout("read timed out", request=request)
        if path == "/secure.json":
            if request.headers.get("Authorization") != f"Bearer {SECRET}":
                return httpx.Response(401)
            return httpx.Response(200, json={"value": 99.5})
        return httpx.Response(404)

    def count(self, path: str) -> int:
        return sum(r.url.path == path for r in self.requests)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path}/k.db")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def initiatives(engine: Engine) -> dict[str, Initiative]:
    with transaction(engine) as session:
        rows = {name: initiative(name, "U1", kpi_source=source) for name, source in SOURCES.items()}
        session.add_all(rows.values())
    return rows


def _fetch(engine: Engine, initiatives: list[Initiative], server: Server) -> list[KpiReading]:
    return fetch_readings(
        engine=engine,
        initiatives=initiatives,
        period="2026-W48",
        now=NOW,
        environ={"KPI_TOKEN": f"Bearer {SECRET}"},
        transport=httpx.MockTransport(server),
        backoff=0,
    )


def _stored(engine: Engine) -> dict[tuple[int, str], list[KpiReading]]:
    with transaction(engine) as session:
        rows = session.exec(select(KpiReading)).all()
    grouped: dict[tuple[int, str], list[KpiReading]] = {}
    for row in rows:
        grouped.setdefault((row.initiative_id, row.period), []).append(row)
    return grouped


def test_each_source_gives_a_value_or_a_short_error(
    engine: Engine, initiatives: dict[str, Initiative], caplog: pytest.LogCaptureFixture
) -> None:
    server = Server()
    caplog.set_level(logging.DEBUG)
    returned = _fetch(engine, list(initiatives.values()), server)

    by_id = {i.id: name for name, i in initiatives.items()}
    outcome = {by_id[r.initiative_id]: (r.value, r.error) for r in returned}
    assert outcome == {
        "json": (4.5, None),
        "csv": (3.25, None),
        "flaky": (12.0, None),
        "down": (None, "HTTP 503"),
        "slow": (None, "timeout"),
        "gone": (None, "HTTP 404"),
        "wrong path": (None, "no number at data.x (no 'x')"),
        "secured": (99.5, None),
        "unset env": (None, "missing env NOT_SET"),
        "bad source": (None, outcome["bad source"][1]),
    }
    assert "not an http(s) URL" in (outcome["bad source"][1] or "")

    stored = _stored(engine)
    assert len(stored) == len(returned) == 10
    assert all(len(rows) == 1 and rows[0].period == "2026-W48" for rows in stored.values())
    secured = stored[(initiatives["secured"].id or 0, "2026-W48")][0]
    assert (secured.value, secured.error, secured.fetched_at) == (99.5, None, NOW)

    # 500 then 200: retried once; 503 and timeouts: tried 1 + 2 retries; 404: not retried.
    assert server.count("/flaky.json") == 2
    assert server.count("/down.json") == 3
    assert server.count("/slow.json") == 3
    assert server.count("/gone.json") == 1
    # The header was sent from the environment, and never logged.
    sent = [r.headers.get("Authorization") for r in server.requests if r.url.path == "/secure.json"]
    assert sent == [f"Bearer {SECRET}"]  # "unset env" never reached the server
    assert all(SECRET not in record.getMessage() for record in caplog.records)
    assert SECRET not in caplog.text
    assert caplog.records  # the fetch did log, so the check above is not vacuous


def test_a_second_fetch_replaces_the_reading_of_the_period(
    engine: Engine, initiatives: dict[str, Initiative]
) -> None:
    chosen = [initiatives["json"], initiatives["slow"]]
    with transaction(engine) as session:
        session.add(
            KpiReading(
                initiative_id=initiatives["json"].id or 0,
                period="2026-W47",
                value=1.0,
                fetched_at=NOW - timedelta(weeks=1),
            )
        )

    _fetch(engine, chosen, Server())
    again = _fetch(engine, chosen, Server())

    stored = _stored(engine)
    json_id, slow_id = initiatives["json"].id or 0, initiatives["slow"].id or 0
    assert [r.value for r in stored[(json_id, "2026-W48")]] == [4.5]
    assert [r.error for r in stored[(slow_id, "2026-W48")]] == ["timeout"]
    assert [r.value for r in stored[(json_id, "2026-W47")]] == [1.0]  # other periods kept
    assert {r.id for r in again} == {
        stored[(json_id, "2026-W48")][0].id,
        stored[(slow_id, "2026-W48")][0].id,
    }


def test_secret_headers_are_not_sent_across_a_redirect(
    engine: Engine, initiatives: dict[str, Initiative]
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "kpi.test":
            return httpx.Response(302, headers={"Location": "https://elsewhere.test/x.json"})
        raise AssertionError(f"followed a redirect with a secret header to {request.url}")

    readings = fetch_readings(
        engine=engine,
        initiatives=[initiatives["secured"]],
        period="2026-W48",
        now=NOW,
        environ={"KPI_TOKEN": SECRET},
        transport=httpx.MockTransport(handler),
        backoff=0,
    )
    assert [(r.value, r.error) for r in readings] == [(None, "HTTP 302")]


def test_initiatives_without_source_get_no_reading(
    engine: Engine, initiatives: dict[str, Initiative]
) -> None:
    assert _fetch(engine, [initiatives["none"]], Server()) == []
    assert _stored(engine) == {}


def test_naive_now_is_refused(engine: Engine) -> None:
    with pytest.raises(ValueError, match="naive"):
        fetch_readings(
            engine=engine, initiatives=[], period="2026-W48", now=datetime(2026, 11, 24), environ={}
        )
