"""The built site for every reader: axe-core's rules, a phone's screen, keyboard and touch, print.

axe-core (npm package, pinned and checksummed, fetched by `make test-deps`) runs inside
Chromium on the five kinds of page; no serious or critical violation may remain.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from build_tools.writer.citation import SITE_URL
from site_support import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.site]

AXE = ROOT / "build" / "vendor" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
DOCUMENT = "documents/mc-inf-285/"
PAGE_KINDS = {
    "home": "",
    "documents index": "documents/",
    "document": DOCUMENT,
    "glossary": "glossary/",
    "glossary entry": "glossary/gfmd/",
    "cited documents": "cited/",
    "cited series": "cited/a-res-61/",
    "browse": "browse/year-2006/",
}
ALL_PAGES = [*PAGE_KINDS.values(), "about/"] + [
    f"documents/{p.stem}/" for p in sorted((ROOT / "source_texts").glob("*.txt"))
]


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    phone = request.param is PHONE
    context = browser.new_context(viewport=request.param, has_touch=phone, is_mobile=phone)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture()
def desktop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture()
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


# --- axe-core -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_serious_violation(screen: Page, site_url: str, kind: str) -> None:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run make test-deps")
    screen.goto(site_url + PAGE_KINDS[kind], wait_until="load")
    screen.add_script_tag(path=str(AXE))
    violations = screen.evaluate("""async () => {
        const result = await axe.run(document, {rules: {"target-size": {enabled: true}}});
        return result.violations.map(v => ({id: v.id, impact: v.impact,
                                            targets: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
    }""")
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(f"{v['id']} ({v['impact']}): {v['targets']}" for v in serious)


# --- A phone's screen -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_page_is_wider_than_a_phone(phone: Page, site_url: str, path: str) -> None:
    phone.goto(site_url + path, wait_until="load")
    widths = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1] == PHONE["width"], f"{path or '/'} scrolls sideways: {widths}"


def test_wide_tables_scroll_in_their_own_frame(phone: Page, site_url: str) -> None:
    """A table of documents is wider than a phone: its frame scrolls, says so, and takes the focus."""
    phone.goto(site_url + "browse/year-2006/", wait_until="load")
    frame = phone.locator("article .md-typeset__scrollwrap").first
    sizes = frame.evaluate("f => [f.scrollWidth, f.clientWidth, getComputedStyle(f).overflowX]")
    assert sizes[0] > sizes[1] and sizes[2] == "auto", sizes
    assert frame.get_attribute("tabindex") == "0" and frame.get_attribute("role") == "region"
    assert frame.get_attribute("aria-label")
    frame.evaluate("f => { f.scrollLeft = 10000 }")
    assert frame.evaluate("f => f.scrollLeft") > 0
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# --- Targets, links, acronyms -----------------------------------------------------------------


def small_targets(page: Page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("""els => els
        .filter(e => e.getClientRects().length)
        .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24)
        .map(([html, r]) => `${html} ${r.width}x${r.height}`)""")


def test_tap_targets_are_at_least_24_px(phone: Page, site_url: str) -> None:
    phone.goto(site_url + DOCUMENT, wait_until="load")
    selector = "article a.para-number, article .footnote-ref, article .note-label, article .cite-button"
    assert phone.locator(selector).count() > 20
    assert small_targets(phone, selector) == []
    phone.goto(site_url + "glossary/", wait_until="load")
    assert phone.locator("article a[href^='#letter-']").count() > 10
    assert small_targets(phone, "article a[href^='#letter-']") == []


def test_links_in_text_are_underlined(desktop: Page, site_url: str) -> None:
    desktop.goto(site_url + DOCUMENT, wait_until="load")
    lines = desktop.locator("article p a:not(.para-number, .footnote-ref, .note-label)").evaluate_all(
        "els => els.map(e => getComputedStyle(e).textDecorationLine)")
    assert lines and set(lines) == {"underline"}, set(lines)


def active_tooltips(page: Page) -> list[str]:
    page.wait_for_timeout(600)  # the theme shows tooltips on the next animation frames
    return page.locator(".md-tooltip2--active").all_inner_texts()


def test_acronym_expansion_by_keyboard(desktop: Page, site_url: str) -> None:
    """Tab from paragraph 3's number: its cite button, then "GCIM", whose expansion shows."""
    desktop.goto(site_url + DOCUMENT, wait_until="load")
    desktop.locator("#para-3").focus()
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.getAttribute('aria-label')") == "Copy citation of para. 3"
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("[document.activeElement.tagName, document.activeElement.textContent]") == ["ABBR", "GCIM"]
    assert active_tooltips(desktop) == ["Global Commission on International Migration"]


def test_linked_acronym_shows_one_tooltip(desktop: Page, site_url: str) -> None:
    desktop.goto(site_url + DOCUMENT, wait_until="load")
    first_iom = desktop.locator("#para-1 ~ a[title] abbr").first
    assert first_iom.inner_text() == "IOM"
    first_iom.hover()
    assert active_tooltips(desktop) == ["International Organization for Migration"]


def test_acronym_expansion_on_touch(phone: Page, site_url: str) -> None:
    """A tap shows an acronym's expansion; on a linked one the second tap follows the link."""
    phone.goto(site_url + DOCUMENT, wait_until="load")
    plain = phone.locator("article abbr[tabindex='0']", has_text="GCIM").first
    plain.tap()
    assert active_tooltips(phone) == ["Global Commission on International Migration"]
    linked = phone.locator("#para-1 ~ a.acronym-link").first
    url = phone.url
    linked.tap()
    assert phone.url == url
    assert active_tooltips(phone) == ["International Organization for Migration"]
    with phone.expect_navigation(wait_until="load"):
        linked.tap()
    assert phone.url.endswith("glossary/iom/"), phone.url


# --- Print ------------------------------------------------------------------------------------


def test_print_shows_the_document_under_a_header(desktop: Page, site_url: str) -> None:
    desktop.goto(site_url + DOCUMENT, wait_until="load")
    desktop.emulate_media(media="print")
    header = desktop.locator(".print-header")
    assert header.is_visible()
    assert header.inner_text().split("\n") == ["MC/INF/285", "14 November 2006", SITE_URL + DOCUMENT]
    # Acronyms, Cites, Cited by, Related documents, Cite this document, About this text.
    assert desktop.locator("article h2.generated").count() == 6
    assert not [h for h in desktop.locator("article h2.generated").all() if h.is_visible()]
    assert not desktop.locator("#related-documents ~ ul").first.is_visible()
    assert desktop.locator("#notes").is_visible() and desktop.locator("div.note").first.is_visible()
    assert desktop.locator("a.para-number").nth(8).is_visible()
    assert desktop.locator("a.note-label").first.is_visible()  # a note's printed label prints
    for hidden in (".cite-button", ".headerlink", "dt.card-cite", ".md-header"):
        assert not desktop.locator(hidden).first.is_visible(), hidden
    marks = desktop.locator("article abbr").evaluate_all(
        "els => [...new Set(els.map(e => getComputedStyle(e).borderBottomStyle + ' ' + getComputedStyle(e).textDecorationLine))]")
    assert marks == ["none none"], marks
    desktop.emulate_media(media="screen")
    assert not header.is_visible()
