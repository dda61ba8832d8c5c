"""Verify: compare each source text with its built page, independently of the reader.

For every document it reports the source's words kept in order (%), words added,
printed paragraph numbers found as visible anchors, footnotes linked both ways, and
debris (job and page numbers) left on the page. Exit 1 below the thresholds.
"""

from __future__ import annotations

import difflib
from collections import Counter
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown

from .reader.lines import job_or_page_number
from .sources import load_sources

EXTENSIONS = ["abbr", "attr_list", "footnotes", "tables", "toc"]
APPENDIX_MARK = "<!-- end of document text -->"
MIN_KEPT = 99.5

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Footnote markers (their numbers are the page's to print) and extraction markup.
_SOURCE_MARKUP = re.compile(
    r"<sup>&</sup>lt;|<sup>\s*\d{1,3}\s*</sup>|</?sup>|\s?\[note \d+\]|^\s*(?:-\s+)?\[\d+\]"
    r"|^\s*#{1,6}\s|\*\*|(?<![\w])\*|\*(?![\w])|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\\_|&(?:lt|gt|amp);",
    re.MULTILINE,
)
_PAGE_CELL = re.compile(r"\t\s*(?:\d{1,3}|Page)\s*$")
_PARA_LINE = re.compile(r"^(?:-\s+)?(\d{1,3})\.\s+(\S.*)$")
_DEBRIS_TEXT = re.compile(r"\b\d{2}-\d{5}\b|^\s*\*\*\d{1,3}\*\*\s*$", re.MULTILINE)


@dataclass
class Report:
    """The figures for one document."""

    name: str
    source_words: int = 0
    kept_in_order: int = 0
    kept_percent: float = 0.0
    words_added: int = 0
    paragraphs_expected: list[str] = field(default_factory=list)
    paragraphs_missing: list[str] = field(default_factory=list)
    footnotes: int = 0
    footnotes_unlinked: list[str] = field(default_factory=list)
    debris: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.kept_percent >= MIN_KEPT
            and not self.paragraphs_missing
            and not self.footnotes_unlinked
            and not self.debris
        )


def source_words(text: str) -> list[str]:
    """The words of a source text, less extraction markup, page furniture and a repeated title."""
    kept_lines: list[str] = []
    previous = ""
    for no, line in enumerate(text.splitlines(), start=1):
        if job_or_page_number(line, no):
            continue
        norm = " ".join(_WORD.findall(line.lower()))
        if norm and norm == previous and len(norm.split()) >= 2:
            continue  # the same line printed twice in a row (a title printed twice)
        if norm:
            previous = norm
        kept_lines.append(_PAGE_CELL.sub("", line))  # contents tables drop their page column
    cleaned = _SOURCE_MARKUP.sub(" ", "\n".join(kept_lines))
    return [w.lower() for w in _WORD.findall(cleaned)]


class _PageText(HTMLParser):
    """Collect the visible words of a rendered page: body and footnotes apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.notes: list[str] = []
        self.stack: list[str] = []
        self.in_notes = 0
        self.skip = 0
        self.ids: set[str] = set()
        self.para_links: dict[str, str] = {}
        self.note_refs: dict[str, str] = {}  # fnref id → href
        self.note_backrefs: dict[str, str] = {}  # footnote li id → backref href
        self._li: list[str] = []
        self._para_anchor: str | None = None
        self._ol: list[int] = []
        self.meta: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        cls = a.get("class", "") or ""
        if tag == "div" and "footnote" in cls.split():
            self.in_notes = len(self.stack) + 1
        if tag == "a" and ("headerlink" in cls or "footnote-backref" in cls):
            self.skip += 1
            if "footnote-backref" in cls and self._li:
                self.note_backrefs[self._li[-1]] = a.get("href", "")
        if tag == "a" and "para-number" in cls:
            self._para_anchor = a.get("id")
        if tag == "a" and "footnote-ref" in cls:
            self.note_refs[a.get("href", "")] = a.get("href", "")
            self.skip += 1  # the page numbers its footnotes itself
        if tag == "ol":
            self._ol.append(0)
        if tag == "li" and self._ol and not self.in_notes:
            self._ol[-1] += 1
            self.body.append(f" {self._ol[-1]}. ")
        if tag == "li" and self.in_notes and "id" in a:
            self._li.append(a["id"])
        if tag not in ("br", "hr", "img", "input", "meta", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "ol" and self._ol:
            self._ol.pop()
        if tag == "a" and self.skip:
            self.skip -= 1
        if tag == "a":
            self._para_anchor = None
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        if self.in_notes and len(self.stack) < self.in_notes:
            self.in_notes = 0

    def handle_data(self, data):
        if self._para_anchor:
            self.para_links[self._para_anchor] = data
        if self.skip:
            return
        (self.notes if self.in_notes else self.body).append(data)


def render(markdown_text: str) -> _PageText:
    html = markdown.markdown(markdown_text, extensions=EXTENSIONS)
    page = _PageText()
    page.feed(html)
    return page


_CARD_MARK = "{ .doc-card }"  # ends the first term of the metadata card (writer/card.py)


def _card_span(blocks: list[str]) -> tuple[int, int]:
    """Where the metadata card lies among the page's blank-line separated blocks: [start, end)."""
    start = next((i for i, b in enumerate(blocks) if b.split("\n", 1)[0].endswith(_CARD_MARK)), len(blocks))
    end = start
    while end < len(blocks) and all(x.startswith(":   ") for x in blocks[end].split("\n")[1:2]) \
            and "\n" in blocks[end]:
        end += 1
    return start, end


def metadata_values(markdown_text: str) -> list[str]:
    """The entries of the page's metadata card (where the masthead went), labels included."""
    blocks = markdown_text.split("\n\n")
    start, end = _card_span(blocks)
    rows = []
    for block in blocks[start:end]:
        term, *values = block.split("\n")
        rows.append(" ".join([re.sub(r"\s*\{[^}]*\}$", "", term)] + [v[4:] for v in values]))
    return rows


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def page_body(markdown_text: str) -> str:
    """The page without its generated header (title, metadata card) and appendix sections."""
    markdown_text = _FRONT_MATTER.sub("", markdown_text)
    text = markdown_text.split(APPENDIX_MARK)[0] + "\n" + "\n".join(
        line for line in markdown_text.split(APPENDIX_MARK, 1)[-1].splitlines() if line.startswith("[^")
    ) if APPENDIX_MARK in markdown_text else markdown_text
    blocks = text.split("\n\n")
    start, end = _card_span(blocks)
    return "\n\n".join(blocks[:start] + blocks[end:])


def expected_paragraphs(text: str) -> list[str]:
    """Printed paragraph numbers as the source shows them, in a continuous run from 1."""
    found: list[str] = []
    for line in text.splitlines():
        m = _PARA_LINE.match(line)
        if m and len(m.group(2).split()) > 12 and int(m.group(1)) == len(found) + 1:
            found.append(m.group(1))
    return found


def verify_document(name: str, source_text: str, page_markdown: str) -> Report:
    report = Report(name)
    words = source_words(source_text)
    report.source_words = len(words)
    page = render(page_body(page_markdown))
    body_words = [w.lower() for w in _WORD.findall(" ".join(page.body))]
    note_words = [w.lower() for w in _WORD.findall(" ".join(page.notes))]
    kept = 0
    remaining = words
    for target in (body_words, note_words):
        sm = difflib.SequenceMatcher(None, remaining, target, autojunk=False)
        blocks = sm.get_matching_blocks()
        kept += sum(b.size for b in blocks)
        matched = {i for b in blocks for i in range(b.a, b.a + b.size)}
        added = len(target) - sum(b.size for b in blocks)
        report.words_added += added
        remaining = [w for i, w in enumerate(remaining) if i not in matched]
    # The masthead became the metadata card, whose order is the card's own: compare as a bag.
    meta_page = render("\n\n".join(metadata_values(page_markdown)))
    bag = Counter(w.lower() for w in _WORD.findall(" ".join(meta_page.body)))
    for w in remaining:
        if bag[w] > 0:
            bag[w] -= 1
            kept += 1
    report.kept_in_order = kept
    report.kept_percent = round(100.0 * kept / max(1, len(words)), 2)
    page = render(_FRONT_MATTER.sub("", page_markdown))  # the whole page, for anchors and links
    report.paragraphs_expected = expected_paragraphs(source_text)
    report.paragraphs_missing = [
        n for n in report.paragraphs_expected
        if f"para-{n}" not in page.ids or page.para_links.get(f"para-{n}", "").strip() != f"{n}."
    ]
    note_ids = [i for i in page.ids if i.startswith("fn:")]
    report.footnotes = len(note_ids)
    for note in note_ids:
        ref_ok = f"#{note}" in page.note_refs
        back_ok = note in page.note_backrefs and page.note_backrefs[note].lstrip("#") in page.ids
        if not (ref_ok and back_ok):
            report.footnotes_unlinked.append(note)
    report.debris = _DEBRIS_TEXT.findall("\n".join(page.body + page.notes))
    return report


def verify_all(root: Path) -> list[Report]:
    reports = []
    for source in load_sources(root / "source_texts", root):
        page = root / "docs" / "documents" / f"{source.name}.md"
        text = page.read_text(encoding="utf-8") if page.exists() else ""
        reports.append(verify_document(source.name, source.text, text))
    return reports


def main(root: Path, as_json: bool = False) -> int:
    reports = verify_all(root)
    if as_json:
        print(json.dumps([asdict(r) | {"ok": r.ok} for r in reports], indent=2))
    else:
        print(f"{'document':38} {'kept %':>7} {'words':>6} {'added':>6} {'paras':>7} {'notes':>5} debris")
        for r in reports:
            paras = f"{len(r.paragraphs_expected) - len(r.paragraphs_missing)}/{len(r.paragraphs_expected)}"
            print(f"{r.name:38} {r.kept_percent:7.2f} {r.source_words:6} {r.words_added:6} {paras:>7} "
                  f"{r.footnotes:5} {len(r.debris)}{'' if r.ok else '  FAIL'}")
            for n in r.paragraphs_missing:
                print(f"  paragraph {n}: no visible anchor para-{n}", file=sys.stderr)
            for n in r.footnotes_unlinked:
                print(f"  footnote {n}: not linked both ways", file=sys.stderr)
            for d in r.debris:
                print(f"  debris left on the page: {d!r}", file=sys.stderr)
    return 0 if all(r.ok for r in reports) else 1
