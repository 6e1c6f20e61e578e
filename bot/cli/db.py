"""`ritualbot db upgrade` and `ritualbot db status`: the schema, on its own.

`serve` and every command migrate on start anyway; `db upgrade` lets an operator do it
first, alone (before a deploy, or from a job), and several replicas may run it at once:
they take turns (see `rituals.db.migrate`)."""

from __future__ import annotations

import argparse

from bot.settings import Settings


def db(args: argparse.Namespace, settings: Settings) -> int:
    from rituals.db import current_revision, head_revision, make_engine, migrate

    engine = make_engine(settings.database_url)
    try:
        if args.action == "upgrade":
            before, after = migrate(engine)
            if before == after:
                print(f"the schema is up to date (revision {after})")
            else:
                print(f"the schema went from revision {before or 'none'} to {after}")
            return 0
        current, head = current_revision(engine), head_revision()
        state = "up to date" if current == head else "behind: run `ritualbot db upgrade`"
        print(f"revision {current or 'none'}; the latest is {head}: {state}")
        return 0 if current == head else 1
    finally:
        engine.dispose()
