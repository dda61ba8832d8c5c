"""The glossary's pages: an index of every acronym, and a page per acronym.

docs/glossary/index.md lists every acronym A to Z with its expansion and in how many documents
it is used. docs/glossary/<key>.md gives one acronym: its expansions (dated where the curated
file dates them), where the documents define it, a curated note, and where it is used: one
line per document, oldest first, with how often and its first places. Key bodies (entries
with curated statements) also get what the documents say about them, each statement linked
to its paragraph, and the first mentions of each document, by acronym or by name, excerpted,
so that a reader can follow how the body evolved. A page's size grows with the number of
documents that use its acronym, never with every mention. All source text goes through the
writer's `escape`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Acronym, Document, Location, Metadata, query
from ..paths import GLOSSARY_INDEX, document_page, glossary_anchor, glossary_page
from ..writer.markdown import escape, generated_notice, human_date, yaml_string
from .curated import date_key
from .entries import Entry, Glossary
from .extract import iter_units

EXCERPT_WORDS = 25
PLACES_SHOWN = 3  # places linked per document on an acronym's page
EXCERPTS_SHOWN = 100  # documents whose mentions of a key body are excerpted; the others are listed


@dataclass(frozen=True)
class Use:
    """Where a document uses an acronym, and how often there."""

    location: Location
    count: int


def uses_of(doc: Document) -> tuple[tuple[str, tuple[Use, ...]], ...]:
    """Key → the places of an enriched document that use it (with how often), in page order."""
    table: dict[str, list[Use]] = {}
    for unit in iter_units(doc):
        for key, n in Counter(a.key for a in query(unit.blocks, Acronym)).items():
            places = table.setdefault(key, [])
            if places and places[-1].location == unit.location:
                places[-1] = Use(unit.location, places[-1].count + n)
            else:
                places.append(Use(unit.location, n))
    return tuple((k, tuple(v)) for k, v in table.items())


def mentions_of(doc: Document, glossary: Glossary, limit: int = 3) -> tuple[tuple[str, tuple[tuple[Location, str], ...]], ...]:
    """Key body (an entry with curated statements) → its first `limit` mentions in `doc`, excerpted."""
    out = []
    for entry in (e for e in glossary.entries if e.curated and e.curated.about):
        pattern = mention_pattern(entry, glossary)
        found = []
        for unit in iter_units(doc):
            if unit.heading:
                continue
            text = unit.text
            m = pattern.search(text)
            if m:
                found.append((unit.location, excerpt(text, m.start(), m.end())))
                if len(found) == limit:
                    break
        if found:
            out.append((entry.key, tuple(found)))
    return tuple(out)


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


@dataclass(frozen=True)
class Corpus:
    """What the glossary's pages know of the documents: their metadata, oldest first, the labels
    of their places, and, by acronym, where each document uses it and mentions it."""

    documents: dict[str, Metadata]  # name → metadata, oldest document first
    labels: dict[str, dict[str, str]]  # name → anchor → label ("para. 3")
    uses: dict[str, list[tuple[str, tuple[Use, ...]]]]  # key → (document, places), oldest first
    mentions: dict[str, list[tuple[str, tuple[tuple[Location, str], ...]]]]  # key body → (document, excerpts)


def _name(meta: Metadata, name: str) -> str:
    return meta.symbol or meta.title or name


def _link(page: str, name: str, anchor: str = "") -> str:
    """A link from a glossary page to a document page (both under docs/)."""
    return "../" + document_page(name) + (f"#{anchor}" if anchor else "")


def heading_of(entry: Entry) -> str:
    """ "GFMD: Global Forum on Migration and Development": the acronym and its latest expansion."""
    names = [d.expansion for d in entry.dated] or [d.expansion for d in entry.definitions]
    return f"{entry.key}: {names[-1]}" if names else entry.key


def _front(title: str, boost: int, curated_path: str) -> str:
    """Front matter: the page's title, and a search boost (an entry's title is what a reader types)."""
    notice = generated_notice("source_texts/*.txt", curated_path)
    return f"---\n# {notice}\ntitle: {yaml_string(title)}\nsearch:\n  boost: {boost}\n---\n\n<!-- {notice} -->"


def write_glossary_pages(glossary: Glossary, corpus: Corpus, curated_path: str) -> dict[str, str]:
    """Every page of the glossary: the index and one page per acronym."""
    pages = {GLOSSARY_INDEX: _index(glossary, corpus, curated_path)}
    for entry in glossary.entries:
        pages[glossary_page(entry.key)] = _entry_page(entry, glossary, corpus, curated_path)
    return pages


def _index(glossary: Glossary, corpus: Corpus, curated_path: str) -> str:
    from_texts = sum(1 for e in glossary.entries if e.from_texts)
    letters = sorted({e.key[0].upper() for e in glossary.entries})
    parts = [
        _front("Glossary of acronyms", 2, curated_path),
        "# Glossary of acronyms {#glossary}",
        f"The {len(glossary.entries)} acronyms of the collection: {from_texts} defined in the documents "
        f"themselves, {len(glossary.entries) - from_texts} used without a definition and explained here. On each "
        "page an acronym shows the expansion right for that document (its own definition when it gives one) "
        "and its first use links to its entry. Each entry gives where the documents define and use it; those of "
        "the main bodies also gather what the documents say about them.",
        " · ".join(f"[{c}](#letter-{c.lower()})" for c in letters),
    ]
    for letter in letters:
        parts.append(f"## {letter} {{#letter-{letter.lower()}}}")
        rows = ["| Acronym | Expansion | Documents |", "|---|---|---:|"]
        for entry in (e for e in glossary.entries if e.key[0].upper() == letter):
            expansion = heading_of(entry).partition(": ")[2]
            page = glossary_page(entry.key).removeprefix("glossary/")
            rows.append(f"| [{escape(entry.key)}]({page}){{ #{glossary_anchor(entry.key)} }} | {escape(expansion)} "
                        f"| {len(corpus.uses.get(entry.key, []))} |")
        parts.append("\n".join(rows))
    return "\n\n".join(parts) + "\n"


def _entry_page(entry: Entry, glossary: Glossary, corpus: Corpus, curated_path: str) -> str:
    page = glossary_page(entry.key)
    heading = heading_of(entry)
    out = [_front(heading, 1, curated_path), f"# {escape(heading)} {{#{glossary_anchor(entry.key)}}}"]
    if entry.dated:
        out.append("; ".join(
            f"**{escape(d.expansion)}**" + (f" (from {escape(d.start)})" if d.start else "") for d in entry.dated))
    else:
        out.append("; ".join(f"**{escape(x)}**" for x in dict.fromkeys(d.expansion for d in entry.definitions)))
    facts: list[str] = []
    if entry.definitions:
        defined = []
        for d in entry.definitions:
            meta = corpus.documents[d.location.document]
            defined.append(f"[{escape(_name(meta, d.location.document))}, {escape(d.location.label)}]"
                           f"({_link(page, d.location.document, d.location.anchor)}) “{escape(d.expansion)}”")
        facts.append("Defined in: " + "; ".join(defined))
    else:
        facts.append("The documents use it without defining it.")
    if entry.curated and entry.curated.note:
        facts.append("Note: " + escape(entry.curated.note))
    out.append("\n".join(f"- {f}" for f in facts))
    used = corpus.uses.get(entry.key, [])
    total = sum(u.count for _, places in used for u in places)
    out.append(f"## Used in {len(used)} document{'s' if len(used) != 1 else ''} {{#used}}")
    if used:
        out.append(f"{total} time{'s' if total != 1 else ''} in all, oldest document first; the first places of each:")
        lines = []
        for name, places in used:
            meta = corpus.documents[name]
            count = sum(p.count for p in places)
            links = ", ".join(f"[{escape(p.location.label)}]({_link(page, name, p.location.anchor)})"
                              for p in places[:PLACES_SHOWN])
            more = " …" if len(places) > PLACES_SHOWN else ""
            lines.append(f"- [{escape(_name(meta, name))}]({_link(page, name)}) ({count}): {links}{more}")
        out.append("\n".join(lines))
    else:
        out.append("No document of the collection uses it.")
    if entry.curated and entry.curated.about:
        out.extend(_key_body(entry, corpus, page))
    return "\n\n".join(out) + "\n"


def _key_body(entry: Entry, corpus: Corpus, page: str) -> list[str]:
    assert entry.curated
    out = [f"## What the documents say about the {escape(entry.key)} {{#about}}"]
    lines = []
    for s in entry.curated.about:
        meta = corpus.documents[s.document]
        label = corpus.labels.get(s.document, {}).get(s.anchor, s.anchor)
        lines.append(f"- {escape(s.text)} ([{escape(_name(meta, s.document))}, {escape(label)}]"
                     f"({_link(page, s.document, s.anchor)}))")
    out.append("\n".join(lines))
    out.append("## Mentions, oldest document first {#mentions}")
    mentions = corpus.mentions.get(entry.key, [])
    for name, found in mentions[:EXCERPTS_SHOWN]:
        meta = corpus.documents[name]
        when = escape(human_date(meta.date)) if meta.date else "undated"
        items = "\n".join(f"- [{escape(loc.label)}]({_link(page, name, loc.anchor)}): {text}" for loc, text in found)
        out.append(f"**[{escape(_name(meta, name))}]({_link(page, name)})**, {when}:\n\n{items}")
    if len(mentions) > EXCERPTS_SHOWN:
        rest = ", ".join(f"[{escape(_name(corpus.documents[n], n))}]({_link(page, n)})" for n, _ in mentions[EXCERPTS_SHOWN:])
        out.append(f"Mentioned also in: {rest}.")
    return out


def by_date(documents: dict[str, Metadata]) -> dict[str, Metadata]:
    """The documents oldest first (undated last), then by name."""
    return dict(sorted(documents.items(), key=lambda kv: (date_key(kv[1].date), kv[0])))
