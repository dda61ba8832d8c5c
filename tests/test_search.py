"""Finding a document by its symbol, and a paragraph from a result; a search index that
holds the documents' own text, loads when search is used, and leaves no result without text.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from build_tools.model import block_text
from build_tools.publish import search_language_files
from build_tools.search_index import Paragraph, merge_empty_sections, split_paragraphs
from site_support import SITE, built_site, bundle_zip
from test_browser import SEARCH_TIMEOUT, documents_mentioning, search, slug_of

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

GENERATED = ("acronyms", "cites", "cited-by", "related-documents", "cite", "about-this-text")


def index_entries() -> list[dict]:
    return json.loads((built_site() / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


# --- The index (no browser) ----------------------------------------------------------------


def test_split_paragraphs_gives_each_numbered_paragraph_an_entry() -> None:
    docs = [
        {"location": "d/", "title": "T", "text": "Symbol X <p>1. One.</p> <p>(a) a.</p> <p>2. Two.</p>", "tags": ["X"]},
        {"location": "d/#s", "title": "S", "text": "<p>3. Three.</p> <p>4. Four, not 5. here</p>"},
        {"location": "e/", "title": "E", "text": "<p>1. Other page.</p>"},
    ]
    paras = {"d/": [Paragraph(f"para-{n}", f"para. {n}", f"{n}.") for n in range(1, 5)]}
    got = [(e["location"], e["title"], e["text"], e.get("tags")) for e in split_paragraphs(docs, paras)]
    assert got == [
        ("d/", "T", "Symbol X", ["X"]),
        ("d/#para-1", "para. 1", "<p>1. One.</p> <p>(a) a.</p>", ["X"]),
        ("d/#para-2", "para. 2", "<p>2. Two.</p>", ["X"]),
        ("d/#s", "S", "<p>3. Three.</p>", None),  # the heading keeps its first paragraph: never empty
        ("d/#para-4", "para. 4", "<p>4. Four, not 5. here</p>", None),
        ("e/", "E", "<p>1. Other page.</p>", None),
    ]


def test_merge_empty_sections() -> None:
    docs = [
        {"location": "g/", "title": "Glossary", "text": "Intro"},
        {"location": "g/#letter-a", "title": "A", "text": ""},
        {"location": "g/#acp", "title": "ACP", "text": "African"},
        {"location": "h/#last", "title": "Last", "text": ""},
    ]
    assert [(e["location"], e["title"]) for e in merge_empty_sections(docs)] == [
        ("g/", "Glossary"), ("g/#acp", "A › ACP"), ("h/#last", "Last"),
    ]


def test_index_holds_the_documents_own_text_only() -> None:
    """Back matter is out of the index, notes are in it, every paragraph has its entry, no text is empty."""
    entries = index_entries()
    locations = [e["location"] for e in entries]
    assert not [loc for loc in locations if loc.split("#")[-1] in GENERATED]
    assert not [e["location"] for e in entries if not e["text"].strip()]
    assert not [e for e in entries if "key bodies in common" in e["text"]]  # "Related documents" lines
    mc = [e for e in entries if e["location"].startswith("documents/mc-inf-285/")]
    units = [f"para-{n}" for n in range(1, 9)] + ["para-8-a", "para-8-b", "para-8-c"] + [f"para-{n}" for n in (9, 10, 11)]
    assert [e["location"].split("#")[-1] for e in mc] == ["documents/mc-inf-285/"] + units + ["notes"]
    assert mc[0]["text"].startswith("Symbol MC/INF/285 As printed IOM – UN RELATIONSHIP Date 14 November 2006 "
                                    "Issuing body IOM Council")
    assert "BibTeX" not in mc[0]["text"]  # the card's pointer to the Cite section
    assert all(e["tags"] == ["MC/INF/285", "MC INF 285"] for e in mc)
    notes = mc[-1]["text"]
    assert "World Bank and the International Monetary Fund" in notes  # note 3 of the document


def test_bundle_ships_only_what_it_loads() -> None:
    """No source maps; no search-language files for an English-only site; the pages all there."""
    with zipfile.ZipFile(bundle_zip()) as zf:
        names = zf.namelist()
    assert not [n for n in names if n.endswith(".map")]
    assert not [n for n in names if "/assets/javascripts/lunr/" in n]
    assert search_language_files(["en"]) == set()
    assert search_language_files(["de"]) == {"min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"}
    site_pages = {p.relative_to(SITE).as_posix() for p in SITE.rglob("index.html")}
    assert len([n for n in names if n.endswith(".html")]) >= len(site_pages)


# --- In the browser ----------------------------------------------------------------------

pytestmark = [pytest.mark.site]


@pytest.fixture()
def online(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("query", "slug"), [
    ("MC/INF/285", "mc-inf-285"),
    ("mc inf 285", "mc-inf-285"),
    ("A/52/314", "a-52-314"),
    ("a 52 314", "a-52-314"),
    ("A/C.2/61/7", "a-c-2-61-7"),
    ("MC/2353", "mc-2353"),
])
def test_a_symbol_finds_its_document_first(online: Page, site_url: str, query: str, slug: str) -> None:
    online.goto(site_url)
    hits = search(online, query)
    assert slug_of(hits[0]) == slug, hits[:5]
    first = online.locator(".md-search-result__item").first.locator("article").first
    assert first.locator("h1").inner_text() and first.inner_text().count("\n") >= 1, "the first result shows no text"


@pytest.mark.browser
def test_a_result_leads_to_its_paragraph(online: Page, site_url: str, corpus) -> None:
    """"Puebla" in A/52/314: a result links to the numbered paragraph that says it."""
    doc = next(d for d in corpus.documents if d.name == "a-52-314")
    expected = {p.label for p in doc.numbered_paragraphs() if "Puebla" in block_text(p)}
    assert expected and "a-52-314" in documents_mentioning("Puebla")
    online.goto(site_url)
    hits = search(online, "Puebla")
    anchors = {h.split("#")[1] for h in hits if slug_of(h) == "a-52-314" and "#" in h}
    assert anchors & expected, (anchors, expected)
    link = online.locator(f".md-search-result__link[href$='#{sorted(anchors & expected)[0]}']").first
    if not link.is_visible():  # some hits sit under "n more on this page"
        link.locator("xpath=ancestor::details/summary").click()
    with online.expect_navigation(wait_until="load"):
        link.click()
    assert re.search(r"#para-\d+$", online.url)
    assert online.locator(":target").evaluate("e => e.matches('a.para-number') && e.getBoundingClientRect().top >= 0")


@pytest.mark.browser
def test_the_index_loads_only_when_search_is_used(online: Page, site_url: str) -> None:
    requested: list[str] = []
    online.on("request", lambda r: requested.append(r.url) if "search_index" in r.url else None)
    online.goto(f"{site_url}documents/mc-inf-285/", wait_until="load")
    online.wait_for_timeout(1_000)
    assert requested == [], "the index was loaded before search was used"
    assert slug_of(search(online, "Puebla")[0])
    assert [u.rsplit("/", 2)[-2:] for u in requested] == [["search", "search_index.json"]]


@pytest.mark.browser
def test_the_offline_index_loads_only_when_search_is_used(browser: Browser, bundle_dir: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto((bundle_dir / "documents" / "mc-inf-285.html").as_uri(), wait_until="load")
        page.wait_for_timeout(1_000)
        assert page.evaluate("typeof __index") == "undefined"
        assert slug_of(search(page, "a 52 314", timeout=SEARCH_TIMEOUT)[0]) == "a-52-314"
        assert page.evaluate("typeof __index") == "object"
    finally:
        context.close()
