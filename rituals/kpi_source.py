"""Where an initiative's KPI lives (`Initiative.kpi_source`) and how to read a number there.

Pure: parsing the operator's one-line source and extracting the value from a response body.
Header values are names of environment variables, so no secret is ever written here.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from typing import Any, Literal, cast
from urllib.parse import urlsplit

_EXAMPLES = (
    "write e.g. https://host/kpi.json#json:data.metrics.lead_time, "
    "https://host/export.csv#csv:B7 or https://host/export.csv#csv:lead_time, "
    "optionally followed by ' | header:Authorization=KPI_TOKEN'"
)
_CELL = re.compile(r"([A-Za-z]{1,3})([1-9][0-9]*)")
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`~0-9A-Za-z-]+")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


@dataclass(frozen=True)
class KpiSource:
    url: str
    kind: Literal["json", "csv"]
    path: str  # json: dotted path (list indexes as numbers); csv: a cell like B7 or a header
    headers: tuple[tuple[str, str], ...] = ()  # (header name, ENV VARIABLE NAME)


def parse_source(text: str) -> KpiSource:
    """Parse `URL#json:a.b.0`, `URL#csv:B7` or `URL#csv:header`, then ` | header:Name=ENV_VAR`s."""
    first, *extras = (part.strip() for part in text.strip().split("|"))
    url, hash_, selector = first.rpartition("#")
    if not hash_ or not url:
        raise ValueError(f"KPI source {first!r} names no value after '#': {_EXAMPLES}")
    _check_url(url.strip())
    kind, colon, path = selector.partition(":")
    kind, path = kind.strip().lower(), path.strip()
    if kind not in ("json", "csv") or not colon:
        raise ValueError(
            f"KPI source: '#{selector}' should start with 'json:' or 'csv:'; {_EXAMPLES}"
        )
    if not path:
        raise ValueError(f"KPI source: '#{kind}:' needs a path or a cell; {_EXAMPLES}")
    if kind == "json" and any(not step.strip() for step in path.split(".")):
        raise ValueError(
            f"KPI source: JSON path {path!r} has an empty step; "
            "write dotted keys like data.items.0.value"
        )
    headers = tuple(_parse_header(extra) for extra in extras)
    names = [name.lower() for name, _ in headers]
    if len(set(names)) != len(names):
        raise ValueError("KPI source: a header is given twice; write each header once")
    return KpiSource(url.strip(), cast(Literal["json", "csv"], kind), path, headers)


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"KPI source {url!r} is not an http(s) URL; {_EXAMPLES}")


def _parse_header(extra: str) -> tuple[str, str]:
    # The value is never quoted back: an operator may have pasted a secret by mistake.
    label, colon, spec = extra.partition(":")
    name, equals, variable = spec.partition("=")
    name, variable = name.strip(), variable.strip()
    if label.strip().lower() != "header" or not colon or not equals:
        raise ValueError(
            "KPI source: after '|' write header:Name=ENV_VARIABLE, "
            "e.g. header:Authorization=KPI_TOKEN"
        )
    if not _HEADER_NAME.fullmatch(name):
        raise ValueError(
            f"KPI source: {name!r} is not a header name; write e.g. header:X-Api-Key=KPI_KEY"
        )
    if not _ENV_NAME.fullmatch(variable):
        raise ValueError(
            f"KPI source: the value of header {name} must be the NAME of an environment variable "
            f"holding the secret (e.g. header:{name}=KPI_TOKEN), never the secret itself"
        )
    return name, variable


def extract(source: KpiSource, body: str) -> float:
    """The number at `source.path` in a JSON or CSV `body`; ValueError names what is missing."""
    if source.kind == "json":
        return _from_json(source.path, body)
    return _from_csv(source.path, body)


def _from_json(path: str, body: str) -> float:
    try:
        node: Any = json.loads(body)
    except ValueError:
        raise ValueError("response is not JSON") from None
    for step in path.split("."):
        step = step.strip()
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
        else:
            raise ValueError(f"no number at {path} (no {step!r})")
    number = to_number(node)
    if number is None:
        raise ValueError(f"no number at {path}")
    return number


def _from_csv(path: str, body: str) -> float:
    rows = [row for row in csv.reader(io.StringIO(body), delimiter=_delimiter(body)) if any(row)]
    cell = _CELL.fullmatch(path)
    if cell:
        column, row_number = _column_index(cell[1]), int(cell[2])
        if row_number > len(rows) or column >= len(rows[row_number - 1]):
            raise ValueError(f"no cell {path.upper()} in the CSV")
        found, where = rows[row_number - 1][column], f"cell {path.upper()}"
    else:
        header = [name.strip().lower() for name in rows[0]] if rows else []
        if path.lower() not in header:
            raise ValueError(f"no column {path!r} in the CSV header")
        column = header.index(path.lower())
        last = rows[-1] if len(rows) > 1 else []
        found, where = (last[column] if column < len(last) else ""), f"column {path}, last row"
    number = to_number(found)
    if number is None:
        raise ValueError(f"no number in {where}")
    return number


def _delimiter(body: str) -> str:
    # French exports use ';' because ',' is their decimal mark.
    first = next((line for line in body.splitlines() if line.strip()), "")
    return max((",", ";", "\t"), key=first.count)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def to_number(value: object) -> float | None:
    """A finite float from a JSON number or a string like `12.5`, `12,5` or `1 234,5`."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) else None
    if not isinstance(value, str):
        return None
    text = re.sub(r"[\s\u00a0\u202f']", "", value)
    if "," in text and "." in text:  # the later mark is the decimal one
        thousands = "," if text.rfind(",") < text.rfind(".") else "."
        text = text.replace(thousands, "")
    text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None
