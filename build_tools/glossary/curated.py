"""The curated glossary file, `source_texts/glossary.yml`, read with its line numbers.

It gives expansions for acronyms the documents use without defining, corrects or
annotates those they define, dates expansions that changed over time, describes the
key bodies, and lists acronym-like words that are not acronyms. Every problem is a
Diagnostic printed as `path:LINE: message`; the file is read with `yaml.compose`, so
each value keeps the line it was written on.

    entries:
      GMG:
        expansions:                       # or `expansion: Some Name` when it never changed
          - {expansion: Geneva Migration Group, from: 2003}
          - {expansion: Global Migration Group, from: 2006}
        note: ...                         # shown in the glossary
        variants: [...]                   # other printed forms of the acronym ("HIV/AIDs")
        names: [...]                      # other names of the body, to find its mentions
        about:                            # statements for a full entry, each with its source
          - {text: ..., source: mc-2353#para-5}
    ignore:
      roman numerals: [II, III]           # reason → words that are not acronyms
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import dates
from ..model import Diagnostic

STR = "tag:yaml.org,2002:str"
_DATE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
_SOURCE = re.compile(r"^(?P<document>[a-z0-9][a-z0-9-]*)#(?P<anchor>[A-Za-z0-9_:-]+)$")
ENTRY_FIELDS = ("expansion", "expansions", "note", "variants", "names", "about")


@dataclass(frozen=True)
class Dated:
    """One expansion of an acronym, valid from `start` (ISO date or year; "" = always)."""

    expansion: str
    start: str = ""


@dataclass(frozen=True)
class Statement:
    """A fact about a body, with the paragraph that states it (`document#anchor`)."""

    text: str
    document: str
    anchor: str
    line: int


@dataclass(frozen=True)
class CuratedEntry:
    key: str
    expansions: tuple[Dated, ...]
    line: int
    note: str = ""
    variants: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    about: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class Curated:
    """The whole file: entries by key, and the words that are not acronyms (word → reason)."""

    path: str
    entries: tuple[CuratedEntry, ...] = ()
    ignore: tuple[tuple[str, str], ...] = ()

    def entry(self, key: str) -> CuratedEntry | None:
        return next((e for e in self.entries if e.key == key), None)

    @property
    def ignored(self) -> frozenset[str]:
        return frozenset(word for word, _ in self.ignore)


date_key = dates.sort_key  # partial dates sort at their start; a missing date sorts last


class _Reader:
    """Walks the composed YAML tree, collecting diagnostics with line numbers."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Diagnostic] = []

    def error(self, node: Node, message: str) -> None:
        self.problems.append(Diagnostic(self.path, node.start_mark.line + 1, "glossary-schema", message, "error"))

    def string(self, node: Node, what: str) -> str | None:
        if isinstance(node, ScalarNode) and node.tag == STR and node.value.strip():
            return node.value.strip()
        kind = "an empty value" if isinstance(node, ScalarNode) and not node.value.strip() else _kind(node)
        self.error(node, f"{what} must be a non-empty string, not {kind}")
        return None

    def strings(self, node: Node, what: str) -> tuple[str, ...]:
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list of strings, not {_kind(node)}")
            return ()
        values = (self.string(item, f"each of {what}") for item in node.value)
        return tuple(v for v in values if v)

    def mapping(self, node: Node, what: str) -> list[tuple[ScalarNode, Node]]:
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping, not {_kind(node)}")
            return []
        seen: set[str] = set()
        pairs = []
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                self.error(key, f"a key in {what} must be a plain word")
                continue
            if key.value in seen:
                self.error(key, f"{key.value!r} appears twice in {what}")
                continue
            seen.add(key.value)
            pairs.append((key, value))
        return pairs

    def date(self, node: Node, what: str) -> str | None:
        value = node.value if isinstance(node, ScalarNode) else None
        if value is None or not _DATE.match(value):
            self.error(node, f"{what} must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not {value or _kind(node)!r}")
            return None
        return value


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return {"tag:yaml.org,2002:int": "a number", "tag:yaml.org,2002:float": "a number",
            "tag:yaml.org,2002:bool": "true/false", "tag:yaml.org,2002:null": "an empty value"}.get(
        node.tag, "a string")


def parse_curated(text: str, path: str) -> tuple[Curated, list[Diagnostic]]:
    """The curated file's text → its content and every problem found in it."""
    r = _Reader(path)
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return Curated(path), [Diagnostic(path, line, "glossary-yaml", f"not valid YAML ({getattr(exc, 'problem', exc)})", "error")]
    if root is None:
        return Curated(path), [Diagnostic(path, 1, "glossary-schema", "the file is empty", "error")]
    entries: list[CuratedEntry] = []
    ignore: list[tuple[str, str]] = []
    for key, value in r.mapping(root, "the file"):
        if key.value == "entries":
            for name, body in r.mapping(value, "entries"):
                entry = _entry(r, name, body)
                if entry:
                    entries.append(entry)
        elif key.value == "ignore":
            for reason, words in r.mapping(value, "ignore"):
                ignore.extend((w, reason.value) for w in r.strings(words, f"ignore: {reason.value}"))
        else:
            r.error(key, f"unknown section {key.value!r} (expected entries or ignore)")
    return Curated(path, tuple(entries), tuple(ignore)), r.problems


def _entry(r: _Reader, name: ScalarNode, body: Node) -> CuratedEntry | None:
    key = name.value
    if not re.fullmatch(r"[A-Z][A-Za-z0-9&/-]*", key) or len(re.sub(r"[^A-Z]", "", key)) < 2:
        r.error(name, f"{key!r} is not an acronym (two or more capitals, with & / or -)")
        return None
    fields = dict((k.value, (k, v)) for k, v in r.mapping(body, f"entry {key}"))
    for field_name, (k, _) in fields.items():
        if field_name not in ENTRY_FIELDS:
            r.error(k, f"unknown field {field_name!r} in entry {key} (expected one of {', '.join(ENTRY_FIELDS)})")
    expansions: list[Dated] = []
    if "expansion" in fields and "expansions" in fields:
        r.error(fields["expansions"][0], f"entry {key} has both expansion and expansions; keep one")
    if "expansion" in fields:
        text = r.string(fields["expansion"][1], f"the expansion of {key}")
        expansions = [Dated(text)] if text else []
    elif "expansions" in fields:
        expansions = _dated(r, key, fields["expansions"][1])
    else:
        r.error(name, f"entry {key} has no expansion")
    if not expansions:
        return None
    about = _about(r, key, fields["about"][1]) if "about" in fields else ()
    return CuratedEntry(
        key=key,
        expansions=tuple(expansions),
        line=name.start_mark.line + 1,
        note=(r.string(fields["note"][1], f"the note of {key}") or "") if "note" in fields else "",
        variants=r.strings(fields["variants"][1], f"the variants of {key}") if "variants" in fields else (),
        names=r.strings(fields["names"][1], f"the names of {key}") if "names" in fields else (),
        about=about,
    )


def _dated(r: _Reader, key: str, node: Node) -> list[Dated]:
    if not isinstance(node, SequenceNode) or not node.value:
        r.error(node, f"the expansions of {key} must be a non-empty list of {{expansion, from}}")
        return []
    out: list[Dated] = []
    for item in node.value:
        fields = dict((k.value, (k, v)) for k, v in r.mapping(item, f"an expansion of {key}"))
        for field_name, (k, _) in fields.items():
            if field_name not in ("expansion", "from"):
                r.error(k, f"unknown field {field_name!r} in an expansion of {key} (expected expansion, from)")
        if "expansion" not in fields:
            r.error(item, f"an expansion of {key} has no expansion")
            continue
        text = r.string(fields["expansion"][1], f"the expansion of {key}")
        start = r.date(fields["from"][1], f"the date of {key} {text!r}") if "from" in fields else ""
        if text is None or start is None:
            continue
        if out and (not start or not out[-1].start or date_key(start) <= date_key(out[-1].start)):
            r.error(item, f"the expansions of {key} must have dates, in increasing order")
            continue
        out.append(Dated(text, start))
    if len(out) > 1 and not out[0].start:
        r.error(node, f"the expansions of {key} must each have a date")
    return out


def _about(r: _Reader, key: str, node: Node) -> tuple[Statement, ...]:
    if not isinstance(node, SequenceNode):
        r.error(node, f"the about of {key} must be a list of {{text, source}}")
        return ()
    out = []
    for item in node.value:
        fields = dict((k.value, (k, v)) for k, v in r.mapping(item, f"a statement about {key}"))
        for field_name, (k, _) in fields.items():
            if field_name not in ("text", "source"):
                r.error(k, f"unknown field {field_name!r} in a statement about {key} (expected text, source)")
        if "text" not in fields or "source" not in fields:
            r.error(item, f"a statement about {key} needs both text and source")
            continue
        text = r.string(fields["text"][1], f"a statement about {key}")
        source = r.string(fields["source"][1], f"the source of a statement about {key}")
        m = _SOURCE.match(source or "")
        if source and not m:
            r.error(fields["source"][1], f"the source {source!r} must be document#anchor, e.g. mc-2353#para-5")
        if text and m:
            out.append(Statement(text, m.group("document"), m.group("anchor"), item.start_mark.line + 1))
    return tuple(out)


def load_curated(path: Path, root: Path) -> tuple[Curated, list[Diagnostic]]:
    """Read the curated file (missing: an empty glossary, no problem)."""
    rel = path.relative_to(root).as_posix() if path.is_absolute() else path.as_posix()
    if not path.exists():
        return Curated(rel), []
    return parse_curated(path.read_text(encoding="utf-8"), rel)
