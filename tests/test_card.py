"""The metadata card at the top of each document page, and the About page it links to."""

from __future__ import annotations

from dataclasses import replace

import markdown

from build_tools.model import Document, Metadata
from build_tools.writer.card import card_entries, normal_case, write_card
from site_support import ROOT


def card_html(doc: Document) -> str:
    return markdown.markdown(write_card(doc, f"documents/{doc.name}.md"), extensions=["attr_list", "def_list"])


def entries(doc: Document) -> dict[str, list[str]]:
    return dict(card_entries(doc, "../about.md"))


def test_card_is_a_definition_list(corpus) -> None:
    doc = next(d for d in corpus.documents if d.name == "mc-inf-285")
    html = card_html(doc)
    assert html.startswith('<dl>\n<dt class="doc-card">Symbol</dt>\n<dd>MC/INF/285</dd>') and "<table" not in html
    card = entries(doc)
    assert list(card) == ["Symbol", "As printed", "Date", "Issuing body", "Session", "Document type",
                          "Original language", "Authoritative copy", "Cite { .card-cite data-search-exclude }"]
    assert card["As printed"] == ["IOM – UN RELATIONSHIP"]  # the title line of the source, in capitals
    assert doc.metadata.title == "IOM – UN relationship"
    assert card["Date"] == ["14 November 2006"]
    assert card["Session"] == ["Ninety-second session"]  # printed "NINETY-SECOND SESSION"
    assert card["Authoritative copy"] == [
        "Original held by the issuing body, IOM Council; no online copy is known. "
        "See [About this archive](../about.md)."
    ]


def test_inferred_date_and_online_copy(corpus) -> None:
    evaluation = entries(next(d for d in corpus.documents if d.name == "canada-iom-membership-evaluation"))
    assert evaluation["Date"] == ["2005 (inferred)", "Year inferred from the 2004–2005 budget figures the "
                                                     "report cites; no date is printed"]
    report = entries(next(d for d in corpus.documents if d.name == "a-52-314"))
    assert report["Authoritative copy"] == ["<https://undocs.org/A/52/314>"]


def test_printed_title_language_and_pdf() -> None:
    meta = Metadata(title="IOM – UN relationship", printed_title="IOM – UN RELATIONSHIP", language="fr",
                    url="https://example.org/doc", pdf_url="https://example.org/doc.pdf")
    card = entries(Document("x", "source_texts/x.txt", meta, ()))
    assert card["As printed"] == ["IOM – UN RELATIONSHIP"]
    assert card["Language"] == ["French"]
    assert card["Authoritative copy"] == ["<https://example.org/doc>", "PDF: <https://example.org/doc.pdf>"]
    same = entries(Document("x", "source_texts/x.txt", replace(meta, printed_title="IOM – UN relationship"), ()))
    assert "As printed" not in same


def test_normal_case() -> None:
    assert normal_case("NINETY-SECOND SESSION") == "Ninety-second session"
    assert normal_case("Ninety-second session") == "Ninety-second session"
    assert normal_case("IOM") == "IOM"  # too short to be shouting


def test_no_page_sends_readers_to_a_repository_file(corpus) -> None:
    """Generated pages link the About page; none says "see NOTICE"; About says how to report an error."""
    assert not [p for p, text in corpus.pages.items() if "NOTICE" in text]
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    for heading in ("## What is here", "## Sources and their terms", "## How the pages are made", "## Reporting an error"):
        assert heading in about, heading
    assert "the original is authoritative" in " ".join(about.split())
