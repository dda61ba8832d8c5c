"""Corpus-wide pages from every document's metadata: the home page, the document index, and the
browsing pages (documents of one year, one issuing body, one type), none of which lists the whole
collection: a page grows with one year's or one body's documents, not with the archive."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterable

from .. import dates
from ..model import Document, Metadata
from ..paths import DOCUMENTS_INDEX, HOME, browse_page, document_page
from .card import LANGUAGES
from .markdown import MarkdownWriter, escape, generated_comment, human_date

HOME_INTRO = """\
The **Migration Governance Archive** publishes institutional documents on the governance of
international migration (IOM Council papers, reports of the UN Secretary-General, resolutions of
the General Assembly, treaties, government records, evaluations) as readable, searchable and
cross-linked pages.

Every page keeps the document's own words and its printed paragraph numbers, so that a citation
such as "MC/INF/285, para. 9" leads straight to the paragraph (each number is a link to itself).
Notes are linked both ways. These pages are an unofficial rendering made from text extracted
from the published documents: where they differ from the original, the original, published by
its issuing body, is authoritative. Each page links to it where it is online.
"""
SHOWN = 10  # documents on the home page's lists
UNDATED = "undated"


def sort_key(doc: Document | tuple[str, Metadata]) -> tuple[tuple[int, int, int], str]:
    name, meta = (doc.name, doc.metadata) if isinstance(doc, Document) else doc
    return (dates.sort_key(meta.date), name)


def _year(meta: Metadata) -> str:
    return meta.date[:4] if meta.date[:4].isdigit() else UNDATED


def _rows(documents: Iterable[tuple[str, Metadata]], w: MarkdownWriter) -> str:
    rows = ["| Symbol | Title | Date | Issuing body | Document type |", "|---|---|---|---|---|"]
    for name, m in sorted(documents, key=sort_key):
        link = f"[{escape(m.title)}]({w.link_target(document_page(name))})"
        rows.append(f"| {escape(m.symbol) or '—'} | {link} | {escape(human_date(m.date)) or '—'} "
                    f"| {escape(m.body) or '—'} | {escape(m.document_type) or '—'} |")
    return "\n".join(rows)


def _language(meta: Metadata) -> str:
    return LANGUAGES.get(meta.language, meta.language) or "Language not recorded"


def _facets(documents: dict[str, Metadata]) -> dict[str, dict[str, list[tuple[str, Metadata]]]]:
    """kind ("year", "body", "type", "language") → value → its documents."""
    facets: dict[str, dict[str, list[tuple[str, Metadata]]]] = {k: defaultdict(list) for k in FACET_TITLES}
    for name, m in documents.items():
        facets["year"][_year(m)].append((name, m))
        facets["body"][m.body or "Issuing body not recorded"].append((name, m))
        facets["type"][m.document_type or "Type not recorded"].append((name, m))
        facets["language"][_language(m)].append((name, m))
    return facets


FACET_TITLES = {"year": "By year", "body": "By issuing body", "type": "By document type", "language": "By language"}
CATALOG = "documents/catalog.js"


def write_catalog(documents: dict[str, Metadata]) -> str:
    """The documents index's data, for sorting and filtering in the browser: a script (not JSON),
    so that it loads from file:// in the offline bundle too. Only the index page loads it."""
    rows = [{"page": f"{name}/", "symbol": m.symbol, "title": m.title, "date": m.date, "shown": human_date(m.date),
             "year": _year(m), "body": m.body, "type": m.document_type, "language": _language(m)}
            for name, m in sorted(documents.items(), key=sort_key)]
    notice = generated_comment("source_texts/*.txt").removeprefix("<!-- ").removesuffix(" -->")
    return f"// {notice}\nwindow.archiveCatalog = {json.dumps(rows, ensure_ascii=False, separators=(',', ':'))};\n"


def write_home(documents: dict[str, Metadata], cited: dict[str, int]) -> str:
    """The home page: what the archive is, its latest and its most cited documents."""
    w = MarkdownWriter(HOME)
    latest = sorted(documents.items(), key=sort_key, reverse=True)[:SHOWN]
    parts = [generated_comment("source_texts/*.txt"), "# Migration Governance Archive", HOME_INTRO.strip(),
             f"The collection holds {len(documents)} documents: browse them in the "
             f"[document index]({w.link_target(DOCUMENTS_INDEX)}) by year, issuing body or type, or search them.",
             "## Latest documents {#latest}", _rows(latest, w)]
    most = sorted(((n, c) for n, c in cited.items() if c and n in documents), key=lambda nc: (-nc[1], nc[0]))[:SHOWN]
    if most:
        parts.append("## Most cited in the collection {#most-cited}")
        parts.append("\n".join(
            f"- [{escape(documents[n].symbol or documents[n].title)}]({w.link_target(document_page(n))}) — "
            f"{escape(documents[n].title)}: cited {c} time{'s' if c != 1 else ''}" for n, c in most))
    return "\n\n".join(parts) + "\n"


def write_browse_pages(documents: dict[str, Metadata]) -> dict[str, str]:
    """The document index (the years, bodies and types, with counts) and a page for each of them."""
    facets = _facets(documents)
    w = MarkdownWriter(DOCUMENTS_INDEX)
    index = [generated_comment("source_texts/*.txt", title="Documents"), "# Documents",
             f"The collection holds {len(documents)} documents. Each list below leads to the documents of one "
             "year, one issuing body, one type or one language, oldest first.",
             # Filled in by the site's script from catalog.js: the whole collection, to sort and filter.
             '<div class="catalog" data-catalog="catalog.js" hidden></div>']
    pages: dict[str, str] = {}
    for kind, values in facets.items():
        index.append(f"## {FACET_TITLES[kind]} {{#by-{kind}}}")
        order = sorted(values, reverse=kind == "year") if kind == "year" else sorted(values, key=str.casefold)
        items = []
        for value in order:
            page = browse_page(kind, value)
            items.append(f"- [{escape(value)}]({w.link_target(page)}) ({len(values[value])})")
            title = {"year": f"Documents of {value}" if value != UNDATED else "Undated documents",
                     "body": f"Documents issued by {value}", "type": value, "language": f"Documents in {value}"}[kind]
            pw = MarkdownWriter(page)
            pages[page] = "\n\n".join([
                generated_comment("source_texts/*.txt", title=title), f"# {escape(title)}",
                f"{len(values[value])} document{'s' if len(values[value]) != 1 else ''}, oldest first. "
                f"Back to the [document index]({pw.link_target(DOCUMENTS_INDEX)}).",
                _rows(values[value], pw)]) + "\n"
        index.append("\n".join(items))
    pages[DOCUMENTS_INDEX] = "\n\n".join(index) + "\n"
    pages[CATALOG] = write_catalog(documents)
    return pages
