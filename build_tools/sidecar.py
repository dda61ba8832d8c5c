"""Validate YAML sidecars: the metadata fields a source text may set, and nothing else.

Every problem is reported as `path:line: message`, with the line taken from the
YAML node, so that a mistyped key or a bad date points at the line to fix.
`validate` returns the fields as strings; `check_corpus` finds clashes between
documents (one symbol used twice, two sources that would write the same page).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import fields
from typing import Iterable

import yaml

from .model import PROVENANCE_FIELDS, Metadata

METADATA_FIELDS = tuple(f.name for f in fields(Metadata) if f.name not in ("field_notes", "printed_title"))
ALLOWED = METADATA_FIELDS + PROVENANCE_FIELDS
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$")
RESERVED_NAMES = frozenset({"index"})  # documents/index.md is the document list
# A source's name becomes a file name, a URL and part of an HTML comment: keep it plain.
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as written, so `2006-02-30` is reported, not a crash."""


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it: a thousand sidecars


class SidecarError(ValueError):
    """Problems found in one sidecar, each already formatted as `path:line: message`."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def date_problem(value: str) -> str | None:
    """Why `value` is not a YYYY, YYYY-MM or YYYY-MM-DD date, or None when it is one."""
    m = _DATE.match(value)
    if not m:
        return f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return f"date {value!r} is not a real date"
    return None


def value_problem(key: str, value: object) -> tuple[str | None, str]:
    """(problem or None, the value as text) for one field."""
    if value is None:
        return f"field {key!r} has no value; give one or remove the line", ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, datetime.date)):
        kind = {list: "a list", dict: "a mapping", bool: "true/false"}.get(type(value), type(value).__name__)
        return f"field {key!r} must be text, not {kind}", ""
    text = value.isoformat() if isinstance(value, datetime.date) else str(value)
    if not text.strip():
        return f"field {key!r} is empty; give a value or remove the line", text
    if re.search(r"[\x00-\x1f\x7f\u2028\u2029]", text):
        return f"field {key!r} must be a single line of text", text
    if key in ("date", "added"):
        return date_problem(text), text
    if key == "source_sha256" and not re.fullmatch(r"[0-9a-f]{64}", text):
        return f"source_sha256 {text!r} must be 64 lower-case hexadecimal digits", text
    if key in ("url", "pdf_url", "source_url") and not _URL.match(text):
        return f"{key} {text!r} must be an http:// or https:// address without spaces or quotes", text
    return None, text


def validate_data(data: object, rel: str, lines: dict[str, int] | None = None) -> dict[str, str]:
    """Check already-parsed sidecar data; `lines` maps each key to its line (1 when unknown)."""
    lines = lines or {}
    if not isinstance(data, dict):
        raise SidecarError([f"{rel}:1: a sidecar must be a mapping of metadata fields"])
    problems: list[str] = []
    out: dict[str, str] = {}
    for key, value in data.items():
        where = f"{rel}:{lines.get(str(key), 1)}"
        if key not in ALLOWED:
            problems.append(f"{where}: unknown field {str(key)!r}; allowed fields: {', '.join(ALLOWED)}")
            continue
        problem, text = value_problem(key, value)
        if problem:
            problems.append(f"{where}: {problem}")
        else:
            out[key] = text
    if problems:
        raise SidecarError(problems)
    return out


def validate(text: str, rel: str) -> tuple[dict[str, str], dict[str, int]]:
    """Sidecar text → (fields as strings, line of each field); SidecarError lists every problem."""
    try:
        try:
            node = yaml.compose(text, Loader=_COMPOSER)
        except yaml.YAMLError:
            node = yaml.compose(text, Loader=yaml.SafeLoader)  # the same error, worded as PyYAML words it
        data = _TextDatesLoader("").construct_document(node) if node is not None else None  # parsed once
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        raise SidecarError([f"{rel}:{line}: not valid YAML ({getattr(exc, 'problem', None) or exc})"]) from None
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        line = node.start_mark.line + 1 if node is not None else 1
        raise SidecarError([f"{rel}:{line}: a sidecar must be a mapping of metadata fields"])
    lines: dict[str, int] = {}
    problems: list[str] = []
    for key_node, _ in node.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        if key in lines:
            problems.append(f"{rel}:{line}: field {key!r} appears twice (first on line {lines[key]})")
        else:
            lines[key] = line
    try:
        result = validate_data(data, rel, lines)
    except SidecarError as exc:
        problems += exc.messages
    if problems:
        raise SidecarError(sorted(problems, key=_line_order))
    return result, lines


def _line_order(message: str) -> int:
    m = re.match(r"^[^:]*:(\d+):", message)
    return int(m.group(1)) if m else 0


def page_key(name: str) -> str:
    """Names that would write the same page on a case-insensitive file system share a key."""
    return name.casefold()


def check_corpus(entries: Iterable[tuple[str, str, str, dict[str, str], dict[str, int]]]) -> list[str]:
    """Clashes between documents.

    `entries` are (name, text path, sidecar path, sidecar fields, field lines) in name order.
    """
    problems: list[str] = []
    pages: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for name, path, sidecar_path, data, lines in entries:
        key = page_key(name)
        if not _SAFE_NAME.match(name):
            shown = path.encode("unicode_escape").decode("ascii")  # one line, whatever the name holds
            problems.append(
                f"{shown}: a source file name may only use letters, digits, '.', '_' and '-' "
                "(it becomes the page's address); rename the file"
            )
        elif key in RESERVED_NAMES:
            problems.append(f"{path}: the name {name!r} is reserved for a generated page; rename the file")
        elif key in pages:
            problems.append(
                f"{path}: writes the same page as {pages[key]} (file names differ only by case); rename one of them"
            )
        else:
            pages[key] = path
        symbol = data.get("symbol")
        if symbol:
            where = f"{sidecar_path}:{lines.get('symbol', 1)}"
            if symbol in symbols:
                problems.append(f"{where}: symbol {symbol!r} is already used by {symbols[symbol]}")
            else:
                symbols[symbol] = where
    return problems
