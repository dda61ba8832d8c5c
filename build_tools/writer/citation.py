"""Citing a document: unit labels, the citation text, BibTeX and RIS files, citation metadata.

A reader cites "IOM Council, MC/INF/285, 14 November 2006, para. 9, <permanent URL>#para-9".
The pieces come from here: `cite_label` names a citable unit from its anchor (the page's
script puts a copy button beside every element carrying that label in `data-cite`), and
the page's front matter carries the `citation_*` fields that the theme turns into the
meta tags reference managers read (and from which the script builds the same text).
"""

from __future__ import annotations

import re

from ..model import Document, Metadata
from .markdown import attr, escape, escape_line_starts, generated_notice, human_date, yaml_string

# The permanent address of the published site; mkdocs.yml's `site_url` (a test keeps them equal).
SITE_URL = "https://migration-governance-archive.github.io/migration-governance-archive/"

_UNIT = re.compile(
    r"^(?:article-(?P<article>[0-9a-z]+)(?:-para-(?P<apara>[0-9a-z]+))?"
    r"|para-(?P<para>\d+[a-z]?)(?:-(?P<sub>[a-z]+|[ivx]+|\d+))?"
    r"|(?P<kind>section|chapter)-(?P<number>[0-9a-z-]+))$"
)


def cite_label(anchor: str) -> str:
    """How a reader cites the unit anchored at `anchor`; "" when it is not a citable unit.

    "para-9" → "para. 9", "para-8-a" → "para. 8 (a)", "article-12" → "Article 12",
    "article-12-para-1" → "Article 12, para. 1", "section-2-7" → "section 2.7".
    """
    m = _UNIT.match(anchor)
    if not m:
        return ""
    if m["article"]:
        article = f"Article {m['article'].upper() if not m['article'].isdigit() else m['article']}"
        return f"{article}, para. {m['apara']}" if m["apara"] else article
    if m["para"]:
        return f"para. {m['para']} ({m['sub']})" if m["sub"] else f"para. {m['para']}"
    return f"{m['kind']} {m['number'].replace('-', '.').upper()}"


def cite_attr(label: str) -> str:
    """The attr_list entry that labels a citable unit (` data-cite="para. 9"`), or "" without a label."""
    return f' data-cite="{attr(label)}"' if label else ""


def directory_path(page: str) -> str:
    """A page's address on the published site: "documents/a.md" → "documents/a/", "index.md" → ""."""
    path = page.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def page_url(page: str) -> str:
    """The permanent URL of a page under docs/."""
    return SITE_URL + directory_path(page)


def meta_date(iso: str) -> str:
    """'2006-11-14' → '2006/11/14', the form of `citation_date`; '2005' stays '2005'."""
    return iso.replace("-", "/") if re.match(r"^\d{4}(-\d{2}){0,2}$", iso) else ""


def citation_text(doc: Document, page: str, unit: str = "", anchor: str = "") -> str:
    """'IOM Council, MC/INF/285, 14 November 2006[, para. 9], <URL>[#para-9]' (plain text)."""
    m = doc.metadata
    name = m.symbol or f"“{m.title}”"
    parts = [m.body, name, human_date(m.date), unit, page_url(page) + (f"#{anchor}" if anchor else "")]
    return ", ".join(p for p in parts if p)


def front_matter(doc: Document, page: str, notice: str) -> str:
    """The page's front matter: the notice first, the title, then what the theme and search read."""
    m = doc.metadata
    fields: list[tuple[str, str]] = [
        ("title", m.title),
        ("symbol", m.symbol),
        ("citation_title", m.title),
        ("citation_author", m.body),
        ("citation_date", meta_date(m.date)),
        ("citation_publication_date", meta_date(m.date)),
        ("citation_technical_report_number", m.symbol),
        ("citation_public_url", m.url),
        ("citation_pdf_url", m.pdf_url),
        ("citation_language", m.language),
        ("date_printed", human_date(m.date) if m.date else ""),  # the print header's date, as a reader writes it
    ]
    lines = ["---", f"# {notice}"]
    lines += [f"{key}: {yaml_string(value)}" for key, value in fields if value]
    lines += search_front_matter(m)
    lines.append("---")
    return "\n".join(lines)


def search_front_matter(m: Metadata) -> list[str]:
    """A document page outranks pages that only mention it; its symbol, as printed and spelt out
    in words ("A/52/314", "A 52 314"), is a search tag, so either spelling finds it first."""
    lines = ["search:", "  boost: 2"]
    if m.symbol:
        spelt = " ".join(re.findall(r"[^\W_]+", m.symbol))
        tags = list(dict.fromkeys([m.symbol, spelt]))
        lines += ["tags:"] + [f"  - {yaml_string(t)}" for t in tags]
    return lines


# --- Downloads for reference managers ------------------------------------------------


def _bibtex_value(text: str) -> str:
    """Text as a braced BibTeX value: LaTeX's special characters escaped."""
    specials = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
                "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return "".join(specials.get(c, c) for c in text)


def bibtex(doc: Document, page: str, notice: str) -> str:
    """A @techreport entry; the issuing body is a corporate author (double braces)."""
    m = doc.metadata
    fields: list[tuple[str, str]] = [
        ("author", f"{{{_bibtex_value(m.body)}}}" if m.body else ""),
        ("title", f"{{{_bibtex_value(m.title)}}}"),
        ("institution", _bibtex_value(m.body)),
        ("type", _bibtex_value(m.document_type)),
        ("number", _bibtex_value(m.symbol)),
        ("year", m.date[:4] if re.match(r"^\d{4}", m.date) else ""),
        ("date", m.date if re.match(r"^\d{4}(-\d{2}){0,2}$", m.date) else ""),
        ("url", page_url(page)),
        ("note", "Unofficial rendering; the original, published by its issuing body, is authoritative"
                 + (f": {_bibtex_value(m.url)}" if m.url else "")),
    ]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v)
    return f"% {notice}\n@techreport{{{doc.name},\n{body}\n}}\n"


def ris(doc: Document, page: str, notice: str) -> str:
    """A RIS record (type RPRT); two header lines before it, as bibliographic databases write them."""
    m = doc.metadata
    date = meta_date(m.date)
    fields: list[tuple[str, str]] = [
        ("TY", "RPRT"),
        ("TI", m.title),
        ("AU", f"{m.body}," if m.body else ""),  # a trailing comma marks a corporate author
        ("PB", m.body),
        ("M3", m.document_type),
        ("SN", m.symbol),
        ("PY", date[:4]),
        ("DA", date),
        ("LA", m.language),
        ("UR", page_url(page)),
        ("L1", m.pdf_url),
        ("N1", "Unofficial rendering; the original, published by its issuing body, is authoritative"
               + (f": {m.url}" if m.url else "")),
    ]
    lines = ["Provider: Migration Governance Archive", f"Note: {notice}", ""]
    lines += [f"{tag}  - {' '.join(value.split())}" for tag, value in fields if value]
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def reference_files(doc: Document, page: str, *sources: str) -> dict[str, str]:
    """The BibTeX and RIS files beside a document's page (paths under docs/ → text)."""
    notice = generated_notice(*sources)
    base = page.removesuffix(".md")
    return {f"{base}.bib": bibtex(doc, page, notice), f"{base}.ris": ris(doc, page, notice)}


def cite_section(doc: Document, page: str) -> str:
    """The "Cite this document" block: the citation in plain text and the two downloads."""
    name = page.rsplit("/", 1)[-1].removesuffix(".md")
    units = "paragraph" if doc.numbered_paragraphs() else "numbered section"
    return "\n\n".join([
        "## Cite this document {#cite .generated data-search-exclude}",
        escape_line_starts(escape(citation_text(doc, page))),
        f"Download the reference for a reference manager: [BibTeX]({name}.bib){{ download=\"{name}.bib\" }} · "
        f"[RIS]({name}.ris){{ download=\"{name}.ris\" }}. Beside each {units}, a button copies the "
        "citation of that place.",
    ])
