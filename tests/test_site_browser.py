"""The built site and the offline bundle in a real browser (Debian's Chromium via Playwright)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_helpers import built_site, chromium, serve, unzip_bundle

pytestmark = pytest.mark.browser
PUEBLA_DOCUMENTS = {"a-52-314", "canada-iom-membership-evaluation"}  # grep -l Puebla source_texts/*.txt
SEARCH_TIMEOUT = 60_000  # the first offline search builds its index in the page


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def search(page, query: str) -> list[str]:
    """Type a query into the theme's search box; return the result links in order."""
    page.click("input.md-search__input")  # in the header at desktop widths
    page.fill("input.md-search__input", "")
    page.keyboard.type(query, delay=20)  # the theme searches on key events, not on `fill`
    page.wait_for_selector(".md-search-result__item", timeout=SEARCH_TIMEOUT)
    return [a.get_attribute("href") for a in page.query_selector_all(".md-search-result__item > a")]


def check_document_page(page) -> None:
    """Paragraph numbers are visible self-links; footnotes are linked both ways."""
    numbers = page.eval_on_selector_all("a.para-number", "els => els.map(e => [e.id, e.textContent])")
    assert numbers == [[f"para-{n}", f"{n}."] for n in range(1, 56)]
    ref = page.query_selector("sup[id^='fnref'] a")
    target = ref.get_attribute("href")
    ref.click()
    assert page.evaluate("location.hash") == target
    back = page.query_selector(f"li[id='{target[1:]}'] a.footnote-backref")
    assert back is not None
    back.click()
    assert page.evaluate("location.hash").startswith("#fnref")
    assert page.query_selector_all("abbr[title]"), "acronyms carry their expansion as a tooltip"


def test_online_site(browser) -> None:
    with serve(built_site()) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        rows = page.query_selector_all("table a[href*='documents/']")
        assert len(rows) == 5
        page.goto(url + "documents/a-52-314/")
        check_document_page(page)
        hits = search(page, "Puebla")
        found = {m.group(1) for h in hits if (m := re.search(r"documents/([\w-]+)/", h))}
        assert PUEBLA_DOCUMENTS <= found, hits
        page.click(".md-search-result__item > a")
        page.wait_for_load_state()
        assert "Puebla" in page.inner_text("article")
        for query in ("GFMD", "Global Forum on Migration and Development"):
            page.goto(url)
            pages = list(dict.fromkeys(h.split("?")[0].split("#")[0] for h in search(page, query)))
            assert any(p.endswith("glossary/") for p in pages[:3]), (query, pages)
            assert any(p.endswith("documents/mc-2353/") for p in pages[:5]), (query, pages)


def test_offline_bundle_works_without_network(browser, tmp_path: Path) -> None:
    folder = unzip_bundle(tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def block(route) -> None:
        outside.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!file:).*"), block)
    page = context.new_page()
    page.goto((folder / "index.html").as_uri())
    page.click("table a[href*='a-52-314']")
    page.wait_for_load_state()
    assert page.url.endswith("documents/a-52-314.html")
    check_document_page(page)
    hits = search(page, "Puebla")
    assert {h for h in hits if "a-52-314" in h or "canada-iom" in h}, hits
    page.click(".md-search-result__item > a")
    page.wait_for_load_state()
    assert "Puebla" in page.inner_text("article")
    context.close()
    assert outside == [], f"requests left the machine: {outside}"


def test_bundle_loads_nothing_from_outside(tmp_path: Path) -> None:
    folder = unzip_bundle(tmp_path)
    pattern = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\"(https?:[^\"]*)\"", re.I)
    for page in folder.rglob("*.html"):
        assert not pattern.findall(page.read_text(encoding="utf-8")), page
