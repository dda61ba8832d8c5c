"""Cross-references: citations in the texts become links, and the corpus gets an index of them.

1. `link_references(documents)`: gather the corpus index (symbols, paragraph anchors), then
   turn every citation inside Text nodes into a Reference node (see `grammar` for what is a
   citation, `resolve` for where it links). Unresolvable citations become diagnostics.
2. From all the citations at once (`index_page`): each page's "Cites", "Cited by" and "Related
   documents", and the index of cited documents, a page per series of symbols.
`add_citation_sections` does step 2 for a list of documents in memory; the build does it from
the cached summaries of each document (see `corpus`).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Document
from ..writer.pages import sort_key
from .grammar import Match, non_reference, scan
from .index_page import (
    acronym_counts,
    backlinks,
    citations_by_cited_document,
    cites_section,
    corpus_sections,
    related_documents,
    write_index_pages,
)
from .resolve import (
    Citation,
    Cited,
    CorpusIndex,
    Location,
    add_references,
    cited_as,
    gather,
    resolve_document,
)

__all__ = [
    "Citation", "Cited", "CorpusIndex", "Location", "Match", "add_citation_sections", "add_references",
    "backlinks", "gather", "link_references", "non_reference", "related_documents", "resolve_document", "scan",
    "write_index_pages",
]


def link_references(documents: list[Document]) -> tuple[list[Document], tuple[Citation, ...]]:
    """Stage 1: every document with its citations linked, and all the citations, in corpus order."""
    index = gather(documents)
    linked: list[Document] = []
    citations: list[Citation] = []
    for doc in documents:
        enriched, found = resolve_document(doc, index)
        linked.append(enriched)
        citations.extend(found)
    return linked, tuple(citations)


def title_of(doc: Document) -> str:
    symbol, title = doc.metadata.symbol, doc.metadata.title or doc.name
    return f"{symbol}: {title}" if symbol else title


def add_citation_sections(documents: list[Document], citations: tuple[Citation, ...]) -> tuple[list[Document], dict[str, str]]:
    """Step 2 in memory: each page's "Cites", "Cited by" and "Related documents", and the index pages."""
    related = related_documents([d.name for d in documents], citations, {d.name: acronym_counts(d) for d in documents})
    names = {d.name: cited_as(d) for d in documents}
    titles = {d.name: title_of(d) for d in documents}
    citing = citations_by_cited_document(citations)
    enriched = [
        replace(doc, appendix=doc.appendix + cites_section(doc, citations)
                + corpus_sections(doc.name, citing.get(doc.name, []), related[doc.name], names, titles))
        for doc in documents
    ]
    order = {d.name: k for k, d in enumerate(sorted(documents, key=sort_key))}
    return enriched, write_index_pages(names, order, citations)
