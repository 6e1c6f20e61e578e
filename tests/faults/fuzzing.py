"""What can arrive at `POST /slack/events`, as hypothesis strategies: the bodies of
tests/faults/bodies.py, each signed as Slack signs or not signed well (no headers, a stale,
future or non-numeric timestamp, a wrong signature), some of them sent chunked."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from bot.devtools.simulate import sign
from tests.faults.bodies import KINDS, body
from tests.faults.traffic import Request
from tests.slackbot import SECRET

UNSIGNED = (
    "no headers",
    "no signature",
    "no timestamp",
    "stale",
    "future",
    "not a number",
    "float",
    "huge number",
    "negative",
    "arabic digits",
    "wrong signature",
    "other body's signature",
    "other secret",
    "v1 scheme",
    "garbage signature",
)
SIGNINGS = st.sampled_from(["signed"] * len(UNSIGNED) + list(UNSIGNED))  # half signed
KIND = st.sampled_from(KINDS)
SEED = st.integers(min_value=0, max_value=2**64 - 1)


@dataclass(frozen=True)
class Case:
    """One request to try: its body, and how (if at all) it is signed."""

    what: str  # the kind of body, for the figures
    body: bytes
    content_type: str
    signing: str  # "signed" or one of UNSIGNED
    chunked: bool = False

    @property
    def signed(self) -> bool:
        return self.signing == "signed"

    def headers(self, now: int | None = None) -> dict[str, Any]:
        now = int(time.time()) if now is None else now
        good = sign(self.body, now, SECRET)
        arabic = str(now).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        stamps: dict[str, tuple[str | None, str | None]] = {
            "signed": (str(now), good),
            "no headers": (None, None),
            "no signature": (str(now), None),
            "no timestamp": (None, good),
            "stale": (str(now - 310), sign(self.body, now - 310, SECRET)),
            "future": (str(now + 310), sign(self.body, now + 310, SECRET)),
            "not a number": ("soon", good),
            "float": (f"{now}.5", good),
            "huge number": ("9" * 40, good),
            "negative": (f"-{now}", good),
            "arabic digits": (arabic, sign(self.body, int(now), SECRET)),
            "wrong signature": (str(now), "v0=" + "0" * 64),
            "other body's signature": (str(now), sign(self.body + b" ", now, SECRET)),
            "other secret": (str(now), sign(self.body, now, "not-the-secret")),
            "v1 scheme": (str(now), "v1" + good[2:]),
            "garbage signature": (str(now), "v0=\xff☃"),
        }
        stamp, signature = stamps[self.signing]
        headers: dict[str, Any] = {"Content-Type": self.content_type}
        if stamp is not None:
            headers["X-Slack-Request-Timestamp"] = stamp.encode()
        if signature is not None:
            headers["X-Slack-Signature"] = signature.encode()
        return headers


def cases(envelopes: list[tuple[str, Request]]) -> st.SearchStrategy[Case]:
    """Any request. Hypothesis draws the kind of body, its signing, its bytes when they are
    random, and the seed of a Random that builds the rest: its own recursive JSON
    strategies cost milliseconds an example, and thousands are sent."""

    @st.composite
    def case(draw: st.DrawFn) -> Case:
        kind = draw(KIND)
        raw = draw(st.binary(max_size=3000)) if kind == "bytes" else b""
        rng = random.Random(draw(SEED))
        what, data, content_type = body(rng, kind, raw, envelopes)
        return Case(what, data, content_type, draw(SIGNINGS), chunked=rng.random() < 0.03)

    return case()
