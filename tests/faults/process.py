"""`python -m bot serve --port 0` in a process of its own, as an operator runs it: started,
killed with SIGKILL, or stopped with SIGTERM; its log kept in a file to be read afterwards.

`prepare()` starts the process ahead of time with its imports done (tests/faults/standby.py),
so that a restart right after a kill is quick; `start()` alone runs `python -m bot` itself."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LISTENING = re.compile(r"listening on (http://[\d.]+:\d+)/slack/events")
START_TIMEOUT = 30.0


class BotProcess:
    """One bot process; `url` is where it serves once `start()` returned."""

    def __init__(self, environ: dict[str, str], log: Path, *argv: str) -> None:
        self.environ = environ
        self.log = log
        self.argv = argv or ("serve", "--host", "127.0.0.1", "--port", "0")
        self.url = ""
        self._process: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str] = queue.Queue()

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def prepare(self) -> BotProcess:
        """Start the process with the bot imported, waiting for `start()` to run it."""
        self._spawn("tests.faults.standby", {})
        return self

    def start(self) -> BotProcess:
        """Start it (or let the prepared one run) and wait for the line that says where it
        listens."""
        if self._process is None:
            self._spawn("bot", self.environ, *self.argv)
        else:
            assert self._process.stdin is not None
            with self._process.stdin as order:
                order.write(json.dumps({"env": self.environ, "argv": list(self.argv)}) + "\n")
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            found = LISTENING.search(line)
            if found:
                self.url = found.group(1)
                return self
        self.kill()
        raise AssertionError(f"the bot did not start within {START_TIMEOUT:.0f} s:\n{self.text()}")

    def _spawn(self, module: str, environ: dict[str, str], *argv: str) -> None:
        with self.log.open("w", encoding="utf-8") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", module, *argv],
                cwd=ROOT,
                env={**os.environ, **environ, "PYTHONUNBUFFERED": "1"},
                stdin=subprocess.PIPE if module != "bot" else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        threading.Thread(target=_drain, args=(self._process, self._lines), daemon=True).start()

    def kill(self) -> None:
        """SIGKILL: no handler runs, nothing is flushed, connections drop."""
        if self._process is not None and self._process.poll() is None:
            os.kill(self._process.pid, signal.SIGKILL)
        self.wait(10)
        if self._process is not None and self._process.stdin is not None:
            self._process.stdin.close()

    def terminate(self, timeout: float) -> tuple[int | None, float]:
        """SIGTERM, then wait: (exit status or None if still running after `timeout`, seconds)."""
        assert self._process is not None
        started = time.monotonic()
        os.kill(self._process.pid, signal.SIGTERM)
        code = self.wait(timeout)
        return code, time.monotonic() - started

    def wait(self, timeout: float) -> int | None:
        if self._process is None:
            return None
        try:
            return self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def tracebacks(self) -> int:
        return self.text().count("Traceback (most recent call last)")

    def __enter__(self) -> BotProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.kill()


def _drain(process: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    assert process.stdout is not None
    with process.stdout:
        for line in process.stdout:
            lines.put(line)
