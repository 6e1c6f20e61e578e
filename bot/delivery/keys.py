"""Idempotency keys of the outbox: one constructor per kind of message.

A key names what the message is about, so that whatever enqueues it twice — a ritual run on
two replicas, an inbox item processed again after a crash — enqueues it once.
"""

from __future__ import annotations

import uuid


def prompt(period: str, initiative_id: int) -> str:
    return f"checkin:{period}:initiative:{initiative_id}"


def reminder(period: str, initiative_id: int) -> str:
    return f"reminder:{period}:initiative:{initiative_id}"


def receipt(checkin_id: int) -> str:
    return f"receipt:{checkin_id}"


def skipped(period: str, initiative_id: int) -> str:
    return f"skip:{period}:{initiative_id}"


def reply(work: str, part: str = "") -> str:
    """The answer to one inbox item (`work` is its key): a person is answered once."""
    return f"re:{work}:{part}" if part else f"re:{work}"


def which(pending_id: int) -> str:
    return f"which:{pending_id}"


def chosen(pending_id: int) -> str:
    return f"chosen:{pending_id}"


def poll(poll_id: int) -> str:
    return f"poll:{poll_id}"


def poll_redraw(poll_id: int) -> str:
    return f"poll-redraw:{poll_id}:{uuid.uuid4().hex}"


def poll_redraw_prefix(poll_id: int) -> str:
    return f"poll-redraw:{poll_id}:"


def home(user: str) -> str:
    return f"home:{user}:{uuid.uuid4().hex}"


def home_prefix(user: str) -> str:
    return f"home:{user}:"


def decide(poll_id: int, cmo: str) -> str:
    return f"decide:{poll_id}:{cmo}"


def decision_notice(decision_id: int, version: int) -> str:
    return f"decision:{decision_id}:{version}"


def escalation(initiative_id: int, cause: str, opened: str, level: int, recipient: str) -> str:
    return f"escalation:{initiative_id}:{cause}:{opened}:{level}:{recipient}"


def digest(period: str, committee: str, part: int = 0) -> str:
    top = f"digest:{period}:{committee}"
    return f"{top}:{part}" if part else top


def agenda(period: str, committee: str) -> str:
    return f"agenda:{period}:{committee}"


def review(quarter: str, committee: str) -> str:
    return f"review:{quarter}:{committee}"


def decision_posted(decision_id: int, work: str) -> str:
    """The notice of a decision recorded (again) by one inbox item."""
    return f"decision:{decision_id}:{work}"
