"""Composition root: settings → engine, renderer, Slack clients, delivery, Bolt app, scheduler."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot import listeners
from bot.delivery import DeliveryWorker, SlackSender
from bot.deps import Deps, _utcnow
from bot.home import render_home
from bot.polls import render_poll
from bot.render import Renderer
from bot.settings import Settings, SettingsError
from bot.slack_users import UserZones
from rituals.db import make_engine, migrate

log = logging.getLogger(__name__)


def build_deps(settings: Settings, *, clock: Callable[[], datetime] | None = None) -> Deps:
    """Everything but the Bolt app: enough for the CLI's rituals, imports and exports."""
    engine = make_engine(settings.database_url)
    migrate(engine)
    token = settings.bot_token.get_secret_value() if settings.bot_token else ""
    client = WebClient(token=token or None, base_url=settings.slack_api_url)
    delivery_config = settings.config.delivery
    sender = SlackSender(
        base_url=settings.slack_api_url, token=token, timeout=delivery_config.timeout_seconds
    )
    delivery = DeliveryWorker(
        engine=engine,
        sender=sender,
        rate=delivery_config.rate_per_second,
        burst=delivery_config.burst,
        max_attempts=delivery_config.max_attempts,
    )
    renderer = Renderer(settings.config.language, settings.config.prompts_dir)
    delivery.renderers["poll"] = render_poll(settings, renderer)
    deps = Deps(
        settings=settings,
        engine=engine,
        renderer=renderer,
        client=client,
        delivery=delivery,
        clock=clock or _utcnow,
        zones=UserZones(client, settings.tz),
    )
    delivery.renderers["home"] = render_home(deps)
    return deps


def build_app(
    deps: Deps, *, socket_mode: bool = False, process_before_response: bool = False
) -> App:
    """The Bolt app with every listener and the one error handler.

    `process_before_response=True` answers Slack only once the listener is done (tests use
    it to assert on what a request stored); production acks first and works after."""
    settings = deps.settings
    if settings.bot_token is None:
        raise SettingsError("SLACK_BOT_TOKEN: required to talk to Slack")
    if not socket_mode and settings.signing_secret is None:
        raise SettingsError("SLACK_SIGNING_SECRET: required in HTTP mode")
    app = App(
        client=deps.client,
        signing_secret=settings.signing_secret.get_secret_value()
        if settings.signing_secret
        else "",
        request_verification_enabled=not socket_mode,
        token_verification_enabled=False,
        logger=logging.getLogger("bot.bolt"),
        process_before_response=process_before_response,
    )
    if not process_before_response and deps.work_pool is None:
        # Two threads: enough to keep up, few enough that acks rarely wait for the GIL.
        deps.work_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="after-ack")
    listeners.register(app, deps)
    app.error(_error_handler(deps))
    return app


def _error_handler(deps: Deps) -> Callable[..., BoltResponse | None]:
    def handle(error: Exception, body: dict[str, Any], respond: Any) -> BoltResponse | None:
        log.error("listener failed on %s", _describe(body), exc_info=error)
        if body.get("response_url") or body.get("type") == "block_actions":
            try:
                respond(
                    response_type="ephemeral",
                    replace_original=False,
                    **deps.renderer.render("notice", reason="error"),
                )
            except Exception:
                log.warning("could not tell the user about the failure", exc_info=True)
        return BoltResponse(status=200, body="")

    return handle


def _describe(body: dict[str, Any]) -> str:
    kind = body.get("type") or ("command" if body.get("command") else "request")
    detail = body.get("command") or (body.get("event") or {}).get("type") or ""
    return f"{kind} {detail}".strip()
