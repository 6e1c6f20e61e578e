"""`ritualbot inbox list|retry` and `ritualbot outbox list|retry`: what waits or failed."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from bot.settings import Settings


def box(args: argparse.Namespace, settings: Settings) -> int:
    from rituals.db import Database, make_engine, migrate
    from rituals.store import inbox, outbox

    engine = make_engine(settings.database_url)
    migrate(engine)
    database = Database(engine)
    now = datetime.now(UTC)
    try:
        if args.command == "inbox":
            if args.action == "retry":
                with database.write() as session:
                    count = inbox.retry(session=session, keys=args.keys or None, now=now)
                print(f"{count} inbox item(s) back in line; a running bot does them within seconds")
                return 0
            states = ("parked",) if args.failed else ("pending", "parked")
            with database.read() as session:
                rows = inbox.listed(session=session, states=states)
            for row in rows:
                error = f"  {row.last_error}" if row.last_error else ""
                print(f"{row.state:<8} {row.key}  {row.kind}  tries {row.attempts}{error}")
            print(f"{len(rows)} item(s)")
            return 0
        if args.action == "retry":
            with database.write() as session:
                count = outbox.retry(session=session, keys=args.keys or None, now=now)
            print(f"{count} message(s) back in line; a running bot sends them within seconds")
            return 0
        states = ("failed",) if args.failed else ("pending", "failed")
        from bot.services.names import Names
        from rituals.store import people

        with database.read() as session:
            messages = outbox.listed(session=session, states=states)
            targets = {str(m.payload.get("channel") or "") for m in messages}
            names = Names(people.names(session=session, users=targets))
        for message in messages:
            error = f"  {message.last_error}" if message.last_error else ""
            target = message.payload.get("channel") or message.payload.get("ref") or ""
            shown = names.label(str(target)) if target else ""  # `Inès Martin (U0INES001)`
            print(f"{message.state:<8} {message.key}  {message.method} {shown}{error}")
        print(f"{len(messages)} message(s)")
        return 0
    finally:
        engine.dispose()
