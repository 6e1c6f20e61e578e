"""The weekly digest as Slack messages: a short top message, and its detail as thread
replies cut so that each one keeps within Slack's limits, however big the committee."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from bot.render import BUTTON_TEXT_MAX, MESSAGE_TEXT_MAX, SECTION_TEXT_MAX, Renderer
from rituals.digest import Digest

BLOCKS_MAX = 50
HEADER_TEXT_MAX = 150
FIELD_TEXT_MAX = 2000
FIELDS_MAX = 10
CONTEXT_ELEMENTS_MAX = 10
ACTIONS_ELEMENTS_MAX = 25
BUTTON_VALUE_MAX = 2000
BLOCK_ID_MAX = 255
# Not documented: chat.postMessage answers msg_blocks_too_long past ~12,000-13,000
# characters of text in all (slackapi/bolt-js#2509, #2867); keep a margin under it.
BLOCKS_TEXT_MAX = 10_000

# What the thread lists, in order; each is a template variable of digest_detail and a
# field of Digest ("initiatives" being its `lines`).
KINDS = ("initiatives", "missing", "escalations", "decisions", "open_polls")

Row = tuple[str, Any]


def digest_messages(renderer: Renderer, digest: Digest) -> tuple[dict, list[dict]]:
    """The top message, and the replies to post in its thread, in order."""
    top = renderer.render("digest_top", digest=digest)
    _refuse_broken(top, "digest_top")
    rows = _rows(digest)

    def detail(start: int, stop: int, part: int, parts: int) -> dict[str, Any]:
        return _detail(renderer, digest, rows, start, stop, part, parts)

    # Cut with the widest part numbers any cut could need, then number the parts.
    widest = max(len(rows), 1)
    spans = _cut(len(rows), lambda start, stop: detail(start, stop, widest, widest))
    replies = [detail(start, stop, n, len(spans)) for n, (start, stop) in enumerate(spans, 1)]
    for reply in replies:
        _refuse_broken(reply, "digest_detail")
    return top, replies


def _rows(digest: Digest) -> list[Row]:
    lists = (digest.lines, digest.missing, digest.escalations, digest.decisions, digest.open_polls)
    return [(kind, item) for kind, items in zip(KINDS, lists, strict=True) for item in items]


def _detail(
    renderer: Renderer,
    digest: Digest,
    rows: list[Row],
    start: int,
    stop: int,
    part: int,
    parts: int,
) -> dict[str, Any]:
    """The reply showing rows[start:stop]; the template's `start` says where each list resumes."""
    shown: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    for kind, item in rows[start:stop]:
        shown[kind].append(item)
    before = Counter(kind for kind, _ in rows[:start])
    first = {kind: before[kind] for kind in KINDS}
    message: dict[str, Any] = renderer.render(
        "digest_detail", digest=digest, part=part, parts=parts, start=first, **shown
    )
    return message


def _cut(count: int, render: Callable[[int, int], dict[str, Any]]) -> list[tuple[int, int]]:
    """Spans (start, stop) covering range(count), each as long as one message allows."""
    spans = []
    start = 0
    while start < count:
        stop = start + _longest(start, count, render)
        spans.append((start, stop))
        start = stop
    return spans


def _longest(start: int, count: int, render: Callable[[int, int], dict[str, Any]]) -> int:
    """How many rows from `start` fit in one message. More rows never make a message
    smaller, so doubling then bisecting finds it in a few renderings."""

    def fits(size: int) -> bool:
        return next(_problems(render(start, start + size)), None) is None

    good, bad = 0, 1
    while bad <= count - start and fits(bad):
        good, bad = bad, bad * 2
    bad = min(bad, count - start + 1)
    while bad - good > 1:
        middle = (good + bad) // 2
        good, bad = (middle, bad) if fits(middle) else (good, middle)
    if good == 0:
        problem = next(_problems(render(start, start + 1)))
        raise ValueError(f"one item of the digest does not fit in a message: {problem}")
    return good


def _refuse_broken(message: dict[str, Any], template: str) -> None:
    problem = next(_problems(message), None)
    if problem is not None:
        raise ValueError(f"prompts/…/{template}.json.j2 renders what Slack refuses: {problem}")


def check_message(message: dict) -> None:
    """Raise AssertionError saying which of Slack's limits the message breaks, if any."""
    problem = next(_problems(message), None)
    if problem is not None:
        raise AssertionError(problem)


def _problems(message: dict) -> Iterator[str]:
    """Each way the message breaks a limit of chat.postMessage, first found first."""
    text = message.get("text")
    if not isinstance(text, str) or not text.strip():
        yield "no fallback text: notifications would be empty"
    elif len(text) > MESSAGE_TEXT_MAX:
        yield f"fallback text has {len(text)} characters, more than {MESSAGE_TEXT_MAX}"
    blocks = message.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        yield "no blocks"
        return
    if len(blocks) > BLOCKS_MAX:
        yield f"{len(blocks)} blocks, more than {BLOCKS_MAX} per message"
    ids = [block["block_id"] for block in blocks if "block_id" in block]
    if len(ids) != len(set(ids)):
        yield f"block_id used twice: {sorted({i for i in ids if ids.count(i) > 1})}"
    for index, block in enumerate(blocks):
        for problem in _block_problems(block):
            yield f"block {index} ({block.get('type')}): {problem}"
    total = sum(len(text) for text in _texts(blocks))
    if total > BLOCKS_TEXT_MAX:
        yield f"the blocks hold {total} characters of text, more than {BLOCKS_TEXT_MAX} in all"


def _block_problems(block: dict) -> Iterator[str]:
    kind = block.get("type")
    if len(block.get("block_id", "")) > BLOCK_ID_MAX:
        yield f"block_id longer than {BLOCK_ID_MAX} characters"
    if kind == "section":
        yield from _too_long("text", block.get("text"), SECTION_TEXT_MAX)
        fields = block.get("fields", [])
        if len(fields) > FIELDS_MAX:
            yield f"{len(fields)} fields, more than {FIELDS_MAX}"
        for field in fields:
            yield from _too_long("field", field, FIELD_TEXT_MAX)
        if "text" not in block and not fields:
            yield "a section needs a text or fields"
    elif kind == "header":
        yield from _too_long("header", block.get("text"), HEADER_TEXT_MAX)
    elif kind == "context":
        elements = block.get("elements", [])
        if not 1 <= len(elements) <= CONTEXT_ELEMENTS_MAX:
            yield f"{len(elements)} elements, not 1 to {CONTEXT_ELEMENTS_MAX}"
        for element in elements:
            if element.get("type") in ("mrkdwn", "plain_text"):
                yield from _too_long("context text", element, SECTION_TEXT_MAX)
    elif kind == "actions":
        elements = block.get("elements", [])
        if not 1 <= len(elements) <= ACTIONS_ELEMENTS_MAX:
            yield f"{len(elements)} elements, not 1 to {ACTIONS_ELEMENTS_MAX}"
    for element in [*block.get("elements", []), block.get("accessory")]:
        if isinstance(element, dict) and element.get("type") == "button":
            yield from _too_long("button text", element.get("text"), BUTTON_TEXT_MAX)
            if len(element.get("value", "")) > BUTTON_VALUE_MAX:
                yield f"button value longer than {BUTTON_VALUE_MAX} characters"


def _too_long(what: str, text_object: Any, limit: int) -> Iterator[str]:
    text = text_object.get("text") if isinstance(text_object, dict) else None
    if not isinstance(text, str) or not text:
        yield f"{what} is missing or empty"
    elif len(text) > limit:
        yield f"{what} has {len(text)} characters, more than {limit}: {text[:60]!r}…"


def _texts(value: Any) -> Iterator[str]:
    """Every text a reader sees in the blocks."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "text" and isinstance(item, str):
                yield item
            else:
                yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
