"""The site Zensical builds from the same mkdocs.yml (`make zensical`): pages, anchors and search.

Zensical ignores `hooks:`, so it publishes the committed docs/ as they are; these tests check
that nothing the readers rely on is lost on the way.
"""

from __future__ import annotations

import html as html_module
import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from site_support import ROOT

pytestmark = pytest.mark.zensical

SITE = ROOT / "site-zensical"


@pytest.fixture(scope="module")
def site() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail(f"{SITE} has no index.html: run make zensical first")
    return SITE


@pytest.fixture(scope="module")
def page_ids(site: Path) -> dict[Path, set[str]]:
    return {p: set(re.findall(r'\bid="([^"]+)"', p.read_text(encoding="utf-8"))) for p in site.rglob("*.html")}


def page_of(site: Path, markdown_page: str) -> Path:
    """docs/documents/x.md → site/documents/x/index.html (directory URLs, as with MkDocs)."""
    stem = markdown_page.removesuffix(".md")
    return site / ("index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html")


def test_every_page_is_built_with_its_title(site: Path, corpus) -> None:
    for markdown_page in (p for p in corpus.pages if p.endswith(".md")):
        assert page_of(site, markdown_page).is_file(), markdown_page
    for download in (p for p in corpus.pages if not p.endswith(".md")):  # BibTeX and RIS files
        assert (site / download).is_file(), download
    for doc in corpus.documents:
        html = page_of(site, f"documents/{doc.name}.md").read_text(encoding="utf-8")
        title = html_module.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
        # The theme override names a document "SYMBOL — Title" in Zensical too.
        expected = f"{doc.metadata.symbol} — {doc.metadata.title}" if doc.metadata.symbol else doc.metadata.title
        assert title.startswith(expected[:60]), title


def test_every_paragraph_and_footnote_anchor_is_there(site: Path, corpus, page_ids) -> None:
    for doc in corpus.documents:
        ids = page_ids[page_of(site, f"documents/{doc.name}.md")]
        labels = {p.label for p in doc.numbered_paragraphs()}
        assert labels <= ids, (doc.name, sorted(labels - ids)[:5])
        notes = {f"note-{n.label}" for n in doc.footnotes if n.label.isdigit()}
        assert notes <= ids, (doc.name, sorted(notes - ids))
        assert "about-this-text" in ids


def test_every_internal_link_and_anchor_resolves(site: Path, page_ids) -> None:
    """As linkchecker would on the MkDocs site; 404.html is left out (its links are site-absolute)."""
    problems = []
    for page, _ in page_ids.items():
        if page.name == "404.html":
            continue
        for href in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', page.read_text(encoding="utf-8")):
            url = urlsplit(href.replace("&amp;", "&"))
            if url.scheme or href.startswith("//"):
                continue
            target = Path(os.path.normpath(page.parent / unquote(url.path))) if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if target not in page_ids and target.is_file() and not url.fragment:
                continue  # a download (BibTeX, RIS)
            if target not in page_ids:
                problems.append(f"{page.relative_to(site)}: {href} (no such page)")
            elif url.fragment and unquote(url.fragment) not in page_ids[target]:
                problems.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert not problems, "\n".join(problems[:20])


def test_search_index_holds_every_document(site: Path, corpus) -> None:
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    items = index["items"]
    locations = {item["location"].split("#")[0] for item in items}
    for doc in corpus.documents:
        assert f"documents/{doc.name}/" in locations, doc.name
    puebla = {item["location"].split("#")[0] for item in items if "Puebla" in item["text"]}
    expected = {f"documents/{d.name}/" for d in corpus.documents if "Puebla" in corpus.pages[f"documents/{d.name}.md"]}
    assert expected and expected <= puebla
