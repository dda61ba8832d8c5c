"""docs/glossary.md: every acronym A to Z, where it is defined and where it is used.

Entries with curated statements (`about`) are full entries: what the body is and when
and by whom it was set up, each statement linked to its paragraph, then every
paragraph of the collection that mentions it (by acronym or by name), oldest document
first, with an excerpt, so that a reader can follow how the body evolved. All source
text goes through the writer's `escape`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Acronym, Document, Emphasis, Inline, map_inlines
from ..writer.markdown import escape, generated_comment, generated_notice, human_date
from .curated import date_key
from .entries import Entry, Glossary
from .extract import Location, Unit, iter_units

EXCERPT_WORDS = 25


@dataclass(frozen=True)
class Use:
    location: Location
    count: int


def _acronyms(unit: Unit) -> list[Acronym]:
    found: list[Acronym] = []

    def collect(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        for node in nodes:
            if isinstance(node, Acronym):
                found.append(node)
            elif isinstance(node, Emphasis):
                collect(node.children)
        return nodes

    for block in unit.blocks:
        map_inlines(block, collect)
    return found


def _by_date(documents: list[Document]) -> list[Document]:
    return sorted(documents, key=lambda d: (date_key(d.metadata.date), d.name))


def uses(documents: list[Document]) -> dict[str, dict[str, list[Use]]]:
    """key → document → the places it is used there (with how often), in page order."""
    table: dict[str, dict[str, list[Use]]] = {}
    for doc in _by_date(documents):
        for unit in iter_units(doc):
            counts: dict[str, int] = {}
            for node in _acronyms(unit):
                counts[node.key] = counts.get(node.key, 0) + 1
            for key, n in counts.items():
                places = table.setdefault(key, {}).setdefault(doc.name, [])
                if places and places[-1].location == unit.location:
                    places[-1] = Use(unit.location, places[-1].count + n)
                else:
                    places.append(Use(unit.location, n))
    return table


def doc_link(doc: Document, anchor: str = "") -> str:
    return f"documents/{doc.name}.md" + (f"#{anchor}" if anchor else "")


def doc_name(doc: Document) -> str:
    return doc.metadata.symbol or doc.metadata.title


def mention_pattern(entry: Entry, glossary: Glossary) -> re.Pattern[str]:
    """The body's acronym (and compounds such as UNGA/HLD), its expansions and its other names."""
    forms = [f for f, k in glossary.forms.items() if k == entry.key or entry.key in re.split(r"[/-]", k)]
    names = {d.expansion for d in entry.dated} | {d.expansion for d in entry.definitions}
    names |= set(entry.curated.names if entry.curated else ())
    spelled = [r"\s+".join(re.escape(w).replace(r"\-", r"-?\s*") for w in n.split()) for n in names]
    acronyms = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w&/-])(?:{acronyms})s?(?![\w&])|(?i:\b(?:{'|'.join(sorted(spelled, key=len, reverse=True))})\b)"
    )


def excerpt(text: str, start: int, end: int) -> str:
    """About EXCERPT_WORDS words around text[start:end], escaped, the mention in bold."""
    words = list(re.finditer(r"\S+", text))
    first = next(i for i, w in enumerate(words) if w.end() > start)
    lo = max(0, first - EXCERPT_WORDS // 2 + 2)
    hi = min(len(words), lo + EXCERPT_WORDS)
    lo = max(0, hi - EXCERPT_WORDS)
    a, b = words[lo].start(), words[hi - 1].end()
    end = min(end, b)
    body = f"{escape(text[a:start])}**{escape(text[start:end])}**{escape(text[end:b])}"
    return (("… " if lo > 0 else "") + body + (" …" if hi < len(words) else "")).replace("\n", " ")


def write_glossary(documents: list[Document], glossary: Glossary, curated_path: str) -> str:
    """The glossary page, from the enriched documents (their Acronym nodes are the uses)."""
    by_name = {d.name: d for d in documents}
    table = uses(documents)
    from_texts = sum(1 for e in glossary.entries if e.from_texts)
    letters = sorted({e.key[0].upper() for e in glossary.entries})
    parts = [
        # An entry's heading is the exact name a reader searches for: it comes before the pages using it.
        "---\n# " + generated_notice("source_texts/*.txt", curated_path) + "\nsearch:\n  boost: 3\n---\n\n"
        + generated_comment("source_texts/*.txt", curated_path),
        "# Glossary of acronyms {#glossary}",
        f"The {len(glossary.entries)} acronyms of the collection: {from_texts} defined in the documents "
        f"themselves, {len(glossary.entries) - from_texts} used without a definition and explained here. On each page an "
        "acronym shows the expansion right for that document (its own definition when it gives one) and "
        "its first use links here. Entries for the main bodies also gather what the documents say about "
        "them and every paragraph that mentions them, oldest document first.",
        " · ".join(f"[{c}](#letter-{c.lower()})" for c in letters),
    ]
    for letter in letters:
        parts.append(f"## {letter} {{#letter-{letter.lower()}}}")
        for entry in (e for e in glossary.entries if e.key[0].upper() == letter):
            parts.extend(_entry(entry, glossary, by_name, table.get(entry.key, {})))
    return "\n\n".join(parts) + "\n"


def _entry(entry: Entry, glossary: Glossary, by_name: dict[str, Document], used: dict[str, list[Use]]) -> list[str]:
    # The expansion in the heading lets a search for it find the entry by its title.
    names = [d.expansion for d in entry.dated] or [d.expansion for d in entry.definitions]
    heading = f"{entry.key}: {names[-1]}" if names else entry.key
    out = [f"### {escape(heading)} {{#{entry.anchor}}}"]
    if entry.dated:
        out.append("; ".join(
            f"**{escape(d.expansion)}**" + (f" (from {escape(d.start)})" if d.start else "") for d in entry.dated
        ))
    else:
        out.append("; ".join(f"**{escape(x)}**" for x in dict.fromkeys(d.expansion for d in entry.definitions)))
    facts: list[str] = []
    if entry.definitions:
        defined = []
        for d in entry.definitions:
            doc = by_name[d.location.document]
            defined.append(f"[{escape(doc_name(doc))}, {escape(d.location.label)}]({doc_link(doc, d.location.anchor)})"
                           f" “{escape(d.expansion)}”")
        facts.append("Defined in: " + "; ".join(defined))
    else:
        facts.append("The documents use it without defining it.")
    if entry.curated and entry.curated.note:
        facts.append("Note: " + escape(entry.curated.note))
    if used:
        per_doc = []
        for name, places in used.items():
            doc = by_name[name]
            total = sum(p.count for p in places)
            links = ", ".join(f"[{escape(p.location.label)}]({doc_link(doc, p.location.anchor)})" for p in places)
            per_doc.append(f"[{escape(doc_name(doc))}]({doc_link(doc)}) ({total}): {links}")
        facts.append("Used in: " + "; ".join(per_doc))
    else:
        facts.append("Used in: no document of the collection.")
    out.append("\n".join(f"- {f}" for f in facts))
    if entry.curated and entry.curated.about:
        out.extend(_full_entry(entry, glossary, by_name))
    return out


def _full_entry(entry: Entry, glossary: Glossary, by_name: dict[str, Document]) -> list[str]:
    assert entry.curated
    out = [f"#### What the documents say about the {escape(entry.key)} {{#{entry.anchor}-about}}"]
    lines = []
    for s in entry.curated.about:
        doc = by_name[s.document]
        label = next((u.location.label for u in iter_units(doc) if u.location.anchor == s.anchor), s.anchor)
        lines.append(f"- {escape(s.text)} ([{escape(doc_name(doc))}, {escape(label)}]({doc_link(doc, s.anchor)}))")
    out.append("\n".join(lines))
    out.append(f"#### Every mention, oldest document first {{#{entry.anchor}-mentions}}")
    pattern = mention_pattern(entry, glossary)
    for doc in _by_date(list(by_name.values())):
        found = []
        for unit in iter_units(doc):
            if unit.heading:
                continue
            text = unit.text
            m = pattern.search(text)
            if m:
                found.append(f"- [{escape(unit.location.label)}]({doc_link(doc, unit.location.anchor)}): "
                             f"{excerpt(text, m.start(), m.end())}")
        if found:
            when = escape(human_date(doc.metadata.date)) if doc.metadata.date else "undated"
            out.append(f"**[{escape(doc_name(doc))}]({doc_link(doc)})**, {when}:\n\n" + "\n".join(found))
    return out
