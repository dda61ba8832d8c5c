"""Citable units: numbered paragraphs, articles and sub-paragraphs, told apart by their sequences.

Markers are data (`PARAGRAPH`, `LETTER`, `ARTICLE`); what a marker is follows from the
sequence it belongs to:
- paragraph numbers count up by one from 1 through the document ("10. Reaffirm", "1." alone
  on its line then the text, `1\\.` escaped); numbers that restart at 1 again and again are
  list items, not paragraphs;
- in a text divided into articles, paragraphs restart in each article (`article-2-para-1`),
  and articles that restart (an annex, a translation) are scoped by the part they are in
  (`annex-i-article-1`, `part-2-article-1`);
- letters (a), (b)… follow each other; (i) is a letter after (h), a roman numeral otherwise.
A paragraph number that breaks the sequence inside a line ("…Workers.12 11. We note")
splits the line when it is the next number expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .paragraphs import Block
from .stream import HEADING, ITEM, TEXT, ends_sentence, plain

_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d*\s*$|…{2,}\s*\d*\s*$")

PARAGRAPH = re.compile(r"^(?P<n>\d{1,3})[.)](?:\s+|(?=[a-z]))(?P<rest>\S.*)$|^(?P<alone>\d{1,3})[.)]$", re.S)
LETTER = re.compile(r"^\((?P<l>[a-z]{1,5})\)\s*(?P<rest>.*)$|^(?P<l2>[a-z]{1,4})\)\s*(?P<rest2>.*)$", re.S)
ARTICLE = re.compile(
    r"^(?:article|artikel|artículo|art\.)\s+(?P<n>\d{1,3}|premier|unique|[IVXLC]+)\b\.?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.S,
)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}


def roman_value(numeral: str) -> int:
    """'IV' → 4 (any case)."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    numeral = numeral.lower()
    total = 0
    for k, ch in enumerate(numeral):
        v = values[ch]
        total += -v if k + 1 < len(numeral) and values[numeral[k + 1]] > v else v
    return total


def article_number(text: str) -> str | None:
    """'Article 12' → '12'; 'Article premier' → '1'; 'Article IV' → '4'; a heading that is no article → None."""
    m = ARTICLE.match(plain(text).strip())
    if not m or len(m.group("rest").split()) > 12:
        return None
    n = m.group("n").lower()
    if n.isdigit():
        return n
    if n in ("premier", "unique"):
        return "1"
    return str(roman_value(n))


def paragraph_number(block: Block) -> tuple[str, str] | None:
    """(number, text after it) when a block starts with a paragraph number."""
    if block.kind == ITEM and re.fullmatch(r"\d{1,3}[.)]", block.marker):
        return block.marker[:-1], block.text
    if block.kind != TEXT:
        return None
    m = PARAGRAPH.match(plain(block.text).strip())
    if not m:
        return None
    if m.group("alone"):
        return m.group("alone"), ""
    return m.group("n"), _after_marker(block.text, m.group("n"))


def _after_marker(text: str, number: str) -> str:
    """The neutral text after a leading paragraph number (its escapes kept)."""
    m = re.match(rf"^\s*(?P<strong>\*\*)?\(?{number}(?:\\?[.)])(?(strong)\*\*)\s*", text)
    return text[m.end():] if m else text  # "**1.** The Commission": the bold number goes too


@dataclass
class Numbering:
    """Which numbered blocks are paragraphs and which are section headings, decided once."""

    paragraphs: set[int]  # indexes of blocks that start numbered paragraphs
    headings: set[int]  # indexes of blocks that are numbered section headings ("1. Introduction")
    items: set[int] = field(default_factory=set)  # items of numbered lists of sentences: never headings


def split_fused(blocks: list[Block]) -> list[Block]:
    """Split a block where the next paragraph number starts inside it.

    "… Workers.12 11. We note": after the end of a sentence (or a note marker) within a
    numbered paragraph; "General Relief 15. Of the sum": after a short title the extraction ran
    into the paragraph, which becomes a block of its own.
    """
    out: list[Block] = []
    expected = 1
    for block in blocks:
        found = paragraph_number(block)
        if found and (int(found[0]) in (1, expected) or (expected == 1 and found[0] == "2")
                      or expected < int(found[0]) <= expected + 3):
            expected = int(found[0]) + 1
        elif not found and block.kind == TEXT:
            title = re.match(rf"^((?:[^\W\d_][\w’'-]*\s+){{0,7}}[^\W\d_][\w’'-]*) ({expected})\\?\. (?=[A-Z]|\\?\([a-z]\))",
                             plain(block.text))
            if title and block.text.startswith(title.group(1)):
                head = title.group(1)
                out.append(Block(TEXT, block.parts[:1], head))
                block = Block(TEXT, block.parts, block.text[len(head) + 1:], block.level, block.marker, block.notes)
                found = paragraph_number(block)
                expected += 1
        pieces = [block]
        while found and block.kind in (TEXT, ITEM):
            text = pieces[-1].text
            m = re.search(rf"(?<=[.;:!?”’)\d>]) ({expected})\\?\. (?=[A-Z]|\\?\([a-z]\))", text)
            if not m:
                break
            head, tail = text[: m.start()], text[m.start() + 1:]
            last = pieces[-1]
            pieces[-1] = Block(last.kind, last.parts, head, last.level, last.marker, last.notes)
            pieces.append(Block(TEXT, last.parts, tail))
            expected += 1
        out.extend(pieces)
    return out


def _paragraph_like(blocks: list[Block], k: int) -> bool:
    """A numbered block that reads as a paragraph: a sentence of some length, not a list item."""
    number, rest = paragraph_number(blocks[k])
    if not plain(rest).strip() and k + 1 < len(blocks):
        rest = blocks[k + 1].text
    text = plain(rest).strip().lstrip("“\"'‘(")
    one_line = len(blocks[k].parts) == 1 and plain(rest).strip() != ""
    if one_line and not ends_sentence(rest):  # (on the marked text: a note marker may close it)
        return False  # one line with no closing punctuation is a heading's, not a paragraph's
    return bool(text) and (text[0].isupper() or text[0].isdigit()) and len(text.split()) >= 8


def _sentence_like(blocks: list[Block], k: int) -> bool:
    """A numbered block that holds a sentence or a question ("… in this study? (See Section 2)")."""
    text = plain(paragraph_number(blocks[k])[1]).strip()
    return len(text.split()) >= 6 and bool(re.search(r"[.?!;](?:\s|$)", text))


def _title_like(blocks: list[Block], k: int) -> bool:
    """A numbered block that reads as a section title: short, no closing punctuation, one line
    (a number alone on its line takes the line after it)."""
    number, rest = paragraph_number(blocks[k])
    text = plain(rest).strip()
    if not text and k + 1 < len(blocks) and blocks[k + 1].kind == TEXT:
        k, text = k + 1, plain(blocks[k + 1].text).strip()
    return bool(text) and len(blocks[k].parts) == 1 and len(text.split()) <= 15 and text[-1] not in ".;:," \
        and (text[0].isupper() or text[0].isdigit())


def decide_numbering(blocks: list[Block]) -> Numbering:
    """Numbered paragraphs are the longest run counting up by one (per article in treaties).

    A run starts at 1 (or at 2 when the first paragraph goes unnumbered, as in cables); a
    number goes on the latest run it continues, so a list inside a paragraph does not end
    the paragraphs. In a text without articles, the longest run must be longer than every
    other (the others are lists); it holds paragraphs when most of its members read as
    sentences, section headings when most read as titles. In an article, a single run is its
    paragraphs.
    """
    scope_runs: list[list[list[int]]] = [[]]
    for k, block in enumerate(blocks):
        if block.kind in (HEADING, TEXT) and article_number(block.text):
            scope_runs.append([])
            continue
        found = paragraph_number(block)
        if not found or _LEADERS.search(plain(block.text)):
            continue  # a contents line ("1. Introduction ........ 3") numbers no paragraph
        n = int(found[0])
        runs = scope_runs[-1]
        before = next((run for run in reversed(runs) if int(paragraph_number(blocks[run[-1]])[0]) + 1 == n), None)
        if before is not None:
            before.append(k)
        elif n == 1 or (n == 2 and not runs):
            runs.append([k])
    paragraphs: set[int] = set()
    headings: set[int] = set()
    items: set[int] = set()
    for scope, runs in enumerate(scope_runs):
        if not runs:
            continue
        longest = max(runs, key=len)
        for run in runs:
            # A numbered list of sentences or questions (one of several): no headings among its items.
            if len(runs) > 1 and len(run) >= 3 and sum(1 for k in run if _sentence_like(blocks, k)) * 2 > len(run):
                items.update(k for k in run if _sentence_like(blocks, k))
        if scope > 0 and len(runs) == 1:
            paragraphs.update(k for k in longest if not _title_like(blocks, k) or _paragraph_like(blocks, k))
            continue
        if any(len(r) >= len(longest) for r in runs if r is not longest):
            continue
        alike = sum(1 for k in longest if _paragraph_like(blocks, k))
        titles = sum(1 for k in longest if _title_like(blocks, k))
        # Numbering that starts again about as long (two lists of questions) numbers no paragraphs.
        restarts = any(len(r) >= 3 and len(r) * 3 >= len(longest) * 2 for r in runs if r is not longest)
        if alike * 5 >= len(longest) * 3 and (len(longest) >= 3 or len(runs) == 1) and not restarts:
            paragraphs.update(longest)
        elif titles * 5 >= len(longest) * 3 and len(longest) >= 2:
            headings.update(longest)
    return Numbering(paragraphs, headings - items, items - paragraphs)
