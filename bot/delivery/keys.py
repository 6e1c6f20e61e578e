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


def dependency_question(week: str, person: str, dependencies: list[int]) -> str:
    """The one DM asking a provider's owner about the dependencies imported on their work."""
    digest = hashlib.sha256(",".join(map(str, sorted(dependencies))).encode()).hexdigest()[:16]
    return f"dependency-ask:{week}:{person}:{digest}"


def dependency_alert(dependency_id: int, trouble: str, day: str, recipient: str) -> str:
    """A provider's trouble, told once to one person on the day it changed."""
    return f"dependency-alert:{dependency_id}:{trouble}:{day}:{recipient}"


def following(period: str, person: str) -> str:
    """An Informed person's one "following" message of the week."""
    return f"following:{period}:{person}"


def consult(poll_id: int, person: str) -> str:
    """The one message asking a Consulted person their view before a poll opens."""
    return f"consult:{poll_id}:{person}"


SECRET_PREFIX = "ballot:"


def ballot_receipt(work: str) -> str:
    """What a secret ballot's voter is told of their click (one inbox item): its payload is
    blanked once sent (`forgotten_once_sent`), so the outbox keeps no one's choice."""
    return f"{SECRET_PREFIX}{work}"


def forgotten_once_sent(key: str) -> bool:
    return key.startswith(SECRET_PREFIX)


def poll_nudge(poll_id: int, person: str) -> str:
    """The one nudge of a poll's member who has not voted, a day before it closes."""
    return f"poll-nudge:{poll_id}:{person}"


def decision_asked(period: str, person: str) -> str:
    """The follow-up of the week's due decisions, for someone with no prompt that week."""
    return f"decision-ask:{period}:{person}"


def decision_escalation(decision_id: int, opened: str, level: int, recipient: str) -> str:
    return f"decision-escalation:{decision_id}:{opened}:{level}:{recipient}"


def decision_review(decision_id: int) -> str:
    """The committee asked, once, whether a decision still holds."""
    return f"decision-review:{decision_id}"


def decision_reviewed(decision_id: int) -> str:
    return f"decision-reviewed:{decision_id}"
