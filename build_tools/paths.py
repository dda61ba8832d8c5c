"""Where every generated page lives under docs/, and the anchors the archive reserves on them.

One place for them: the reader keeps its headings off the reserved anchors, enrichers link to
the pages named here, the writer writes them there.
"""

from __future__ import annotations

import re

HOME = "index.md"
ABOUT = "about.md"
DOCUMENTS_INDEX = "documents/index.md"
GLOSSARY_INDEX = "glossary/index.md"
CITED_INDEX = "cited/index.md"
BROWSE = "browse"

# Anchors of the sections the archive adds to a document page; no heading of a text may take them.
TITLE, NOTES, ACRONYMS, CITES, CITED_BY, RELATED, CITE, ABOUT_TEXT = (
    "title", "notes", "acronyms", "cites", "cited-by", "related-documents", "cite", "about-this-text")
RESERVED_ANCHORS = (TITLE, NOTES, ACRONYMS, CITES, CITED_BY, RELATED, CITE, ABOUT_TEXT, "source")


def slug(text: str) -> str:
    """A file name or anchor from a key: "MC/INF/263" → "mc-inf-263", "P&B" → "p-b"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def document_page(name: str) -> str:
    return f"documents/{name}.md"


def glossary_page(key: str) -> str:
    """An acronym's own page: "UNGA/HLD" → glossary/unga-hld.md."""
    return f"glossary/{slug(key)}.md"


def glossary_anchor(key: str) -> str:
    """An acronym's anchor on the glossary's index page (and its name in links)."""
    return re.sub(r"[^a-z0-9]", "-", key.lower())


def cited_series(key: str) -> str:
    """The series the index of cited documents lists `key` under, a pure function of the key so
    that links never depend on the rest of the corpus: a symbol up to its first number ("A/52/314"
    → "A/52", "A/RES/61/208" → "A/RES/61", "MC/INF/285" → "MC/INF"); a name (an instrument, a
    resolution without a symbol) by its first letter ("named C")."""
    first = re.split(r"-(?=[A-Z]+/)", key)[0] if "/" in key and " " not in key else ""
    parts = first.split("/") if first else []
    if len(parts) >= 2:
        numbered = next((k for k, p in enumerate(parts[:-1]) if p[:1].isdigit()), None)
        return "/".join(parts[: numbered + 1] if numbered is not None else parts[:-1])
    letter = slug(key)[:1]
    return f"named {letter.upper() if letter.isalpha() else '0'}"


def cited_group(key: str) -> str:
    return slug(cited_series(key))


def cited_page(key: str) -> str:
    return f"cited/{cited_group(key)}.md"


def browse_page(kind: str, value: str) -> str:
    """A browsing page: documents of one year, issuing body or type."""
    return f"{BROWSE}/{kind}-{slug(value)}.md"
