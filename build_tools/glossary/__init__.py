"""The acronym glossary: extraction, the curated file, the enricher, the page, the coverage check.

`add_glossary(documents, root)` is the pipeline stage: it builds the glossary from every
document and `source_texts/glossary.yml`, applies it to each document and returns the
enriched documents with the page `docs/glossary.md`. A curated file with errors stops
the build (GlossaryError, which the command line prints as `path:line: message`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..model import Diagnostic, Document
from ..sources import SourceError
from .apply import apply_glossary
from .curated import Curated, load_curated, parse_curated
from .entries import Glossary, build_glossary, compile_forms
from .extract import extract_definitions
from .page import write_glossary

CURATED = "source_texts/glossary.yml"
PAGE = "glossary.md"

__all__ = [
    "Curated", "Glossary", "GlossaryError", "add_glossary", "apply_glossary", "build_glossary",
    "coverage", "extract_definitions", "load_curated", "parse_curated", "write_glossary",
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


def add_glossary(documents: list[Document], root: Path) -> tuple[list[Document], str]:
    """The pipeline stage: every document with its acronyms marked up, and the glossary page."""
    glossary = load_glossary(documents, root)
    enriched = [apply_glossary(doc, glossary) for doc in documents]
    return enriched, write_glossary(enriched, glossary, CURATED)


_CANDIDATE = r"(?<![\w&])(?P<candidate>[A-Z][A-Z0-9&]+)(?P<cplural>s)?(?![\w&])"


def coverage(texts: dict[str, str], glossary: Glossary) -> list[Diagnostic]:
    """Acronym-like words (two or more capitals) with no expansion and not ignored: `path:line`."""
    pattern = compile_forms(list(glossary.forms), _CANDIDATE)
    missing = []
    for path, text in texts.items():
        for no, line in enumerate(text.splitlines(), start=1):
            for m in pattern.finditer(line):
                word = m.group("candidate")
                if not word or len(re.sub(r"[^A-Z]", "", word)) < 2 or word in glossary.ignored:
                    continue
                missing.append(Diagnostic(path, no, "acronym-unexplained", f"{word} has no expansion", "error"))
    return missing


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
    missing = coverage({s.path: s.text for s in sources}, glossary)
    for d in missing:
        print(f"{d.path}:{d.line}: {d.message}", file=sys.stderr)
    return 1 if missing else 0
