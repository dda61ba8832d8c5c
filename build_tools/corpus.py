"""The per-document stages of the build, each a pure function of its inputs, cached and parallel.

1. `prepare(source)`: read the document, and take from it what the corpus index needs (its
   facts: symbols, anchors, joint symbols, acronym definitions). Keyed by the source.
2. The corpus index (cross-references and glossary) is merged from every document's facts
   alone, once: it never reads a document again.
3. `enrich(prepared, index)`: link the document's citations, mark up its acronyms, and take
   from it what the corpus-wide pages need (its citations, acronym uses, key-body mentions),
   with its page rendered except for the two sections that depend on other documents.
   Keyed by the source and the index: when an edit leaves the index as it was, every other
   document's enrichment and page come from the cache.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import Store, code_fingerprint, key_of, map_pooled, reader_fingerprint
from .glossary.apply import apply_glossary
from .glossary.curated import Curated
from .glossary.entries import Glossary, GlossaryFacts, build_glossary, glossary_facts
from .glossary.page import Use, mentions_of, uses_of
from .model import Acronym, Diagnostic, Document, Location, Metadata, Source, query
from .paths import document_page
from .reader import ReadReport, read_with_report
from .references.index_page import cites_section
from .references.resolve import Citation, CorpusIndex, IndexFacts, gather, index_facts, resolve_document
from .writer.citation import reference_files
from .writer.markdown import write_document_parts

MENTIONS_PER_DOCUMENT = 3  # excerpts of a key body's mentions kept per document


@dataclass(frozen=True)
class Prepared:
    """A document as read, the reader's report, and the facts the corpus index takes from it."""

    document: Document
    report: ReadReport
    index: IndexFacts
    glossary: GlossaryFacts


def prepare(source: Source) -> Prepared:
    document, report = read_with_report(source)
    return Prepared(document, report, index_facts(document), glossary_facts(document))


@dataclass(frozen=True)
class Index:
    """The corpus index: what enriching one document needs to know of all the others."""

    references: CorpusIndex
    glossary: Glossary

    def fingerprint(self) -> str:
        """A hash of everything in the index, so that an unchanged index reuses every enrichment."""
        r, g = self.references, self.glossary
        parts = [sorted(r.symbols.items()), sorted((k, sorted(v)) for k, v in r.paragraphs.items()),
                 sorted((k, sorted(v)) for k, v in r.units.items()), sorted((k, sorted(v)) for k, v in r.articles.items()),
                 sorted(r.names.items()), sorted(r.joints.items()), sorted(g.forms.items()), sorted(g.dates.items()),
                 sorted(g.ignored), [(e.key, e.definitions, e.curated) for e in g.entries]]
        return hashlib.sha256(pickle.dumps(repr(parts))).hexdigest()


def build_index(facts: list[Prepared] | list[tuple[IndexFacts, GlossaryFacts]], curated: Curated) -> tuple[Index, list[Diagnostic]]:
    pairs = [(f.index, f.glossary) if isinstance(f, Prepared) else f for f in facts]
    glossary, problems = build_glossary([g for _, g in pairs], curated)
    return Index(gather(i for i, _ in pairs), glossary), problems


@dataclass(frozen=True)
class Enriched:
    """What the corpus-wide pages need of one enriched document, and its page but two sections."""

    name: str
    metadata: Metadata
    citations: tuple[Citation, ...]
    acronyms: tuple[tuple[str, int], ...]  # key → uses in the document
    uses: tuple[tuple[str, tuple[Use, ...]], ...]  # key → the places that use it, in page order
    mentions: tuple[tuple[str, tuple[tuple[Location, str], ...]], ...]  # key body → first mentions, excerpted
    diagnostics: tuple[Diagnostic, ...]
    head: str  # the page up to its "Cites" section
    tail: str  # the page after the corpus-wide sections ("About this text")
    files: tuple[tuple[str, str], ...]  # the BibTeX and RIS files beside the page


def enrich(prepared: Prepared, index: Index) -> tuple[Document, Enriched]:
    """One document with its citations linked and its acronyms marked, and its summary."""
    doc, citations = resolve_document(prepared.document, index.references)
    doc = apply_glossary(doc, index.glossary)
    doc = replace(doc, appendix=doc.appendix + cites_section(doc, citations))
    page = document_page(doc.name)
    head, tail = write_document_parts(doc, page)
    files = tuple(reference_files(doc, page, doc.source_path, doc.sidecar_path).items())
    return doc, Enriched(doc.name, doc.metadata, citations, tuple(Counter(a.key for a in _acronyms(doc)).items()),
                         uses_of(doc), mentions_of(doc, index.glossary, MENTIONS_PER_DOCUMENT), doc.diagnostics,
                         head, tail, files)


def _acronyms(doc: Document) -> list[Acronym]:
    return list(query(doc.blocks + tuple(b for n in doc.footnotes for b in n.blocks), Acronym))


# --- The stages over the corpus, cached and in parallel -------------------------------------------


def source_key(source: Source) -> str:
    sidecar = repr(sorted(source.sidecar.items()))
    return key_of(reader_fingerprint(), source.name, source.path, source.sidecar_path, source.text, sidecar)


_STATE: dict = {}  # per worker process: the stores and the index, set once by `_init`


def _init(root: Path, index: Index | None = None) -> None:
    _STATE.update(read=Store(root, "read"), enriched=Store(root, "enriched"), index=index)


def _prepare_and_store(item: tuple[str, Source]) -> tuple[IndexFacts, GlossaryFacts]:
    key, source = item
    prepared = prepare(source)
    _STATE["read"].put(key, "prepared", prepared)
    facts = (prepared.index, prepared.glossary)
    _STATE["read"].put(key, "facts", facts)
    return facts


def prepare_corpus(sources: list[Source], root: Path, workers: int | None = None) -> tuple[list[str], list]:
    """(source keys, facts) for every source: read where its key is new, else from the cache."""
    store = Store(root, "read")
    keys = [source_key(s) for s in sources]
    facts = [store.get(k, "facts") for k in keys]
    missing = [k for k, f in enumerate(facts) if f is None]
    fresh = map_pooled(_prepare_and_store, [(keys[k], sources[k]) for k in missing], workers, _init, (root,))
    for k, f in zip(missing, fresh):
        facts[k] = f
    return keys, facts


def load_prepared(root: Path, key: str) -> Prepared:
    return Store(root, "read").get(key, "prepared")


def enrich_key(source_key: str, index_fingerprint: str) -> str:
    return key_of(code_fingerprint(), source_key, index_fingerprint)


def _enrich_and_store(item: tuple[str, str]) -> Enriched:
    source, key = item
    document, summary = enrich(_STATE["read"].get(source, "prepared"), _STATE["index"])
    _STATE["enriched"].put(key, "document", document)
    _STATE["enriched"].put(key, "summary", summary)
    return summary


def enrich_corpus(keys: list[str], index: Index, root: Path, workers: int | None = None) -> tuple[list[str], list[Enriched]]:
    """(enrichment keys, summaries) for every document: enriched where the key is new."""
    fingerprint = index.fingerprint()
    store = Store(root, "enriched")
    ekeys = [enrich_key(k, fingerprint) for k in keys]
    summaries = [store.get(k, "summary") for k in ekeys]
    missing = [k for k, s in enumerate(summaries) if s is None]
    fresh = map_pooled(_enrich_and_store, [(keys[k], ekeys[k]) for k in missing], workers, _init, (root, index))
    for k, summary in zip(missing, fresh):
        summaries[k] = summary
    return ekeys, summaries


def load_enriched(root: Path, key: str) -> Document:
    return Store(root, "enriched").get(key, "document")
