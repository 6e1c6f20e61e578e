"""The workspace the fault campaigns run in: a board of 30 voters, owners who answer by DM,
rituals that never fire by themselves (a campaign runs them when it means to), and the
environment a bot process is started with."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from bot.devtools.standin import SlackStandIn
from rituals.periods import quarter_of
from tests.factories import seed
from tests.slackbot import SECRET

PARIS = ZoneInfo("Europe/Paris")
CMO = "U0CMO0001"
BOARD, BOARD_CHANNEL = "board", "C0BOARD01"
VOTERS = [f"U0VOTE{n:03d}" for n in range(30)]
NEVER = "cron 0 3 29 2 *"  # 29 February, 03:00: no ritual fires or catches up on its own
RITUALS = ("checkin", "reminder", "digest", "escalation", "arbitration", "review")


def owner(n: int) -> str:
    return f"U0OWNR{n:04d}"


def people(owners: int, *extra: str) -> dict[str, dict[str, Any]]:
    """The stand-in's users: the CMO, the voters, `owners` owners and `extra` ids."""
    ids = [CMO, *VOTERS, *(owner(n) for n in range(owners)), *extra]
    return {u: {"email": f"{u.lower()}@example.com", "real_name": f"Person {u[2:]}"} for u in ids}


def config(committees: dict[str, tuple[str, list[str]]] | None = None) -> str:
    """The TOML file: the board (or `committees`: name → (channel, members)), fast delivery."""
    committees = committees or {BOARD: (BOARD_CHANNEL, VOTERS)}
    lines = [
        'timezone = "Europe/Paris"',
        'language = "en"',
        f'cmo = ["{CMO}"]',
        'escalation_channel = "C0ESCAL01"',
    ]
    for name, (channel, members) in committees.items():
        listed = ", ".join(f'"{m}"' for m in members)
        lines += ["", f"[committees.{name}]", f'channel = "{channel}"', f"members = [{listed}]"]
    lines += ["", "[delivery]", "rate_per_second = 500", "burst = 500", "", "[cadences]"]
    lines += [f'{ritual} = "{NEVER}"' for ritual in RITUALS]
    return "\n".join(lines) + "\n"


def environ(
    folder: Path,
    standin: SlackStandIn,
    database_url: str,
    committees: dict[str, tuple[str, list[str]]] | None = None,
) -> dict[str, str]:
    """What a bot process (or `load_settings`) is given: the stand-in, the database, the file."""
    path = folder / "ritualbot.toml"
    path.write_text(config(committees), encoding="utf-8")
    return {
        "SLACK_BOT_TOKEN": standin.token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": standin.url,
        "DATABASE_URL": database_url,
        "RITUALBOT_CONFIG": str(path),
    }


def this_quarter() -> str:
    """The quarter of the real clock: a bot process reads answers with it."""
    return quarter_of(datetime.now(UTC), PARIS)


def seed_owners(engine: Engine, owners: range, **fields: Any) -> dict[str, int]:
    """One initiative of this quarter per owner; owner → initiative id."""
    made = seed(
        engine,
        *({"title": f"Initiative {n}", "owner": owner(n)} for n in owners),
        **({"quarter": this_quarter(), "committee": BOARD} | fields),
    )
    return {i.owner: i.id for i in made if i.id is not None}
