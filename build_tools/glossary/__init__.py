"""The acronym glossary: extraction, the curated file, the enricher, the page, the coverage check.

The build takes each document's definitions (`glossary_facts`), joins them with
`source_texts/glossary.yml` into the glossary once, applies it to each document and writes the
glossary's pages from what each enriched document uses (see `corpus` and `page`).
`add_glossary(documents, root)` does the same for a list of documents in memory. A curated file
with errors stops the build (GlossaryError, printed as `path:line: message`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..model import Diagnostic, Document
from ..sources import SourceError
from .apply import apply_glossary
from .context import not_an_acronym
from .curated import Curated, load_curated, parse_curated
from .entries import Glossary, build_glossary, compile_forms
from .extract import extract_definitions
from .page import Corpus, by_date, mentions_of, uses_of, write_glossary_pages

CURATED = "source_texts/glossary.yml"

__all__ = [
    "Curated", "Glossary", "GlossaryError", "add_glossary", "apply_glossary", "build_glossary",
    "coverage", "extract_definitions", "load_curated", "parse_curated", "write_glossary_pages",
]


class GlossaryError(SourceError):
    """The curated file has errors; str() lists them, one `path:line: message` a line."""

    def __init__(self, problems: list[Diagnostic]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{d.path}:{d.line}: {d.message}" for d in problems))


def load_glossary(documents: list[Document], root: Path) -> Glossary:
    """The glossary of `documents`, or GlossaryError when the curated file is wrong."""
    curated, problems = load_curated(root / CURATED, root)
    glossary, more = build_glossary(documents, curated)
    errors = [d for d in problems + more if d.severity == "error"]
    if errors:
        raise GlossaryError(errors)
    return glossary


def add_glossary(documents: list[Document], root: Path) -> tuple[list[Document], dict[str, str]]:
    """In memory: every document with its acronyms marked up, and the glossary's pages."""
    glossary = load_glossary(documents, root)
    enriched = [apply_glossary(doc, glossary) for doc in documents]
    return enriched, write_glossary_pages(glossary, corpus_of(enriched, glossary), CURATED)


def corpus_of(documents: list[Document], glossary: Glossary | None = None) -> Corpus:
    """What the glossary's pages need of enriched documents in memory."""
    from .entries import glossary_facts

    metadata = by_date({d.name: d.metadata for d in documents})
    by_name = {d.name: d for d in documents}
    uses: dict[str, list] = {}
    mentions: dict[str, list] = {}
    for name in metadata:
        for key, places in uses_of(by_name[name]):
            uses.setdefault(key, []).append((name, places))
        for key, found in mentions_of(by_name[name], glossary) if glossary else ():
            mentions.setdefault(key, []).append((name, found))
    labels = {d.name: dict(glossary_facts(d).labels) for d in documents}
    return Corpus(metadata, labels, uses, mentions)


_CANDIDATE = re.compile(r"(?<![\w&/])(?P<candidate>[A-Z][A-Z0-9&]*[A-Z0-9])(?P<cplural>s)?(?![\w&/])")


_NAME_IN_SENTENCE = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{2,})\b")


def coverage(documents: list[Document], glossary: Glossary) -> list[Diagnostic]:
    """Acronym-like words (two or more capitals) left unexplained in the enriched documents.

    A word counts only where the context shows it is an acronym: not inside all-capital
    writing, not a name, a roman numeral or a code (see `context`); words the curated file
    lists as no acronyms are left out too.
    """
    keys = set(glossary.forms)
    missing = []
    for doc in documents:
        texts = list(_texts(doc))
        # Words the document prints as names inside a sentence ("in Malta and"): in capitals
        # elsewhere ("… des migrants : MALTA."), they are the same names, not acronyms.
        names = {m.group(1).upper() for _, text in texts for m in _NAME_IN_SENTENCE.finditer(text)}
        for line, text in texts:
            for m in _CANDIDATE.finditer(text):
                word = m.group("candidate")
                if len(re.sub(r"[^A-Z]", "", word)) < 2 or word in glossary.ignored or word in keys:
                    continue
                if word in names or (word.endswith("S") and word[:-1] in keys):
                    continue  # a name written in capitals, or a known acronym's plural ("NGOS")
                if not_an_acronym(word, text, m.start(), m.end(), keys):
                    continue
                missing.append(Diagnostic(doc.source_path, line, "acronym-unexplained", f"{word} has no expansion", "error"))
    return missing


def _texts(doc: Document):
    """(line, text) of every paragraph, heading and table cell of the document, notes included."""
    from ..model import Heading, Paragraph, Table, plain_text, walk_blocks

    for block in walk_blocks(doc.text_blocks()):
        line = getattr(block, "line", 0)
        if isinstance(block, (Heading, Paragraph)):
            yield line, plain_text(block.inlines)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                for cell in row:
                    yield line, plain_text(cell.inlines)


def main(root: Path, check: bool) -> int:
    """`python -m build_tools glossary [--check]`: counts, and with --check the unexplained words."""
    from ..reader import read
    from ..sources import load_sources

    sources = load_sources(root / "source_texts", root)
    glossary = load_glossary([read(s) for s in sources], root)
    from_texts = sum(1 for e in glossary.entries if e.from_texts)
    print(f"{len(glossary.entries)} acronyms: {from_texts} defined in the texts, "
          f"{len(glossary.entries) - from_texts} from {CURATED}")
    if not check:
        return 0
    documents = [apply_glossary(read(s), glossary) for s in sources]
    missing = coverage(documents, glossary)
    for d in missing:
        print(f"{d.path}:{d.line}: {d.message}", file=sys.stderr)
    return 1 if missing else 0
