"""Benchmark (d): the free-text reader against the reading corpus, field for field.

    python bench/reading.py [PART ...] [--failures]

    python bench/reading.py [PART ...] --wrong

PART is one of tuning, heldout, legacy (the default: these three) or heldout2 (scored only
when named; it was held out for one round and is now open too). Prints per part the accuracy
of each field (status, progress, kpi, blockers, decision), of the intent and of the
attribution to initiatives (or asking which), the share of cases read right in every field,
and the count of WRONG VALUES STORED: a status, progress or KPI stored where a careful reader
stores another value, nothing, or asks. `--failures` lists the failing cases of the parts
named; `--wrong` only those where a wrong value, or a blocker or decision nobody wrote, was
stored. Ends with the time to read a 40,000-character message."""

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rituals.reading import Context, Known, Last, Part, Reading, read
from rituals.status import Status
from tests.reading.corpus.load import ASK, PARTS, Case, Expected, load

FIELDS = ("status", "progress", "kpi", "blockers", "decision")
DEFAULT_PARTS = ("tuning", "heldout", "legacy")


def context_of(case: Case) -> Context:
    inits = []
    for number, init in enumerate(case.initiatives, start=1):
        last = None
        if init.last is not None:
            status = Status(init.last.status) if init.last.status else None
            last = Last(status, init.last.progress, init.last.kpi)
        inits.append(Known(number, init.title, init.kpi, init.unit, init.target, last))
    ids = {init.title: known.id for init, known in zip(case.initiatives, inits, strict=True)}
    thread = ids[case.thread] if case.thread else None
    language = case.language if case.language in ("fr", "en") else None
    return Context(tuple(inits), thread, language)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _value_right(expected: object, field: object) -> bool:
    value, sure = getattr(field, "value"), getattr(field, "sure")  # noqa: B009
    if expected == ASK:
        return value is None and not sure
    if expected is None:
        return value is None and sure
    if isinstance(expected, float):
        return value is not None and abs(float(value) - expected) <= 1e-6 * max(1, abs(expected))
    return value == expected


def _text_right(expected: str | None, stored: str | None) -> bool:
    if expected is None:
        return stored is None
    return stored is not None and _fold(expected) in _fold(stored)


def field_right(name: str, expected: Expected, part: Part | None) -> bool:
    want = getattr(expected, name)
    if part is None:
        return want is None
    if name in ("blockers", "decision"):
        return _text_right(want, getattr(part, name))
    got = getattr(part, name)
    return _value_right(want, got)


def _wrong_stored(case: Case, reading: Reading, titles: dict[int, str]) -> Counter[str]:
    wrong: Counter[str] = Counter()
    for part in reading.parts:
        if part.initiative_id is None:
            continue
        expected = case.expect.get(titles[part.initiative_id]) if case.intent == "update" else None
        for name in ("status", "progress", "kpi"):
            value = getattr(part, name).value
            if value is None:
                continue
            want = getattr(expected, name) if expected else None
            if want is None or want == ASK or not _value_right(want, getattr(part, name)):
                wrong[name] += 1
    return wrong


class Score:
    def __init__(self) -> None:
        self.right: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self.wrong: Counter[str] = Counter()
        self.false_text: Counter[str] = Counter()
        self.failures: list[tuple[Case, Reading, list[str]]] = []
        self.harmful: set[str] = set()  # ids of the cases where something wrong was stored

    def add(self, case: Case, reading: Reading) -> None:
        context = context_of(case)
        titles = {k.id: k.title for k in context.initiatives}
        by_title = {titles[p.initiative_id]: p for p in reading.parts if p.initiative_id}
        missed: list[str] = []
        self._count("intent", _intent_right(case, reading), missed)
        if case.intent == "update":
            attribution = (
                reading.ask_which
                if case.ask_which
                else not reading.ask_which and set(by_title) == set(case.expect)
            )
        else:
            attribution = not reading.ask_which
        self._count("attribution", attribution, missed)
        for title, expected in case.expect.items():
            part = by_title.get(title)
            for name in FIELDS:
                self._count(name, field_right(name, expected, part), missed, title)
                stored = getattr(part, name) if part and name in ("blockers", "decision") else None
                if stored is not None and getattr(expected, name) is None:
                    self.false_text[name] += 1
                    self.harmful.add(case.id)
        wrong = _wrong_stored(case, reading, titles)
        if wrong:
            self.harmful.add(case.id)
        self.wrong += wrong
        self.total["cases"] += 1
        if missed:
            self.failures.append((case, reading, missed))
        else:
            self.right["cases"] += 1

    def _count(self, name: str, right: bool, missed: list[str], title: str = "") -> None:
        self.total[name] += 1
        self.right[name] += right
        if not right:
            missed.append(f"{name}[{title}]" if title else name)

    def lines(self, part: str) -> list[str]:
        out = [f"{part}: {self.total['cases']} cases"]
        for name in (*FIELDS, "intent", "attribution"):
            out.append(_line(name, self.right[name], self.total[name]))
        out.append(_line("OVERALL (cases)", self.right["cases"], self.total["cases"]))
        detail = ", ".join(f"{k} {self.wrong[k]}" for k in ("status", "progress", "kpi"))
        out.append(f"  WRONG VALUES STORED   {sum(self.wrong.values())}  ({detail})")
        text = ", ".join(f"{k} {self.false_text[k]}" for k in ("blockers", "decision"))
        out.append(f"  text stored where none expected: {text}")
        return out


def _line(name: str, right: int, total: int) -> str:
    share = 100 * right / total if total else 0.0
    return f"  {name:<18} {share:5.1f} %  ({right}/{total})"


def _intent_right(case: Case, reading: Reading) -> bool:
    if case.intent == "unreadable":
        return not reading.readable
    if not reading.readable or not reading.parts:
        return False
    return all(p.intent.value == case.intent for p in reading.parts)


def _describe(case: Case, reading: Reading, missed: list[str]) -> str:
    context = context_of(case)
    titles = {k.id: k.title for k in context.initiatives}
    out = [f"- {case.id}: {', '.join(missed)}", f"    text: {case.text!r}"]
    out.append(f"    expected: intent={case.intent} ask_which={case.ask_which}")
    for title, e in case.expect.items():
        out.append(
            f"      {title}: {e.status} | {e.progress} | {e.kpi} | {e.blockers} | {e.decision}"
        )
    out.append(f"    read: readable={reading.readable} ask_which={reading.ask_which}")
    for p in reading.parts:
        name = titles.get(p.initiative_id or -1, "None")
        fields = " | ".join(_show(getattr(p, n)) for n in ("status", "progress", "kpi"))
        out.append(f"      {name} [{p.intent}]: {fields} | {p.blockers} | {p.decision}")
    return "\n".join(out)


def _show(field: object) -> str:
    value, sure, cands = (getattr(field, a) for a in ("value", "sure", "candidates"))
    if not sure:
        return f"ask{list(cands)}"
    return "null" if value is None else str(getattr(value, "value", value))


def score(part: str) -> Score:
    result = Score()
    for case in load(part):
        result.add(case, read(case.text, context_of(case)))
    return result


def timing() -> list[str]:
    known = Known(1, "Migration", "Taux", "%", 80, Last(Status.ON_TRACK, 40, 60))
    context = Context((known, Known(2, "Autre projet")), thread=1, language="fr")
    rng = random.Random(7)
    alphabet = "abcdefghij klmnop 0123456789 %,.;:!?~*_`<>|@#-•\n🟢éàç"
    messages = {
        '"green " x 40,000 chars': ("green " * 6700)[:40_000],
        "random mix, 40,000 chars": "".join(rng.choice(alphabet) for _ in range(40_000)),
    }
    out = []
    for name, text in messages.items():
        started = time.perf_counter()
        read(text, context)
        out.append(f"  read {name}: {1000 * (time.perf_counter() - started):.0f} ms")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("parts", nargs="*", metavar="PART", help=f"one of {PARTS}")
    parser.add_argument("--failures", action="store_true", help="list the failing cases")
    parser.add_argument("--wrong", action="store_true", help="list cases storing wrong values")
    args = parser.parse_args()
    if unknown := [p for p in args.parts if p not in PARTS]:
        parser.error(f"unknown part {unknown[0]!r}, expected one of {PARTS}")
    for part in args.parts or DEFAULT_PARTS:
        result = score(part)
        print("\n".join(result.lines(part)))
        for case, reading, missed in result.failures:
            if args.failures or (args.wrong and case.id in result.harmful):
                print(_describe(case, reading, missed))
    print("timing:")
    print("\n".join(timing()))


if __name__ == "__main__":
    main()
