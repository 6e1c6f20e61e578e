"""Composition root: settings → database, words, Slack clients, inbox and outbox workers,
services, the ritual registry's jobs, the Bolt app and the web app. Nothing here runs on import.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot import listeners
from bot.delivery.inbox import Handler, InboxWorker, Intake
from bot.delivery.pacing import Clock
from bot.delivery.sender import SlackSender
from bot.delivery.worker import DeliveryWorker
from bot.listeners.base import Listening
from bot.people import People
from bot.readers import Readers
from bot.scheduler import RitualScheduler
from bot.services.absences import Absences
from bot.services.agenda import AgendaRitual
from bot.services.answers import Answers
from bot.services.checkin import CheckinRitual
from bot.services.commitments import Commitments
from bot.services.consult import Consulting
from bot.services.decisions import Decisions
from bot.services.dependencies import Dependencies, also
from bot.services.digest import DigestList, DigestRitual
from bot.services.escalation import EscalationRitual
from bot.services.failures import FailureReports
from bot.services.following import Following, FollowingRitual
from bot.services.forms import Forms
from bot.services.home import Home
from bot.services.noise import Budget
from bot.services.poll_nudge import PollNudge
from bot.services.polls import Polls
from bot.services.preferences import Preferences
from bot.services.review import ReviewRitual
from bot.services.rituals import Rituals
from bot.settings import Settings, SettingsError
from bot.web.app import WebApp
from bot.words import Catalogue
from rituals.db import Database, make_engine, migrate
from rituals.registry import Ritual

log = logging.getLogger(__name__)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Bot:
    """Everything the bot is made of, built once; `start()` runs its workers."""

    settings: Settings
    database: Database
    catalogue: Catalogue
    readers: Readers
    client: WebClient
    people: People
    delivery: DeliveryWorker
    intake: Intake
    inbox: InboxWorker
    rituals: Rituals
    polls: Polls
    home: Home
    now: Callable[[], datetime]
    clock: Clock
    http: httpx.Client  # for the honest "not recorded" notices, sent without the database

    def start(self) -> None:
        self.inbox.start()
        self.delivery.start()

    def stop(self) -> None:
        """Finish the work under way, hand back the rest, release connections."""
        self.inbox.stop()
        self.delivery.stop()
        self.people.flush()
        self.delivery.sender.close()
        self.http.close()
        self.database.engine.dispose()

    def bolt(self, *, socket_mode: bool = False) -> App:
        """The Bolt app with every listener and the one error handler."""
        settings = self.settings
        if settings.bot_token is None:
            raise SettingsError("SLACK_BOT_TOKEN: required to talk to Slack")
        if not socket_mode and settings.signing_secret is None:
            raise SettingsError("SLACK_SIGNING_SECRET: required in HTTP mode")
        app = App(
            client=self.client,
            # The web app checks every signature on the raw bytes, before Bolt reads them.
            request_verification_enabled=False,
            token_verification_enabled=False,
            logger=logging.getLogger("bot.bolt"),
            # Listeners only store the work in the inbox, then answer: nothing slow runs here.
            process_before_response=True,
        )
        listening = Listening(
            intake=self.intake,
            readers=self.readers,
            settings=settings,
            clock=_BusinessClock(self.now),
            http=self.http,
        )
        listeners.register(app, listening)
        app.error(_error_handler)
        return app

    def scheduler(self) -> RitualScheduler:
        """The cadences of the registry, and the polls closed at their deadline."""
        return RitualScheduler(
            self.settings, self.rituals, clock=self.now, close_polls=self.polls.close_due
        )

    def web(self, app: App | None, **kwargs: Any) -> WebApp:
        """The web app: Slack's route (none in Socket Mode), health, metrics, the dashboard."""
        secret = self.settings.signing_secret
        return WebApp(
            app,
            self.database.engine,
            signing_secret=secret.get_secret_value() if secret else "",
            dashboard=self.dashboard(),
            **kwargs,
        )

    def dashboard(self) -> Any:
        """The dashboard's pages and sign-in, or None without SLACK_CLIENT_ID/SECRET."""
        from bot.dashboard.build import make_dashboard

        return make_dashboard(self.settings, self.database, self.readers, self.people, self.now)


class _BusinessClock(Clock):
    """The business time of requests (a fixed or simulated clock in tests and the demo)."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now()


def build(
    settings: Settings,
    *,
    now: Callable[[], datetime] | None = None,
    clock: Clock | None = None,
    strict_words: bool = False,
) -> Bot:
    """The bot, its schema migrated and its words checked; its workers not started yet.

    `now` is business time (when a request or a ritual happens); `clock` paces the workers."""
    now = now or _utcnow
    clock = clock or Clock()
    catalogue = Catalogue(settings.config.prompts_dir, strict=strict_words)
    engine = make_engine(settings.database_url)
    migrate(engine)
    database = Database(engine)
    token = settings.bot_token.get_secret_value() if settings.bot_token else ""
    client = WebClient(token=token or None, base_url=settings.slack_api_url)
    people = People(client, settings.tz, database)
    readers = Readers(catalogue, settings, people)
    delivery_config = settings.config.delivery
    sender = SlackSender(
        base_url=settings.slack_api_url, token=token, timeout=delivery_config.timeout_seconds
    )
    delivery = DeliveryWorker(
        database=database,
        sender=sender,
        rate=delivery_config.rate_per_second,
        burst=delivery_config.burst,
        max_attempts=delivery_config.max_attempts,
        clock=clock,
    )
    intake = Intake(database, clock, now)
    inbox = InboxWorker(database, clock)

    answers = Answers(settings, readers)
    forms = Forms(client, settings, readers)
    absences = Absences(settings, readers)
    preferences = Preferences(readers, people)
    polls = Polls(database, settings, readers, people, forms)
    decisions = Decisions(settings, readers, people, forms, polls)
    agenda = AgendaRitual(database, settings, readers, people, polls)
    home = Home(database, settings, readers, people, now)
    budget = Budget(settings)
    checkin = CheckinRitual(database, settings, readers, people, budget)
    commitments = Commitments(settings, readers, people)
    escalation = EscalationRitual(
        database, settings, readers, people, budget, followers=[commitments.scan]
    )
    dependencies = Dependencies(database, settings, readers, people, budget, forms)
    digest = DigestRitual(database, settings, readers, people)
    digest_list = DigestList(digest, forms)
    review = ReviewRitual(database, settings, readers)
    following = FollowingRitual(database, settings, readers, people)
    consulting = Consulting(database, settings, readers, people, polls, forms)
    polls.consult = consulting.start  # a poll about an initiative asks its Consulted first

    delivery.drawers["poll"] = polls.draw
    delivery.drawers["home"] = home.draw
    delivery.drawers["prompt"] = checkin.draw
    delivery.drawers["prompt_edit"] = checkin.draw_edit
    failures = FailureReports(settings, readers, people)
    delivery.drawers["failures"] = failures.draw
    delivery.on_failed = failures.failed
    handlers: dict[str, Handler] = {
        "dm": answers.message,
        "dm_edit": answers.edited,
        "record_message": answers.shortcut,
        "prompt_answer": answers.prompt_answer,
        "choose_initiative": answers.chosen,
        "checkin_form": answers.submitted,
        "open_checkin_form": forms.checkin,
        "open_checkin_all": forms.checkin_all,
        "answer_question": answers.answered,
        "open_absence_form": forms.absence,
        "absence": absences.declare,
        "set_language": preferences.language,
        "home_opened": home.opened,
        "follow_decision": decisions.follow,
        "open_decision_blocked": decisions.open_blocked,
        "review_decision": decisions.review,
        "open_arbitrate_form": polls.open_form,
        "open_poll": polls.open,
        "vote": polls.vote,
        "close_poll": polls.close,
        "open_decision_form": decisions.open_form,
        "record_decision": decisions.record,
        "list_decisions": decisions.list,
        "open_digest_list": digest_list.open,
        "digest_page": digest_list.page,
        "set_following": Following(readers).set,
        "open_consult_form": consulting.open_form,
        "give_view": consulting.give,
        "decide_dependency": dependencies.decide,
        "refuse_dependency": dependencies.refuse,
    }
    for kind, handler in handlers.items():
        inbox.handle(kind, handler)

    rituals = Rituals(
        database,
        settings,
        {
            Ritual.CHECKIN: checkin.run_checkin,
            Ritual.REMINDER: checkin.run_reminder,
            Ritual.DIGEST: digest.run,
            Ritual.ESCALATION: also(escalation.run, dependencies.run),  # the same morning
            Ritual.ARBITRATION: agenda.run,
            Ritual.REVIEW: review.run,
            Ritual.NUDGE: PollNudge(database, settings, readers, polls, budget).run,
            Ritual.FOLLOWING: following.run,
            Ritual.CONSULT: consulting.run,
        },
    )
    return Bot(
        settings=settings,
        database=database,
        catalogue=catalogue,
        readers=readers,
        client=client,
        people=people,
        delivery=delivery,
        intake=intake,
        inbox=inbox,
        rituals=rituals,
        polls=polls,
        home=home,
        now=now,
        clock=clock,
        http=httpx.Client(timeout=5),
    )


def _error_handler(error: Exception, body: Any) -> BoltResponse:
    """A listener's bug: one log line with the traceback, a 500 for Slack; a person who
    clicked is told by the honest notice of the inbox, never shown a stack trace."""
    log.error("listener failed on %s", _describe(body), exc_info=error)
    return BoltResponse(status=500, body="")


def _describe(body: Any) -> str:
    if not isinstance(body, dict):
        return "request"
    event = body.get("event")
    detail = body.get("command") or (event.get("type") if isinstance(event, dict) else "") or ""
    kind = body.get("type") or ("command" if body.get("command") else "request")
    return f"{kind} {detail}".strip()[:80]
