"""Corpus-wide pages: the home page and the document index, from every document's metadata."""

from __future__ import annotations

from .. import dates
from ..model import Document
from .markdown import escape, generated_comment, human_date

HOME_INTRO = """\
The **Migration Governance Archive** publishes institutional documents on the governance of
international migration (IOM Council papers, reports of the UN Secretary-General, notes to the
General Assembly, government evaluations) as readable, searchable and cross-linked pages.

Every page keeps the document's own words and its printed paragraph numbers, so that a citation
such as "MC/INF/285, para. 9" leads straight to the paragraph (each number is a link to itself).
Footnotes are linked both ways. These pages are an unofficial rendering made from text extracted
from the published documents: where they differ from the original, the original, published by
its issuing body, is authoritative. Each page links to it where it is online.
"""


def sort_key(doc: Document) -> tuple[tuple[int, int, int], str]:
    return (dates.sort_key(doc.metadata.date), doc.name)


def documents_table(documents: list[Document], page: str) -> str:
    """A table of the documents, oldest first, linking to their pages."""
    prefix = "" if page.startswith("documents/") else "documents/"
    rows = ["| Symbol | Title | Date | Issuing body | Document type |", "|---|---|---|---|---|"]
    for doc in sorted(documents, key=sort_key):
        m = doc.metadata
        link = f"[{escape(m.title)}]({prefix}{doc.name}.md)"
        rows.append(
            f"| {escape(m.symbol) or '—'} | {link} | {escape(human_date(m.date)) or '—'} "
            f"| {escape(m.body) or '—'} | {escape(m.document_type) or '—'} |"
        )
    return "\n".join(rows)


def write_home(documents: list[Document]) -> str:
    sources = "source_texts/*.txt"
    return "\n\n".join([
        generated_comment(sources),
        "# Migration Governance Archive",
        HOME_INTRO.strip(),
        "## The documents",
        documents_table(documents, "index.md"),
        "See also the [document index](documents/index.md).",
    ]) + "\n"


def write_document_index(documents: list[Document]) -> str:
    return "\n\n".join([
        generated_comment("source_texts/*.txt"),
        "# Documents",
        f"The collection holds {len(documents)} documents, listed oldest first.",
        documents_table(documents, "documents/index.md"),
    ]) + "\n"
