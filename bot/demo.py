"""`ritualbot demo`: the real bot, a sample roadmap and simulated owners, against a local
stand-in for Slack — what each person would see, printed in the terminal."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from pydantic import SecretStr

from bot.exports import CHECKIN_COLUMNS, checkin_rows
from bot.jobs import run_ritual
from bot.roadmap_io import import_roadmap
from bot.settings import Committee, Config, Delivery, Settings
from bot.simulate import LocalBot
from bot.standin import SlackStandIn
from bot.terminal import Style, message_as_lines, view_as_lines

SAMPLES = Path(__file__).with_name("samples")
PARIS = ZoneInfo("Europe/Paris")
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=PARIS)

PEOPLE = {
    "U0CMO0001": ("Claire Moreau", "claire.moreau@example.com"),
    "U0CEO0001": ("Paul Durand", "paul.durand@example.com"),
    "U0CFO0001": ("Anne Petit", "anne.petit@example.com"),
    "U0ACCT001": ("Marc Leroy", "marc.leroy@example.com"),
    "U0ACCT002": ("Julie Bernard", "julie.bernard@example.com"),
    "U0OWNER01": ("Sophie Laurent", "sophie.laurent@example.com"),
    "U0OWNER02": ("Thomas Girard", "thomas.girard@example.com"),
    "U0OWNER03": ("Nadia Benali", "nadia.benali@example.com"),
    "U0OWNER04": ("Lucas Fontaine", "lucas.fontaine@example.com"),
    "U0OWNER05": ("Emma Rousseau", "emma.rousseau@example.com"),
    "U0OWNER06": ("Hugo Lambert", "hugo.lambert@example.com"),
    "U0INES001": ("Inès Martin", "ines.martin@example.com"),
    "U0VISITOR": ("Léa Visiteur", "lea.visiteur@example.com"),
}


class Clock:
    """The demo's time: it moves through the week as the story does."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def demo_settings(folder: Path, standin: SlackStandIn, language: str) -> Settings:
    config = Config(
        timezone="Europe/Paris",
        language=language,
        cmo=["U0CMO0001"],
        escalation_channel="C0ESCAL01",
        committees={
            "comex": Committee(
                channel="C0COMEX01", members=["U0CEO0001", "U0CFO0001", "U0CMO0001"]
            ),
            "opscom": Committee(
                channel="C0OPSCOM1", members=["U0CMO0001", "U0ACCT001", "U0ACCT002"]
            ),
        },
        delivery=Delivery(rate_per_second=500, burst=500),
    )
    return Settings(
        bot_token=SecretStr(standin.token),
        signing_secret=SecretStr("demo-signing-secret"),
        slack_api_url=standin.url,
        database_url=f"sqlite:///{folder / 'demo.db'}",
        config=config,
    )


class Story:
    """Prints the week as the people in it see it."""

    def __init__(self, bot: LocalBot, clock: Clock, out: TextIO) -> None:
        self.bot, self.clock, self.out = bot, clock, out
        self.style = Style(out.isatty())
        self.names = {user: name for user, (name, _) in PEOPLE.items()}
        self.seen = 0

    def chapter(self, title: str, when: datetime | None = None) -> None:
        if when is not None:
            self.clock.now = when
        stamp = self.clock.now.strftime("%A %d %B %Y, %H:%M (%Z)")
        print(f"\n{self.style.bold('━━ ' + title)}  {self.style.dim(stamp)}", file=self.out)

    def says(self, user: str, text: str) -> None:
        print(
            f"\n  💬 {self.style.bold(self.names[user])} writes to ritualbot: {text}", file=self.out
        )

    def does(self, user: str, what: str) -> None:
        print(f"\n  👆 {self.style.bold(self.names[user])} {what}", file=self.out)

    def show_new(self, brief: Callable[[dict[str, Any]], bool] = lambda _: False) -> None:
        """Print what Slack received since last time, as its readers see it."""
        self.bot.settled()
        calls = self.bot.standin.calls(all=True)
        for call in calls[self.seen :]:
            self._show(call.method, call.params, call.response, brief)
        self.seen = len(calls)

    def _show(
        self,
        method: str,
        params: dict[str, Any],
        response: dict[str, Any],
        brief: Callable[[dict[str, Any]], bool],
    ) -> None:
        style = self.style
        if method in ("chat.postMessage", "chat.update"):
            channel = str(params.get("channel", ""))
            reader = self.names.get(channel.removeprefix("D"), channel)
            where = "in the thread" if params.get("thread_ts") else "in a DM"
            verb = "edits its message" if method == "chat.update" else "posts"
            if not response.get("ok"):
                print(
                    f"  ✗ Slack refused a message to {reader}: {response.get('error')}",
                    file=self.out,
                )
                return
            if brief(params):
                print(
                    f"  → ritualbot {verb} to {reader} {where}: {params.get('text')}", file=self.out
                )
                return
            print(f"\n  {style.dim(f'ritualbot → {reader} ({where})')}", file=self.out)
            for line in message_as_lines(params, style, self.names):
                print(f"  │ {line}", file=self.out)
        elif method == "views.open":
            print(f"\n  {style.dim('ritualbot opens a form')}", file=self.out)
            for line in view_as_lines(params.get("view", {}), style, self.names):
                print(f"    {line}", file=self.out)
        elif method == "response_url":
            print(f"\n  {style.dim('only you can see this')}", file=self.out)
            for line in message_as_lines(params, style, self.names):
                print(f"  │ {line}", file=self.out)


def run_demo(language: str = "en", out: TextIO | None = None) -> int:
    out = out or sys.stdout
    users = {
        user: {"real_name": name, "email": email, "tz": "Europe/Paris"}
        for user, (name, email) in PEOPLE.items()
    }
    with (
        tempfile.TemporaryDirectory(prefix="ritualbot-demo-") as folder,
        SlackStandIn(users=users) as standin,
    ):
        settings = demo_settings(Path(folder), standin, language)
        clock = Clock(MONDAY - timedelta(hours=1))
        with LocalBot(settings, standin, clock=clock) as bot:
            _week(Story(bot, clock, out), bot, clock)
    return 0


def _prompt(bot: LocalBot, user: str, title: str) -> dict[str, Any]:
    return next(m for m in bot.standin.messages(user) if title in (m.get("text") or ""))


def _week(story: Story, bot: LocalBot, clock: Clock) -> None:
    print(
        story.style.bold(
            "ritualbot demo: one week of the CMO's rituals, against a local stand-in for Slack"
        ),
        file=story.out,
    )
    story.chapter("The CMO imports the quarterly roadmap (ritualbot roadmap import roadmap_fr.csv)")
    text = (SAMPLES / "roadmap_fr.csv").read_text(encoding="utf-8")
    result = import_roadmap(
        engine=bot.deps.engine,
        client=bot.deps.client,
        text=text,
        committees=tuple(bot.settings.config.committees),
        default_quarter="2026-Q4",
        now=clock.now,
    )
    print(
        f"  {result.created} initiatives created (owners given by e-mail resolved through Slack)",
        file=story.out,
    )

    story.chapter("Weekly check-in: every owner gets one DM per initiative", MONDAY)
    run_ritual(bot.deps, "checkin", now=MONDAY)
    first = {"done": False}

    def brief(params: dict[str, Any]) -> bool:
        if not first["done"]:
            first["done"] = True
            return False
        return True

    story.show_new(brief)

    story.chapter("Owners answer in their own words", MONDAY + timedelta(hours=2))
    erp = _prompt(bot, "U0OWNER02", "ERP")
    story.says("U0OWNER02", "(in the thread) vert 60% kpi 55 — bloqué par le juridique")
    bot.dm("U0OWNER02", "vert 60% kpi 55 — bloqué par le juridique", thread_ts=erp["ts"])
    story.show_new()

    story.says("U0INES001", "on track, 80%, KPI at 12 managers trained; no blockers")
    bot.dm("U0INES001", "on track, 80%, KPI at 12 managers trained; no blockers")
    story.show_new()

    story.says("U0OWNER03", "rouge, bloqué par les données du contrôle de gestion")
    bot.dm("U0OWNER03", "rouge, bloqué par les données du contrôle de gestion")
    story.show_new()
    question = bot.standin.messages("U0OWNER03")[-1]
    choice = question["blocks"][-1]["elements"][0]
    story.does("U0OWNER03", f"clicks [ {choice['text']['text']} ]")
    bot.click("U0OWNER03", question, choice["action_id"])
    story.show_new()

    story.says("U0OWNER01", "salut !")
    bot.dm("U0OWNER01", "salut !")
    story.show_new()
    story.says("U0OWNER01", "orange 40 % — bloquant : attente du fournisseur")
    bot.dm("U0OWNER01", "orange 40 % — bloquant : attente du fournisseur")
    story.show_new()

    prompt = bot.standin.messages("U0OWNER04")[0]
    story.does("U0OWNER04", "clicks [ Update ] on the prompt")
    bot.click("U0OWNER04", prompt, "checkin_update")
    story.show_new()
    view = bot.standin.calls("views.open")[-1].params["view"]
    story.does("U0OWNER04", "picks At risk, 35 %, KPI 6.5, blocker “hiring freeze”, and saves")
    bot.submit(
        "U0OWNER04",
        view,
        {"status": "at_risk", "progress": 35, "kpi": "6.5", "blockers": "hiring freeze"},
    )
    story.show_new()

    prompt = bot.standin.messages("U0OWNER05")[0]
    story.does("U0OWNER05", "clicks [ Skip this week ]")
    bot.click("U0OWNER05", prompt, "checkin_skip")
    story.show_new()

    story.says("U0VISITOR", "hello! what is this bot?")
    bot.dm("U0VISITOR", "hello! what is this bot?")
    story.show_new()

    story.chapter(
        "Reminder: one nudge, in the thread, to those who have not answered",
        MONDAY + timedelta(days=2),
    )
    run_ritual(bot.deps, "reminder", now=clock.now)
    story.show_new()

    story.chapter("What the CMO exports (ritualbot export checkins)")
    rows = checkin_rows(bot.deps.engine)
    widths = {
        "initiative": 38,
        "owner": 10,
        "period": 8,
        "status": 9,
        "progress": 8,
        "kpi_value": 9,
        "blockers": 28,
        "source": 7,
    }
    columns = [c for c in CHECKIN_COLUMNS if c in widths]
    print("  " + " ".join(c.ljust(widths[c]) for c in columns), file=story.out)
    for row in rows:
        cells = ["" if row[c] is None else str(row[c]) for c in columns]
        print(
            "  "
            + " ".join(
                v[: widths[c]].ljust(widths[c]) for c, v in zip(columns, cells, strict=True)
            ),
            file=story.out,
        )
    print(
        f"\n{len(rows)} check-ins recorded; every message above went through the outbox to the "
        "stand-in Slack over HTTP.",
        file=story.out,
    )
