"""Load the reading corpus (tuning, heldout, legacy, heldout2 .yaml) as typed, validated cases."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ASK = "ask"
PARTS = ("tuning", "heldout", "legacy", "heldout2", "heldout3")
STATUSES = frozenset({"on_track", "at_risk", "off_track", "done"})
INTENTS = frozenset({"update", "no_change", "skip", "unreadable"})
PREFIXES = ("fr-", "en-", "mix-")

_DIR = Path(__file__).resolve().parent
_CASE_REQUIRED = frozenset({"id", "text", "initiatives", "thread", "intent"})
_CASE_OPTIONAL = frozenset({"expect", "ask_which", "note"})
_INIT_KEYS = frozenset({"title", "kpi", "unit", "target", "last"})
_LAST_KEYS = frozenset({"status", "progress", "kpi"})
_EXPECT_KEYS = frozenset({"status", "progress", "kpi", "blockers", "decision"})


@dataclass(frozen=True)
class Last:
    """Last week's stored answer for an initiative."""

    status: str | None
    progress: int | None
    kpi: float | None


@dataclass(frozen=True)
class Initiative:
    title: str
    kpi: str
    unit: str
    target: float | None
    last: Last | None


@dataclass(frozen=True)
class Expected:
    """What a careful reader stores; ``"ask"`` means store nothing and ask."""

    status: str | None
    progress: int | str | None
    kpi: float | str | None
    blockers: str | None
    decision: str | None


@dataclass(frozen=True)
class Case:
    id: str
    part: str
    language: str  # "fr", "en" or "mix", from the id prefix
    text: str
    initiatives: tuple[Initiative, ...]
    thread: str | None
    intent: str
    expect: dict[str, Expected]
    ask_which: bool
    note: str


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form used to match phrases in the text."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _no_duplicate_keys(node: yaml.Node, cid: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()
        for key, value in node.value:
            if key.value in seen:
                line = key.start_mark.line + 1
                raise ValueError(f"{cid}: duplicate key {key.value!r} (line {line})")
            seen.add(key.value)
            _no_duplicate_keys(value, cid)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _no_duplicate_keys(item, cid)


def _keys(
    cid: str, where: str, raw: object, required: frozenset[str], optional: frozenset[str]
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ValueError(f"{cid}: {where} must be a mapping")
    keys = set(raw)
    if missing := required - keys:
        raise ValueError(f"{cid}: {where} misses {sorted(missing)}")
    if unknown := keys - required - optional:
        raise ValueError(f"{cid}: {where} has unknown keys {sorted(map(str, unknown))}")
    return raw


def _opt_str(cid: str, where: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return value
    raise ValueError(f"{cid}: {where} must be a non-empty string or null")


def _status(cid: str, where: str, value: object, allow_ask: bool) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and (value in STATUSES or (allow_ask and value == ASK)):
        return value
    raise ValueError(f"{cid}: {where} has bad status {value!r}")


def _progress(cid: str, where: str, value: object, allow_ask: bool) -> int | str | None:
    if value is None:
        return None
    if allow_ask and value == ASK:
        return ASK
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100:
        return value
    raise ValueError(f"{cid}: {where} has bad progress {value!r}")


def _kpi(cid: str, where: str, value: object, allow_ask: bool) -> float | str | None:
    if value is None:
        return None
    if allow_ask and value == ASK:
        return ASK
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise ValueError(f"{cid}: {where} has bad kpi {value!r}")


def _initiative(cid: str, raw: object) -> Initiative:
    d = _keys(cid, "initiative", raw, _INIT_KEYS, frozenset())
    title = d["title"]
    if not isinstance(title, str) or not title.strip():
        raise ValueError(f"{cid}: initiative title must be a non-empty string")
    if not isinstance(d["kpi"], str) or not isinstance(d["unit"], str):
        raise ValueError(f"{cid}: {title}: kpi and unit must be strings")
    if d["target"] is not None and not _is_number(d["target"]):
        raise ValueError(f"{cid}: {title}: target must be a number or null")
    last = None
    if d["last"] is not None:
        ld = _keys(cid, f"{title}.last", d["last"], _LAST_KEYS, frozenset())
        p = _progress(cid, f"{title}.last", ld["progress"], allow_ask=False)
        k = _kpi(cid, f"{title}.last", ld["kpi"], allow_ask=False)
        s = _status(cid, f"{title}.last", ld["status"], allow_ask=False)
        last = Last(s, p if isinstance(p, int) else None, k if isinstance(k, float) else None)
    target = None if d["target"] is None else float(d["target"])
    return Initiative(title, d["kpi"], d["unit"], target, last)


def _expected(cid: str, title: str, raw: object) -> Expected:
    d = _keys(cid, f"expect.{title}", raw, _EXPECT_KEYS, frozenset())
    return Expected(
        status=_status(cid, title, d["status"], allow_ask=True),
        progress=_progress(cid, title, d["progress"], allow_ask=True),
        kpi=_kpi(cid, title, d["kpi"], allow_ask=True),
        blockers=_opt_str(cid, f"{title}.blockers", d["blockers"]),
        decision=_opt_str(cid, f"{title}.decision", d["decision"]),
    )


def _case(part: str, raw: object) -> Case:
    cid = raw.get("id") if isinstance(raw, dict) else None
    if not isinstance(cid, str) or not cid.startswith(PREFIXES):
        raise ValueError(f"{cid!r}: id must be a string starting with one of {PREFIXES}")
    d = _keys(cid, "case", raw, _CASE_REQUIRED, _CASE_OPTIONAL)
    if not isinstance(d["text"], str) or not d["text"].strip():
        raise ValueError(f"{cid}: text must be a non-empty string")
    if not isinstance(d["initiatives"], list) or not d["initiatives"]:
        raise ValueError(f"{cid}: initiatives must be a non-empty list")
    inits = tuple(_initiative(cid, i) for i in d["initiatives"])
    titles = [i.title for i in inits]
    if len(set(titles)) != len(titles):
        raise ValueError(f"{cid}: duplicate initiative titles")
    thread = d["thread"]
    if thread is not None and thread not in titles:
        raise ValueError(f"{cid}: thread {thread!r} is not one of the initiatives")
    intent = d["intent"]
    if intent not in INTENTS:
        raise ValueError(f"{cid}: bad intent {intent!r}")
    ask_which = d.get("ask_which", False)
    note = d.get("note", "")
    if not isinstance(ask_which, bool) or not isinstance(note, str):
        raise ValueError(f"{cid}: ask_which must be a bool and note a string")
    raw_expect = d.get("expect") or {}
    if not isinstance(raw_expect, dict):
        raise ValueError(f"{cid}: expect must be a mapping")
    if unknown := set(raw_expect) - set(titles):
        raise ValueError(f"{cid}: expect names unknown initiatives {sorted(map(str, unknown))}")
    expect = {str(t): _expected(cid, str(t), e) for t, e in raw_expect.items()}
    for title, exp in expect.items():
        for phrase in (exp.blockers, exp.decision):
            if phrase is not None and _fold(phrase) not in _fold(d["text"]):
                raise ValueError(f"{cid}: {title}: phrase {phrase!r} is not in the text")
    if intent != "update" and (expect or ask_which):
        raise ValueError(f"{cid}: expect/ask_which only go with intent update")
    if ask_which and (expect or thread is not None or len(inits) < 2):
        raise ValueError(f"{cid}: ask_which needs a plain DM, several initiatives, no expect")
    if intent == "update" and not ask_which and not expect:
        raise ValueError(f"{cid}: an update needs expect (or ask_which)")
    language = cid.split("-", 1)[0]
    return Case(cid, part, language, d["text"], inits, thread, intent, expect, ask_which, note)


def _read(part: str) -> list[Case]:
    source = (_DIR / f"{part}.yaml").read_text(encoding="utf-8")
    root = yaml.compose(source, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.SequenceNode):
        raise ValueError(f"{part}.yaml must hold a list of cases")
    for item in root.value:
        ids = [v.value for k, v in getattr(item, "value", []) if k.value == "id"]
        _no_duplicate_keys(item, ids[0] if ids else f"{part}.yaml line {item.start_mark.line + 1}")
    raw = yaml.safe_load(source)
    return [_case(part, r) for r in raw]


def load(part: str) -> list[Case]:
    """Return the cases of ``part`` (one of PARTS); ids are checked across all the parts."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}, expected one of {PARTS}")
    parts = {p: _read(p) for p in PARTS}
    seen: set[str] = set()
    for cases in parts.values():
        for case in cases:
            if case.id in seen:
                raise ValueError(f"{case.id}: duplicate id")
            seen.add(case.id)
    return parts[part]
