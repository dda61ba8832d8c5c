"""The build: read every source, index the corpus, enrich each document, write every page.

Each document is read and enriched on its own, in a process pool, and both results are cached
(see `corpus` and `cache`): a build redoes only what its inputs changed. The corpus-wide views
(backlinks, related documents, the glossary's and the indexes' pages) are computed once from
each document's small summary, through inverted indexes, so they grow with the corpus. Nothing
is written before every page is ready.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

from .cache import Store
from .corpus import Enriched, Index, build_index, enrich_corpus, load_enriched, prepare_corpus
from .glossary import CURATED, GlossaryError
from .glossary.curated import load_curated
from .glossary.page import Corpus, by_date, write_glossary_pages
from .model import Block, Diagnostic, Document, Metadata
from .paths import HOME, document_page
from .references.index_page import citations_by_cited_document, corpus_sections, related_documents, write_index_pages
from .sources import SourceError, load_sources
from .writer.markdown import join_page, write_appendix
from .writer.pages import sort_key, write_browse_pages, write_home

GENERATED_MARK = "Generated from "  # in the first lines of every generated page
GENERATED_SUFFIXES = {".md", ".bib", ".ris", ".js"}  # pages, references beside document pages, the catalog


class Documents(Sequence[Document]):
    """The enriched documents of a build, loaded from the cache when asked for (a corpus of
    thousands is never all in memory at once), each with its corpus-wide sections."""

    def __init__(self, root: Path, keys: list[str], sections: list[tuple[Block, ...]]) -> None:
        self.root, self.keys, self.sections = root, keys, sections

    def __len__(self) -> int:
        return len(self.keys)

    @lru_cache(maxsize=64)  # noqa: B019 - one build's documents, kept while the build result is used
    def _load(self, k: int) -> Document:
        doc = load_enriched(self.root, self.keys[k])
        return replace(doc, appendix=doc.appendix + self.sections[k])

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            return [self._load(i) for i in range(len(self))[k]]
        return self._load(range(len(self))[k])

    def __iter__(self) -> Iterator[Document]:
        return (self._load(k) for k in range(len(self)))


@dataclass(frozen=True)
class BuildResult:
    """Every generated page (path under docs/ → Markdown), every diagnostic, and the documents."""

    documents: Sequence[Document]
    pages: dict[str, str]
    diagnostics: tuple[Diagnostic, ...]
    index: Index | None = None


def title_of(meta: Metadata, name: str) -> str:
    symbol, title = meta.symbol, meta.title or name
    return f"{symbol}: {title}" if symbol else title


def convert(root: Path, workers: int | None = None) -> BuildResult:
    """The whole conversion, in memory but for the cache: one line per stage."""
    sources = load_sources(root / "source_texts", root)
    curated, problems = load_curated(root / CURATED, root)
    keys, facts = prepare_corpus(sources, root, workers)
    check_unique_symbols([(f[0].symbol, s.sidecar_path or s.path, s.path) for s, f in zip(sources, facts)])
    index, more = build_index(facts, curated)
    errors = [d for d in problems + more if d.severity == "error"]
    if errors:
        raise GlossaryError(errors)
    ekeys, summaries = enrich_corpus(keys, index, root, workers)
    Store(root, "read").keep_only(set(keys))
    Store(root, "enriched").keep_only(set(ekeys))
    pages, sections = corpus_pages(summaries, index, [f[1] for f in facts])
    diagnostics = tuple(d for s in summaries for d in s.diagnostics)
    return BuildResult(Documents(root, ekeys, sections), pages, diagnostics, index)


def corpus_pages(summaries: list[Enriched], index: Index, glossary_facts: list) -> tuple[dict[str, str], list[tuple[Block, ...]]]:
    """Every page, from the documents' summaries: their own pages with "Cited by" and "Related
    documents" put in, and the corpus-wide pages. Also each document's corpus-wide sections."""
    metadata = {s.name: s.metadata for s in summaries}
    citations = [c for s in summaries for c in s.citations]
    related = related_documents(list(metadata), citations, {s.name: Counter(dict(s.acronyms)) for s in summaries})
    citing = citations_by_cited_document(citations)
    names = dict(index.references.names)
    titles = {n: title_of(m, n) for n, m in metadata.items()}
    pages: dict[str, str] = {}
    sections: list[tuple[Block, ...]] = []
    for s in summaries:
        page = document_page(s.name)
        blocks = corpus_sections(s.name, citing.get(s.name, []), related[s.name], names, titles)
        sections.append(blocks)
        pages[page] = join_page(s.head, write_appendix(blocks, page), s.tail)
        pages.update(s.files)
    dated = by_date(metadata)
    uses: dict[str, list] = {}
    mentions: dict[str, list] = {}
    by_name = {s.name: s for s in summaries}
    for name in dated:
        for key, places in by_name[name].uses:
            uses.setdefault(key, []).append((name, places))
        for key, found in by_name[name].mentions:
            mentions.setdefault(key, []).append((name, found))
    labels = {f.name: dict(f.labels) for f in glossary_facts}
    pages.update(write_glossary_pages(index.glossary, Corpus(dated, labels, uses, mentions), CURATED))
    order = {name: k for k, name in enumerate(sorted(metadata, key=lambda n: sort_key((n, metadata[n]))))}
    pages.update(write_index_pages(names, order, citations))
    pages.update(write_browse_pages(metadata))
    pages[HOME] = write_home(metadata, {n: len({(c.location.document, c.location.anchor) for c in cs})
                                        for n, cs in citing.items()})
    return pages, sections


def check_unique_symbols(documents: list[tuple[str, str, str]]) -> None:
    """Two documents with one symbol would make every citation of it ambiguous: refuse.
    `documents`: (symbol, the file that sets it, the source text) of each document."""
    first: dict[str, str] = {}
    problems = []
    for symbol, where, path in documents:
        if symbol and symbol in first:
            problems.append(f"{where}: the symbol {symbol} is already the symbol of {first[symbol]}; correct it in a sidecar")
        first.setdefault(symbol, path)
    if problems:
        raise SourceError(*problems)


def generated_files(docs: Path) -> set[str]:
    """Pages under docs/ that a previous build generated (they carry the mark)."""
    found = set()
    for path in (p for p in docs.rglob("*") if p.suffix in GENERATED_SUFFIXES and p.is_file()):
        with path.open(encoding="utf-8") as f:
            if GENERATED_MARK in "".join(f.readline() for _ in range(2)):  # hand-written scripts have no mark
                found.add(path.relative_to(docs).as_posix())
    return found


def stale_pages(result: BuildResult, docs: Path) -> list[str]:
    """Generated pages that differ from a fresh conversion, are missing, or are left over."""
    stale = [p for p, text in result.pages.items()
             if not (docs / p).exists() or (docs / p).read_text(encoding="utf-8") != text]
    stale += sorted(generated_files(docs) - set(result.pages)) if docs.exists() else []
    return sorted(stale)


def write_pages(result: BuildResult, docs: Path) -> list[str]:
    """Write the pages that changed (each atomically) and remove left-over generated pages."""
    changed = []
    for rel, text in sorted(result.pages.items()):
        path = docs / rel
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # as any file written here: mkstemp's are private
        os.replace(tmp, path)
        changed.append(rel)
    for rel in sorted(generated_files(docs) - set(result.pages)):
        (docs / rel).unlink()
        changed.append(rel)
    return changed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
