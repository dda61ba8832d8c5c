"""MkDocs hooks for the published site: permanent addresses and a search index made for citing.

- Every page's canonical URL is its permanent address on the published site, also in the
  offline bundle (whose own links end in .html), so a citation copied offline points online.
- The "Generated from" comment that opens a page is dropped from its HTML: left there, it
  made the search plugin index an empty first section, the empty snippet atop each result.
- Numbered paragraphs become entries of the search index of their own ("para. 9" →
  `#para-9`), so a result leads to the paragraph rather than to the top of its section;
  a heading with no text of its own joins the entry after it (no result without a snippet).

Only the published output changes; an engine that ignores `hooks:` publishes the same
pages with a coarser search index.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from mkdocs.plugins import event_priority

from build_tools.search_index import Paragraph, merge_empty_sections, split_paragraphs
from build_tools.writer.citation import directory_path

_LEADING_COMMENT = re.compile(r"\A\s*<!--.*?-->\s*", re.S)
_paragraphs: dict[str, list[Paragraph]] = {}  # page URL → its numbered paragraphs, in order


_PARA_NUMBER = re.compile(r'<a\b(?P<attrs>[^>]*\bclass="[^"]*\bpara-number\b[^"]*"[^>]*)>(?P<text>.*?)</a>', re.S)
_ATTR = re.compile(r'\b(id|data-cite)="([^"]*)"')


def paragraph_numbers(html: str) -> list[Paragraph]:
    """The page's paragraph numbers, as the writer renders them: <a class="para-number" id=… data-cite=…>9.</a>."""
    found = []
    for m in _PARA_NUMBER.finditer(html):
        attrs = dict(_ATTR.findall(m.group("attrs")))
        if attrs.get("id"):
            text = unescape(re.sub(r"<[^>]+>", "", m.group("text"))).strip()
            found.append(Paragraph(attrs["id"], unescape(attrs.get("data-cite") or attrs["id"]), text))
    return found


def on_pre_page(page, config, files):
    if config.get("site_url"):
        page.canonical_url = config["site_url"] + directory_path(page.file.src_uri)
    return page


def on_page_content(html: str, page, config, files) -> str:
    _paragraphs[page.url] = paragraph_numbers(html) if "para-number" in html else []
    return _LEADING_COMMENT.sub("", html, count=1)


@event_priority(-50)  # after the search plugin writes the index, before the offline plugin copies it
def on_post_build(config) -> None:
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = merge_empty_sections(split_paragraphs(index["docs"], _paragraphs))
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
