"""‹ Previous / Next ›, inside the full list's modal: another page in the same modal.

A click inside a modal comes with the view (its id and hash) and no response URL: when the
inbox cannot take it, nobody can be told in Slack, so the log says so and the modal stays."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.delivery.inbox import Accepted
from bot.ids import Action, DigestRef
from bot.listeners.base import Listening, action_of, guarded, key_of, user_of
from bot.work import TurnDigestPage

log = logging.getLogger(__name__)


def register(app: App, listening: Listening) -> None:
    @guarded
    def turn(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        ref = DigestRef.model_validate_json(action_of(body)["value"])
        shown = body["view"]
        work = TurnDigestPage(
            user=user_of(body),
            view_id=shown["id"],
            hash=shown.get("hash"),
            committee=ref.c,
            page=ref.p,
        )
        if body.get("response_url"):
            return listening.click(ack, body, work)
        response = ack()
        if listening.intake.accept(key_of(body), work) is Accepted.FAILED:
            log.warning(
                "a page of the full list for %s was not recorded: the modal stays", work.user
            )
        return response

    app.action(re.compile(rf"^{Action.DIGEST_PAGE.value}_(previous|next)$"))(turn)
