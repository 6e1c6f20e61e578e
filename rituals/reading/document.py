"""The text being read: as written (markup gone), folded for matching, cut into sentences
and clauses. Folding keeps positions, so what a rule finds is quoted in the owner's words."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from rituals.reading.lexicon import fold

Span = tuple[int, int]

_SENTENCE_END = re.compile(r"\n|[.!?…]+(?=[\s\"')\]]|$)")
_CLAUSE_BREAK = re.compile(
    r",|;|\(|\)|\[|\]|\|| / |\s[—–-]{1,2}\s|=>|->|→|⇒|➡|…|\.\.\.|•|·"
    r"|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]"
)


@dataclass(frozen=True)
class Doc:
    text: str
    folded: str
    struck: tuple[tuple[int, str], ...] = ()  # where something was struck out, and what (folded)
    names: tuple[Span, ...] = field(default=())  # words that name an initiative

    @classmethod
    def of(cls, text: str, struck: tuple[tuple[int, str], ...] = ()) -> Doc:
        return cls(text, fold(text), tuple((at, fold(words)) for at, words in struck))

    def cut(self, start: int, end: int) -> Doc:
        struck = tuple((at - start, w) for at, w in self.struck if start <= at < end)
        names = tuple((a - start, b - start) for a, b in self.names if start <= a and b <= end)
        return Doc(self.text[start:end], self.folded[start:end], struck, names)

    @classmethod
    def joined(cls, docs: list[Doc]) -> Doc:
        text, folded, struck, names, offset = [], [], [], [], 0
        for doc in docs:
            text.append(doc.text)
            folded.append(doc.folded)
            struck += [(at + offset, w) for at, w in doc.struck]
            names += [(a + offset, b + offset) for a, b in doc.names]
            offset += len(doc.text) + 1
        return cls("\n".join(text), "\n".join(folded), tuple(struck), tuple(names))

    def named(self, names: tuple[Span, ...]) -> Doc:
        return Doc(self.text, self.folded, self.struck, names)

    @cached_property
    def masked(self) -> str:
        """The folded text with the initiatives' names blanked, so titles never read as fields."""
        if not self.names:
            return self.folded
        chars = list(self.folded)
        for start, end in self.names:
            chars[start:end] = " " * (end - start)
        return "".join(chars)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentences and lines; each keeps its closing punctuation (so "?" tells a question)."""
        spans, start = [], 0
        for found in _SENTENCE_END.finditer(self.folded):
            end = found.end() if found.group() != "\n" else found.start()
            if self.folded[start:end].strip():
                spans.append(_trimmed(self.folded, start, end))
            start = found.end()
        if self.folded[start:].strip():
            spans.append(_trimmed(self.folded, start, len(self.folded)))
        return tuple(spans)

    def clauses(self, start: int, end: int) -> list[Span]:
        spans, cursor = [], start
        for found in _CLAUSE_BREAK.finditer(self.folded, start, end):
            if self.folded[cursor : found.start()].strip():
                spans.append((cursor, found.start()))
            cursor = found.end()
        if self.folded[cursor:end].strip():
            spans.append((cursor, end))
        return spans

    def clause_start(self, at: int) -> int:
        """Where the clause holding position `at` starts."""
        line = max(self.folded.rfind("\n", 0, at) + 1, at - 300)
        best = line
        for found in _CLAUSE_BREAK.finditer(self.folded, line, at):
            best = found.end()
        for found in _SENTENCE_END.finditer(self.folded, line, at):
            best = max(best, found.end())
        return best

    def clause_end(self, at: int) -> int:
        limit = self.folded.find("\n", at)
        limit = min(len(self.folded) if limit < 0 else limit, at + 300)
        ends = [m.start() for m in (_CLAUSE_BREAK.search(self.folded, at, limit),) if m]
        ends += [m.start() for m in (_SENTENCE_END.search(self.folded, at, limit),) if m]
        return min([limit, *ends])

    def sentence_at(self, at: int) -> Span:
        index = bisect_right(self.sentences, (at, len(self.folded) + 1)) - 1
        if index >= 0 and self.sentences[index][0] <= at < self.sentences[index][1]:
            return self.sentences[index]
        return at, at

    def is_question(self, span: Span) -> bool:
        return self.folded[span[0] : span[1]].rstrip().endswith("?")

    def question_part(self, span: Span) -> Span | None:
        """The question a sentence ends with, without what stands before its last label or
        dash: "amber, decision needed: extend the budget?" asks only "extend the budget?"."""
        if not self.is_question(span):
            return None
        start = span[0]
        for found in _QUESTION_LEAD.finditer(self.folded, span[0], span[1]):
            start = found.end()
        return start, span[1]

    def said(self, start: int, end: int) -> str:
        return self.text[start:end].strip(" \t\n,;:.-—–•")


# What may stand before the question a sentence ends with: a label or a dash.
_QUESTION_LEAD = re.compile(r"\s:|:\s|\s[—–-]{1,2}\s|;|\|")


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " \t•":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end
