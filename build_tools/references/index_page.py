"""What the citations add up to: the index of cited documents, backlinks and related documents.

`write_index_pages` renders the index of cited documents: a page per series of symbols
(docs/cited/a-52.md, cited/mc-inf.md, …) with every cited document, what the texts say it
is, the link to it and the first paragraphs citing it, and docs/cited/index.md listing the
series. A document page gets "Cites" (from its own citations), then "Cited by" and
"Related documents" (from everyone's). Everything is computed once over the corpus from
inverted indexes of the citations, so that it grows with the corpus, not with its square.
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
    plain_text,
    query,
    walk_blocks,
)
from ..writer.markdown import MarkdownWriter, escape, generated_comment
from ..writer.pages import sort_key
from ..paths import CITED_INDEX, cited_page, cited_series
from .grammar import split_joint
from .resolve import UNDOCS, Citation, Cited, cited_as, page_of, target_of

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
        seen.setdefault((label(c), target_of(c.location)), None)
    return list(seen)


def _description(cited: list[Citation]) -> str:
    return max((c.description for c in cited), key=len, default="")


# --- The index pages --------------------------------------------------------------------------

CITING_SHOWN = 20  # citing places listed under an entry; the rest are counted


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
    shown = _links(cites[:CITING_SHOWN])
    more = len(cites) - CITING_SHOWN
    if more > 0:
        shown += (Text(f"; and {_plural(more, 'other place')}"),)
    items = (
        ListItem((Paragraph(where),)),
        ListItem((Paragraph((Text(f"Cited {len(cited)} time{'s' if len(cited) != 1 else ''} in: "),) + shown),)),
    )
    return blocks + [ListBlock(items)]


def _group_title(key: str, kind: str) -> str:
    return next(title for k, title, _ in GROUPS if k == kind)


def index_pages(names: dict[str, str], order: dict[str, int], citations: Iterable[Citation]) -> dict[str, list[Block]]:
    """The index of cited documents as model blocks, page by page: one page per series of symbols,
    and the page listing the series. `order` ranks the citing documents (oldest first)."""
    by_key = backlinks(citations)
    for cited in by_key.values():
        cited.sort(key=lambda c: order.get(c.location.document, len(order)))
    pages: dict[str, list[tuple[str, str]]] = defaultdict(list)  # page → (kind, key)
    for key, cited in by_key.items():
        pages[cited_page(key)].append((cited[0].cited.kind, key))
    out: dict[str, list[Block]] = {}
    series: list[tuple[str, str, int, int]] = []  # (page, group name, kind rank, entries)
    for page, entries in pages.items():
        blocks: list[Block] = []
        for kind, title, anchor in GROUPS:
            keys = sorted((k for knd, k in entries if knd == kind), key=_natural)
            if not keys:
                continue
            blocks.append(Heading(2, (Text(title),), anchor))
            for key in keys:
                blocks.extend(_entry(key, by_key[key], names))
        rank = min(next(i for i, (k, _, _) in enumerate(GROUPS) if k == kind) for kind, _ in entries)
        series.append((page, cited_series(entries[0][1]), rank, len(entries)))
        out[page] = blocks
    total = sum(len(v) for v in by_key.values())
    index: list[Block] = [Paragraph((Text(
        f"The {len(by_key)} documents cited in the collection, from {total} references in its "
        f"{len(names)} documents, listed by series of symbols: each entry gives what the texts say the "
        "document is, links to it (on undocs.org for United Nations symbols) and the paragraphs that "
        "cite it, oldest document first. In the pages, each citation links straight to its document."),))]
    for rank, (kind, title, anchor) in enumerate(GROUPS):
        mine = sorted((s for s in series if s[2] == rank), key=lambda s: _natural(s[1]))
        if not mine:
            continue
        index.append(Heading(2, (Text(title),), anchor))
        index.append(ListBlock(tuple(
            ListItem((Paragraph((Reference((Text(name),), page), Text(f" — {_plural(n, 'document')}"))),))
            for page, name, _, n in mine)))
    out[CITED_INDEX] = index
    return out


def write_index_pages(names: dict[str, str], order: dict[str, int], citations: Iterable[Citation]) -> dict[str, str]:
    """docs/cited/index.md and one page per series."""
    pages = {}
    for page, blocks in index_pages(names, order, citations).items():
        writer = MarkdownWriter(page)
        title = "Cited documents" if page == CITED_INDEX else f"Cited documents: {_series_title(page, blocks)}"
        parts = [generated_comment("source_texts/*.txt", title=title), f"# {escape(title)} {{#cited-documents}}"]
        if page != CITED_INDEX:
            parts.append(f"The documents of this series that the collection cites, and where. All series: "
                         f"[cited documents]({writer.link_target(CITED_INDEX)}).")
        parts += [writer.block(b) for b in blocks]
        pages[page] = "\n\n".join(parts) + "\n"
    return pages


def _series_title(page: str, blocks: list[Block]) -> str:
    keys = [plain_text(b.inlines) for b in blocks if isinstance(b, Heading) and b.level == 3]
    return cited_series(keys[0]) if keys else page


# --- Related documents ----------------------------------------------------------------------

RELATED_SHOWN = 10
COMMON = 0.25  # a body or a document more than this share of the corpus names tells nothing


def acronym_counts(doc: Document) -> Counter[str]:
    """How often each acronym (by glossary key) is used in the text and notes; empty without the acronym stage."""
    return Counter(n.key for n in query(doc.text_blocks(), Acronym))


@dataclass(frozen=True)
class Related:
    """Another document and why it is related: citations between them, shared citations, shared bodies."""

    document: str
    score: float
    direct: int
    shared_citations: tuple[str, ...]
    shared_bodies: tuple[str, ...]


def related_documents(names: Iterable[str], citations: Iterable[Citation],
                      acronyms: dict[str, Counter[str]] | None = None) -> dict[str, list[Related]]:
    """For each document, the RELATED_SHOWN others with the highest score: 3 for each citation
    between them, plus, for each document both cite and each body (acronym) both name, its
    rarity log(N / how many documents cite or name it). What a quarter of the corpus cites or
    names ("UN", a currency) counts for nothing. Only documents that share something are
    scored, from inverted indexes, so the work grows with the corpus, not with its square."""
    names = list(names)
    n = max(2, len(names))
    acronyms = acronyms or {}
    cites: dict[str, set[str]] = defaultdict(set)
    direct: Counter[tuple[str, str]] = Counter()
    for c in external(citations):
        cites[c.location.document].add(c.cited.key)
        if c.cited.document:
            direct[tuple(sorted((c.location.document, c.cited.document)))] += 1  # type: ignore[index]
    mine: dict[str, set[tuple[str, str]]] = defaultdict(set)  # document → ("cite"|"body", key)
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)  # ("cite"|"body", key) → documents
    for name in names:
        mine[name] = {("cite", k) for k in cites.get(name, ())} | {("body", k) for k in acronyms.get(name, ())}
        for thing in mine[name]:
            holders[thing].append(name)
    weights = {thing: math.log(n / len(docs)) for thing, docs in holders.items() if 2 <= len(docs) <= max(2, COMMON * n)}
    scores: dict[str, Counter[str]] = defaultdict(Counter)
    for thing, weight in weights.items():
        docs = holders[thing]
        for a in docs:
            row = scores[a]
            for b in docs:
                row[b] += weight
    for (a, b), count in direct.items():
        scores[a][b] += 3 * count
        scores[b][a] += 3 * count
    result: dict[str, list[Related]] = {}
    for name in names:
        row = scores[name]
        row.pop(name, None)
        best = sorted((other for other, score in row.items() if score > 0), key=lambda o: (-row[o], o))[:RELATED_SHOWN]
        ranked = []
        for other in best:  # the reasons, for the few shown only
            shared = [t for t in mine[name] & mine[other] if t in weights]
            bodies = [k for _, k in sorted((t for t in shared if t[0] == "body"), key=lambda t: (-weights[t], t[1]))][:5]
            common = tuple(sorted((k for kind, k in shared if kind == "cite"), key=_natural))
            n_direct = direct[tuple(sorted((name, other)))]  # type: ignore[index]
            ranked.append(Related(other, round(row[other], 6), n_direct, common, tuple(bodies)))
        result[name] = ranked
    return result


# --- The sections of a document page ----------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def cites_section(doc: Document, citations: Iterable[Citation]) -> tuple[Block, ...]:
    """ "Cites": the documents this one cites, and where; from its own citations only."""
    by_key: dict[str, list[Citation]] = {}
    for c in external(citations):
        if c.location.document == doc.name:
            by_key.setdefault(c.cited.key, []).append(c)
    blocks: list[Block] = [Heading(2, (Text("Cites"),), SECTION_ANCHORS[0])]
    if not by_key:
        return tuple(blocks + [Paragraph((Text("This document cites no other document."),))])
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
    return tuple(blocks + [ListBlock(tuple(items))])


def corpus_sections(name: str, citing: list[Citation], related: list[Related],
                    names: dict[str, str], titles: dict[str, str]) -> tuple[Block, ...]:
    """ "Cited by" (the citations of this document elsewhere) and "Related documents"."""
    blocks: list[Block] = [Heading(2, (Text("Cited by"),), SECTION_ANCHORS[1])]
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
                shown = ", ".join(r.shared_citations[:5]) + (", …" if len(r.shared_citations) > 5 else "")
                why.append(f"{_plural(len(r.shared_citations), 'cited document')} in common ({shown})")
            if r.shared_bodies:
                why.append("rare bodies in common: " + ", ".join(r.shared_bodies))
            line = [Reference((Text(titles[r.document]),), page_of(r.document))]
            if why:
                line.append(Text(" — " + "; ".join(why)))
            items.append(ListItem((Paragraph(tuple(line)),)))
        blocks.append(ListBlock(tuple(items)))
    else:
        blocks.append(Paragraph((Text("No other document shares a citation or a rare body with this one."),)))
    return tuple(blocks)


def citations_by_cited_document(citations: Iterable[Citation]) -> dict[str, list[Citation]]:
    """Document of the collection → the citations of it elsewhere (an inverted index)."""
    found: dict[str, list[Citation]] = defaultdict(list)
    for c in external(citations):
        if c.cited.document:
            found[c.cited.document].append(c)
    return found
