"""`ritualbot noise report [--weeks N]`: what the bot sent each person, week by week — the
unsolicited DMs the noise budget counts and the mentions in channel posts — with who came
closest to the budget. Read from the outbox: it works offline, with the bot running or not."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from bot.settings import Settings
from bot.text import mentioned_in
from rituals.noise import NoiseReport, PersonWeeks, noise_report
from rituals.periods import bounds, recent_weeks, week_of

NAME = 28


def noise(args: argparse.Namespace, settings: Settings) -> int:
    from rituals.db import Database, make_engine, migrate
    from rituals.store import outbox, people

    tz = settings.tz
    weeks = recent_weeks(args.until or week_of(datetime.now(UTC), tz), args.weeks)
    engine = make_engine(settings.database_url)
    migrate(engine)
    try:
        with Database(engine).read() as session:
            dms = [(p, w) for p, w, _ in outbox.noise_since(session=session, first_week=weeks[0])]
            mentions = []
            for row in outbox.channel_posts_since(session=session, since=bounds(weeks[0], tz)[0]):
                target = str(row.payload.get("channel") or row.channel or "")
                if row.state == "failed" or target[:1] not in ("C", "G"):
                    continue
                week, kind = week_of(row.created_at, tz), row.key.split(":")[0]
                mentions += [(user, week, kind) for user in mentioned_in(row.payload)]
            budget = settings.config.noise.weekly_dms
            report = noise_report(dms, mentions, weeks=weeks, budget=budget)
            known = people.names(session=session, users=[p.person for p in report.people])
    finally:
        engine.dispose()
    print(render(report, known, top=args.top))
    return 0


def render(report: NoiseReport, names: dict[str, str], *, top: int) -> str:
    weeks = report.weeks
    lines = [
        f"Unsolicited DMs per person and week ({weeks[0]} to {weeks[-1]}; budget "
        f"{report.budget} a week). @N: mentioned N times in channel posts that week.",
        f"{'person':<{NAME}} {'id':<11} " + " ".join(f"{w[-3:]:>6}" for w in weeks) + "   most",
    ]
    for person in report.people[:top]:
        lines.append(_row(person, names.get(person.person, "")))
    if len(report.people) > top:
        lines.append(f"…and {len(report.people) - top} more people, each with fewer")
    if not report.people:
        lines.append("(nothing sent in these weeks)")
    over = report.over
    lines.append(
        f"{len(report.people)} people; {len(over)} past the budget in some week"
        + (" (escalations are merged past it, never dropped)" if over else "")
    )
    if report.people:
        closest = report.people[0]
        week = weeks[closest.busiest]
        who = names.get(closest.person) or closest.person
        lines.append(f"Closest to the budget: {who} ({closest.most} in {week})")
    total = sum(report.mentions_by_kind.values())
    kinds = ", ".join(f"{kind} {count}" for kind, count in report.mentions_by_kind.items())
    lines.append(f"Mentions in channel posts: {total}" + (f" ({kinds})" if kinds else ""))
    return "\n".join(lines)


def _row(person: PersonWeeks, name: str) -> str:
    cells = [
        f"{dms}" + (f"@{named}" if named else "")
        for dms, named in zip(person.dms, person.mentions, strict=True)
    ]
    shown = (name or "?")[:NAME]
    return (
        f"{shown:<{NAME}} {person.person:<11} "
        + " ".join(f"{cell:>6}" for cell in cells)
        + f"   {person.most:>4}"
    )
