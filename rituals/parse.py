"""Read an owner's free-text weekly check-in answer, in French or English, into a ParsedUpdate.

Matching ignores case and accents; the blockers, decision and highlights keep the owner's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from rituals.status import Status

Span = tuple[int, int]


class Intent(StrEnum):
    UPDATE = "update"
    NO_CHANGE = "no_change"
    SKIP = "skip"


@dataclass(frozen=True)
class ParsedUpdate:
    """What an owner said in a check-in; whatever the text did not say is None."""

    intent: Intent
    status: Status | None = None
    progress: int | None = None
    kpi_value: float | None = None
    blockers: str | None = None
    decision_request: str | None = None
    highlights: str | None = None

    @property
    def understood(self) -> bool:
        """Whether the answer can be recorded without asking the owner to rephrase it."""
        if self.intent is not Intent.UPDATE:
            return True
        found = (self.status, self.progress, self.kpi_value, self.blockers, self.decision_request)
        return any(value is not None for value in found)


# Every pattern below reads the folded text: lower case, no accents, ' for ’, plain spaces.
_LATE = (
    r"late(?![ \t]+(?:jan|feb|fev|mar|apr|avr|may|mai|jun|juin|jul|aug|aou|sep|oct|nov|dec"
    r"|q[1-4]|h[12]|this|next|last|in|week|month|quarter|morning|afternoon|evening|\d))"
)
_STATUS_WORDS = {
    Status.ON_TRACK: r"on[ -]?track|green|verte?s?|en bonne voie|ok|okay|en avance"
    r"|ahead of schedule|🟢|:large_green_circle:|:green_circle:",
    Status.AT_RISK: r"at[ -]?risk|amber|orange|yellow|jaune|a risque|en risque|risque de retard"
    r"|(?:leger|petit) retard|(?:legerement|un peu) en retard|slightly (?:late|behind)|slipping"
    r"|a surveiller|🟡|🟠|:large_yellow_circle:|:large_orange_circle:|:yellow_circle:"
    r"|:orange_circle:",
    Status.OFF_TRACK: rf"off[ -]?track|red|rouge|bloquee?s?|blocked|stuck|en retard|de retard"
    rf"|retard (?:de \d+|d'une?) ?(?:j|jours?|sem|semaines?|mois)|behind schedule|{_LATE}"
    r"|🔴|:red_circle:",
    Status.DONE: r"done|terminee?s?|finie?s?|finished|livree?s?|completed|achevee?s?|shipped"
    r"|delivered|✅|:white_check_mark:|:heavy_check_mark:",
}
_ANY_STATUS = rf"(?<!\w)(?:{'|'.join(_STATUS_WORDS.values())})(?!\w)"
_STATUS = re.compile(
    "|".join(rf"(?<!\w)(?P<{s.value}>{words})(?!\w)" for s, words in _STATUS_WORDS.items())
)
_NUMBER = (
    r"\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:\.\d{3})+,\d+"
    r"|\d{1,3}(?: \d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
)
_ARROW = r"[ \t]*(?:→|->|=>|⇒|➡\ufe0f?)[ \t]*"
_UNIT = (
    r"(?:[ \t]?(?:%|k?€|m€|\$|£|(?:j|jrs?|jours?|d|days?|h|hrs?|hours?|heures?|mins?|minutes?"
    r"|s|sec|ms|sem|semaines?|weeks?|wks?|mois|months?|pts?|points?|users?|utilisateurs?"
    r"|clients?|customers?|tickets?|leads?|k|m|x)(?!\w))(?:[ \t]?/[ \t]?[^\W\d_]+)?)?"
)
_KPI = re.compile(
    rf"(?<!\w)kpis?(?!\w)[^\d\n,;.|]{{0,40}}?"
    rf"(?P<value>[-−]?(?:{_NUMBER}){_UNIT}(?:{_ARROW}[-−]?(?:{_NUMBER}){_UNIT})*)"
)
_PROGRESS = re.compile(
    r"(?<!\w)(?:progress|progression|avancement|completion)[ \t]*(?:[:=]|(?:at|a|de|of|is|est)"
    r"(?!\w))?[ \t]*(?P<keyword>[-+−]?\d+(?:[.,]\d+)?)(?![\d.,]*\d)(?:[ \t]?%)?"
    r"|(?<![\w.,+\-−])(?P<percent>[-+−]?\d+(?:[.,]\d+)?)[ \t]?%"
)
_MARKERS = re.compile(
    r"(?<!\w)(?:"
    r"(?P<blocked>(?:bloquee?s?|blocked|stuck)(?:[ \t]+(?:par|by|on|sur)(?!\w)|[ \t]*:))"
    r"|(?P<waiting>(?:waiting (?:for|on)|en attente (?:de|du|des))(?!\w)|en attente d')"
    r"|(?P<blocker>(?:blockers?|blocking points?|bloquants?|points? bloquants?|blocages?"
    r"|bloqueurs?|impediments?)(?:[ \t]*:|[ \t]+[-—–](?=[ \t])))"
    r"|(?P<decision>(?:(?:need(?:s|ed)?|requires?) an? (?:decision|arbitration)"
    r"|besoin d'(?:une? )?(?:decision|arbitrage))(?:[ \t]+(?:on|about|regarding|sur|concernant))?"
    r"[ \t]*:?|(?:decisions?|arbitrages?)(?:[ \t]+(?:needed|required|requested|requise?s?"
    r"|necessaires?|attendue?s?|demandee?s?)(?:[ \t]+(?:on|about|sur|concernant))?[ \t]*:?"
    r"|[ \t]*:)))"
)
_NO_BLOCKERS = re.compile(
    r"(?<!\w)(?:no (?:blockers?|blocking (?:issues?|points?)|impediments?)|nothing blocking"
    r"|(?:pas de|aucune?|sans|zero) (?:blocages?|bloquants?|points? bloquants?))(?!\w)"
)
_NONE_VALUE = re.compile(
    r"\W*(?:none|nothing|n/?a|nope|no|non|aucune?|rien|neant|ras|nada|not (?:yet|now|needed)"
    rf"|pas (?:besoin|pour l'instant|pour le moment)|{_NO_BLOCKERS.pattern})?\W*"
)
_FIELD_AHEAD = (
    r"[ \t]*(?:[-+]?\d+(?:[.,]\d+)?[ \t]?%|kpis?(?!\w)|progress|avancement|eta(?!\w)"
    rf"|{_ANY_STATUS})"
)
_CLAUSE_END = re.compile(rf"\n|[;|]|[ \t][-—–][ \t]|[.!?](?=\s|\Z)|,(?={_FIELD_AHEAD})")
# A decision request keeps its question mark and may name its own options with pipes:
# "decision needed: extend by 3 months? | yes | no".
_DECISION_END = re.compile(rf"\n|;|[ \t][-—–][ \t]|[.!](?=\s|\Z)|[,?](?={_FIELD_AHEAD})")
_SUPERSEDED = re.compile(rf"{_ARROW}[-+−]?\d")
_CLAUSE_BREAK = re.compile(r"([,;.!?·|]+(?:\s+|$)|\s+[—–-]\s+)")
_BULLET_LINE = re.compile(r"\n[ \t]*(?:[-*•·–—]|\d+[.)])[ \t]+([^\n]*)")
_INTENTS = re.compile(
    r"(?<!\w)(?:(?P<skip>skip(?:ping)?(?: (?:for )?this week)?|je passe(?: mon tour)?"
    r"|on passe(?: cette semaine)?|pas cette semaine|passer cette semaine|pass this week"
    r"|not this week)|(?P<no_change>no changes?|nothing new|nothing to report|no news|no updates?"
    r"|same as (?:last week|last time|before)|unchanged|rien de (?:neuf|nouveau)|rien a signaler"
    r"|pas de changements?|aucun changement|inchangee?s?|idem|ras|statu[s]? quo"
    r"|(?:pareil|comme) (?:que )?la semaine (?:derniere|passee)))(?!\w)"
)
_SLACK_MARKUP = re.compile(r"<[^<>\n]*>|https?://\S+")
_NOT_WORDS = re.compile(r"<[@#!][^<>\n]*>|:[\w+-]+:")
_LAST_WORDS = re.compile(r"(?<![\w'])(?:([\w']+)[ \t]+)?([\w']+)[ \t]*[:=]?[ \t]*\Z")
_PAST_AFTER = re.compile(
    r"[ \t]*\(?[ \t]*(?:last week|la semaine (?:derniere|passee)|previously|auparavant|[sw]-1)"
    r"(?!\w)"
)
_OBJECT_AFTER = re.compile(
    r"[ \t]+(?:l'|(?:the|a|an|our|my|their|la|le|les|un|une|nos|notre|des|du)(?!\w))"
    r"(?![ \t]*(?:\d|lundi|mardi|mercredi|jeudi|vendredi|monday|tuesday|wednesday|thursday"
    r"|friday))"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NEGATORS = _words("not no never isn't aren't wasn't won't pas plus jamais non sans aucun aucune")
_ADVERBS = _words(
    "yet really quite totally fully completely entirely longer so too"
    " encore vraiment totalement completement entierement tout trop si"
)
_PAST = _words("was were etait ete previously from auparavant")
_SUBJECTS = _words("on je il elle qui nous le un du ce mon son ton")
_NOT_PROGRESS = _words("vs versus was etait target cible objectif goal from")
_FILLER = _words(
    "status statut update maj point hebdo weekly rag meteo still toujours overall global"
    " globalement now maintenant currently actuellement and et but mais so donc we are is on est"
    " c'est we're nous sommes this week cette semaine the le la les de du des a at en kpi progress"
    " avancement blocker blockers done complete fait not pas hi hello bonjour thanks thank you"
    " merci ok no non realise running"
)


def parse_update(text: str) -> ParsedUpdate:
    """Understand a check-in answer; fields the text does not state are left None."""
    reading = _Reading(text)
    reading.hide(_spans(_SLACK_MARKUP, reading.left))
    reading.take(_spans(_NO_BLOCKERS, reading.left))
    segments = _segments(reading)
    reading.take(span for span, _, _ in segments)
    kpi_value = _kpi(reading)
    progress = _progress(reading)
    status = _status(reading, progress, blocked=any(kind == "blocked" for _, kind, _ in segments))
    blockers = _join(value for _, kind, value in segments if kind != "decision")
    decision = _join(value for _, kind, value in segments if kind == "decision")
    found = (status, progress, kpi_value, blockers, decision)
    intent = _intent(reading) if all(value is None for value in found) else Intent.UPDATE
    return ParsedUpdate(
        intent, status, progress, kpi_value, blockers, decision, reading.highlights()
    )


class _Reading:
    """The text being read: what is left to understand, and which parts were understood."""

    def __init__(self, text: str) -> None:
        self.original = unicodedata.normalize("NFC", text)
        self.left = _folded(self.original)
        self.understood: list[Span] = []

    def hide(self, spans: Iterable[Span]) -> None:
        chars = list(self.left)
        for start, end in spans:
            chars[start:end] = ["\n" if c == "\n" else "\x00" for c in chars[start:end]]
        self.left = "".join(chars)

    def take(self, spans: Iterable[Span]) -> None:
        spans = list(spans)
        self.understood.extend(spans)
        self.hide(spans)

    def highlights(self) -> str | None:
        chars = list(self.original)
        for start, end in self.understood:
            chars[start:end] = ["\n" if c == "\n" else " " for c in chars[start:end]]
        lines = (_kept_clauses(line) for line in "".join(chars).split("\n"))
        return "\n".join(line for line in lines if line) or None


def _fold(char: str) -> str:
    if char in "’‘ʼ`":
        return "'"
    if char in "\u00a0\u202f\u2009":
        return " "
    return unicodedata.normalize("NFD", char)[0].lower()[0]


def _spans(pattern: re.Pattern[str], text: str) -> list[Span]:
    return [found.span() for found in pattern.finditer(text)]


def _segments(reading: _Reading) -> list[tuple[Span, str, str | None]]:
    """Blockers and decision requests: each marker, the text it introduces, and that text."""
    left, markers = reading.left, list(_MARKERS.finditer(reading.left))
    segments: list[tuple[Span, str, str | None]] = []
    cursor = 0
    for index, marker in enumerate(markers):
        if marker.start() < cursor:
            continue
        if _is_negated(left, marker.start()):
            # "no longer blocked by legal": the words after it are left to be read as usual.
            segments.append((marker.span(), "negated", None))
            continue
        limit = markers[index + 1].start() if index + 1 < len(markers) else len(left)
        ends = _DECISION_END if marker.lastgroup == "decision" else _CLAUSE_END
        end = _clause_end(left, _skip(left, marker.end(), " \t:=>→—–-"), limit, ends)
        start = marker.start() if marker.lastgroup == "waiting" else marker.end()
        values = [reading.original[start:end]]
        if not _tidy(values[0]) and left.startswith("\n", end):
            while bullet := _BULLET_LINE.match(left, end):
                values.append(reading.original[bullet.start(1) : bullet.end(1)])
                end = bullet.end()
        segments.append(((marker.start(), end), str(marker.lastgroup), _join(values)))
        cursor = end
    return segments


def _skip(text: str, position: int, chars: str) -> int:
    while position < len(text) and text[position] in chars:
        position += 1
    return position


def _clause_end(left: str, start: int, limit: int, ends: re.Pattern[str] = _CLAUSE_END) -> int:
    found = ends.search(left, start, limit)
    if found is None:
        return limit
    return found.start() + (left[found.start()] == "?")


def _join(values: Iterable[str | None]) -> str | None:
    kept = [_tidy(value) for value in values if value is not None]
    kept = [value for value in kept if not _NONE_VALUE.fullmatch(_folded(value))]
    return "; ".join(kept) or None


def _tidy(value: str) -> str:
    return value.strip().lstrip(" \t:-—–=>→").rstrip(" \t.;,!:-—–").strip()


def _folded(text: str) -> str:
    return "".join(_fold(char) for char in unicodedata.normalize("NFC", text))


def _kpi(reading: _Reading) -> float | None:
    found = _KPI.search(reading.left)
    if found is None:
        return None
    reading.take([found.span()])
    *_, last = re.finditer(rf"[-−]?(?:{_NUMBER})", found["value"])
    return _to_float(last.group())


def _progress(reading: _Reading) -> int | None:
    """An explicit "progress 60" wins over a bare "60%"; signed or out-of-range ones are ignored."""
    candidates = list(_PROGRESS.finditer(reading.left))
    for wanted in ("keyword", "percent"):
        for found in candidates:
            value = _progress_value(reading.left, found) if found[wanted] else None
            if value is not None:
                reading.take([found.span()])
                return value
    return None


def _progress_value(left: str, found: re.Match[str]) -> int | None:
    raw = found["keyword"] or found["percent"]
    if raw[0] in "+-−" or not 0 <= (value := _to_float(raw)) <= 100:
        return None
    if found["percent"]:
        # A bare decimal percentage ("conversion 3,2%") is a metric, not the initiative's progress.
        if _SUPERSEDED.match(left, found.end()) or not value.is_integer():
            return None
        if set(_words_before(left, found.start())) & _NOT_PROGRESS:
            return None
    return int(value + 0.5)


def _to_float(raw: str) -> float:
    digits = raw.replace(" ", "").replace("−", "-")
    if "," in digits and "." in digits:
        digits = digits.replace("," if digits.rfind(",") < digits.rfind(".") else ".", "")
    return float(digits.replace(",", "."))


def _status(reading: _Reading, progress: int | None, *, blocked: bool) -> Status | None:
    """The first explicit status wins, except that a bare "ok" yields to any other status, and
    "done" to any but "ok" and to progress below 100 ("design done, build at 60%")."""
    hits = [hit for hit in map(_status_hit, _STATUS.finditer(reading.left)) if hit]
    done = [status for status, _ in hits if status is Status.DONE]
    others = [(status, reading.left[a:b]) for status, (a, b) in hits if status is not Status.DONE]
    tiers = (
        [status for status, text in others if (status, text[:2]) != (Status.ON_TRACK, "ok")],
        done if progress in (None, 100) else [],
        [status for status, _ in others],
        [Status.OFF_TRACK] if blocked else [],
    )
    status = next((tier[0] for tier in tiers if tier), None)
    reading.take(span for hit_status, span in hits if hit_status is status)
    return status


def _status_hit(found: re.Match[str]) -> tuple[Status, Span] | None:
    left, start, end = found.string, found.start(), found.end()
    status = Status(str(found.lastgroup))
    if set(_words_before(left, start)) & _PAST or _PAST_AFTER.match(left, end):
        return None
    if _is_negated(left, start):
        return (Status.AT_RISK, found.span()) if status is Status.ON_TRACK else None
    if status is Status.DONE and found.group()[0].isalpha():
        # "on termine la recette", "livré la v1": a verb about part of the work, not the status.
        before = _words_before(left, start)
        if (before and before[-1] in _SUBJECTS) or _OBJECT_AFTER.match(left, end):
            return None
    return status, found.span()


def _words_before(left: str, start: int) -> tuple[str, ...]:
    """Up to two words just before start, in the same clause."""
    found = _LAST_WORDS.search(left, left.rfind("\n", 0, start) + 1, start)
    return tuple(word for word in found.groups() if word) if found else ()


def _is_negated(left: str, start: int) -> bool:
    words = _words_before(left, start)
    if words and words[-1] in _ADVERBS:
        words = words[:-1]
    if not words or words[-1] not in _NEGATORS:
        return False
    return not left[:start].rstrip().endswith("de plus en plus")


def _intent(reading: _Reading) -> Intent:
    found = _INTENTS.search(reading.left)
    if found is None:
        return Intent.UPDATE
    reading.take([found.span()])
    return Intent(str(found.lastgroup))


def _kept_clauses(line: str) -> str:
    """The clauses of a leftover line that say something beyond filler words and emoji."""
    parts = _CLAUSE_BREAK.split(line)
    clauses = zip(parts[::2], [*parts[1::2], ""], strict=True)
    return _tidy_line("".join(clause + end for clause, end in clauses if _worth_keeping(clause)))


def _worth_keeping(clause: str) -> bool:
    words = re.findall(r"[^\W\d_][\w']*", _folded(_NOT_WORDS.sub(" ", clause)))
    return any(word not in _FILLER for word in words)


def _tidy_line(line: str) -> str:
    line = re.sub(r"\(\s*\)", " ", re.sub(r"[ \t]+", " ", line))
    line = re.sub(r"([,;|—–-])(?:\s*[,;:|—–-])+", r"\1", re.sub(r" +([,.])", r"\1", line))
    line = re.sub(r"^(?:[\s,;|.]|:(?![\w+-]+:))*(?:[-—–•*·](?=\s|$))?", "", line).strip()
    while line and line[-1] in ",;:|—–-· " and not re.search(r":[\w+-]+:$", line):
        line = line[:-1]
    return line
