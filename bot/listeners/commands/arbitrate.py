"""`/arbitrate QUESTION | OPTION | OPTION… [--hidden] [--anonymous]`: a CMO puts a question to a
committee (`--hidden`: no tally until it closes; `--anonymous`: a secret ballot); alone, it
opens the form; `/arbitrate help` shows every form, to anyone. A refusal or a mistake is
answered at once, and nothing is created."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.blocks import arbitrate, usage
from bot.ids import Command
from bot.listeners.base import Listening, guarded
from bot.work import OpenArbitrateForm, OpenPoll
from rituals.arbitration import ArbitrationError, parse_arbitrate
from rituals.ballot import read_flags


def register(app: App, listening: Listening) -> None:
    settings = listening.settings

    @guarded
    def command(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        user, text = str(body["user_id"]), str(body.get("text") or "").strip()
        words = listening.readers.of_user(user)
        if usage.asks(text):
            shown = usage.usage(words, "arbitrate", cmo=settings.is_cmo(user))
            return ack(response_type="ephemeral", **shown.payload())
        if not settings.is_cmo(user):
            return ack(response_type="ephemeral", **arbitrate.refused(words).payload())
        committees = list(settings.config.committees)
        channel = str(body.get("channel_id") or "")
        channel_committee = settings.committee_of_channel(channel)
        try:
            if not committees:
                raise ArbitrationError("no_committee")
            if not text:
                work: Any = OpenArbitrateForm(
                    user=user,
                    trigger_id=body["trigger_id"],
                    channel=channel,
                    committee=channel_committee,
                    response_url=body.get("response_url"),
                )
                return listening.command(ack, body, work)
            flags = read_flags(text)
            request = parse_arbitrate(
                flags.text,
                committees=committees,
                channel_committee=channel_committee,
                channel_names={c.channel: name for name, c in settings.config.committees.items()},
            )
        except ArbitrationError as problem:
            return ack(response_type="ephemeral", **arbitrate.error(words, problem).payload())
        work = OpenPoll(
            user=user,
            committee=request.committee,
            question=request.question,
            options=request.options,
            anonymous=flags.anonymous,
            hidden=flags.hidden,
            channel=channel,
            response_url=body.get("response_url"),
        )
        return listening.command(ack, body, work)

    app.command(Command.ARBITRATE.value)(command)
