"""The glossary: every acronym the collection defines or the curated file explains.

`build_glossary` joins the definitions found in the documents with the curated file
and compiles ONE regular expression over every printed form of every key (longest
first), which `apply_glossary` and the coverage check run once per text.

Which expansion a document's tooltips carry (`Glossary.expansion`):

1. the document's own definition, always, for the whole document. When the curated
   file dates a later expansion that had already started by the document's date
   (the document names the Geneva Migration Group in 2006, after its 2006 renaming),
   the later one is added: "Geneva Migration Group (from 2006: Global Migration Group)";
2. otherwise the curated expansion in force at the document's date (the first one
   for a document older than all of them);
3. otherwise a definition from another document: the latest one dated on or before
   this document, else the earliest; definitions whose letters line up come first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Diagnostic, Document
from .curated import Curated, CuratedEntry, Dated, date_key
from .extract import Definition, extract_definitions, iter_units


def anchor_of(key: str) -> str:
    """A key's stable anchor on the glossary page: "UNGA/HLD" → "unga-hld", "P&B" → "p-b"."""
    return re.sub(r"[^a-z0-9]", "-", key.lower())


@dataclass(frozen=True)
class Entry:
    """One acronym: its definitions in the texts (oldest document first) and its curated data."""

    key: str
    definitions: tuple[Definition, ...] = ()
    curated: CuratedEntry | None = None

    @property
    def anchor(self) -> str:
        return anchor_of(self.key)

    @property
    def from_texts(self) -> bool:
        return bool(self.definitions)

    @property
    def dated(self) -> tuple[Dated, ...]:
        return self.curated.expansions if self.curated else ()


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]
    forms: dict[str, str] = field(hash=False, compare=False)  # printed form → key
    pattern: re.Pattern[str] = field(hash=False, compare=False)
    dates: dict[str, str] = field(default_factory=dict, hash=False, compare=False)  # document → date
    ignored: frozenset[str] = frozenset()
    by_key: dict[str, Entry] = field(default_factory=dict, hash=False, compare=False)

    def __post_init__(self) -> None:
        if not self.by_key:
            self.by_key.update((e.key, e) for e in self.entries)

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(self.forms)

    def entry(self, key: str) -> Entry:
        return self.by_key[key]

    def key_of(self, printed: str) -> str:
        return self.forms[printed]

    def expansion(self, key: str, document: str) -> str:
        """The expansion right for `document` (see the module docstring for the rule)."""
        entry = self.entry(key)
        date = self.dates.get(document, "")
        own = next((d for d in entry.definitions if d.location.document == document), None)
        if own:
            return _with_later_name(own.expansion, entry.dated, date)
        if entry.dated:
            return in_force(entry.dated, date).expansion
        ranked = [d for d in entry.definitions if d.exact] or list(entry.definitions)
        before = [d for d in ranked if date and date_key(self.dates.get(d.location.document, "")) <= date_key(date)]
        return (before[-1] if before else ranked[0]).expansion


def in_force(dated: tuple[Dated, ...], date: str) -> Dated:
    """The dated expansion in force at `date` (the first one before them all, or undated)."""
    current = dated[0]
    for d in dated:
        if date and d.start and date_key(d.start) <= date_key(date):
            current = d
    return current


def _with_later_name(own: str, dated: tuple[Dated, ...], date: str) -> str:
    names = [d.expansion.casefold() for d in dated]
    if not date or own.casefold() not in names:
        return own
    current = in_force(dated, date)
    if names.index(own.casefold()) < names.index(current.expansion.casefold()):
        return f"{own} (from {current.start[:4]}: {current.expansion})"
    return own


SKIP = (
    r"(?P<skip>(?<![^\s(\[“\"'])(?:(?:https?://|www\.)\S+|[^\s()\[\]]*/[^\s()\[\]]*\d[^\s()\[\],;]*))"
)


def compile_forms(forms: list[str], extra: str = "") -> re.Pattern[str]:
    """One alternation over every form, longest first; symbols and URLs are matched first and skipped."""
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    known = rf"(?<![\w&])(?P<form>{alternation or '(?!)'})(?P<plural>s)?(?![\w&])"
    return re.compile("|".join(p for p in (SKIP, known, extra) if p))


def _forms(keys: set[str], curated: Curated) -> dict[str, str]:
    """Printed forms: each key, its curated variants, and "UN-DESA" for UNDESA when UN is a key."""
    forms = {k: k for k in keys}
    for entry in curated.entries:
        for variant in entry.variants:
            forms.setdefault(variant, entry.key)
    for key in keys:
        for i in range(2, len(key) - 1):
            if key[:i] in keys and key[i:].isalpha() and key[i:].isupper():
                forms.setdefault(f"{key[:i]}-{key[i:]}", key)
    return forms


@dataclass(frozen=True)
class GlossaryFacts:
    """What one document gives the glossary: its date, its definitions, its citable places."""

    name: str
    date: str
    definitions: tuple[Definition, ...]
    labels: tuple[tuple[str, str], ...]  # (anchor, label) of every unit, in page order


def glossary_facts(doc: Document) -> GlossaryFacts:
    labels = dict.fromkeys((u.location.anchor, u.location.label) for u in iter_units(doc) if not u.note)
    return GlossaryFacts(doc.name, doc.metadata.date, tuple(extract_definitions(doc)), tuple(labels))


def build_glossary(documents: list[Document] | list[GlossaryFacts], curated: Curated) -> tuple[Glossary, list[Diagnostic]]:
    """Definitions from every document plus the curated file → the glossary, and its problems."""
    facts = [d if isinstance(d, GlossaryFacts) else glossary_facts(d) for d in documents]
    dates = {f.name: f.date for f in facts}
    order = {f.name: (date_key(f.date), f.name) for f in facts}
    found: dict[str, list[Definition]] = {}
    for f in facts:
        for d in f.definitions:
            found.setdefault(d.key, []).append(d)
    keys = set(found) | {e.key for e in curated.entries}
    entries = tuple(
        Entry(key, tuple(sorted(found.get(key, []), key=lambda d: order[d.location.document])), curated.entry(key))
        for key in sorted(keys)
    )
    problems = _check(entries, facts, curated)
    forms = _forms(keys, curated)
    glossary = Glossary(entries, forms, compile_forms(list(forms)), dates, curated.ignored - keys)
    return glossary, problems


def _check(entries: tuple[Entry, ...], facts: list[GlossaryFacts], curated: Curated) -> list[Diagnostic]:
    """Anchors that collide, statement sources that do not exist, ignored words that are keys."""
    problems: list[Diagnostic] = []
    seen: dict[str, str] = {}
    anchors = {f.name: {a for a, _ in f.labels} | {"title"} for f in facts}
    for entry in entries:
        line = entry.curated.line if entry.curated else 0
        if entry.anchor in seen:
            problems.append(Diagnostic(curated.path, line, "glossary-anchor",
                                       f"{entry.key} and {seen[entry.anchor]} share the anchor #{entry.anchor}", "error"))
        seen[entry.anchor] = entry.key
        for s in entry.curated.about if entry.curated else ():
            if s.document not in anchors:
                problems.append(Diagnostic(curated.path, s.line, "glossary-source", f"no document named {s.document!r}", "error"))
            elif s.anchor not in anchors[s.document]:
                problems.append(Diagnostic(curated.path, s.line, "glossary-source",
                                           f"{s.document} has no paragraph or heading #{s.anchor}", "error"))
    keys = {e.key for e in entries}
    for word, _ in curated.ignore:
        if word in keys:
            problems.append(Diagnostic(curated.path, 0, "glossary-ignore", f"{word} is ignored but is a glossary key", "error"))
    return problems
