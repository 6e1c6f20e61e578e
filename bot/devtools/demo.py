"""`ritualbot demo`: the real bot, a sample roadmap and simulated owners, against a local
stand-in for Slack — what each person would see, printed in the terminal.

Past 300 lines: the demo's story, chapter by chapter; each chapter is a short function.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from pydantic import SecretStr

from bot.devtools.pictures import Album, bot_post, said
from bot.devtools.render import Reader
from bot.devtools.simulate import LocalBot
from bot.devtools.standin import SlackStandIn
from bot.devtools.story import Clock, Story
from bot.services.exports import CHECKIN_COLUMNS, checkin_rows, decision_rows
from bot.services.roadmap import import_roadmap
from bot.settings import Committee, Config, Delivery, Settings

DM, THREAD = "ritualbot · direct message", "Thread · ritualbot"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
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


def run_demo(language: str = "en", out: TextIO | None = None, html: Path | None = None) -> int:
    """The story in the terminal; with `html`, also one page per scene written there."""
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
            names = {user: name for user, (name, _) in PEOPLE.items()}
            names |= {"C0COMEX01": "#comex", "C0OPSCOM1": "#opscom"}
            story = Story(bot, clock, out, names)
            album = Album(Reader(names, PARIS, language))
            _checkin_week(story, bot, clock, album)
            _arbitration(story, bot, clock, album)
            _digest_and_home(story, bot, album)
            _monthly_committee(story, bot)
            _escalation(story, bot, album)
            _exports(story, bot)
    if html is not None:
        written = album.write(html)
        print(f"\n{len(written) - 1} pages of what people see, in {html / 'index.html'}", file=out)
    return 0


def _prompt(bot: LocalBot, user: str, title: str) -> dict[str, Any]:
    return next(m for m in bot.standin.messages(user) if title in (m.get("text") or ""))


def _checkin_week(story: Story, bot: LocalBot, clock: Clock, album: Album) -> None:
    print(
        story.style.bold(
            "ritualbot demo: the CMO's rituals over two weeks, against a local stand-in for Slack"
        ),
        file=story.out,
    )
    story.chapter("The CMO imports the quarterly roadmap (ritualbot roadmap import roadmap_fr.csv)")
    text = (SAMPLES / "roadmap_fr.csv").read_text(encoding="utf-8")
    result = import_roadmap(
        engine=bot.engine,
        client=bot.core.client,
        text=text,
        committees=tuple(bot.settings.config.committees),
        default_quarter="2026-Q4",
        now=clock.now,
    )
    print(
        f"  {result.created} initiatives created (owners given by e-mail resolved through Slack)",
        file=story.out,
    )

    story.chapter("Weekly check-in: every owner gets one DM listing their initiatives", MONDAY)
    bot.core.rituals.run("checkin", now=MONDAY)
    first = {"done": False}

    def brief(params: dict[str, Any]) -> bool:
        if not first["done"]:
            first["done"] = True
            return False
        return True

    story.show_new(brief)
    album.conversation(
        "checkin-prompt",
        "The weekly check-in",
        "Thomas Girard, who owns two initiatives, on Monday at 9:00: one DM for both",
        place=DM,
        posts=[bot_post(clock.now, _prompt(bot, "U0OWNER02", "ERP"))],
    )

    story.chapter("Owners answer in their own words", MONDAY + timedelta(hours=2))
    prompt = _prompt(bot, "U0OWNER02", "ERP")
    both = "ERP : vert 60% kpi 55 — bloqué par le juridique\nRéférentiel : orange 45 %"
    story.says("U0OWNER02", "(in the thread, on his two initiatives) " + both.replace("\n", " / "))
    bot.dm("U0OWNER02", both, thread_ts=prompt["ts"])
    story.show_new()
    album.conversation(
        "receipt",
        "The receipt of an answer",
        "Thomas Girard, in the prompt's thread, right after answering in his own words",
        place=THREAD,
        posts=[
            said("Thomas Girard", clock.now, both),
            bot_post(clock.now, bot.standin.messages("U0OWNER02")[-1]),
        ],
    )

    story.says("U0INES001", "on track, 80%, KPI at 12 managers trained; no blockers")
    bot.dm("U0INES001", "on track, 80%, KPI at 12 managers trained; no blockers")
    story.show_new()

    story.says("U0OWNER03", "rouge, bloqué par les données du contrôle de gestion")
    bot.dm("U0OWNER03", "rouge, bloqué par les données du contrôle de gestion")
    story.show_new()
    question = bot.standin.messages("U0OWNER03")[-1]
    album.conversation(
        "which-initiative",
        "Which initiative?",
        "Nadia Benali, who owns two initiatives, after an answer that names neither",
        place=DM,
        posts=[
            said("Nadia Benali", clock.now, "rouge, bloqué par les données du contrôle de gestion"),
            bot_post(clock.now, question),
        ],
    )
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
    album.view(
        "checkin-form",
        "The check-in form",
        "Lucas Fontaine, after clicking Update on his prompt",
        view,
    )
    story.does(
        "U0OWNER04",
        "picks At risk, 35 %, KPI 6.5, blocker “hiring freeze”, and asks for a decision: "
        "“Hire an external recruiter for Q1?”, and saves",
    )
    bot.submit(
        "U0OWNER04",
        view,
        {
            "status": "at_risk",
            "progress": 35,
            "kpi": "6.5",
            "blockers": "hiring freeze",
            "decision": "Hire an external recruiter for Q1?",
        },
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
    bot.core.rituals.run("reminder", now=clock.now)
    story.show_new()
    album.conversation(
        "reminder",
        "The reminder",
        "Nadia Benali on Wednesday, in the prompt's thread: one nudge, only if no answer came",
        place=THREAD,
        posts=[bot_post(clock.now, bot.standin.messages("U0OWNER03")[-1])],
    )


def _digest_and_home(story: Story, bot: LocalBot, album: Album) -> None:
    friday = MONDAY + timedelta(days=4, hours=7)
    story.chapter("Friday: each committee reads its weekly digest", friday)
    bot.core.rituals.run("digest", now=friday)
    story.show_new()
    top = [m for m in bot.standin.messages("C0COMEX01") if not m.get("thread_ts")][-1]
    album.conversation(
        "digest",
        "The weekly digest",
        "The members of #comex on Friday afternoon; the detail follows in its thread",
        place="#comex",
        posts=[bot_post(friday, top)],
    )
    story.chapter("The CMO opens ritualbot's Home tab")
    story.does("U0CMO0001", "opens the Home tab")
    bot.event(
        {
            "type": "app_home_opened",
            "user": "U0CMO0001",
            "channel": "D0CMO0001",
            "tab": "home",
            "event_ts": f"{friday.timestamp():.6f}",
        }
    )
    story.show_new(homes=True)
    home = bot.standin.calls("views.publish")[-1].params["view"]
    album.view("home", "The Home tab", "Claire Moreau, the CMO, opening ritualbot's Home", home)


def _arbitration(story: Story, bot: LocalBot, clock: Clock, album: Album) -> None:
    cmo, ceo, cfo = "U0CMO0001", "U0CEO0001", "U0CFO0001"
    question = "ERP go-live: January or March? | January | March | By site, in two waves"
    story.chapter("The CMO puts a question to the comex", MONDAY + timedelta(days=3))
    story.does(cmo, f"types in #comex: /arbitrate {question}")
    bot.command(cmo, "/arbitrate", question, channel="C0COMEX01")
    story.show_new()

    poll = bot.standin.messages("C0COMEX01")[-1]
    stranger = ("U0OWNER01", 2, "C", "(not on the comex) ")
    votes = [(ceo, 1, "B", ""), (cfo, 0, "A", ""), (cfo, 1, "B", ""), stranger]
    for n, (voter, option, letter, who) in enumerate(votes):
        story.does(voter, f"{who}clicks [ Vote {letter} ]")
        bot.click(voter, poll, f"poll_vote_{option}")
        if n < 2:
            story.show_new(lambda params: "ts" in params)  # the poll redrawn, in one line
        else:
            story.show_new()  # the tally after the last vote counted, in full
        if n == 2:
            album.conversation(
                "poll",
                "A poll and its tally",
                "The members of #comex, once two of the three have voted",
                place="#comex",
                posts=[bot_post(clock.now, bot.standin.messages("C0COMEX01")[-1])],
            )

    story.does(cmo, "clicks [ Close now ]")
    bot.click(cmo, bot.standin.messages("C0COMEX01")[-1], "poll_close")
    story.show_new()
    offer = bot.standin.messages(cmo)[-1]
    story.does(cmo, "clicks [ Record decision ]")
    bot.click(cmo, offer, "decision_record")
    story.show_new()
    view = bot.standin.calls("views.open")[-1].params["view"]
    story.does(cmo, "keeps “B. March”, writes the rationale, names Thomas to follow up by 31 March")
    rationale = "Stock count in February; no go-live during the count."
    bot.submit(
        cmo,
        view,
        {
            "decision": "option:1",
            "rationale": rationale,
            "follow_up": "U0OWNER02",
            "due": "2027-03-31",
        },
    )
    story.show_new()
    album.conversation(
        "decision",
        "The decision recorded",
        "The members of #comex, once the CMO has recorded the committee's decision",
        place="#comex",
        posts=[bot_post(clock.now, bot.standin.messages("C0COMEX01")[-1])],
    )


def _monthly_committee(story: Story, bot: LocalBot) -> None:
    first_tuesday = datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)
    story.chapter("The monthly arbitration committee: owners' requests become polls", first_tuesday)
    bot.core.rituals.run("arbitration", now=first_tuesday)
    story.show_new()
    # the initiative's Consulted are asked their view first; the poll opens after their round
    bot.core.rituals.run("consult", now=first_tuesday + timedelta(hours=48))
    story.show_new()


def _escalation(story: Story, bot: LocalBot, album: Album) -> None:
    scan = datetime(2026, 12, 14, 9, 30, tzinfo=PARIS)
    story.chapter("The daily escalation scan: an initiative past its due date", scan)
    bot.core.rituals.run("escalation", now=scan)
    story.show_new()
    album.conversation(
        "escalation",
        "An escalation",
        "Nadia Benali, the morning after her initiative's due date passed (the first level)",
        place=DM,
        posts=[bot_post(scan, bot.standin.messages("U0OWNER03")[-1])],
    )


def _exports(story: Story, bot: LocalBot) -> None:
    story.chapter("What the CMO exports (ritualbot export checkins)")
    rows = checkin_rows(bot.engine)
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
    story.chapter("The decision log (ritualbot export decisions)")
    for row in decision_rows(bot.engine):
        print(
            f"  {row['decided_at'][:10]} {row['committee']}: {row['question']} → "
            f"{row['decision']} ({row['tally']}); follow-up {row['follow_up_owner']} "
            f"by {row['due']}",
            file=story.out,
        )
    print(
        f"\n{len(rows)} check-ins recorded; every message above went through the outbox to the "
        "stand-in Slack over HTTP.",
        file=story.out,
    )
