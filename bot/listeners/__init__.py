"""Every Bolt listener, one per file, registered on the app the composition root builds."""

from __future__ import annotations

from slack_bolt import App

from bot.listeners.actions import (
    absence_back,
    checkin_answer,
    checkin_away,
    checkin_choose,
    checkin_question,
    checkin_update,
    checkin_update_all,
    consult_view,
    decision_followed,
    decision_record,
    dependency_decide,
    digest_list,
    digest_page,
    following,
    poll_close,
    poll_vote,
)
from bot.listeners.base import Listening
from bot.listeners.commands import arbitrate, checkin, decisions
from bot.listeners.events import app_home, message
from bot.listeners.shortcuts import record_checkin
from bot.listeners.views import (
    absence_form,
    arbitrate_form,
    checkin_form,
    consult_form,
    decision_blocked_form,
    decision_form,
    dependency_refusal,
)

LISTENERS = (
    message,
    app_home,
    checkin_update,
    checkin_update_all,
    checkin_question,
    checkin_answer,
    checkin_choose,
    checkin_away,
    absence_back,
    decision_followed,
    poll_vote,
    poll_close,
    decision_record,
    digest_list,
    digest_page,
    checkin,
    arbitrate,
    decisions,
    checkin_form,
    absence_form,
    arbitrate_form,
    decision_form,
    decision_blocked_form,
    record_checkin,
    following,
    consult_view,
    consult_form,
    dependency_decide,
    dependency_refusal,
)


def register(app: App, listening: Listening) -> None:
    for listener in LISTENERS:
        listener.register(app, listening)
