"""Progress of a long step on stderr: a bar redrawn in place on a terminal, else (a log, a
pipe) a line every `EVERY` items and at the end — a log record when the log is JSON, so
that stderr stays one JSON object a line."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from bot.services.email_lookup import Progress

WIDTH = 30  # characters of the bar
EVERY = 100  # items between two lines when stderr is not a terminal
log = logging.getLogger(__name__)


class Bar:
    def __init__(self, out: TextIO, what: str, *, logged: bool = False) -> None:
        self.out, self.what, self.logged = out, what, logged
        self.terminal = bool(getattr(out, "isatty", lambda: False)())
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if self.terminal:
            filled = WIDTH * done // total
            bar = "█" * filled + "·" * (WIDTH - filled)
            self.out.write(f"\r{bar} {done:,}/{total:,} {self.what}")
            self.drawn = True
        elif done % EVERY == 0 or done == total:
            if self.logged:
                log.info("%s/%s %s", done, total, self.what)
                return
            self.out.write(f"{done:,}/{total:,} {self.what}\n")
        self.out.flush()

    def close(self) -> None:
        if self.drawn:
            self.out.write("\n")
            self.out.flush()


@contextmanager
def progress_on(out: TextIO, what: str, *, logged: bool = False) -> Iterator[Progress]:
    """`logged`: off a terminal, progress goes to the log (JSON logs) rather than raw lines."""
    bar = Bar(out, what, logged=logged)
    try:
        yield bar
    finally:
        bar.close()
