"""Citing a document: unit labels, the citation text, its metadata, the downloads and the copy button.

The expected citation of MC/INF/285, para. 9 is read off the document itself: its masthead
prints "MC/INF/285" and "14 November 2006", and it is a paper of the IOM Council.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from build_tools.pipeline import BuildResult, generated_files, write_pages
from build_tools.writer.citation import SITE_URL, cite_label, citation_text, page_url
from site_support import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PERMANENT = SITE_URL + "documents/mc-inf-285/"
PARA_9 = f"IOM Council, MC/INF/285, 14 November 2006, para. 9, {PERMANENT}#para-9"


def front_matter(markdown: str) -> dict:
    match = re.match(r"\A---\n(.*?)\n---\n", markdown, re.S)
    assert match, markdown[:200]
    return yaml.safe_load(match.group(1))


# --- The text and its parts (no browser) ---------------------------------------------------


@pytest.mark.parametrize(("anchor", "label"), [
    ("para-9", "para. 9"),
    ("para-12", "para. 12"),
    ("para-8-a", "para. 8 (a)"),
    ("article-12", "Article 12"),
    ("article-12-para-1", "Article 12, para. 1"),
    ("section-2-7", "section 2.7"),
    ("chapter-i", "chapter I"),
    ("title", ""),
    ("notes", ""),
    ("note-1", ""),
])
def test_cite_label(anchor: str, label: str) -> None:
    assert cite_label(anchor) == label


def test_site_url_is_the_configured_one() -> None:
    """The writer's permanent addresses and MkDocs' canonical links must name the same site."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert config["site_url"] == SITE_URL
    assert page_url("index.md") == SITE_URL and page_url("documents/index.md") == SITE_URL + "documents/"


def test_citation_of_a_paragraph(corpus) -> None:
    doc = next(d for d in corpus.documents if d.name == "mc-inf-285")
    source = (ROOT / "source_texts" / "mc-inf-285.txt").read_text(encoding="utf-8")
    assert "MC/INF/285" in source and "14 November 2006" in source
    assert citation_text(doc, "documents/mc-inf-285.md", "para. 9", "para-9") == PARA_9


def test_document_front_matter(corpus) -> None:
    """What the theme turns into citation_* tags and the browser title; dates as YYYY/MM/DD."""
    front = front_matter(corpus.pages["documents/mc-inf-285.md"])
    assert front["title"] == "IOM – UN relationship"  # printed in capitals: normal case for citing
    assert front["symbol"] == front["citation_technical_report_number"] == "MC/INF/285"
    assert front["citation_author"] == "IOM Council"
    assert front["citation_date"] == front["citation_publication_date"] == "2006/11/14"
    assert "citation_public_url" not in front  # no online copy of this paper is known
    un = front_matter(corpus.pages["documents/a-52-314.md"])
    assert un["citation_public_url"] == "https://undocs.org/A/52/314"
    undated = front_matter(corpus.pages["documents/canada-iom-membership-evaluation.md"])
    assert undated["citation_date"] == "2005" and "symbol" not in undated


def test_reference_files(corpus) -> None:
    """BibTeX and RIS beside each document page, with the symbol, date and permanent address."""
    bib = corpus.pages["documents/mc-inf-285.bib"]
    assert bib.startswith("% Generated from source_texts/mc-inf-285.txt")
    for field in ("author = {{IOM Council}}", "number = {MC/INF/285}", "year = {2006}",
                  "date = {2006-11-14}", f"url = {{{PERMANENT}}}", "title = {{IOM – UN relationship}}"):
        assert field in bib, field
    assert bib.count("{") == bib.count("}")
    ris = corpus.pages["documents/mc-inf-285.ris"].split("\n")
    record = ris[ris.index("TY  - RPRT"):]
    assert "Generated from" in ris[1] and record[-2:] == ["ER  - ", ""]
    for line in ("SN  - MC/INF/285", "DA  - 2006/11/14", "AU  - IOM Council,", f"UR  - {PERMANENT}"):
        assert line in record, line
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", x) for x in record[:-1]), record


def test_stale_reference_files_are_removed(tmp_path: Path) -> None:
    """A generated .bib/.ris whose document is gone is removed; a hand-written one is kept."""
    docs = tmp_path / "docs"
    (docs / "documents").mkdir(parents=True)
    (docs / "documents" / "gone.bib").write_text("% Generated from source_texts/gone.txt by build_tools.\n")
    (docs / "documents" / "gone.ris").write_text("Provider: x\nNote: Generated from source_texts/gone.txt\n")
    (docs / "documents" / "mine.bib").write_text("@misc{mine, title = {kept}}\n")
    assert generated_files(docs) == {"documents/gone.bib", "documents/gone.ris"}
    write_pages(BuildResult((), {}, ()), docs)
    assert sorted(p.name for p in (docs / "documents").iterdir()) == ["mine.bib"]


def test_cite_section_and_card(corpus) -> None:
    page = corpus.pages["documents/mc-inf-285.md"]
    body = page.split("<!-- end of document text -->")[1]
    assert "## Cite this document {#cite " in body
    assert PARA_9.rsplit(", para. 9", 1)[0] + ", " + PERMANENT in body  # the document's own citation
    assert "[BibTeX](mc-inf-285.bib)" in body and "[RIS](mc-inf-285.ris)" in body


@pytest.mark.site
def test_sitemap_lists_the_permanent_addresses() -> None:
    from site_support import built_site

    sitemap = (built_site() / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert PERMANENT in locations and SITE_URL + "about/" in locations and SITE_URL in locations
    assert all(loc.startswith(SITE_URL) and loc.endswith("/") for loc in locations), locations


# --- In the browser ---------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.site
def test_meta_tags_and_title(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{site_url}documents/mc-inf-285/")
        tags = page.locator("meta[name^='citation_']").evaluate_all(
            "els => Object.fromEntries(els.map(e => [e.name, e.content]))")
        assert tags == {
            "citation_title": "IOM – UN relationship",
            "citation_language": "en",
            "citation_author": "IOM Council",
            "citation_date": "2006/11/14",
            "citation_publication_date": "2006/11/14",
            "citation_technical_report_number": "MC/INF/285",
        }
        assert page.title() == "MC/INF/285 — IOM – UN relationship - Migration Governance Archive"
        assert page.locator("link[rel=canonical]").get_attribute("href") == PERMANENT
        page.goto(f"{site_url}documents/a-52-314/")
        assert page.locator("meta[name=citation_public_url]").get_attribute("content") == "https://undocs.org/A/52/314"
    finally:
        page.close()


def copy_paragraph_9(page: Page) -> None:
    button = page.get_by_role("button", name="Copy citation of para. 9")
    assert button.count() == 1
    button.click()
    status = page.get_by_role("status")
    page.wait_for_function("el => el.textContent !== ''", arg=status.element_handle())
    assert status.inner_text() == f"Citation copied: {PARA_9}"


@pytest.mark.browser
@pytest.mark.site
def test_copy_the_citation_of_a_paragraph(browser: Browser, site_url: str) -> None:
    """One click beside "9." puts the citation on the clipboard and says so."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(f"{site_url}documents/mc-inf-285/")
        buttons = page.locator("article button.cite-button")
        assert buttons.count() == len(page.locator("a.para-number").all()) == 14  # paras 1-11, 8 (a)-(c)
        copy_paragraph_9(page)
        assert page.evaluate("navigator.clipboard.readText()") == PARA_9
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.site
def test_copy_the_citation_offline_without_the_clipboard_api(browser: Browser, bundle_dir: Path) -> None:
    """From file://, with no Clipboard API, the copy goes through a selection; it still cites online."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
        page.goto((bundle_dir / "documents" / "mc-inf-285.html").as_uri())
        copy_paragraph_9(page)
        reader = context.new_page()
        reader.goto((bundle_dir / "index.html").as_uri())
        assert reader.evaluate("navigator.clipboard.readText()") == PARA_9
    finally:
        context.close()
