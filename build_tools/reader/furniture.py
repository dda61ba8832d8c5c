"""Page furniture: what the printer put on every page, found by repetition and by sequence.

- page numbers: a number ("3", "3/8", "Page 3 of 8", "- 3 -", "**3**") among the first or last
  lines of pages, in step with the pages (its value minus the page's index is the same on
  several pages), or, in a text without page breaks, standalone numbers counting up by one
  (there they also tell where the pages were);
- running heads and feet: a line (digits aside) printed among the first or last lines of
  several pages and nowhere else;
- print-shop marks of the family, kept as data: UN job numbers ("13-43969", "GE.06-12345
  (E) 120906"), the barcode that repeats the job number ("*1343969*"), "Please recycle".

One occurrence is text: nothing is removed for appearing once, except the print-shop marks.
What is removed is counted by kind, and kept (`Stream.running_heads`) as evidence for the title.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from .stream import HEADING, ROW, RULE, Line, Stream, ends_sentence, plain

ZONE = 3  # lines at the top and at the bottom of a page where furniture sits

# Print-shop marks of the family: (kind, pattern over a whole line's visible text).
PRINT_MARKS: list[tuple[str, re.Pattern[str]]] = [
    ("job numbers", re.compile(r"^(?:[A-Z]{2}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})*(?:\s+\d{1,3})?$")),
    ("barcodes", re.compile(r"^\*\d{7,}\*$")),
    ("recycling marks", re.compile(r"^Please recycle\s*♲?$", re.IGNORECASE)),
    ("web page trailers", re.compile(r"^Date Modified:\s*\S*$")),
]
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pág\.|blz\.)\s*)?[-–]?\s*(?P<n>\d{1,4})\s*[-–]?(?:\s*(?:/|of|de|sur|van)\s*(?P<of>\d{1,4}))?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_MARKUP = re.compile(r"[*_#\\]|</?sup>")


def visible(line: Line) -> str:
    """A line's visible text with emphasis and escapes gone: how the page printed it."""
    return re.sub(r"\s+", " ", _MARKUP.sub("", line.text)).strip()


def _norm(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def _zone(page: list[Line], keep: set[int]) -> list[int]:
    """Indexes of the first and last ZONE lines of a page that are still text."""
    alive = [i for i in range(len(page)) if i not in keep]
    return sorted(set(alive[:ZONE] + alive[-ZONE:]))


def _page_number(line: Line) -> tuple[int, int | None] | None:
    m = _PAGE_NUMBER.match(visible(line))
    if not m or (line.kind not in ("text", HEADING)):
        return None
    return int(m.group("n")), int(m.group("of")) if m.group("of") else None


def remove_furniture(stream: Stream) -> None:
    """Drop page numbers, running heads and feet, and print-shop marks from the stream's pages.

    In a text without page breaks, the furniture found tells where the pages ended: the
    stream is cut there, so that later rules see the pages.
    """
    unpaged = len(stream.pages) == 1
    gone: dict[int, dict[int, str]] = defaultdict(dict)  # page → line index → kind
    for p, page in enumerate(stream.pages):
        for i, line in enumerate(page):
            for kind, pattern in PRINT_MARKS:
                if pattern.match(visible(line)) or pattern.match(line.raw.strip()):
                    gone[p][i] = kind
    if unpaged:
        gone[0].update(_counting_numbers(stream.pages[0]))
    _page_numbers(stream, gone)
    _running_heads(stream, gone)
    _interrupting_feet(stream, gone)
    pages: list[list[Line]] = []
    for p, page in enumerate(stream.pages):
        kept: list[Line] = []
        for i, line in enumerate(page):
            if i in gone[p]:
                stream.removed[gone[p][i]] += 1
                stream.removed_lines.append(line.raw or line.text)
                if unpaged and kept:
                    pages.append(kept)
                    kept = []
            else:
                kept.append(line)
        pages.append(kept)
    stream.pages = [page for page in pages if page] or [[]]
    for k, page in enumerate(stream.pages):
        for line in page:
            line.page = k
        if page:
            page[0].gap = True


def _page_numbers(stream: Stream, gone: dict[int, dict[int, str]]) -> None:
    """Numbers at a page's edges that keep step with the pages, in one printed form ("3", "3/8")."""
    found: list[tuple[int, int, int, int | None, str]] = []  # page, index, number, of, form
    for p, page in enumerate(stream.pages):
        alive = [i for i in range(len(page)) if i not in gone[p]]
        for i in alive:
            number = _page_number(page[i])
            if number:
                form = _DIGITS.sub("#", visible(page[i]).lower())
                if number[1] is None and i not in alive[:2] + alive[-2:]:
                    continue  # a bare number is a page number only at the very edge
                if number[1] is not None and number[1] != len(stream.pages) and i not in alive[:2] + alive[-4:]:
                    continue  # "n/N" inside a page, when N is not the page count, is text
                found.append((p, i, *number, form))
    offsets: dict[tuple[str, int], set[int]] = defaultdict(set)
    for p, _, n, _, form in found:
        offsets[(form, n - p)].add(p)
    steady = {key for key, pages in offsets.items() if len(pages) >= 2}
    total = len(stream.pages)
    for p, i, n, of, form in found:
        if (form, n - p) in steady or (of is not None and n <= of and (of == total or len(stream.pages) == 1)):
            gone[p][i] = "page numbers"


_NOTE_START = re.compile(r"^(?:\d{1,3}\b|[*†‡]|\\\*|<sup>|\[\d)")
_FOOT_WORDS = 8


def _interrupting_feet(stream: Stream, gone: dict[int, dict[int, str]]) -> None:
    """A short line alone at the foot of a page, between a sentence cut by the page break and its
    lower-case rest on the next page, is the page's foot ("Template Version: 08/2022"), printed
    once or not: text does not stand between the halves of a sentence (a note would have a label)."""
    for p in range(len(stream.pages) - 1):
        page, following = stream.pages[p], stream.pages[p + 1]
        alive = [i for i in range(len(page)) if i not in gone[p]]
        after = [i for i in range(len(following)) if i not in gone[p + 1]]
        if len(alive) < 2 or not after:
            continue
        foot, before, resumed = page[alive[-1]], page[alive[-2]], following[after[0]]
        text = visible(foot)
        if (foot.gap and 0 < len(text.split()) <= _FOOT_WORDS and not _NOTE_START.match(foot.text.strip())
                and not ends_sentence(before.text) and visible(resumed)[:1].islower()):
            gone[p][alive[-1]] = "page feet"


def _running_heads(stream: Stream, gone: dict[int, dict[int, str]]) -> None:
    """Lines printed at the edges of enough pages, and nowhere else.

    A candidate has words (three letters or more), is not a table row and does not follow a
    footnote rule on its page; it must sit at the edge of two pages and of a quarter of them.
    """
    at_edges: dict[str, list[tuple[int, int]]] = defaultdict(list)
    everywhere: dict[str, int] = defaultdict(int)
    for p, page in enumerate(stream.pages):
        after_rule = False
        zone = set(_zone(page, set(gone[p])))
        for i, line in enumerate(page):
            after_rule = after_rule or line.kind == RULE
            text = visible(line)
            if sum(c.isalpha() for c in text) < 3 or line.kind == ROW:
                continue
            key = _norm(text)
            everywhere[key] += 1
            if i in zone and not after_rule and i not in gone[p]:
                at_edges[key].append((p, i))
    needed = max(2, math.ceil(len(stream.pages) / 4))
    heads: set[tuple[int, int]] = set()
    for key, places in at_edges.items():
        if len({p for p, _ in places}) >= needed and len(places) == everywhere[key]:
            for p, i in places:
                gone[p][i] = "running heads"
                heads.add((p, i))
    # Keep each page's running head lines, joined where they follow each other, as evidence.
    for p, page in enumerate(stream.pages):
        run: list[str] = []
        for i in range(len(page) + 1):
            if (p, i) in heads:
                run.append(visible(page[i]))
                continue
            if run:
                for a in range(len(run)):
                    for b in range(a + 1, min(len(run), a + 4) + 1):
                        text = " ".join(run[a:b])
                        if text not in stream.running_heads:
                            stream.running_heads.append(text)
                run = []


def _counting_numbers(page: list[Line]) -> dict[int, str]:
    """In a text without page breaks: standalone numbers that count up by one, as page numbers do."""
    candidates = []
    for i, line in enumerate(page):
        number = _page_number(line)
        standalone = line.gap and (i + 1 == len(page) or page[i + 1].gap)
        if number and standalone and number[1] is None:
            candidates.append((i, number[0]))
    chain: list[int] = []
    best: list[int] = []
    for k, (i, n) in enumerate(candidates):
        chain = chain + [k] if chain and n == candidates[chain[-1]][1] + 1 else [k]
        if len(chain) > len(best):
            best = list(chain)
    return {candidates[k][0]: "page numbers" for k in best} if len(best) >= 2 else {}


def own_symbol_lines(blocks: list, symbol: str, stream: Stream) -> list:
    """A line that is only the document's own symbol (perhaps with a page number), below the
    masthead, is the head of a page, however few pages the text shows."""
    if not symbol:
        return blocks
    alone = re.compile(rf"^(?:\d{{1,3}}\s+)?{re.escape(symbol)}(?:\s+\d{{1,3}})?$")
    kept = []
    for block in blocks:
        if len(block.parts) == 1 and alone.match(" ".join(plain(block.text).split())):
            stream.removed["running heads"] += 1
            stream.removed_lines.append(block.parts[0].raw or block.parts[0].text)
            continue
        kept.append(block)
    return kept
