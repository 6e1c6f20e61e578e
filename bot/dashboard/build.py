"""The dashboard built from the settings: its pages, its sign-in, its scorecard."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.dashboard.openid import SlackOpenId
from bot.dashboard.routes import Dashboard
from bot.dashboard.session import Signer, derive_secret
from bot.dashboard.views import Pages
from bot.people import People
from bot.readers import Readers
from bot.settings import Settings, SettingsError
from bot.words import Words
from rituals.db import Database


def make_dashboard(
    settings: Settings,
    database: Database,
    readers: Readers,
    people: People,
    now: Callable[[], datetime],
    *,
    scorecard: Callable[[datetime, Words], Any] | None = None,
) -> Dashboard | None:
    """The dashboard, or None when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are not both set."""
    if not settings.client_id or settings.client_secret is None:
        return None
    if settings.session_secret is not None:
        secret = settings.session_secret.get_secret_value().encode()
        if len(secret) < 16:
            raise SettingsError("RITUALBOT_SESSION_SECRET: write at least 16 random characters")
    elif settings.signing_secret is not None:
        secret = derive_secret(settings.signing_secret.get_secret_value())
    else:  # Socket Mode without either: sessions last as long as the process
        secret = secrets.token_bytes(32)
    openid = SlackOpenId(
        client_id=settings.client_id,
        client_secret=settings.client_secret.get_secret_value(),
        authorize_url=settings.oauth_url,
        api_url=settings.slack_api_url,
    )
    if scorecard is None:
        scorecard = _scorecard(database, settings)
    pages = Pages(database, settings, readers, people, now, scorecard=scorecard)
    return Dashboard(
        pages,
        openid,
        Signer(secret),
        database,
        public_url=settings.config.public_url,
        language=settings.config.language,
    )


def _scorecard(database: Database, settings: Settings) -> Callable[[datetime, Words], Any]:
    """The scorecard by perspective (bot/services/scorecard.py), in the reader's words."""
    from bot.services.scorecard import scorecard_of

    def card(now: datetime, words: Words) -> Any:
        return scorecard_of(database, settings, now=now, words=words)

    return card
