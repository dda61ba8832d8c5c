"""What the citations add up to: the index of cited documents, backlinks and related documents.

`write_index_page` renders docs/cited-documents.md: every cited document, what the texts
say it is, the link to it, and the paragraphs citing it. `citation_sections` gives each
document page its appendix: "Cites", "Cited by" and "Related documents". Everything here
is computed once over the whole corpus from the citations that resolution produced.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..model import (
    Acronym,
    Block,
    Document,
    Emphasis,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Reference,
    Table,
    Text,
    walk_blocks,
)
from ..writer.markdown import MarkdownWriter, generated_comment
from ..writer.pages import sort_key
from .grammar import split_joint
from .resolve import INDEX_PAGE, UNDOCS, Citation, Cited, cited_as, page_of

GROUPS = (
    ("collection", "Documents in this collection", "in-the-collection"),
    ("un-document", "United Nations documents", "united-nations-documents"),
    ("un-resolution", "United Nations resolutions", "united-nations-resolutions"),
    ("iom-document", "IOM documents", "iom-documents"),
    ("instrument", "Instruments", "instruments"),
)
SECTION_ANCHORS = ("cites", "cited-by", "related-documents")


def external(citations: Iterable[Citation]) -> list[Citation]:
    """Citations of another document (a page's links to its own paragraphs are not citations of it)."""
    return [c for c in citations if c.cited.document != c.location.document]


def backlinks(citations: Iterable[Citation]) -> dict[str, list[Citation]]:
    """The inversion of the resolved references: cited key → the citations of it, in corpus order."""
    found: dict[str, list[Citation]] = defaultdict(list)
    for c in external(citations):
        found[c.cited.key].append(c)
    return dict(found)


def _natural(key: str) -> list[object]:
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", key)]


def _where(citation: Citation, names: dict[str, str]) -> str:
    text = f"{names[citation.location.document]}, {citation.location.label}"
    return f"{text} ({citation.locator})" if citation.locator else text


def _links(items: list[tuple[str, str]]) -> tuple[Inline, ...]:
    """(text, target) pairs as links separated by "; "."""
    out: list[Inline] = []
    for k, (text, target) in enumerate(items):
        if k:
            out.append(Text("; "))
        out.append(Reference((Text(text),), target))
    return tuple(out)


def _distinct(citations: Iterable[Citation], label) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for c in citations:
        seen.setdefault((label(c), c.location.target), None)
    return list(seen)


def _description(cited: list[Citation]) -> str:
    return max((c.description for c in cited), key=len, default="")


# --- The index page ------------------------------------------------------------------------


def _entry(key: str, cited: list[Citation], names: dict[str, str]) -> list[Block]:
    first: Cited = cited[0].cited
    blocks: list[Block] = [Heading(3, (Text(key),), first.anchor)]
    description = _description(cited)
    if first.label != key and first.label not in description:
        description = first.label + (f" — {description}" if description else "")
    if description:
        blocks.append(Paragraph((Text(f"As the texts describe it: {description}."),)
                                if first.kind not in ("un-resolution", "instrument") else (Text(description + "."),)))
    if first.kind == "collection":
        where: tuple[Inline, ...] = (Text("In this collection: "), Reference((Text(names[first.document]),), page_of(first.document)))
    elif first.url and first.kind == "un-document" and len(split_joint(key)) > 1:
        where = (Text("One document issued under two symbols. Online: "),) + _links(
            [(f"undocs.org/{part}", UNDOCS + part) for part in split_joint(key)])
    elif first.url:
        where = (Text("Online: "), Reference((Text(first.url.removeprefix("https://")),), first.url))
    elif first.kind == "instrument":
        where = (Text("No online copy is linked; cited by article."),)
    else:
        where = (Text("Not in this collection; no online resolver is known for its symbol."),)
    cites = _distinct(cited, lambda c: _where(c, names))
    items = (
        ListItem((Paragraph(where),)),
        ListItem((Paragraph((Text(f"Cited {len(cited)} time{'s' if len(cited) != 1 else ''} in: "),) + _links(cites)),)),
    )
    return blocks + [ListBlock(items)]


def index_blocks(documents: list[Document], citations: Iterable[Citation]) -> list[Block]:
    """The body of docs/cited-documents.md, as model blocks."""
    names = {d.name: cited_as(d) for d in documents}
    order = {d.name: k for k, d in enumerate(sorted(documents, key=sort_key))}
    by_key = backlinks(citations)
    for cited in by_key.values():
        cited.sort(key=lambda c: order.get(c.location.document, len(order)))
    total = sum(len(v) for v in by_key.values())
    blocks: list[Block] = [Paragraph((Text(
        f"The {len(by_key)} documents cited in the collection, from {total} references in its "
        f"{len(documents)} documents. Each entry gives what the texts say the document is, links to it "
        "(on undocs.org for United Nations symbols) and lists every paragraph that cites it, oldest "
        "document first. In the pages, each citation links straight to its document."),))]
    for kind, title, anchor in GROUPS:
        keys = sorted((k for k, v in by_key.items() if v[0].cited.kind == kind), key=_natural)
        if not keys:
            continue
        blocks.append(Heading(2, (Text(title),), anchor))
        for key in keys:
            blocks.extend(_entry(key, by_key[key], names))
    return blocks


def write_index_page(documents: list[Document], citations: Iterable[Citation]) -> str:
    """docs/cited-documents.md."""
    writer = MarkdownWriter(INDEX_PAGE)
    parts = [generated_comment("source_texts/*.txt"), "# Cited documents {#cited-documents}"]
    parts += [writer.block(b) for b in index_blocks(documents, citations)]
    return "\n\n".join(parts) + "\n"


# --- Related documents ----------------------------------------------------------------------


def _inline_nodes(blocks: Iterable[Block]) -> Iterator[Inline]:
    def nodes(seq: Iterable[Inline]) -> Iterator[Inline]:
        for node in seq:
            yield node
            if isinstance(node, (Emphasis, Reference)):
                yield from nodes(node.children)

    for block in walk_blocks(blocks):
        if isinstance(block, (Heading, Paragraph)):
            yield from nodes(block.inlines)
        elif isinstance(block, Table):
            yield from nodes(block.caption)
            for row in (block.header, *block.rows):
                for cell in row:
                    yield from nodes(cell.inlines)


def acronym_counts(doc: Document) -> Counter[str]:
    """How often each acronym (by glossary key) is used in the text and notes; empty without the acronym stage."""
    blocks = list(doc.blocks) + [b for note in doc.footnotes for b in note.blocks]
    return Counter(n.key for n in _inline_nodes(blocks) if isinstance(n, Acronym))


def _weights(counts: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    """Acronym counts weighted by rarity (tf-idf): a body that every document names tells nothing."""
    n = len(counts)
    df = Counter(k for c in counts.values() for k in c)
    return {name: {k: v * math.log(n / df[k]) for k, v in c.items() if df[k] < n} for name, c in counts.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(a[k] * b[k] for k in a.keys() & b.keys())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


@dataclass(frozen=True)
class Related:
    """Another document and why it is related: citations between them, shared citations, shared bodies."""

    document: str
    score: float
    direct: int
    shared_citations: tuple[str, ...]
    shared_bodies: tuple[str, ...]


def related_documents(documents: list[Document], citations: Iterable[Citation]) -> dict[str, list[Related]]:
    """For each document, the others ranked by 3 × citations between them + 2 × cited documents in
    common + the cosine of their acronym counts weighted by rarity (0 when no acronym stage ran)."""
    citations = external(citations)
    cites: dict[str, set[str]] = defaultdict(set)
    direct: Counter[tuple[str, str]] = Counter()
    for c in citations:
        cites[c.location.document].add(c.cited.key)
        if c.cited.document:
            direct[tuple(sorted((c.location.document, c.cited.document)))] += 1  # type: ignore[index]
    weights = _weights({d.name: acronym_counts(d) for d in documents})
    result: dict[str, list[Related]] = {}
    for doc in documents:
        ranked = []
        for other in documents:
            if other.name == doc.name:
                continue
            shared = tuple(sorted(cites[doc.name] & cites[other.name], key=_natural))
            a, b = weights[doc.name], weights[other.name]
            bodies = sorted(a.keys() & b.keys(), key=lambda k: (-min(a[k], b[k]), k.casefold()))[:5]
            n_direct = direct[tuple(sorted((doc.name, other.name)))]  # type: ignore[index]
            score = 3 * n_direct + 2 * len(shared) + _cosine(a, b)
            if score > 0:
                ranked.append(Related(other.name, round(score, 6), n_direct, shared, tuple(bodies)))
        result[doc.name] = sorted(ranked, key=lambda r: (-r.score, r.document))
    return result


# --- The sections of a document page ----------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def citation_sections(doc: Document, citations: list[Citation], related: list[Related],
                      names: dict[str, str], titles: dict[str, str]) -> tuple[Block, ...]:
    """The appendix of one page: Heading level 2 + list, for "Cites", "Cited by", "Related documents"."""
    mine = [c for c in external(citations) if c.location.document == doc.name]
    by_key: dict[str, list[Citation]] = {}
    for c in mine:
        by_key.setdefault(c.cited.key, []).append(c)
    blocks: list[Block] = [Heading(2, (Text("Cites"),), SECTION_ANCHORS[0])]
    if by_key:
        items = []
        for key, cs in by_key.items():
            cited = cs[0].cited
            target = page_of(cited.document) if cited.kind == "collection" else cited.entry
            line: list[Inline] = [Reference((Text(key if cited.kind != "collection" else cited.label),), target)]
            description = _description(cs) or (cited.label if cited.label != key else "")
            if description and description != key:
                line.append(Text(f" — {description}"))
            line.append(Text(" — cited in "))
            line.extend(_links(_distinct(cs, lambda c: c.location.label + (f" ({c.locator})" if c.locator else ""))))
            items.append(ListItem((Paragraph(tuple(line)),)))
        blocks.append(ListBlock(tuple(items)))
    else:
        blocks.append(Paragraph((Text("This document cites no other document."),)))
    blocks.append(Heading(2, (Text("Cited by"),), SECTION_ANCHORS[1]))
    citing = [c for c in external(citations) if c.cited.document == doc.name]
    if citing:
        items = [ListItem((Paragraph((Reference((Text(text),), target),)),))
                 for text, target in _distinct(citing, lambda c: _where(c, names))]
        blocks.append(ListBlock(tuple(items)))
    else:
        blocks.append(Paragraph((Text("No other document in the collection cites this one."),)))
    blocks.append(Heading(2, (Text("Related documents"),), SECTION_ANCHORS[2]))
    if related:
        items = []
        for r in related:
            why = []
            if r.direct:
                why.append(_plural(r.direct, "citation") + " between them")
            if r.shared_citations:
                why.append(f"{_plural(len(r.shared_citations), 'cited document')} in common "
                           f"({', '.join(r.shared_citations)})")
            if r.shared_bodies:
                why.append("key bodies in common: " + ", ".join(r.shared_bodies))
            line = [Reference((Text(titles[r.document]),), page_of(r.document))]
            if why:
                line.append(Text(" — " + "; ".join(why)))
            items.append(ListItem((Paragraph(tuple(line)),)))
        blocks.append(ListBlock(tuple(items)))
    else:
        blocks.append(Paragraph((Text("No other document shares a citation or a key body with this one."),)))
    return tuple(blocks)

