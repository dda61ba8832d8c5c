"""The built site and the offline bundle in a real browser (Debian's Chromium via Playwright).

What a reader relies on: the documents table, numbered paragraphs, footnotes both ways,
acronym tooltips and the theme's search, online on loopback and offline from file://
without a single request leaving the machine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from build_tools import dates

from site_support import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Route

pytestmark = [pytest.mark.browser, pytest.mark.site]

VIEWPORT = {"width": 1280, "height": 900}
TIMEOUT = 15_000  # ms, for ordinary page updates
SEARCH_TIMEOUT = 90_000  # ms: the first offline search builds its index inside the page
DOCUMENT = "a-52-314"
PARAGRAPHS = 55


def documents_mentioning(word: str) -> set[str]:
    """Slugs of the source texts that contain `word` (a document's page is named after its source)."""
    return {p.stem for p in (ROOT / "source_texts").glob("*.txt") if word in p.read_text(encoding="utf-8")}


def slug_of(href: str) -> str | None:
    """'documents/a-52-314/', '../documents/a-52-314.html?h=x#y' -> 'a-52-314'; None for other pages."""
    match = re.search(r"documents/([\w-]+?)(?:/|\.html)", href)
    return match.group(1) if match else None


def search(page: Page, query: str, timeout: int = TIMEOUT) -> list[str]:
    """Open the theme's search from the header, type `query`; return the results' page links in order."""
    toggle = page.locator('label.md-header__button[for="__search"]')
    if toggle.is_visible():  # narrow layouts: the header shows a search button
        toggle.click()
    else:  # desktop layouts: the search box itself sits in the header
        page.locator(".md-search__input").click()
    field = page.locator(".md-search__input")
    field.fill("")
    field.press_sequentially(query, delay=30)  # the theme searches on key events
    page.wait_for_selector(".md-search-result__item", timeout=timeout)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    return [href for href in (links.nth(i).get_attribute("href") for i in range(links.count())) if href]


def open_search_result(page: Page, slugs: set[str]) -> None:
    """Click the first search result that leads to one of `slugs` and wait for that page."""
    links = page.locator(".md-search-result__item > .md-search-result__link")
    for i in range(links.count()):
        if slug_of(links.nth(i).get_attribute("href") or "") in slugs:
            with page.expect_navigation(wait_until="load"):
                links.nth(i).click()
            return
    pytest.fail(f"no search result leads to any of {sorted(slugs)}")


def check_paragraph_numbers(page: Page) -> None:
    """Paragraphs 1..55 carry visible self-links a.para-number#para-N reading 'N.'."""
    numbers = page.locator("a.para-number")
    numbers.first.wait_for(timeout=TIMEOUT)
    found = numbers.evaluate_all("els => els.map(e => [e.id, e.getAttribute('href'), e.innerText.trim()])")
    assert found == [[f"para-{n}", f"#para-{n}", f"{n}."] for n in range(1, PARAGRAPHS + 1)]
    assert numbers.first.is_visible() and numbers.last.is_visible()


def check_footnotes(page: Page) -> None:
    """A footnote reference jumps to its footnote, whose back-reference jumps back."""
    ref = page.locator("a.footnote-ref").first
    target = ref.get_attribute("href")
    assert target and target.startswith("#note-"), target
    ref.click()
    page.wait_for_function("h => location.hash === h", arg=target, timeout=TIMEOUT)
    footnote = page.locator(f'[id="{target[1:]}"]')
    assert footnote.is_visible() and footnote.evaluate("e => e.matches(':target')")
    back = footnote.locator("a.note-label")
    back_target = back.get_attribute("href")
    assert back_target == "#ref-" + target[1:], back_target
    back.click()
    page.wait_for_function("h => location.hash === h", arg=back_target, timeout=TIMEOUT)
    assert page.locator(f'[id="{back_target[1:]}"]').is_visible()


def check_abbreviations(page: Page) -> None:
    """Acronyms carry their expansion in a title (shown as a tooltip)."""
    titles = page.locator("abbr[title]").evaluate_all("els => els.map(e => e.title)")
    assert titles and all(t.strip() for t in titles), titles


def article_text(page: Page) -> str:
    return page.locator("article").inner_text()


@pytest.fixture()
def online(browser: Browser) -> Iterator[Page]:
    """A fresh page for the online site."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT)
    yield context.new_page()
    context.close()


def test_home_page_lists_the_latest_documents(online: Page, site_url: str, corpus) -> None:
    online.goto(site_url)
    table = online.locator("article table").first
    links = table.locator("a[href^='documents/']")
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    newest = sorted(corpus.documents, key=lambda d: (dates.sort_key(d.metadata.date), d.name), reverse=True)[:10]
    assert sorted(slug_of(h) for h in hrefs) == sorted(d.name for d in newest), hrefs
    assert table.is_visible()


def test_the_document_index_leads_to_every_document(online: Page, site_url: str) -> None:
    """Each document is one click from a year of the index, and the years add up to the collection."""
    online.goto(site_url + "documents/")
    years = online.locator("#by-year + ul a").evaluate_all("els => els.map(e => e.href)")
    found = set()
    for url in years:
        online.goto(url)
        found |= {slug_of(h) for h in online.locator("article table a").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))")}
    assert found == {p.stem for p in (ROOT / "source_texts").glob("*.txt")}


def catalog_rows(page: Page) -> list[str]:
    page.locator(".catalog__table tbody tr").first.wait_for(timeout=TIMEOUT)
    return page.locator(".catalog__table tbody a").evaluate_all("els => els.map(e => e.href)")


def test_the_document_index_sorts_and_filters(online: Page, site_url: str, corpus) -> None:
    """Every document in one table; filtered by year and by body, sorted by any column."""
    online.goto(site_url + "documents/")
    assert {slug_of(h) for h in catalog_rows(online)} == {d.name for d in corpus.documents}
    online.select_option("select[name=year]", "2006")
    in_2006 = {d.name for d in corpus.documents if d.metadata.date.startswith("2006")}
    assert {slug_of(h) for h in catalog_rows(online)} == in_2006 and in_2006
    assert online.locator(".catalog__count").inner_text() == f"{len(in_2006)} of {len(corpus.documents)} documents"
    online.select_option("select[name=body]", "IOM Council")
    assert {slug_of(h) for h in catalog_rows(online)} == {
        d.name for d in corpus.documents if d.metadata.date.startswith("2006") and d.metadata.body == "IOM Council"}
    online.select_option("select[name=year]", "")
    online.select_option("select[name=body]", "")
    online.locator(".catalog__sort", has_text="Date").click()  # already by date: now newest first
    newest = max((d for d in corpus.documents if d.metadata.date), key=lambda d: (d.metadata.date, d.name))
    assert slug_of(catalog_rows(online)[0]) == newest.name
    assert online.locator("th[aria-sort=descending]").inner_text().startswith("Date")


def test_document_page(online: Page, site_url: str) -> None:
    online.goto(f"{site_url}documents/{DOCUMENT}/")
    check_paragraph_numbers(online)
    check_footnotes(online)
    check_abbreviations(online)


def test_search_finds_puebla(online: Page, site_url: str) -> None:
    expected = documents_mentioning("Puebla")
    assert expected, "no source text mentions Puebla any more: pick another search word"
    online.goto(site_url)
    hits = search(online, "Puebla")
    assert expected <= {slug_of(h) for h in hits}, hits
    open_search_result(online, expected)
    assert slug_of(online.url) in expected, online.url
    assert "Puebla" in article_text(online)


@pytest.mark.parametrize("query", ["GFMD", "Global Forum on Migration and Development"])
def test_search_finds_the_glossary_entry_and_the_documents(online: Page, site_url: str, query: str) -> None:
    """An acronym or its expansion brings its glossary entry and the documents that use it first."""
    online.goto(site_url)
    pages = list(dict.fromkeys(h.split("#")[0].split("?")[0] for h in search(online, query)))
    assert pages[0].rstrip("/").endswith("glossary/gfmd"), pages  # the acronym's own page first
    assert "mc-2353" in {slug_of(p) for p in pages[:5]}, pages


def test_offline_bundle_from_file_urls(browser: Browser, bundle_dir: Path) -> None:
    """The unzipped bundle works from file:// with every other request blocked, and makes none."""
    context: BrowserContext = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT)
    outside: list[str] = []

    def block(route: Route) -> None:
        outside.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!file:)"), block)
    try:
        page = context.new_page()
        page.goto((bundle_dir / "index.html").as_uri())
        with page.expect_navigation(wait_until="load"):
            page.locator("article a[href$='documents/index.html']").first.click()  # the document index
        page.select_option("select[name=year]", "1997")  # the catalog works from file:// too
        assert DOCUMENT in {slug_of(h) for h in catalog_rows(page)}
        with page.expect_navigation(wait_until="load"):
            page.locator("#by-year + ul a", has_text="1997").click()  # the year of A/52/314
        table = page.locator("article table").first
        assert table.is_visible()
        with page.expect_navigation(wait_until="load"):
            table.locator(f"a[href*='{DOCUMENT}']").first.click()
        assert page.url.startswith("file:") and slug_of(page.url) == DOCUMENT, page.url
        check_paragraph_numbers(page)
        check_abbreviations(page)

        expected = documents_mentioning("Puebla")
        hits = search(page, "Puebla", timeout=SEARCH_TIMEOUT)
        assert expected <= {slug_of(h) for h in hits}, hits
        assert DOCUMENT in expected
        open_search_result(page, {DOCUMENT})  # the document with footnotes
        assert page.url.startswith("file:") and slug_of(page.url) == DOCUMENT, page.url
        assert "Puebla" in article_text(page)
        check_footnotes(page)
    finally:
        context.close()
    assert outside == [], f"the offline bundle tried to reach: {outside}"


def test_offline_pages_load_no_remote_scripts_or_styles(bundle_dir: Path) -> None:
    """No page of the bundle has <script src> or <link href> on http: or https:.

    The exception is <link rel="canonical">, which no browser fetches: it names the page's
    permanent address, which a citation copied from the bundle gives.
    """
    remote = re.compile(
        r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*https?:"
        r"|<link\b(?![^>]*\brel\s*=\s*[\"']?canonical\b)[^>]*\bhref\s*=\s*[\"']?\s*https?:",
        re.IGNORECASE,
    )
    pages = sorted(bundle_dir.rglob("*.html"))
    assert pages, f"no HTML pages in {bundle_dir}"
    offenders = {str(p.relative_to(bundle_dir)): m.group(0) for p in pages if (m := remote.search(p.read_text(encoding="utf-8")))}
    assert not offenders, offenders
