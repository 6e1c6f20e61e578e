"""Idempotency keys of the outbox: one constructor per kind of message.

A key names what the message is about, so that whatever enqueues it twice — a ritual run on
two replicas, an inbox item processed again after a crash — enqueues it once.
"""

from __future__ import annotations

import hashlib
import uuid


def prompt(period: str, person: str) -> str:
    """A person's one check-in prompt of the week."""
    return f"checkin:{period}:{person}"


def prompt_redraw(period: str, person: str, initiatives: int) -> str:
    """The prompt redrawn with the initiatives added to the roadmap since it was sent."""
    return f"checkin:{period}:{person}:with:{initiatives}"


def reminder(period: str, person: str) -> str:
    """A person's one reminder of the week."""
    return f"reminder:{period}:{person}"


def receipt(work: str) -> str:
    """The receipt of an answer (one inbox item), whatever it covers."""
    return f"receipt:{work}"


def receipt_redraw(work: str) -> str:
    """A receipt redrawn once the owner answered one of its questions."""
    return f"receipt-redraw:{work}"


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


def merged(week: str, person: str, parts: list[str], *, message: int = 1) -> str:
    """Several messages of one ritual run to one person, sent as one (or as few: `message`
    is the n-th of them)."""
    digest = hashlib.sha256("|".join(sorted(parts)).encode()).hexdigest()[:16]
    return f"merged:{week}:{person}:{digest}" + (f":{message}" if message > 1 else "")


def failures(run: str, cmo: str) -> str:
    """A CMO's report of what a ritual run could not deliver."""
    return f"failures:{run}:{cmo}"
