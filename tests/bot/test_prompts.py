"""Every prompt, in French and English: valid Block Kit within Slack's limits, the same
structure in both languages, and owners' words shown as written, pinging nobody."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import cache
from string import ascii_lowercase
from typing import Any

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.home import (
    SHOWN_INITIATIVES,
    SHOWN_LINES,
    SHOWN_POLLS,
    Mine,
    Portfolio,
    Today,
    home_context,
)
from bot.ids import ChoiceRef, ModalState, PollModalState, PollRef, PromptRef
from bot.polls import poll_view
from bot.render import (
    MESSAGE_TEXT_MAX,
    PACKAGED_PROMPTS,
    Renderer,
    escape_mrkdwn,
    shorten,
    slack_date,
)
from bot.settings import Committee, Config, Settings
from rituals.absence import AwayRequest
from rituals.arbitration import (
    _MESSAGES as ARBITRATION_CODES,
)
from rituals.arbitration import (
    MAX_OPTION,
    MAX_QUESTION,
    ArbitrationError,
    check_deadline,
    parse_arbitrate,
    validate_poll,
)
from rituals.checkins import Answer
from rituals.models import (
    Arbitration,
    ArbitrationRequest,
    CheckIn,
    Decision,
    Escalation,
    Initiative,
)
from rituals.parse import parse_update
from rituals.review import InitiativeReview
from rituals.status import Status

LANGUAGES = ("en", "fr")
NAMES = sorted(
    path.name.removesuffix(".json.j2")
    for path in (PACKAGED_PROMPTS / "en").glob("*.json.j2")
    if not path.name.startswith("_")
)
OWNER, PERIOD, LAST_PERIOD = "U0OWNER01", "2026-W48", "2026-W47"
HOSTILE = "<!channel> <@U123> & {{ 7*7 }}"
ESCAPED = "&lt;!channel&gt; &lt;@U123&gt; &amp; {{ 7*7 }}"
NOTICE_REASONS = (
    "no_previous",
    "not_yours",
    "no_initiatives",
    "unknown_initiative",
    "error",
    "skipped_already",
)
# Committees: the one the polls go to, its channel and members, and the CMO who runs them.
CMO, COMMITTEE, CHANNEL, MONTH = "U0CMO0001", "comex", "C0COMEX01", "2026-11"
MEMBERS = tuple(f"U0MEMBER{n:02}" for n in range(1, 11))
SETTINGS = Settings(
    config=Config(
        cmo=[CMO],
        committees={
            COMMITTEE: Committee(channel=CHANNEL, members=list(MEMBERS)),
            "codir": Committee(channel="C0CODIR01", members=list(MEMBERS[:3])),
        },
    )
)
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
DEADLINE = NOW + timedelta(hours=48)
POLL_ID = 42
VOTE_OUTCOMES = ("new", "changed", "same", "not_member", "closed")
POLL_NOTICES = ("not_cmo", "already")


@dataclass(frozen=True)
class Words:
    """What owners, the roadmap and the CMO wrote, which prompts show back."""

    title: str = "Refonte du parcours d’onboarding"
    objective: str = "Réduire le délai d’activation des nouveaux clients"
    kpi_name: str = "Délai d’activation"
    blockers: str = "validation juridique des CGU"
    decision: str = "arbitrer le budget média du T1"
    highlights: str = "Pilote lancé avec 3 clients"
    # a poll's question, options and context, and the rationale of its decision
    question: str = "Prolonge-t-on le budget ERP de 3 mois ?"
    options: tuple[str, ...] = ("Oui, jusqu’à fin mars", "Non", "Seulement 1 mois")
    context: str = "L’intégrateur demande 3 mois & 40 k€ de plus : voir la note du DAF."
    rationale: str = "Le go-live de mars passe avant tout ; budget repris sur la réserve du T1."


def pad(text: str, length: int) -> str:
    """`text` followed by ordinary words (a few `&` and `<`) to exactly `length` characters."""
    filler = " — arbitrer le budget & les priorités <T1> du programme"
    padded = (text + filler * (length // len(filler) + 1))[:length]
    return padded[:-1] + "." if padded.endswith(" ") else padded


REALISTIC = Words()
HOSTILE_WORDS = Words(
    *[HOSTILE] * 6,
    question=HOSTILE,
    options=(HOSTILE, f"{HOSTILE} (bis)", f"{HOSTILE} (ter)"),
    context=HOSTILE,
    rationale=HOSTILE,
)
LONG_TITLE = replace(REALISTIC, title=("Programme de fidélisation omnicanal " * 20)[:500])
# As long as the check-in modal lets an owner write (its max_length), and a long objective.
LONG_ANSWERS = replace(
    REALISTIC,
    title="Refonte du parcours d’onboarding & activation " * 6,
    objective="Réduire le délai & le coût " * 80,
    blockers="Attente < fournisseur & juridique > " * 55,
    decision="Arbitrer le budget & les priorités " * 28,
    highlights="Pilote lancé, retours positifs & suite " * 51,
)
# Everything as long as its form or validator allows: /arbitrate, the arbitrate and
# decision modals (question 2000, options 500, context 1500, rationale 2000).
LONGEST = replace(
    LONG_ANSWERS,
    question=pad(REALISTIC.question, MAX_QUESTION),
    options=tuple(pad(option, MAX_OPTION) for option in REALISTIC.options),
    context=pad(REALISTIC.context, 1500),
    rationale=pad(REALISTIC.rationale, 2000),
)
WORDS = {"": REALISTIC, "hostile": HOSTILE_WORDS, "long": LONG_TITLE, "longest": LONGEST}


# -- contexts, as the callers build them ------------------------------------------------


def initiative(words: Words, *, id: int = 3, complete: bool = True) -> Initiative:
    """An initiative of the roadmap; not `complete`: no objective, KPI or due date."""
    if not complete:
        return Initiative(id=id, title=words.title, owner=OWNER, quarter="2026-Q4")
    return Initiative(
        id=id,
        title=words.title,
        owner=OWNER,
        quarter="2026-Q4",
        objective=words.objective,
        kpi_name=words.kpi_name,
        kpi_unit="jours",
        kpi_baseline=9.0,
        kpi_target=5.0,
        committee="comex",
        due=date(2026, 12, 18),
    )


def answer(words: Words, status: Status | None = Status.AT_RISK, *, full: bool = True) -> Answer:
    if not full:
        return Answer(status=status)
    return Answer(status, 60, 1234.5, words.blockers, words.decision, words.highlights)


def last_seen(words: Words, status: Status | None = Status.AT_RISK, *, full: bool = True) -> dict:
    """The previous answer as `run_checkin` passes it: plain strings, no enums."""
    seen = asdict(answer(words, status, full=full))
    return {**seen, "status": status.value if status else None}


def last_checkin(words: Words, status: str | None, *, full: bool = True) -> dict:
    """The previous answer as `open_modal` passes it: a CheckIn dumped."""
    fields = asdict(answer(words, Status(status) if status else None, full=full))
    return CheckIn(
        initiative_id=3, period=LAST_PERIOD, source="modal", author=OWNER, **fields
    ).model_dump()


def others(count: int) -> list[Initiative]:
    names = ["Lancement salon Paris", "Programme ambassadeurs", "Refonte du site"]
    return [
        Initiative(
            id=10 + n,
            title=f"{names[n % 3]} · {ascii_lowercase[n % 26] * (n // 26 + 1)}",
            owner=OWNER,
            quarter="2026-Q4",
        )
        for n in range(count)
    ]


def modal(main: Initiative, owned: list[Initiative], last: dict | None) -> dict[str, Any]:
    return {
        "initiative": main,
        "choices": [{"id": i.id, "title": i.title} for i in owned],
        "period": PERIOD,
        "last": last,
        "metadata": ModalState(initiatives=[i.id for i in owned if i.id], period=PERIOD).dump(),
    }


def which(owned: list[Initiative]) -> dict[str, Any]:
    return {
        "choices": [{"title": i.title, "value": ChoiceRef(a=7, i=i.id or 0).dump()} for i in owned]
    }


def prompt(
    main: Initiative, last: dict | None, decisions: Sequence[Decision] = ()
) -> dict[str, Any]:
    """As `run_checkin` passes it, with the decisions about the initiative not carried out."""
    ref = PromptRef(i=3, p=PERIOD).dump()
    return {
        "initiative": main,
        "period": PERIOD,
        "last": last,
        "last_period": LAST_PERIOD if last else None,
        "ref": ref,
        "decisions": list(decisions),
    }


def receipt(main: Initiative, given: Answer, *, replaced: bool, kept: bool) -> dict[str, Any]:
    return {
        "initiative": main,
        "period": PERIOD,
        "answer": asdict(given),
        "replaced": replaced,
        "kept_status": kept,
        "ref": PromptRef(i=3, p=PERIOD).dump(),
    }


# Votes as (member, option): an open poll, a winner (A), a tie (A and B), ten ways tied.
SOME_VOTES = ((MEMBERS[0], 0), (MEMBERS[1], 0), (MEMBERS[2], 1))
WINNER_VOTES = (*SOME_VOTES, (MEMBERS[3], 2), (MEMBERS[4], 0))
TIE_VOTES = ((MEMBERS[0], 0), (MEMBERS[1], 1), (MEMBERS[2], 0), (MEMBERS[3], 1), (MEMBERS[4], 2))
TEN_WAY_TIE = tuple((member, n) for n, member in enumerate(MEMBERS))


class Store:
    """The two reads `poll_view` makes of the database: the votes, and the initiative."""

    def __init__(self, votes: Sequence[tuple[str, int]], linked: Initiative | None) -> None:
        self.votes, self.linked = list(votes), linked

    def exec(self, statement: object) -> list[tuple[str, int]]:
        return self.votes

    def get(self, model: type, key: int) -> Initiative | None:
        assert model is Initiative and self.linked is not None and key == self.linked.id
        return self.linked


def ten_options(words: Words) -> tuple[str, ...]:
    """The most a poll takes: 10 options, each as long as allowed."""
    return tuple(
        pad(f"Option {n + 1} : {words.options[n % len(words.options)]}", MAX_OPTION)
        for n in range(10)
    )


def arbitration(
    words: Words,
    *,
    question: str | None = None,
    options: Sequence[str] | None = None,
    closed: bool = False,
    anonymous: bool = False,
    context: bool = False,
    linked: Initiative | None = None,
) -> Arbitration:
    """A poll as /arbitrate, the modal or the monthly agenda store it: validated."""
    checked_question, checked_options = validate_poll(
        question or words.question, options or words.options
    )
    return Arbitration(
        id=POLL_ID,
        committee=COMMITTEE,
        question=checked_question,
        options=list(checked_options),
        context=words.context if context else None,
        initiative_id=linked.id if linked else None,
        anonymous=anonymous,
        created_by=CMO,
        created_at=NOW,
        deadline=DEADLINE,
        closed_at=DEADLINE if closed else None,
        closed_by=CMO if closed else None,
        message_key=f"poll:{POLL_ID}",
    )


def poll(
    words: Words,
    votes: Sequence[tuple[str, int]] = (),
    *,
    linked: bool = False,
    **shape: Any,
) -> dict[str, Any]:
    """What `poll_view` gives the poll templates (and, with metadata, the decision modal)."""
    main = initiative(words) if linked else None
    view = poll_view(Store(votes, main), SETTINGS, arbitration(words, linked=main, **shape))  # type: ignore[arg-type]
    return {**view, "metadata": PollRef(a=POLL_ID).dump()}


# The polls the focused tests look into, by variant: (votes, shape).
POLLS: dict[str, tuple[tuple[tuple[str, int], ...], dict[str, Any]]] = {
    "open_named": (SOME_VOTES, {}),
    "open_anonymous": (SOME_VOTES, {"anonymous": True}),
    "open_no_votes": ((), {}),
    "open_initiative_context": (SOME_VOTES, {"linked": True, "context": True}),
    "open_context_only": ((), {"context": True}),
    "open_ten_long_options": (TEN_WAY_TIE[:7], {"ten": True, "linked": True, "context": True}),
    "open_long_question": (SOME_VOTES, {"long_question": True}),
    "closed_winner": (WINNER_VOTES, {"closed": True}),
    "closed_tie": (TIE_VOTES, {"closed": True}),
    "closed_no_votes": ((), {"closed": True}),
    "closed_anonymous_winner": (WINNER_VOTES, {"closed": True, "anonymous": True}),
    "closed_ten_way_tie": (
        TEN_WAY_TIE,
        {"closed": True, "ten": True, "linked": True, "context": True},
    ),
    "closed_long_question_initiative": (
        WINNER_VOTES,
        {"closed": True, "long_question": True, "linked": True, "context": True},
    ),
}
OPEN = [name for name in POLLS if name.startswith("open")]
CLOSED = [name for name in POLLS if name.startswith("closed")]


def home(words: Words, *, shown: int = 1, total: int = 1, cmo: bool = False) -> dict[str, Any]:
    """The Home's context as `home_view` builds it: `shown` rows of each list, of `total`."""
    main = initiative(words)
    owned = [main, *others(shown - 1)] if shown else []
    last = CheckIn(**last_checkin(words, "at_risk"))
    escalation = Escalation(initiative_id=3, cause="blocked", level=2, opened_at=NOW)
    request = ArbitrationRequest(
        committee=COMMITTEE, initiative_id=3, requested_by=OWNER, text=words.decision
    )

    def page(rows: list[Any], limit: int) -> tuple[list[Any], int]:
        return rows[:limit], max(total, len(rows[:limit]))

    mine = Mine(
        initiatives=page([(i, last if i is main else None) for i in owned], SHOWN_INITIATIVES),
        prompts=page([i.title for i in owned], SHOWN_LINES),
        polls=page([arbitration(words)] * shown, SHOWN_POLLS),
        escalations=page([(escalation, i) for i in owned], SHOWN_LINES),
    )
    portfolio = Portfolio(
        counts={COMMITTEE: {"on_track": 3, "at_risk": 1}, "codir": {None: 2}, None: {"done": 1}},
        overdue=page([main] * shown, SHOWN_LINES),
        queue=page([(request, i) for i in owned], SHOWN_LINES),
        decisions=[decision(words, id=n, days_ago=n, long=n == 2) for n in range(min(shown, 5))],
    )
    today = Today(PERIOD, "2026-Q4", NOW.date(), NOW)
    return home_context(mine, portfolio if cmo else None, settings=SETTINGS, today=today)


def poll_of(words: Words, variant: str) -> dict[str, Any]:
    votes, shape = POLLS[variant]
    shape = dict(shape)
    if shape.pop("ten", False):
        shape["options"] = ten_options(words)
    if shape.pop("long_question", False):
        shape["question"] = pad(words.question, MAX_QUESTION)
    return poll(words, votes, **shape)


def polls(words: Words, variants: Sequence[str]) -> dict[str, dict[str, Any]]:
    return {variant: poll_of(words, variant) for variant in variants}


def decision(
    words: Words,
    *,
    id: int = 7,
    option: int | None = 0,
    follow_up: bool = True,
    due: bool = True,
    rationale: bool = True,
    carried_out: bool | None = None,
    days_ago: int = 0,
    long: bool = False,
) -> Decision:
    """A decision as `record_decision` stores it; `option` None: deferred."""
    options = ten_options(words) if long else words.options
    question = pad(words.question, MAX_QUESTION) if long else words.question
    return Decision(
        id=id,
        arbitration_id=POLL_ID,
        committee=COMMITTEE,
        initiative_id=3,
        question=question,
        decision="" if option is None else options[option],
        option=option,
        deferred=option is None,
        rationale=(pad(words.rationale, 2000) if long else words.rationale) if rationale else "",
        decided_by=CMO,
        follow_up_owner=OWNER if follow_up else None,
        due=date(2027, 1, 15) if due else None,
        tally={"options": list(options), "counts": [3, 1, 1], "voted": 5, "members": 10},
        decided_at=NOW - timedelta(days=days_ago),
        carried_out=carried_out,
    )


def notice(words: Words, given: Decision, *, linked: bool = True) -> dict[str, Any]:
    """As `record_decision` renders `decision_notice`."""
    view = poll(words, WINNER_VOTES, closed=True, linked=linked)
    return {"decision": given, "initiative": view["initiative"], "view": view}


def refusal(text: str, committees: Sequence[str] = (COMMITTEE,)) -> dict[str, Any]:
    """What /arbitrate renders when `parse_arbitrate` refuses the text."""
    try:
        parse_arbitrate(
            text,
            committees=list(committees),
            channel_committee=None,
            channel_names={CHANNEL: COMMITTEE},
        )
    except ArbitrationError as error:
        return {"code": error.code, "detail": error.detail, "text": text}
    raise AssertionError(f"/arbitrate {text} was accepted")


def past_deadline() -> dict[str, Any]:
    try:
        check_deadline(NOW - timedelta(hours=1), now=NOW)
    except ArbitrationError as error:
        return {"code": error.code, "detail": error.detail, "text": ""}
    raise AssertionError("a past deadline was accepted")


def refusals(w: Words) -> dict[str, dict[str, Any]]:
    q, (a, b, c) = w.question, w.options[:3]
    found = {
        "no_question": refusal(f" | {a} | {b}"),
        "one_option": refusal(f"{q} | {a}"),
        "too_many_options": refusal(q + "".join(f" | {a} {n}" for n in range(12))),
        "empty_option": refusal(f"{q} | {a} |  | {b}"),
        "duplicate_option": refusal(f"{q} | {a} | {b} | {c} | {a}"),
        "unknown_committee": refusal(f"#codir-marketing {q} | {a} | {b}"),
        "unknown_committee_channel": refusal(f"<#C0OTHER01|marketing> {q} | {a} | {b}"),
        "unknown_committee_none": refusal(f"#codir {q} | {a} | {b}", committees=()),
        "no_committee": refusal(f"{q} | {a} | {b}", committees=()),
        "too_long_question": refusal(f"{pad(q, MAX_QUESTION + 1)} | {a} | {b}"),
        "too_long_option": refusal(f"{q} | {a} | {pad(b, MAX_OPTION + 1)}"),
        "past_deadline": past_deadline(),
    }
    assert {v["code"] for v in found.values()} == set(ARBITRATION_CODES), "an error is not tried"
    return found


def agenda(words: Words, count: int) -> dict[str, Any]:
    """As `_agenda` renders it: the queued requests, each with its initiative."""
    items = [
        {
            "request": ArbitrationRequest(
                id=n + 1,
                committee=COMMITTEE,
                initiative_id=20 + n,
                requested_by=OWNER,
                text=words.decision,
                created_at=NOW,
            ),
            "initiative": initiative(replace(words, title=f"{words.title} · {n + 1}"), id=20 + n),
        }
        for n in range(count)
    ]
    return {
        "committee": COMMITTEE,
        "period": MONTH,
        "items": items,
        "deadline": slack_date(DEADLINE),
    }


def arbitrate_modal(
    words: Words, committees: Sequence[str], committee: str | None, initiatives: int
) -> dict[str, Any]:
    """As `open_arbitrate_modal` renders it."""
    found = [
        initiative(
            replace(words, title=f"{words.title} · {ascii_lowercase[n % 26] * (n // 26 + 1)}"),
            id=n + 1,
        )
        for n in range(100)
    ]
    return {
        "committees": list(committees),
        "committee": committee,
        "deadline": int(DEADLINE.timestamp()),
        "initiatives": [{"id": i.id, "title": i.title} for i in found[:initiatives]],
        "metadata": PollModalState(channel=CHANNEL).dump(),
    }


Contexts = Callable[[Words], dict[str, dict[str, Any]]]
CONTEXTS: dict[str, Contexts] = {
    "checkin_chosen": lambda w: {"base": {"initiative": initiative(w)}},
    "checkin_help": lambda w: {
        "initiative": {"initiative": initiative(w)},
        "no_initiative": {"initiative": None},
    },
    "checkin_modal": lambda w: {
        "one_choice_first_time": modal(initiative(w), [initiative(w)], None),
        "one_choice_last_no_status": modal(
            initiative(w), [initiative(w)], last_checkin(w, None, full=False)
        ),
        "several_choices_last_full": modal(
            initiative(w), [initiative(w), *others(2)], last_checkin(w, "on_track")
        ),
        "many_choices_no_kpi": modal(
            initiative(w, complete=False),
            [initiative(w, complete=False), *others(120)],
            last_checkin(w, "done"),
        ),
    },
    "checkin_not_owner": lambda w: {"base": {}},
    "checkin_noted": lambda w: {
        "skipped": {"initiative": initiative(w), "period": PERIOD, "skipped": True},
        "no_change": {"initiative": initiative(w), "period": PERIOD, "skipped": False},
    },
    "checkin_prompt": lambda w: {
        "first_time": prompt(initiative(w), None),
        "last_full": prompt(initiative(w), last_seen(w)),
        "last_no_status": prompt(initiative(w), last_seen(w, None, full=False)),
        "bare_initiative": prompt(initiative(w, complete=False), last_seen(w, Status.ON_TRACK)),
        "one_open_decision": prompt(initiative(w), last_seen(w), [decision(w)]),
        "two_open_decisions": prompt(
            initiative(w),
            None,
            [decision(w, id=8, option=1, due=False), decision(w, long=True, days_ago=30)],
        ),
    },
    "checkin_receipt": lambda w: {
        "recorded_full": receipt(initiative(w), answer(w), replaced=False, kept=False),
        "replaced_kept_status": receipt(
            initiative(w), answer(w, Status.OFF_TRACK, full=False), replaced=True, kept=True
        ),
        "no_status": receipt(initiative(w), answer(w, None), replaced=False, kept=False),
        "bare_initiative": receipt(
            initiative(w, complete=False), answer(w, Status.DONE), replaced=False, kept=False
        ),
    },
    "checkin_reminder": lambda w: {"base": {"initiative": initiative(w), "period": PERIOD}},
    "escalation": lambda w: {
        f"{audience}-{cause}": {
            "audience": audience,
            "cause": cause,
            "level": 1,
            "initiative": Initiative(
                id=3,
                title=w.title,
                owner=OWNER,
                accountable="U0ACCT001",
                committee=COMMITTEE,
                quarter="2026-Q4",
                due=date(2026, 12, 18),
            ),
            "history": [
                CheckIn(
                    initiative_id=3,
                    period=PERIOD,
                    status="off_track",
                    progress=20,
                    blockers=w.blockers,
                    source="message",
                    author=OWNER,
                ),
            ]
            if cause != "silent"
            else [],
            "ref": PromptRef(i=3, p=PERIOD).dump(),
        }
        for audience in ("owner", "owner_told", "accountable", "channel", "cmo")
        for cause in ("silent", "overdue", "off_track", "blocked")
    },
    "review_summary": lambda w: {
        name: {
            "committee": COMMITTEE,
            "quarter": "2026-Q4",
            "items": [
                InitiativeReview(
                    initiative_id=n,
                    title=w.title,
                    objective=w.objective,
                    owner=OWNER,
                    committee=COMMITTEE,
                    kpi_name=w.kpi_name,
                    kpi_unit="jours",
                    baseline=45.0,
                    target=30.0,
                    achieved=36.0,
                    reached=0.6 if n % 2 else None,
                    status=("on_track", "off_track", None)[n % 3],
                    completion=0.75,
                    escalations=1,
                    points=(),
                )
                for n in range(count)
            ],
            "counts": {"on_track": count},
            "decisions": 2,
        }
        for name, count in (("none", 0), ("one", 1), ("thirty", 30))
    },
    "home": lambda w: {
        "empty": home(w, shown=0, total=0),
        "owner": home(w),
        "cmo": home(w, cmo=True),
        "cmo_300": home(w, shown=SHOWN_INITIATIVES, total=300, cmo=True),
    },
    "absence_modal": lambda w: {"base": {"until": "2026-12-07"}},
    "escalation_request": lambda w: {
        cause: {
            "cause": cause,
            "initiative": Initiative(
                id=3, title=w.title, owner=OWNER, quarter="2026-Q4", due=date(2026, 12, 18)
            ),
        }
        for cause in ("silent", "overdue", "off_track", "blocked")
    },
    "checkin_which": lambda w: {
        "one": which([initiative(w)]),
        "several": which([initiative(w), *others(2)]),
        "more_than_25": which([initiative(w), *others(30)]),
    },
    "modal_errors": lambda w: {"base": {}},
    "notice": lambda w: {reason: {"reason": reason} for reason in NOTICE_REASONS},
    "absence": lambda w: {
        "away": {"outcome": "away", "away": AwayRequest(date(2026, 12, 15), None)},
        "deputy": {"outcome": "away", "away": AwayRequest(date(2026, 12, 15), "U0DEPUTY1")},
        "back": {"outcome": "back", "away": AwayRequest(None, None)},
        "past": {"outcome": "past"},
        "bad": {"outcome": "bad", "text": w.title},
    },
    # -- arbitration
    "agenda_options": lambda w: {
        "base": {"proposal": shorten(w.decision, 400)},
        "long": {"proposal": shorten(pad(w.decision, 1000), 400)},
    },
    "arbitrate_error": refusals,
    "arbitrate_modal": lambda w: {
        "channel_committee": arbitrate_modal(w, [COMMITTEE, "codir", "board"], "codir", 3),
        "one_committee_no_initiative": arbitrate_modal(w, [COMMITTEE], COMMITTEE, 0),
        "many_initiatives": arbitrate_modal(w, [COMMITTEE, "codir"], COMMITTEE, 100),
    },
    "arbitrate_posted": lambda w: {
        "base": {"poll": arbitration(w), "channel": CHANNEL},
        "ten_long_options": {"poll": arbitration(w, options=ten_options(w)), "channel": CHANNEL},
        "long_question": {
            "poll": arbitration(w, question=pad(w.question, MAX_QUESTION)),
            "channel": CHANNEL,
        },
    },
    "arbitrate_refused": lambda w: {"base": {}},
    "arbitration_agenda": lambda w: {
        "one": agenda(w, 1),
        "thirty": agenda(w, 30),
    },
    "arbitration_closed": lambda w: polls(w, CLOSED),
    "arbitration_poll": lambda w: polls(w, list(POLLS)),
    "decision_followed": lambda w: {
        "done": {"done": True, "decision": decision(w), "user": OWNER},
        "not_yet": {"done": False, "decision": decision(w, long=True), "user": OWNER},
    },
    "decision_modal": lambda w: {
        **polls(w, CLOSED),
        "open_initiative_context": poll_of(w, "open_initiative_context"),
    },
    "decision_notice": lambda w: {
        "chosen": notice(w, decision(w)),
        "deferred": notice(w, decision(w, option=None, follow_up=False, due=False)),
        "bare": notice(
            w, decision(w, option=2, rationale=False, follow_up=False, due=False), linked=False
        ),
        "longest": notice(w, decision(w, option=9, long=True)),
    },
    "decisions_list": lambda w: {
        "empty": {"decisions": []},
        "deferred": {"decisions": [decision(w, option=None, follow_up=False, due=False)]},
        "ten": {
            "decisions": [
                decision(
                    w,
                    id=n + 1,
                    option=None if n == 3 else n % 3,
                    follow_up=n % 2 == 0,
                    due=n % 3 == 0,
                    carried_out=True if n % 4 == 0 else None,
                    days_ago=7 * n,
                    long=n == 5,
                )
                for n in range(10)
            ]
        },
    },
    "poll_errors": lambda w: {"base": {}},
    "poll_notice": lambda w: {reason: {"reason": reason} for reason in POLL_NOTICES},
    "vote_outcome": lambda w: {
        outcome: {"outcome": outcome, "committee": COMMITTEE, "option": "B"}
        for outcome in VOTE_OUTCOMES
    },
}
CASES = [
    pytest.param(name, variant, id=f"{name}-{variant}")
    for name in NAMES
    for variant in CONTEXTS.get(name, lambda w: {})(REALISTIC)
]


def with_known_bugs(language: str, name: str, variant: str, words: str) -> Any:
    return pytest.param(language, name, variant, words, id=f"{language}-{name}-{variant}-{words}")


@cache
def renderer(language: str) -> Renderer:
    return Renderer(language)


@cache
def contexts(name: str, words: Words) -> dict[str, dict[str, Any]]:
    return CONTEXTS[name](words)


def render(language: str, name: str, variant: str, words: Words = REALISTIC) -> Any:
    return renderer(language).render(name, **contexts(name, words)[variant])


# -- what Slack would say --------------------------------------------------------------


def check_slack(rendered: Any) -> None:
    """Fail as Slack would refuse the message or view (or a dict of sentences is malformed)."""
    assert isinstance(rendered, dict)
    if rendered.get("type") in ("modal", "home"):
        check_view(rendered)
    elif "blocks" in rendered:
        check_message(rendered)
    else:
        assert rendered and all(isinstance(v, str) and v.strip() for v in rendered.values())
        assert all(len(v) <= MESSAGE_TEXT_MAX for v in rendered.values())


def check_message(message: dict) -> None:
    assert isinstance(message["text"], str) and message["text"].strip(), "no fallback text"
    assert len(message["text"]) <= MESSAGE_TEXT_MAX
    assert 1 <= len(message["blocks"]) <= 50
    check_blocks(message["blocks"])


def check_view(view: dict) -> None:
    View(**view).to_dict()  # title, submit, close, private_metadata, blocks: raises if invalid
    if view["type"] == "modal":
        assert 1 <= len(view["title"]["text"]) <= 24
    assert all(len(view[key]["text"]) <= 24 for key in ("submit", "close") if key in view)
    assert 1 <= len(view["blocks"]) <= 100
    check_blocks(view["blocks"])


def check_blocks(blocks: list[dict]) -> None:
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None, f"unknown block {block}"
        # to_dict() validates the block and its elements; equality: no key was dropped unknown.
        assert parsed.to_dict() == block
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
        elif block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        elif block["type"] == "actions":
            assert 1 <= len(block["elements"]) <= 25
        elif block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
            assert all(len(element.get("text", "")) <= 3000 for element in block["elements"])
        elif block["type"] == "input":
            assert len(block["label"]["text"]) <= 2000
        for element in [*block.get("elements", []), block.get("element"), block.get("accessory")]:
            if isinstance(element, dict):
                check_element(element)


def check_element(element: dict) -> None:
    if element["type"] == "button":
        assert 1 <= len(element["text"]["text"]) <= 75
        assert len(element.get("value", "")) <= 2000
    options = element.get("options", [])
    assert len(options) <= 100
    for option in options:
        assert 1 <= len(option["text"]["text"]) <= 75 and len(option["value"]) <= 150
    if "initial_option" in element:
        assert element["initial_option"] in options, "initial_option is not one of the options"


def mrkdwn_texts(rendered: dict) -> list[str]:
    """The text Slack reads as mrkdwn: a message's text (with or without blocks) and every
    mrkdwn text object. Not a view, nor a dict of sentences (errors, option labels)."""
    message = "text" in rendered and ("blocks" in rendered or rendered.keys() == {"text"})
    return ([rendered["text"]] if message else []) + list(mrkdwn_in(rendered.get("blocks", [])))


def mrkdwn_in(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if value.get("type") == "mrkdwn":
            yield value["text"]
        for item in value.values():
            yield from mrkdwn_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from mrkdwn_in(item)


def plain_in(value: Any) -> Iterator[str]:
    """Every plain_text text object: Slack shows it as it is, escaping nothing."""
    if isinstance(value, dict):
        if value.get("type") == "plain_text":
            yield value["text"]
        for item in value.values():
            yield from plain_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from plain_in(item)


def words_in(value: Any, key: str | None = None) -> Iterator[str]:
    """Every text a reader sees (not ids, values or metadata)."""
    if isinstance(value, dict):
        for k, item in value.items():
            yield from words_in(item, k)
    elif isinstance(value, list):
        for item in value:
            yield from words_in(item, key)
    elif isinstance(value, str) and key in ("text", "initial_value"):
        yield value


def skeleton(value: Any, key: str | None = None) -> Any:
    """The rendering without its words: types, ids, values and order."""
    if isinstance(value, dict):
        return {k: skeleton(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [skeleton(item) for item in value]
    return "…" if key == "text" and isinstance(value, str) else value


def sections(rendered: dict) -> list[str]:
    return [b["text"]["text"] for b in rendered["blocks"] if b["type"] == "section"]


def accessories(rendered: dict) -> list[dict]:
    return [b["accessory"] for b in rendered["blocks"] if "accessory" in b]


def buttons(rendered: dict) -> list[dict]:
    found = accessories(rendered)
    found += [e for b in rendered["blocks"] if b["type"] == "actions" for e in b["elements"]]
    return [e for e in found if e["type"] == "button"]


# -- tests -----------------------------------------------------------------------------


def test_both_languages_have_the_same_templates() -> None:
    def names(language: str) -> set[str]:
        return {path.name for path in (PACKAGED_PROMPTS / language).glob("*.j2")}

    assert names("fr") == names("en")
    uncovered = set(NAMES) - set(CONTEXTS) - set(COVERED_ELSEWHERE)
    assert not uncovered, "write a context factory for the new template"


# Templates whose contexts are built by the code that chunks them, tested there in both
# languages against the same Block Kit checks.
COVERED_ELSEWHERE = {
    "digest_top": "tests/bot/test_digest_render.py",
    "digest_detail": "tests/bot/test_digest_render.py",
}


@pytest.mark.parametrize(
    ("language", "name", "variant", "words"),
    [
        with_known_bugs(language, case.values[0], case.values[1], words)
        for language in LANGUAGES
        for case in CASES
        for words in WORDS
    ],
)
def test_renders_what_slack_accepts(language: str, name: str, variant: str, words: str) -> None:
    check_slack(render(language, name, variant, WORDS[words]))


@pytest.mark.parametrize(("name", "variant"), CASES)
def test_french_and_english_have_the_same_structure(name: str, variant: str) -> None:
    english, french = render("en", name, variant), render("fr", name, variant)
    if "blocks" in english or "type" in english:
        assert skeleton(french) == skeleton(english)
    else:
        assert french.keys() == english.keys()
    assert french != english, "the French rendering is in English"


@pytest.mark.parametrize(("name", "variant"), CASES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_owners_words_ping_nobody(language: str, name: str, variant: str) -> None:
    rendered = render(language, name, variant, HOSTILE_WORDS)
    shown = json.dumps(rendered, ensure_ascii=False)
    evaluated = re.search(r"U123(?:>|&gt;) (?:&|&amp;) (?!\{\{ 7\*7 \}\})", shown)
    assert evaluated is None, "a template evaluated the owner's text"
    assert "&amp;amp;" not in shown and "&amp;lt;" not in shown, "escaped twice"
    dates = re.compile(r"<!date\^[^>]*>")  # a timestamp may well contain 49
    assert not any("49" in dates.sub("", text) for text in words_in(rendered))
    for text in mrkdwn_texts(rendered):
        assert "<!channel>" not in text and "<@U123>" not in text
        assert not re.search(r"&(?!amp;|lt;|gt;)", text), f"unescaped & in {text!r}"
    for text in plain_in(rendered):
        assert "&amp;" not in text and "&lt;" not in text, f"plain text shows {text!r}"


@pytest.mark.parametrize(
    ("name", "variant", "shown"),
    [
        ("checkin_chosen", "base", 1),
        ("checkin_help", "initiative", 1),
        ("checkin_noted", "skipped", 1),
        ("checkin_noted", "no_change", 1),
        ("checkin_reminder", "base", 1),
        ("checkin_modal", "one_choice_first_time", 1),
        # title, and the answer's KPI name, blockers, decision and highlights
        ("checkin_receipt", "recorded_full", 5),
        # objective and KPI name, and the last answer's KPI name, blockers, decision, highlights
        ("checkin_prompt", "last_full", 6),
        # ... and the open decision (the option the committee chose)
        ("checkin_prompt", "one_open_decision", 7),
        ("arbitrate_error", "duplicate_option", 1),
        ("arbitrate_error", "unknown_committee", 0),
        ("arbitrate_posted", "base", 1),
        # the initiative's title, the context, the three options
        ("arbitration_poll", "open_initiative_context", 5),
        # the three options, the winner again in the result
        ("arbitration_poll", "closed_winner", 4),
        ("arbitration_poll", "closed_tie", 3),
        # the question (the 2000 characters), the title, the context, the options, the winner
        ("arbitration_poll", "closed_long_question_initiative", 7),
        # the question, the winner
        ("arbitration_closed", "closed_winner", 2),
        ("arbitration_closed", "closed_no_votes", 1),
        ("decision_modal", "closed_winner", 1),
        # the question, the decision, the initiative's title, the rationale
        ("decision_notice", "chosen", 4),
        ("decision_notice", "deferred", 3),
        ("decisions_list", "deferred", 1),
        ("decisions_list", "ten", 19),
        # each item: the initiative's title and the request
        ("arbitration_agenda", "one", 2),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_owners_words_show_as_written(language: str, name: str, variant: str, shown: int) -> None:
    rendered = render(language, name, variant, HOSTILE_WORDS)
    in_blocks = "\n".join(mrkdwn_in(rendered["blocks"]))
    assert in_blocks.count(ESCAPED) == shown
    if name not in ("checkin_help", "checkin_modal", "decision_modal", "arbitration_agenda"):
        if name not in ("arbitrate_posted", "decisions_list") and shown:
            assert ESCAPED in rendered["text"]
        assert HOSTILE not in rendered["text"]


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("decision_followed", "done"),
        *[("vote_outcome", outcome) for outcome in VOTE_OUTCOMES],
        *[("poll_notice", reason) for reason in POLL_NOTICES],
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_messages_without_blocks_escape_what_they_show(
    language: str, name: str, variant: str
) -> None:
    rendered = render(language, name, variant, HOSTILE_WORDS)
    assert rendered.keys() == {"text"}
    assert "<!channel>" not in rendered["text"] and "<@U123>" not in rendered["text"]
    if name == "decision_followed":
        assert ESCAPED in rendered["text"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_title_is_shortened_where_slack_limits_it(language: str) -> None:
    header = render(language, "checkin_prompt", "first_time", LONG_TITLE)["blocks"][0]["text"]
    assert len(header["text"]) == 150 and header["text"].endswith("…")
    buttons = render(language, "checkin_which", "several", LONG_TITLE)["blocks"][1]["elements"]
    assert len(buttons[0]["text"]["text"]) == 75 and buttons[0]["text"]["text"].endswith("…")
    view = render(language, "checkin_modal", "several_choices_last_full", LONG_TITLE)
    option = view["blocks"][0]["element"]["initial_option"]["text"]["text"]
    assert len(option) == 75 and option.endswith("…")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_puts_each_field_on_its_own_line(language: str) -> None:
    full = render(language, "checkin_receipt", "recorded_full")["blocks"][0]["text"]["text"]
    lines = full.split("\n")
    assert [line.split(" ")[0] for line in lines[2:]] == [":construction:", ":scales:", ":memo:"]
    bare = render(language, "checkin_prompt", "last_no_status")["blocks"][2]["text"]["text"]
    assert len(bare.split("\n")) == 3, "the status line, then the 'no blockers' line"


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("name", "variant"), [("checkin_receipt", "recorded_full"), ("checkin_prompt", "last_full")]
)
def test_the_longest_answers_fit_in_a_section(language: str, name: str, variant: str) -> None:
    check_slack(render(language, name, variant, LONG_ANSWERS))


@pytest.mark.parametrize(("name", "variant"), CASES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_examples_shown_are_understood(language: str, name: str, variant: str) -> None:
    """A check-in example reads as an update (`…` stands for the owner's words), and an
    /arbitrate example as a poll; syntax (`#committee`) and vote bars are no examples."""
    rendered = render(language, name, variant)
    texts = mrkdwn_texts(rendered) if isinstance(rendered, dict) else []
    for example in re.findall(r"`([^`\n]+)`", "\n".join(texts)):
        if re.fullmatch(r"/arbitrate[A-Z |]*", example):
            continue  # the syntax, or the command alone (it opens the form)
        if example.startswith("/arbitrate "):
            request = parse_arbitrate(
                example.removeprefix("/arbitrate "), committees=[COMMITTEE], channel_committee=None
            )
            assert len(request.options) >= 2
        elif not example.startswith(("/", "#", "ritualbot ")) and not example.endswith(":"):
            if set(example) <= {"█"}:
                continue
            filled = example.replace("…", "arbitrer le budget du T1")
            assert parse_update(filled).understood, f"the parser does not read {example!r}"


@pytest.mark.parametrize(("language", "shown"), [("en", "1,234.5 jours"), ("fr", "1 234,5 jours")])
def test_numbers_are_written_the_language_s_way(language: str, shown: str) -> None:
    receipt = render(language, "checkin_receipt", "recorded_full")
    assert shown in receipt["blocks"][0]["text"]["text"]


def test_modal_errors_name_the_modal_s_blocks_in_both_languages() -> None:
    english, french = render("en", "modal_errors", "base"), render("fr", "modal_errors", "base")
    assert french.keys() == english.keys() == {"status", "progress", "kpi"}
    view = render("fr", "checkin_modal", "one_choice_first_time")
    assert set(french) <= {block.get("block_id") for block in view["blocks"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_templates_use_their_own_language_s_macros(language: str) -> None:
    for path in (PACKAGED_PROMPTS / language).glob("*.j2"):
        source = path.read_text(encoding="utf-8")
        for used in re.findall(r"{%-?\s*(?:from|import|include|extends)\s+['\"]([^'\"]+)", source):
            assert used.startswith(f"{language}/"), f"{path.name} uses {used}"


# -- arbitration: polls, decisions, agenda -------------------------------------------------

RESULT = {
    "en": {"tie": "*Result: a tie* between ", "none": "no votes", "nobody": "Nobody voted."},
    "fr": {
        "tie": "*Résultat : égalité* entre ",
        "none": "aucun vote",
        "nobody": "Personne n’a voté.",
    },
}


@pytest.mark.parametrize("variant", list(POLLS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_open_poll_has_a_vote_button_per_option_and_a_closed_one_none(
    language: str, variant: str
) -> None:
    rendered = render(language, "arbitration_poll", variant)
    options = contexts("arbitration_poll", REALISTIC)[variant]["options"]
    votes = [b for b in buttons(rendered) if b["action_id"].startswith("poll_vote_")]
    if variant in OPEN:
        assert [b["action_id"] for b in votes] == [f"poll_vote_{n}" for n in range(len(options))]
        assert [PollRef.model_validate_json(b["value"]) for b in votes] == [
            PollRef(a=POLL_ID, o=n) for n in range(len(options))
        ]
        labels = [b["text"]["text"] for b in votes]
        assert all(label.endswith(f" {chr(65 + n)}") for n, label in enumerate(labels))
    else:
        assert votes == []


@pytest.mark.parametrize("variant", list(POLLS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_close_now_is_offered_only_while_the_poll_is_open(language: str, variant: str) -> None:
    rendered = render(language, "arbitration_poll", variant)
    close = [b for b in buttons(rendered) if b["action_id"] == "poll_close"]
    if variant in OPEN:
        assert len(close) == 1 and PollRef.model_validate_json(close[0]["value"]) == PollRef(
            a=POLL_ID
        )
        assert "confirm" in close[0]
    else:
        assert close == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closed_poll_shows_the_winner(language: str) -> None:
    rendered = render(language, "arbitration_poll", "closed_winner")
    trophies = [text for text in sections(rendered) if ":trophy:" in text]
    assert len(trophies) == 1 and trophies[0].startswith(f"*A.* {REALISTIC.options[0]}")
    result = sections(rendered)[-1]
    assert f"A. {REALISTIC.options[0]}" in result and "3" in result and "5" in result
    assert REALISTIC.options[1] not in result


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closed_poll_names_the_tied_options(language: str) -> None:
    rendered = render(language, "arbitration_poll", "closed_tie")
    assert not any(":trophy:" in text for text in sections(rendered)), "a tie has no winner"
    result = sections(rendered)[-1]
    assert result.startswith(RESULT[language]["tie"])
    assert result.removeprefix(RESULT[language]["tie"]).rstrip(".") == "A, B"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closed_poll_says_nobody_voted(language: str) -> None:
    rendered = render(language, "arbitration_poll", "closed_no_votes")
    assert not any(":trophy:" in text for text in sections(rendered))
    assert RESULT[language]["none"] in sections(rendered)[-1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closed_notice_gives_the_result(language: str) -> None:
    winner = sections(render(language, "arbitration_closed", "closed_winner"))[0]
    assert f"A. {REALISTIC.options[0]}" in winner and REALISTIC.options[1] not in winner
    nobody = sections(render(language, "arbitration_closed", "closed_no_votes"))[0]
    assert RESULT[language]["nobody"] in nobody
    assert REALISTIC.options[0] not in nobody


@pytest.mark.parametrize(
    "language",
    [
        "en",
        "fr",
    ],
)
def test_the_closed_notice_names_the_tied_options(language: str) -> None:
    """The CMO's DM does not list the options: a tie must say which ones, not just letters."""
    text = sections(render(language, "arbitration_closed", "closed_tie"))[0]
    tied, other = REALISTIC.options[:2], REALISTIC.options[2]
    assert all(option in text for option in tied) and other not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_closed_notice_offers_to_record_the_decision(language: str) -> None:
    for variant in CLOSED:
        (button,) = accessories(render(language, "arbitration_closed", variant))
        assert button["action_id"] == "decision_record"
        assert PollRef.model_validate_json(button["value"]) == PollRef(a=POLL_ID)


ANONYMOUS = [
    ("arbitration_poll", "open_anonymous"),
    ("arbitration_poll", "closed_anonymous_winner"),
    ("arbitration_closed", "closed_anonymous_winner"),
    ("decision_modal", "closed_anonymous_winner"),
]


@pytest.mark.parametrize(("name", "variant"), ANONYMOUS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_anonymous_poll_names_no_voter(language: str, name: str, variant: str) -> None:
    rendered = json.dumps(render(language, name, variant), ensure_ascii=False)
    assert not [member for member in MEMBERS if member in rendered]
    assert contexts(name, REALISTIC)[variant]["voted"] > 0, "nobody voted: nothing to hide"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_named_poll_shows_who_voted_what(language: str) -> None:
    rendered = render(language, "arbitration_poll", "open_named")
    options = sections(rendered)
    assert f"<@{MEMBERS[0]}> <@{MEMBERS[1]}>" in options[0] and f"<@{MEMBERS[2]}>" in options[1]
    assert "<@" not in options[2]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_question_is_shown_whole_under_a_shortened_header(language: str) -> None:
    rendered = render(language, "arbitration_poll", "open_long_question")
    header = rendered["blocks"][0]["text"]["text"]
    assert len(header) == 150 and header.endswith("…")
    question = contexts("arbitration_poll", REALISTIC)["open_long_question"]["poll"]["question"]
    assert len(question) == MAX_QUESTION
    assert rendered["blocks"][1]["text"]["text"] == question.replace("&", "&amp;").replace(
        "<", "&lt;"
    ).replace(">", "&gt;")


@pytest.mark.parametrize("variant", ["open_ten_long_options", "closed_ten_way_tie"])
@pytest.mark.parametrize("name", ["arbitration_poll", "arbitration_closed", "decision_modal"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_largest_poll_stays_within_slack_s_limits(
    language: str, name: str, variant: str
) -> None:
    """Ten options of 500 characters, a 2000-character question, the longest context."""
    context = poll_of(LONGEST, variant)
    assert [len(option["text"]) for option in context["options"]] == [MAX_OPTION] * 10
    assert len(context["poll"]["question"]) == MAX_QUESTION
    rendered = renderer(language).render(name, **context)
    check_slack(rendered)
    if name == "arbitration_poll" and variant.startswith("open"):
        assert len([b for b in buttons(rendered) if b["action_id"].startswith("poll_vote_")]) == 10


@pytest.mark.parametrize("outcome", VOTE_OUTCOMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_vote_outcome_says_which_option(language: str, outcome: str) -> None:
    text = render(language, "vote_outcome", outcome)["text"]
    if outcome in ("new", "changed", "same"):
        assert re.search(r"\bB\b", text)
    if outcome == "not_member":
        assert COMMITTEE in text


@pytest.mark.parametrize("variant", CLOSED)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_decision_modal_preselects_the_winner_and_offers_deferred(
    language: str, variant: str
) -> None:
    view = render(language, "decision_modal", variant)
    context = contexts("decision_modal", REALISTIC)[variant]
    (select,) = [b["element"] for b in view["blocks"] if b.get("block_id") == "decision"]
    values = [option["value"] for option in select["options"]]
    assert values == [f"option:{n}" for n in range(len(context["options"]))] + ["deferred"]
    if context["winner"]:
        assert select["initial_option"]["value"] == f"option:{context['winner']['index']}"
    else:
        assert "initial_option" not in select, "no winner: the CMO chooses"
    assert PollRef.model_validate_json(view["private_metadata"]) == PollRef(a=POLL_ID)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_decision_modal_suggests_the_initiative_s_owner_to_follow_up(language: str) -> None:
    def follow_up(variant: str) -> dict:
        view = render(language, "decision_modal", variant)
        return next(b["element"] for b in view["blocks"] if b.get("block_id") == "follow_up")

    assert follow_up("closed_long_question_initiative")["initial_user"] == OWNER
    assert "initial_user" not in follow_up("closed_winner")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_poll_errors_cover_every_code_the_modals_can_meet(language: str) -> None:
    errors = render(language, "poll_errors", "base")
    assert set(ARBITRATION_CODES) | {"not_cmo", "decision", "due"} == set(errors)


@pytest.mark.parametrize("variant", list(refusals(REALISTIC)))
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_arbitrate_error_says_what_is_wrong(language: str, variant: str) -> None:
    rendered = render(language, "arbitrate_error", variant)
    context = contexts("arbitrate_error", REALISTIC)[variant]
    assert context["code"] not in rendered["text"], "no explanation for this code"
    assert "?" not in rendered["text"], "a detail is missing"
    said = re.sub(r"[\s,]", "", rendered["text"])
    key = {
        "too_many_options": "count",
        "empty_option": "position",
        "duplicate_option": "option",
        "too_long": "limit",
        "unknown_committee": "name",
    }.get(context["code"])
    if key:
        assert re.sub(r"[\s,]", "", str(context["detail"][key])) in said, f"the {key} is not said"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_options_keep_the_owner_s_proposal_as_written(language: str) -> None:
    labels = render(language, "agenda_options", "base", HOSTILE_WORDS)
    prefix = {"en": "Approve: ", "fr": "Approuver : "}[language]
    assert labels["approve"] == prefix + HOSTILE, "poll options are escaped where shown"
    assert len(labels["approve"]) <= MAX_OPTION
    long = render(language, "agenda_options", "long")
    assert len(long["approve"]) <= MAX_OPTION
    validate_poll("?", list(labels.values()))


@pytest.mark.parametrize("variant", ["one", "thirty"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_lists_the_requests(language: str, variant: str) -> None:
    rendered = render(language, "arbitration_agenda", variant)
    items = contexts("arbitration_agenda", REALISTIC)[variant]["items"]
    text = sections(rendered)[0]
    assert str(len(items)) in rendered["text"] and text.startswith(str(len(items)))
    assert f"{REALISTIC.title} · 1*" in text and f"<@{OWNER}>" in text
    listed = text.count("\n• ")
    assert 1 <= listed <= len(items)
    if listed < len(items):
        assert re.search(rf"\b{len(items) - listed}\b", text.split("\n")[-1]), "how many more"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_check_in_asks_about_each_open_decision(language: str) -> None:
    for variant, count in [("last_full", 0), ("one_open_decision", 1), ("two_open_decisions", 2)]:
        rendered = render(language, "checkin_prompt", variant)
        decisions = contexts("checkin_prompt", REALISTIC)[variant]["decisions"]
        asked = [b for b in rendered["blocks"] if b["type"] == "actions" and "block_id" not in b]
        assert len(asked) == len(decisions) == count
        for block, given in zip(asked, decisions, strict=True):
            assert [(e["action_id"], e["value"]) for e in block["elements"]] == [
                ("decision_done", str(given.id)),
                ("decision_not_yet", str(given.id)),
            ]
        assert rendered["blocks"][-1]["block_id"] == "checkin_actions"
        shown = "\n".join(sections(rendered))
        assert all(escape_mrkdwn(given.decision[:100]) in shown for given in decisions)


@pytest.mark.parametrize("variant", ["chosen", "deferred"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_decision_notice_says_what_was_decided(language: str, variant: str) -> None:
    rendered = render(language, "decision_notice", variant)
    given = contexts("decision_notice", REALISTIC)[variant]["decision"]
    text = sections(rendered)[0]
    if given.deferred:
        assert REALISTIC.options[0] not in text
    else:
        assert given.decision in text
    assert REALISTIC.rationale.replace("&", "&amp;") in text
    assert f"<@{CMO}>" in rendered["blocks"][1]["elements"][0]["text"]
