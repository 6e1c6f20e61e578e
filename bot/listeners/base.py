"""What every listener does once it has read its request: store the work in the inbox, then
answer Slack — or, when the inbox cannot take it, say so honestly instead of a silent 200.

Events get a 503 (Slack delivers them again); a command or a form gets a private answer in
its acknowledgement; a click gets a private message through its response URL.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
from slack_bolt import Ack, BoltResponse

from bot.delivery.inbox import Accepted, Intake
from bot.delivery.pacing import Clock
from bot.readers import Readers
from bot.settings import Settings
from bot.work import Work

log = logging.getLogger(__name__)


def key_of(body: dict[str, Any]) -> str:
    """Slack's own identifier of a request: a retry or a replay has the same one."""
    if body.get("event_id"):
        return f"event:{body['event_id']}"
    if body.get("trigger_id"):
        return f"trigger:{body['trigger_id']}"
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()
    return f"body:{digest[:40]}"


@dataclass
class Listening:
    """What the listeners share: the inbox, the words, the settings and the clock."""

    intake: Intake
    readers: Readers
    settings: Settings
    clock: Clock
    http: httpx.Client

    def today(self) -> date:
        return self.clock.now().astimezone(self.settings.tz).date()

    def event(self, body: dict[str, Any], work: Work) -> BoltResponse | None:
        """An event: 200 once stored, 503 otherwise so that Slack delivers it again."""
        if self.intake.accept(key_of(body), work) is Accepted.FAILED:
            return BoltResponse(status=503, body="")
        return None

    def command(self, ack: Ack, body: dict[str, Any], work: Work) -> BoltResponse:
        if self.intake.accept(key_of(body), work) is Accepted.FAILED:
            words = self.readers.of_user(str(body.get("user_id", "")))
            return ack(response_type="ephemeral", text=words.md("notice-not-recorded"))
        return ack()

    def click(self, ack: Ack, body: dict[str, Any], work: Work) -> BoltResponse:
        response = ack()
        if self.intake.accept(key_of(body), work) is Accepted.FAILED:
            user = (body.get("user") or {}).get("id", "")
            self._tell(
                body.get("response_url"), self.readers.of_user(user).md("notice-not-recorded")
            )
        return response

    def submission(self, ack: Ack, body: dict[str, Any], work: Work, block: str) -> BoltResponse:
        """A form: an error beside `block` when the work could not be stored (the form stays
        open, nothing lost)."""
        if self.intake.accept(key_of(body), work) is Accepted.FAILED:
            user = (body.get("user") or {}).get("id", "")
            text = self.readers.of_user(user).text("notice-not-recorded")
            return ack(response_action="errors", errors={block: text})
        return ack()

    def _tell(self, url: object, text: str) -> None:
        if not isinstance(url, str) or not url:
            return

        def send() -> None:
            try:
                self.http.post(url, json={"response_type": "ephemeral", "text": text})
            except httpx.HTTPError as exc:
                log.warning("could not tell the person their click was not recorded: %s", exc)

        threading.Thread(target=send, name="honest-notice", daemon=True).start()


def user_of(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id") or body.get("user_id") or "")


def action_of(body: dict[str, Any]) -> dict[str, Any]:
    actions = body.get("actions") or [{}]
    return actions[0] if isinstance(actions[0], dict) else {}


def guarded(listener: Any) -> Any:
    """A listener whose payload does not have the shape Slack gives it answers 400 with one
    log line (a forged or broken request), never a traceback."""
    import functools
    import inspect

    @functools.wraps(listener)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return listener(*args, **kwargs)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            log.warning("malformed %s request refused: %s", listener.__name__, type(exc).__name__)
            return BoltResponse(status=400, body="")

    wrapper.__signature__ = inspect.signature(listener)  # type: ignore[attr-defined]
    return wrapper
