"""`ritualbot demo --serve`: a quarter of sample data and the dashboard on localhost, signed in
as the demo CMO through the stand-in Slack, with no workspace; Ctrl-C stops it cleanly."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

import httpx


def test_demo_serve_shows_the_dashboard_signed_in_as_the_cmo() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "demo", "--serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+/)auth/login", line)
        assert found, line + (process.stderr.read() if process.poll() is not None else "")
        with httpx.Client(base_url=found.group(1), follow_redirects=True, timeout=10) as browser:
            portfolio = browser.get("/auth/login")
            assert portfolio.status_code == 200
            assert "Signed in as Claire Moreau" in portfolio.text
            assert "comex" in portfolio.text and "<svg" in portfolio.text
            assert "Days sales outstanding" in portfolio.text  # the scorecard's indicators
            committee = browser.get("/committees/comex").text
            assert "ERP phase 2" in committee and "<polyline" in committee
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        if process.stdout is not None:
            process.stdout.close()
        if process.stderr is not None:
            process.stderr.close()
