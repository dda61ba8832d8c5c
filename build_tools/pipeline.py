"""The build: read every source, gather the corpus, enrich, write every page.

Each document is read and enriched on its own (a pure function of its text and
sidecar, plus the corpus index); nothing is written before every page is ready.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .glossary import add_glossary
from .model import Diagnostic, Document
from .reader import read
from .references import INDEX_PAGE, add_citation_sections, link_references
from .sources import SourceError, load_sources
from .writer.citation import reference_files
from .writer.markdown import write_document
from .writer.pages import write_document_index, write_home

GENERATED_MARK = "Generated from "  # in the first lines of every generated page
GENERATED_SUFFIXES = {".md", ".bib", ".ris"}  # pages, and the references beside document pages


@dataclass(frozen=True)
class BuildResult:
    """Every generated page (path under docs/ → Markdown) and every diagnostic."""

    documents: tuple[Document, ...]
    pages: dict[str, str]
    diagnostics: tuple[Diagnostic, ...]


def document_page(doc: Document) -> str:
    return f"documents/{doc.name}.md"


def convert(root: Path) -> BuildResult:
    """The whole conversion, in memory: one line per stage."""
    sources = load_sources(root / "source_texts", root)
    documents = [read(source) for source in sources]
    check_unique_symbols(documents)
    extra_pages: dict[str, str] = {}
    # Cross-references first: acronyms are never looked for inside the links they make.
    documents, citations = link_references(documents)
    documents, extra_pages["glossary.md"] = add_glossary(documents, root)
    # Backlinks and related documents invert what the two stages above found.
    documents, extra_pages[INDEX_PAGE] = add_citation_sections(documents, citations)
    pages: dict[str, str] = {"index.md": write_home(documents)}
    pages["documents/index.md"] = write_document_index(documents)
    for doc in documents:
        pages[document_page(doc)] = write_document(doc, document_page(doc))
        pages.update(reference_files(doc, document_page(doc), doc.source_path, doc.sidecar_path))
    pages.update(extra_pages)
    diagnostics = tuple(d for doc in documents for d in doc.diagnostics)
    return BuildResult(tuple(documents), pages, diagnostics)


def check_unique_symbols(documents: list[Document]) -> None:
    """Two documents with one symbol would make every citation of it ambiguous: refuse."""
    first: dict[str, Document] = {}
    problems = []
    for doc in documents:
        symbol = doc.metadata.symbol
        if symbol and symbol in first:
            problems.append(
                f"{doc.sidecar_path or doc.source_path}: the symbol {symbol} is already the symbol of "
                f"{first[symbol].source_path}; correct it in a sidecar"
            )
        first.setdefault(symbol, doc)
    if problems:
        raise SourceError(*problems)


def generated_files(docs: Path) -> set[str]:
    """Pages under docs/ that a previous build generated (they carry the mark)."""
    found = set()
    for path in (p for p in docs.rglob("*") if p.suffix in GENERATED_SUFFIXES and p.is_file()):
        with path.open(encoding="utf-8") as f:
            if GENERATED_MARK in "".join(f.readline() for _ in range(2)):
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
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".md")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
        changed.append(rel)
    for rel in sorted(generated_files(docs) - set(result.pages)):
        (docs / rel).unlink()
        changed.append(rel)
    return changed
