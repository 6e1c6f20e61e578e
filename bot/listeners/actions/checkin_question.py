"""The owner answers a receipt's question (which status, which number, progress or KPI)."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltResponse

from bot.ids import Action, QuestionRef
from bot.listeners.base import Listening, action_of, guarded, user_of
from bot.work import AnswerQuestion


def register(app: App, listening: Listening) -> None:
    @guarded
    def answer(ack: Ack, body: dict[str, Any]) -> BoltResponse:
        ref = QuestionRef.model_validate_json(action_of(body)["value"])
        work = AnswerQuestion(
            user=user_of(body),
            initiative_id=ref.i,
            period=ref.p,
            field=ref.f,
            value=ref.v,
            shown=tuple(ref.r),
            channel=body["container"]["channel_id"],
            message_ts=body["container"]["message_ts"],
            response_url=body.get("response_url"),
        )
        return listening.click(ack, body, work)

    app.action(re.compile(rf"^{Action.CHECKIN_QUESTION.value}_\d+$"))(answer)
