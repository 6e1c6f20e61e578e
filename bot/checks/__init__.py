"""What `ritualbot doctor`, `serve` at start and `GET /readyz` look at, one `Check` each: what
was looked at, whether it is right, what was found and, when it is wrong, what to do.

`local` checks what this machine holds (the configuration, the database and its schema, the
prompts catalogue), `slack` what Slack says (the token and its scopes, the channels, the
people, a test DM), `ready` keeps the few that decide readiness, cached where they cost."""

from __future__ import annotations

import sys
from dataclasses import dataclass

MARKS = ("✓", "✗")
ASCII_MARKS = ("ok", "FAIL")


@dataclass(frozen=True)
class Check:
    name: str  # what was looked at: "token", "committee comex", "person U0CMO0001"
    ok: bool
    detail: str  # what was found
    fix: str = ""  # what to do, when it is not right

    def line(self, marks: tuple[str, str] = MARKS) -> str:
        text = f"{marks[0] if self.ok else marks[1]} {self.name}: {self.detail}"
        return f"{text} → {self.fix}" if self.fix and not self.ok else text

    def sentence(self) -> str:
        """The problem and what to do as one sentence, for a log line or an error."""
        return f"{self.name}: {self.detail}" + (f"; {self.fix}" if self.fix else "")


def marks_for(stream: object = None) -> tuple[str, str]:
    """✓ and ✗ where the output can show them, else plain words."""
    encoding = getattr(stream if stream is not None else sys.stdout, "encoding", None) or "ascii"
    try:
        "".join((*MARKS, "→")).encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return ASCII_MARKS
    return MARKS
