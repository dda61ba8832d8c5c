"""Cross-references: citations in the texts become links, and the corpus gets an index of them.

Two pipeline stages, so that the acronym stage can run between them without entering links:

1. `link_references(documents)`: gather the corpus index (symbols, paragraph anchors), then
   turn every citation inside Text nodes into a Reference node (see `grammar` for what is a
   citation, `resolve` for where it links). Unresolvable citations become diagnostics.
2. `add_citation_sections(documents, citations)`: once over the corpus, after the acronym
   stage, add "Cites", "Cited by" and "Related documents" to each page and write
   docs/cited-documents.md (see `index_page`).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Document
from .grammar import Match, non_reference, scan
from .index_page import backlinks, citation_sections, related_documents, write_index_page
from .resolve import (
    INDEX_PAGE,
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
    "INDEX_PAGE", "Citation", "Cited", "CorpusIndex", "Location", "Match", "add_citation_sections",
    "add_references", "backlinks", "gather", "link_references", "non_reference", "related_documents",
    "resolve_document", "scan", "write_index_page",
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


def _title(doc: Document) -> str:
    symbol, title = doc.metadata.symbol, doc.metadata.title or doc.name
    return f"{symbol}: {title}" if symbol else title


def add_citation_sections(documents: list[Document], citations: tuple[Citation, ...]) -> tuple[list[Document], str]:
    """Stage 3: each page's "Cites", "Cited by" and "Related documents", and the index page."""
    related = related_documents(documents, citations)
    names = {d.name: cited_as(d) for d in documents}
    titles = {d.name: _title(d) for d in documents}
    enriched = [
        replace(doc, appendix=doc.appendix + citation_sections(doc, list(citations), related[doc.name], names, titles))
        for doc in documents
    ]
    return enriched, write_index_page(enriched, citations)
