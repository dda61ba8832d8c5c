"""The metadata card at the top of a document page: a definition list a reader can scan.

Facts in reading order, labels a reader uses ("Issuing body", not a field name), words in
normal case where the masthead shouts them, the date marked "inferred" where no date is
printed, and either the authoritative copy or a plain statement of where the original is.
Rendered with Python-Markdown's `def_list`; all source text passes through `escape`.
"""

from __future__ import annotations

import posixpath

from ..model import Document
from .markdown import _SAFE_URL, escape, human_date

ABOUT_PAGE = "about.md"

LANGUAGES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French",
    "it": "Italian", "nl": "Dutch", "pt": "Portuguese", "ru": "Russian", "zh": "Chinese",
}


def normal_case(text: str) -> str:
    """'NINETY-SECOND SESSION' → 'Ninety-second session'; text that is not all capitals is kept."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or any(c.islower() for c in letters):
        return text
    lower = text.lower()
    return lower[:1].upper() + lower[1:]


def link(url: str) -> str:
    return f"<{url}>" if _SAFE_URL.match(url) else escape(url)


def card_entries(doc: Document, about: str, note_ref=lambda label: "") -> list[tuple[str, list[str]]]:
    """(label, definitions) pairs, Markdown-ready; `about` is the link to the About page,
    `note_ref` renders the marker of a note the masthead calls (the agenda item's "*")."""
    m = doc.metadata
    notes = {f: note_ref(label) for f, label in m.field_notes}
    entries: list[tuple[str, list[str]]] = []

    def add(label: str, value: str, field: str = "", *more: str) -> None:
        if value:
            entries.append((label, [value + notes.get(field, ""), *[x for x in more if x]]))

    add("Symbol", escape(m.symbol), "symbol")
    if m.printed_title and m.printed_title != m.title:
        add("As printed", escape(m.printed_title))
    date = escape(human_date(m.date))
    if m.date_note and "inferred" in m.date_note.lower():
        add("Date", f"{date} (inferred)", "date", escape(m.date_note[:1].upper() + m.date_note[1:]))
    else:
        add("Date", date, "date", escape(m.date_note))
    add("Issuing body", escape(m.body))
    add("Session", escape(", ".join(normal_case(x) for x in (m.session, m.committee) if x)))
    add("Agenda item", escape(m.agenda_item), "agenda_item")
    add("Document type", escape(m.document_type))
    add("Distribution", escape(m.distribution))
    language = LANGUAGES.get(m.language, m.language)
    if language != m.original_language:  # "Original: English" on an English text says it all
        add("Language", escape(language))
    add("Original language", escape(m.original_language))
    if m.url:
        pdf = f"PDF: {link(m.pdf_url)}" if m.pdf_url else ""
        add("Authoritative copy", link(m.url), "", pdf)
    elif m.pdf_url:
        add("Authoritative copy", link(m.pdf_url))
    else:
        held = f"the issuing body, {escape(m.body)}" if m.body else "its issuing body"
        add("Authoritative copy", f"Original held by {held}; no online copy is known. "
                                  f"See [About this archive]({about}).")
    # A pointer to the page's own section: neither a fact to search for nor one to print.
    add("Cite { .card-cite data-search-exclude }",
        "[Cite this document](#cite): the citation as text, BibTeX or RIS\n    { data-search-exclude }")
    return entries


def write_card(doc: Document, page: str, note_ref=lambda label: "") -> str:
    """The card as a definition list; its first term carries the class the stylesheets use."""
    about = posixpath.relpath(ABOUT_PAGE, posixpath.dirname(page) or ".")
    blocks = []
    for k, (label, values) in enumerate(card_entries(doc, about, note_ref)):
        term = f"{label} {{ .doc-card }}" if k == 0 else label
        blocks.append(term + "\n" + "\n".join(f":   {v}" for v in values))
    return "\n\n".join(blocks)
