"""Shared set-up for benchmarks: a stand-in Slack, a configured bot, a seeded roadmap."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bot.devtools.standin import SlackStandIn
from tests.factories import seed_many
from tests.slackbot import bot_environ


def owners(count: int) -> dict[str, dict]:
    return {
        f"U{n:08d}": {"email": f"owner{n}@example.com", "real_name": f"Owner {n}"}
        for n in range(count)
    }


def environ_for(
    standin: SlackStandIn,
    *,
    folder: Path | None = None,
    database_url: str | None = None,
    rate: float = 200,
    burst: int = 200,
    default_delivery: bool = False,
) -> dict[str, str]:
    """The bot's environment; `default_delivery`: its pacing as shipped (no [delivery])."""
    folder = folder or Path(tempfile.mkdtemp(prefix="ritualbot-bench-"))
    env = bot_environ(folder, standin, database_url or f"sqlite:///{folder / 'bench.db'}")
    config = Path(env["RITUALBOT_CONFIG"])
    text = config.read_text()
    if default_delivery:
        text = text.replace("[delivery]\nrate_per_second = 200\nburst = 200\n", "")
        assert "rate_per_second" not in text
    text = text.replace("rate_per_second = 200", f"rate_per_second = {rate}")
    config.write_text(text.replace("burst = 200", f"burst = {burst}"))
    return env


def replace_config(environ: dict[str, str], toml: str) -> None:
    """Put `toml` (people, channels, committees…) in place of the test configuration that
    `environ_for` wrote, keeping the [delivery] section it set."""
    config = Path(environ["RITUALBOT_CONFIG"])
    text = config.read_text()
    config.write_text(toml.rstrip() + "\n\n" + text[text.index("[delivery]") :])


def seed(engine, people: dict[str, dict], quarter: str = "2026-Q4") -> None:
    seed_many(
        engine, people, quarter=quarter, kpi_name="Lead time", kpi_unit="days", kpi_target=5.0
    )


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> str:
    return (
        f"p50 {percentile(values, 50) * 1000:.1f} ms, p99 {percentile(values, 99) * 1000:.1f} ms, "
        f"mean {statistics.fmean(values) * 1000:.1f} ms, n={len(values)}"
    )
