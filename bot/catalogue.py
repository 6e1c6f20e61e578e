"""Reading and checking message catalogues: an operator's partial catalogue against the
packaged one — syntax, unknown ids, placeholders the bot does not pass, a missing language, a
mass mention — each problem with its file, line and message id."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

PACKAGED = Path(__file__).resolve().parent.parent / "prompts"
LANGUAGES = ("en", "fr")
_MASS_MENTIONS = re.compile(r"<!(?:channel|here|everyone)(?:\|[^>]*)?>")


@dataclass(frozen=True)
class Problem:
    """What is wrong in a catalogue file, and where."""

    file: Path
    line: int
    message_id: str | None
    what: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return (
            f"{where}: {self.message_id}: {self.what}"
            if self.message_id
            else f"{where}: {self.what}"
        )


class CatalogueError(Exception):
    """An operator's catalogue that the bot refuses to start with."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n…and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the prompts catalogue:\n{shown}{more}")


@dataclass(frozen=True)
class Entry:
    """One message of a catalogue file: where it is and what it uses."""

    id: str
    file: Path
    line: int
    variables: frozenset[str]
    references: frozenset[str]
    source: str


@dataclass
class Parsed:
    """A folder's catalogue: language → id → entry, and the problems found reading it."""

    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


class _Uses(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.references: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.variables.add(node.id.name)
        self.generic_visit(node)

    def visit_MessageReference(self, node: ast.MessageReference) -> None:
        self.references.add(node.id.name)
        self.generic_visit(node)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def read_folder(folder: Path) -> Parsed:
    """Parse every `<language>/*.ftl` under `folder`."""
    parsed = Parsed()
    if not folder.is_dir():
        parsed.problems.append(Problem(folder, 0, None, "no such folder"))
        return parsed
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = sorted(sub.glob("*.ftl"))
        if not files:
            continue
        if sub.name not in LANGUAGES:
            what = f'unknown language "{sub.name}"; the bot speaks {", ".join(LANGUAGES)}'
            parsed.problems.append(Problem(sub, 0, None, what))
            continue
        parsed.languages.append(sub.name)
        entries = parsed.entries.setdefault(sub.name, {})
        for path in files:
            _read_file(path, entries, parsed.problems)
    return parsed


def _read_file(path: Path, entries: dict[str, Entry], problems: list[Problem]) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path, 0, None, f"cannot read the file ({exc}); save it as UTF-8"))
        return
    for item in FluentParser().parse(text).body:
        if isinstance(item, ast.Junk):
            start = item.span.start if item.span else 0  # where the broken message begins
            guess = re.match(r"\s*([a-zA-Z][\w-]*)\s*=", item.content or "")
            reason = item.annotations[0].message if item.annotations else "cannot be read"
            what = (
                f"syntax error: {reason}; write `message-id = words`, placeholders as {{ $name }}"
            )
            problems.append(Problem(path, _line(text, start), guess[1] if guess else None, what))
            continue
        if not isinstance(item, ast.Message | ast.Term):
            continue
        name = item.id.name if isinstance(item, ast.Message) else f"-{item.id.name}"
        uses = _Uses()
        uses.visit(item)
        line = _line(text, item.span.start if item.span else 0)
        if name in entries:
            first = entries[name]
            what = f"defined twice (first at {first.file.name}:{first.line}); keep one"
            problems.append(Problem(path, line, name, what))
            continue
        source = text[item.span.start : item.span.end] if item.span else ""
        entries[name] = Entry(
            name, path, line, frozenset(uses.variables), frozenset(uses.references), source
        )


def packaged() -> Parsed:
    return read_folder(PACKAGED)


def check_catalogue(folder: Path, reference: Parsed | None = None) -> list[Problem]:
    """Everything wrong with an operator's (partial) catalogue, against the packaged one."""
    reference = reference or packaged()
    parsed = read_folder(folder)
    problems = list(parsed.problems)
    known = reference.entries
    for language, entries in parsed.entries.items():
        for entry in entries.values():
            problems.extend(_entry_problems(entry, language, known, entries))
    overridden = {name for entries in parsed.entries.values() for name in entries}
    for name in sorted(overridden):
        have = [lang for lang in parsed.languages if name in parsed.entries.get(lang, {})]
        lacking = [lang for lang in LANGUAGES if lang not in have]
        if not lacking or not all(name in known.get(lang, {}) for lang in have):
            continue
        first = parsed.entries[have[0]][name]
        what = (
            f"missing language: defined in {', '.join(have)} but not in {', '.join(lacking)}; "
            f"readers of {', '.join(lacking)} would keep the packaged words — add it to "
            + ", ".join(f"{folder / lang}/" for lang in lacking)
        )
        problems.append(Problem(first.file, first.line, name, what))
    return sorted(problems, key=lambda p: (str(p.file), p.line))


def _entry_problems(
    entry: Entry, language: str, known: Mapping[str, Mapping[str, Entry]], own: Mapping[str, Entry]
) -> Iterable[Problem]:
    reference = known.get(language, {})
    original = reference.get(entry.id)
    if original is None:
        close = difflib.get_close_matches(entry.id, list(reference), n=1)
        hint = f'; did you mean "{close[0]}"?' if close else "; see `ritualbot prompts export`"
        yield Problem(entry.file, entry.line, entry.id, f"unknown message id{hint}")
        return
    extra = sorted(entry.variables - original.variables)
    if extra:
        passed = ", ".join(f"${v}" for v in sorted(original.variables)) or "no placeholder"
        names = ", ".join(f"${v}" for v in extra)
        what = f"placeholder {names} is not passed by the bot; this message gets {passed}"
        yield Problem(entry.file, entry.line, entry.id, what)
    for ref in sorted(entry.references):
        if ref not in reference and ref not in own:
            yield Problem(entry.file, entry.line, entry.id, f'refers to unknown message "{ref}"')
    if _MASS_MENTIONS.search(entry.source):
        what = "notifies a whole channel (<!channel>, <!here>, <!everyone>); remove it"
        yield Problem(entry.file, entry.line, entry.id, what)
