"""Fetch each initiative's KPI from its source and store one reading per initiative and period.

One bad source never stops the others: its reading carries a short `error` instead of a value.
Header values come from the environment and are never logged nor stored.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping
from datetime import datetime

import httpx
from sqlalchemy import Engine
from sqlmodel import col, delete

from rituals.db import transaction
from rituals.kpi_source import KpiSource, extract, parse_source
from rituals.models import Initiative, KpiReading

log = logging.getLogger(__name__)


class _Failed(Exception):
    """A reason short enough for the digest: 'timeout', 'HTTP 404', 'missing env KPI_TOKEN'."""


def fetch_readings(
    *,
    engine: Engine,
    initiatives: Iterable[Initiative],
    period: str,
    now: datetime,
    environ: Mapping[str, str],
    transport: httpx.BaseTransport | None = None,
    timeout: float = 5.0,
    retries: int = 2,
    backoff: float = 0.5,
) -> list[KpiReading]:
    """Read the KPI of every initiative with a `kpi_source`; replace its reading of `period`."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"{now!r} is naive; pass an aware datetime")
    sourced = {i.id: i.kpi_source for i in initiatives if i.id is not None and i.kpi_source}
    readings: list[KpiReading] = []
    with httpx.Client(transport=transport, timeout=timeout) as client:
        for initiative_id, text in sourced.items():
            assert initiative_id is not None and text is not None  # filtered above
            value, error = _read(client, text, environ, retries=retries, backoff=backoff)
            log.info("KPI of initiative %s for %s: %s", initiative_id, period, error or "ok")
            readings.append(
                KpiReading(
                    initiative_id=initiative_id,
                    period=period,
                    value=value,
                    error=error,
                    fetched_at=now,
                )
            )
    with transaction(engine) as session:
        if sourced:
            session.exec(
                delete(KpiReading)
                .where(col(KpiReading.initiative_id).in_(list(sourced)))
                .where(col(KpiReading.period) == period)
            )
        session.add_all(readings)
    return readings


def read_sources(
    sources: Mapping[str, str],
    *,
    environ: Mapping[str, str],
    transport: httpx.BaseTransport | None = None,
    timeout: float = 5.0,
    retries: int = 2,
    backoff: float = 0.5,
) -> dict[str, tuple[float | None, str | None]]:
    """(value, None) or (None, short reason) for each named source, the way KPIs are read."""
    with httpx.Client(transport=transport, timeout=timeout) as client:
        return {
            name: _read(client, text, environ, retries=retries, backoff=backoff)
            for name, text in sources.items()
        }


def _read(
    client: httpx.Client, text: str, environ: Mapping[str, str], *, retries: int, backoff: float
) -> tuple[float | None, str | None]:
    try:
        source = parse_source(text)
        headers = _headers(source, environ)
        body = _get(client, source.url, headers, retries=retries, backoff=backoff)
        return extract(source, body), None
    except (_Failed, ValueError) as exc:
        return None, str(exc)
    except Exception as exc:  # one broken source must not stop the others
        log.exception("KPI source failed unexpectedly")
        return None, f"unexpected {type(exc).__name__}"


def _headers(source: KpiSource, environ: Mapping[str, str]) -> dict[str, str]:
    missing = [variable for _, variable in source.headers if not environ.get(variable)]
    if missing:
        raise _Failed("missing env " + ", ".join(missing))
    return {name: environ[variable] for name, variable in source.headers}


def _get(
    client: httpx.Client, url: str, headers: dict[str, str], *, retries: int, backoff: float
) -> str:
    # Redirects are followed only without secret headers: a redirect may lead to another host.
    reason = ""
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        try:
            response = client.get(url, headers=headers, follow_redirects=not headers)
        except httpx.TimeoutException:
            reason = "timeout"
            continue
        except httpx.TransportError as exc:
            reason = f"connection failed ({type(exc).__name__})"
            continue
        if response.status_code >= 500:
            reason = f"HTTP {response.status_code}"
            continue
        if response.status_code != 200:
            raise _Failed(f"HTTP {response.status_code}")
        return response.text
    raise _Failed(reason)
