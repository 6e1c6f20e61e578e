"""Owners' answers (messages, buttons, the modal) turned into stored check-ins and receipts.

Each function runs in one transaction: the check-in, the de-duplication record and the
receipt in the outbox are written together, or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from bot.deps import Deps
from bot.home import refresh_home
from bot.ids import ChoiceRef, PromptRef
from bot.outbox import enqueue, message_of, row_of_key
from bot.polls import queue_request
from rituals.absence import answers_for, may_answer
from rituals.checkins import (
    Answer,
    answer_from_text,
    last_checkin,
    record_checkin,
    repeat_last,
)
from rituals.db import in_transaction
from rituals.models import CheckIn, CheckinPrompt, Initiative, PendingAnswer, ProcessedEvent
from rituals.parse import Intent, ParsedUpdate, parse_update
from rituals.periods import quarter_of, week_of
from rituals.status import Status


def unescape_slack(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def prompt_key(period: str, initiative_id: int) -> str:
    return f"checkin:{period}:initiative:{initiative_id}"


@dataclass(frozen=True)
class Where:
    """Where to answer a message: its DM channel and, when it was in a thread, the thread."""

    channel: str
    thread_ts: str | None = None
    refers_to: str | None = None

    def payload(self, message: dict[str, Any]) -> dict[str, Any]:
        payload = {"channel": self.channel, **message}
        if self.thread_ts:
            payload["thread_ts"] = self.thread_ts
        return payload


def first_time(session: Session, keys: list[str]) -> bool:
    """Record these event keys; False when one was already handled."""
    if session.exec(select(ProcessedEvent).where(col(ProcessedEvent.key).in_(keys))).first():
        return False
    for key in keys:
        session.add(ProcessedEvent(key=key))
    session.flush()
    return True


def owned_initiatives(
    session: Session, *, user: str, quarter: str, today: date | None = None
) -> list[Initiative]:
    """The initiatives `user` answers for: their own and, with `today`, those of owners
    away who named them deputy."""
    owners = answers_for(session, user=user, today=today) if today else [user]
    return list(
        session.exec(
            select(Initiative)
            .where(
                col(Initiative.owner).in_(owners),
                Initiative.quarter == quarter,
                or_not_done(),
            )
            .order_by(col(Initiative.title))
        )
    )


def or_not_done() -> Any:
    return col(Initiative.status).is_(None) | (col(Initiative.status) != Status.DONE.value)


class Answers:
    """The check-in answers of owners, whatever way they come in."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps
        self.render = deps.renderer.render

    def _may(self, session: Session, initiative: Initiative, user: str, now: datetime) -> bool:
        today = now.astimezone(self.deps.settings.tz).date()
        return may_answer(session, initiative, user=user, today=today)

    def _period(self, now: datetime) -> str:
        return week_of(now, self.deps.settings.tz)

    # -- free text -------------------------------------------------------------------

    def message(
        self,
        *,
        keys: list[str],
        user: str,
        channel: str,
        ts: str,
        thread_ts: str | None,
        text: str,
    ) -> None:
        now = self.deps.clock()
        where = Where(channel=channel, thread_ts=thread_ts)

        def work(session: Session) -> None:
            if first_time(session, keys):
                self._message(session, now, user, where, ts, unescape_slack(text))

        self._write(work)

    def _write(self, work: Callable[[Session], None]) -> None:
        """One transaction (retried on a concurrent unique-key clash), then deliver."""
        in_transaction(self.deps.engine, work)
        self.deps.delivery.wake()

    def _message(
        self, session: Session, now: datetime, user: str, where: Where, ts: str, text: str
    ) -> None:
        initiative, period = self._thread_subject(session, where)
        today = now.astimezone(self.deps.settings.tz).date()
        if initiative is not None and not may_answer(session, initiative, user=user, today=today):
            initiative = None
        period = period or self._period(now)
        parsed = parse_update(text)
        reply_key = f"reply:{where.channel}:{ts}"
        if initiative is None:
            owned = owned_initiatives(
                session, user=user, quarter=quarter_of(now, self.deps.settings.tz), today=today
            )
            if not owned:
                enqueue(session, reply_key, where.payload(self.render("checkin_not_owner")))
                return
            if len(owned) == 1:
                initiative = owned[0]
            elif parsed.understood:
                self._ask_which(session, now, user, where, ts, text, period, owned)
                return
        if not parsed.understood:
            enqueue(
                session,
                reply_key,
                where.payload(self.render("checkin_help", initiative=initiative)),
            )
            return
        assert initiative is not None
        self._apply(session, now, initiative, period, parsed, user, "message", text, where, ts)

    def _thread_subject(
        self, session: Session, where: Where
    ) -> tuple[Initiative | None, str | None]:
        """The initiative (and period) of the bot message a thread reply answers."""
        if not where.thread_ts:
            return None, None
        row = message_of(session, channel=where.channel, ts=where.thread_ts)
        if row is None or row.initiative_id is None:
            return None, None
        prompt = session.exec(
            select(CheckinPrompt).where(CheckinPrompt.message_key == row.key)
        ).first()
        return session.get(Initiative, row.initiative_id), prompt.period if prompt else None

    def _ask_which(
        self,
        session: Session,
        now: datetime,
        user: str,
        where: Where,
        ts: str,
        text: str,
        period: str,
        owned: list[Initiative],
    ) -> None:
        pending = PendingAnswer(
            author=user,
            channel=where.channel,
            message_ts=ts,
            period=period,
            text=text,
            created_at=now,
        )
        session.add(pending)
        session.flush()
        assert pending.id is not None
        choices = [
            {"title": i.title, "value": ChoiceRef(a=pending.id, i=i.id or 0).dump()} for i in owned
        ]
        message = self.render("checkin_which", choices=choices)
        enqueue(session, f"which:{pending.id}", where.payload(message))

    def _apply(
        self,
        session: Session,
        now: datetime,
        initiative: Initiative,
        period: str,
        parsed: ParsedUpdate,
        user: str,
        source: str,
        raw_text: str | None,
        where: Where,
        ts: str | None,
    ) -> None:
        assert initiative.id is not None
        if parsed.intent is Intent.SKIP:
            self._skip(session, now, initiative, period, where)
            return
        last = last_checkin(session=session, initiative_id=initiative.id)
        if parsed.intent is Intent.NO_CHANGE:
            if last is None:
                self._notice(
                    session, where, "no_previous", f"noprev:{where.channel}:{ts or now.timestamp()}"
                )
                return
            answer = repeat_last(last)
        else:
            answer = answer_from_text(parsed, last)
        kept = (
            parsed.intent is Intent.UPDATE and parsed.status is None and answer.status is not None
        )
        self.store(
            session,
            now,
            initiative,
            period,
            answer,
            user,
            source,
            where,
            raw_text=raw_text,
            ts=ts,
            kept_status=kept,
        )

    def store(
        self,
        session: Session,
        now: datetime,
        initiative: Initiative,
        period: str,
        answer: Answer,
        user: str,
        source: str,
        where: Where,
        *,
        raw_text: str | None = None,
        ts: str | None = None,
        kept_status: bool = False,
    ) -> CheckIn:
        """Record the answer and queue its receipt."""
        assert initiative.id is not None
        replaced = (
            session.exec(
                select(CheckIn.id).where(
                    CheckIn.initiative_id == initiative.id,
                    CheckIn.period == period,
                    col(CheckIn.is_current),
                )
            ).first()
            is not None
        )
        checkin = record_checkin(
            session=session,
            initiative=initiative,
            period=period,
            answer=answer,
            source=source,
            author=user,
            now=now,
            raw_text=raw_text,
            channel=where.channel if ts else None,
            message_ts=ts,
        )
        if answer.decision_request:
            queue_request(
                session,
                self.deps.settings,
                initiative=initiative,
                checkin_id=checkin.id,
                text=answer.decision_request,
                user=user,
                now=now,
            )
        message = self.render(
            "checkin_receipt",
            initiative=initiative,
            period=period,
            answer=asdict(answer),
            replaced=replaced,
            kept_status=kept_status,
            ref=PromptRef(i=initiative.id, p=period).dump(),
        )
        refresh_home(session, user)
        enqueue(
            session,
            f"receipt:{checkin.id}",
            where.payload(message),
            refers_to=where.refers_to,
            initiative_id=initiative.id,
        )
        return checkin

    def _skip(
        self, session: Session, now: datetime, initiative: Initiative, period: str, where: Where
    ) -> None:
        assert initiative.id is not None
        prompt = session.exec(
            select(CheckinPrompt).where(
                CheckinPrompt.initiative_id == initiative.id, CheckinPrompt.period == period
            )
        ).first()
        if prompt is None:
            prompt = CheckinPrompt(
                initiative_id=initiative.id,
                period=period,
                owner=initiative.owner,
                message_key=prompt_key(period, initiative.id),
                created_at=now,
            )
        if prompt.skipped_at is None:
            prompt.skipped_at = now
            session.add(prompt)
            message = self.render(
                "checkin_noted", initiative=initiative, period=period, skipped=True
            )
            enqueue(
                session,
                f"skip:{period}:{initiative.id}",
                where.payload(message),
                refers_to=where.refers_to,
                initiative_id=initiative.id,
            )

    def _notice(self, session: Session, where: Where, reason: str, key: str) -> None:
        enqueue(session, key, where.payload(self.render("notice", reason=reason)))

    # -- edits -------------------------------------------------------------------------

    def edited(self, *, keys: list[str], user: str, channel: str, ts: str, text: str) -> None:
        """An owner edited a message that was an answer: the answer follows the edit."""
        now = self.deps.clock()

        def work(session: Session) -> None:
            if first_time(session, keys):
                self._edited(session, now, user, channel, ts, unescape_slack(text))

        self._write(work)

    def _edited(
        self, session: Session, now: datetime, user: str, channel: str, ts: str, text: str
    ) -> None:
        pending = session.exec(
            select(PendingAnswer).where(
                PendingAnswer.channel == channel,
                PendingAnswer.message_ts == ts,
                col(PendingAnswer.resolved_at).is_(None),
            )
        ).first()
        if pending is not None:
            pending.text = text
            session.add(pending)
            return
        previous = session.exec(
            select(CheckIn)
            .where(CheckIn.channel == channel, CheckIn.message_ts == ts, CheckIn.author == user)
            .order_by(col(CheckIn.id).desc())
        ).first()
        if previous is None:
            return
        initiative = session.get(Initiative, previous.initiative_id)
        assert initiative is not None
        parsed = parse_update(text)
        where = Where(channel=channel, thread_ts=self._thread_of_receipt(session, previous))
        if not parsed.understood:
            enqueue(
                session,
                f"reply:{channel}:{ts}:{now.timestamp()}",
                where.payload(self.render("checkin_help", initiative=initiative)),
            )
            return
        self._apply(
            session, now, initiative, previous.period, parsed, user, "message", text, where, ts
        )

    def _thread_of_receipt(self, session: Session, checkin: CheckIn) -> str | None:
        receipt = row_of_key(session, f"receipt:{checkin.id}")
        return receipt.payload.get("thread_ts") if receipt else None

    # -- choices -------------------------------------------------------------------------

    def chosen(self, *, user: str, choice: ChoiceRef, channel: str, message_ts: str) -> None:
        """The owner said which initiative a pending free-text answer is about."""
        now = self.deps.clock()
        self._write(lambda session: self._chosen(session, now, user, choice, channel, message_ts))

    def _chosen(
        self,
        session: Session,
        now: datetime,
        user: str,
        choice: ChoiceRef,
        channel: str,
        message_ts: str,
    ) -> None:
        pending = session.get(PendingAnswer, choice.a)
        initiative = session.get(Initiative, choice.i)
        if pending is None or pending.author != user or pending.resolved_at is not None:
            return
        where = Where(channel=pending.channel)
        if initiative is None or not self._may(session, initiative, user, now):
            self._notice(session, where, "not_yours", f"notyours:{pending.id}:{choice.i}")
            return
        pending.resolved_at = now
        session.add(pending)
        chosen = self.render("checkin_chosen", initiative=initiative)
        enqueue(
            session,
            f"chosen:{pending.id}",
            {"channel": channel, "ts": message_ts, **chosen},
            method="chat.update",
        )
        self._apply(
            session,
            now,
            initiative,
            pending.period,
            parse_update(pending.text),
            user,
            "message",
            pending.text,
            where,
            pending.message_ts,
        )

    # -- buttons and the modal ---------------------------------------------------------

    def button(
        self, *, user: str, ref: PromptRef, skip: bool, channel: str, message_ts: str
    ) -> None:
        """'No change' or 'Skip this week' on a prompt; the note goes in its thread."""
        now = self.deps.clock()
        where = Where(channel=channel, thread_ts=message_ts)

        def work(session: Session) -> None:
            initiative = session.get(Initiative, ref.i)
            if initiative is None or not self._may(session, initiative, user, now):
                reason = "unknown_initiative" if initiative is None else "not_yours"
                self._notice(session, where, reason, f"{reason}:{message_ts}:{now.timestamp()}")
            else:
                intent = Intent.SKIP if skip else Intent.NO_CHANGE
                self._apply(
                    session,
                    now,
                    initiative,
                    ref.p,
                    ParsedUpdate(intent=intent),
                    user,
                    "button",
                    None,
                    where,
                    None,
                )

        self._write(work)

    def submitted(self, *, user: str, initiative_id: int, period: str, answer: Answer) -> None:
        """The check-in modal, validated: stored, and the receipt goes to the prompt's thread."""
        now = self.deps.clock()

        def work(session: Session) -> None:
            initiative = session.get(Initiative, initiative_id)
            if initiative is None or not self._may(session, initiative, user, now):
                return
            key = prompt_key(period, initiative_id)
            prompt = row_of_key(session, key)
            where = Where(channel=user, refers_to=key if prompt else None)
            self.store(session, now, initiative, period, answer, user, "modal", where)

        self._write(work)
