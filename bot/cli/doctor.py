"""`ritualbot doctor [--send-test USER]`: the install checked, one ✓/✗ line a check, each ✗
with what to do; exit 1 on any ✗. Nothing is changed (the schema is read, not migrated);
checks that depend on a failed one are not run (no channel is looked at with a bad token).

`startup_problems` is the part `serve` runs in the background at start, to log."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from itertools import chain

from bot.checks import Check, marks_for
from bot.checks import local as local_checks
from bot.checks import slack as slack_checks
from bot.settings import Settings


def doctor(args: argparse.Namespace) -> int:
    marks = marks_for(sys.stdout)
    failed = total = 0
    for check in checks(send_test=args.send_test):
        total += 1
        failed += not check.ok
        print(check.line(marks), flush=True)
    if failed:
        print(f"{failed} of {total} checks failed: fix them, then run `ritualbot doctor` again")
        return 1
    print(f"all {total} checks passed")
    return 0


def checks(*, send_test: str | None = None) -> Iterator[Check]:
    configured, settings = local_checks.configuration()
    yield configured
    if settings is None:
        return
    yield from _local(settings)
    yield local_checks.connection_secrets(settings)
    yield from _slack(settings, send_test=send_test)


def _local(settings: Settings) -> Iterator[Check]:
    from rituals.db import make_engine

    try:
        engine = make_engine(settings.database_url)
    except Exception as exc:  # a URL that names no database this bot reads
        fix = "write sqlite:///path.db or postgresql+psycopg://user:password@host/name"
        yield Check("database", False, f"DATABASE_URL: {local_checks.reason(exc)}", fix)
        return
    try:
        reached = local_checks.database(engine, settings.database_url)
        yield reached
        if reached.ok:
            yield local_checks.schema(engine)
    finally:
        engine.dispose()
    yield local_checks.catalogue(settings)


def _slack(settings: Settings, *, send_test: str | None) -> Iterator[Check]:
    raw = settings.bot_token.get_secret_value() if settings.bot_token else None
    slack = slack_checks.Slack(settings.slack_api_url, raw or "")
    try:
        try:
            token, identity = slack_checks.token(slack if raw else None, raw)
        except slack_checks.Unreachable as exc:
            fix = slack_checks.unreachable_fix(settings.slack_api_url)
            yield Check("token", False, f"Slack is unreachable: {exc}", fix)
            return
        yield token
        if settings.app_token is not None:
            app = settings.app_token.get_secret_value()
            yield slack_checks.app_token(settings.slack_api_url, app)
        if identity is None:
            return
        yield slack_checks.scopes(identity)
        try:
            yield from startup_problems(slack, identity, settings, only_problems=False)
            if send_test:
                yield slack_checks.test_message(slack, send_test, settings)
        except slack_checks.Unreachable as exc:
            fix = slack_checks.unreachable_fix(settings.slack_api_url)
            yield Check("Slack", False, f"stopped answering: {exc}", fix)
    finally:
        slack.close()


def startup_problems(
    slack: slack_checks.Slack,
    identity: slack_checks.Identity,
    settings: Settings,
    *,
    only_problems: bool = True,
) -> Iterator[Check]:
    """The channels and people of the configuration, as Slack sees them."""
    found = chain(
        slack_checks.channels(slack, identity, settings), slack_checks.people(slack, settings)
    )
    for check in found:
        if not (only_problems and check.ok):
            yield check
