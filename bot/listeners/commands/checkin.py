"""`/checkin`: the check-in form; `/checkin away until DATE|WEEKDAY`, `away for N weeks`,
`away tomorrow` [@deputy] declares an absence, `/checkin back` ends it; `/checkin language
fr|en|auto` chooses the bot's language; `/checkin help` shows every form. What cannot be read
is answered at once, and nothing is stored."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.blocks import absence, usage
from bot.ids import Command
from bot.listeners.base import Listening, guarded
from bot.work import DeclareAbsence, OpenCheckinForm, SetLanguage
from rituals.absence import parse_away

_LANGUAGE = re.compile(r"\s*(?:language|langue)\s+(?P<language>fr|en|auto|slack)\s*")


def register(app: App, listening: Listening) -> None:
    @guarded
    def checkin(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        text, user = str(body.get("text") or "").strip(), str(body["user_id"])
        if not text:
            work: Any = OpenCheckinForm(
                user=user, trigger_id=body["trigger_id"], response_url=body.get("response_url")
            )
            return listening.command(ack, body, work)
        words = listening.readers.of_user(user)
        if usage.asks(text):
            return ack(response_type="ephemeral", **usage.usage(words, "checkin").payload())
        language = _LANGUAGE.fullmatch(text.casefold())
        if language is not None:
            chosen = language["language"]
            work = SetLanguage(
                user=user,
                language=None if chosen in ("auto", "slack") else chosen,
                response_url=body.get("response_url"),
            )
            return listening.command(ack, body, work)
        if text.casefold().startswith(("language", "langue")):
            said = words.md("preference-language-bad")
            return ack(response_type="ephemeral", text=said)
        today = listening.today()
        away = parse_away(text, today=today)
        if away is None or (away.until is not None and away.until < today):
            refusal = absence.refused(words, "bad" if away is None else "past")
            return ack(response_type="ephemeral", **refusal.payload())
        work = DeclareAbsence(
            user=user,
            until=away.until,
            deputy=away.deputy,
            since=away.since,
            response_url=body.get("response_url"),
        )
        return listening.command(ack, body, work)

    app.command(Command.CHECKIN.value)(checkin)
