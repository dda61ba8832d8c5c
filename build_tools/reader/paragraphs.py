"""Paragraphs rebuilt from lines: hard wraps joined, page breaks crossed, units kept apart.

A line continues the one before it unless something says it starts anew: a kind the dialect
is sure of (heading, list item, table row), a unit's marker in sequence (the next paragraph
number, the next letter, a bullet, "Article N"), or the end of a paragraph (a short line that
ends a sentence, a short line that reads as a title). Across a blank line or a page break, a
line continues only a sentence cut in the middle (it starts in lower case, or the line before
ends with a comma, a hyphen or a word such as "the", "de", "van"). When a document puts a
blank line after nearly every printed line (some PDF-to-Markdown tools do), blank lines say
nothing and are ignored.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import dates
from .normalize import SOFT_HYPHEN
from .stream import HEADING, ITEM, ROW, RULE, TEXT, Line, Stream, ends_sentence, plain
from .words import Vocabulary, join_broken

# Words that never end a sentence or a title, in the family's languages.
FUNCTION_WORDS = frozenset(
    "the of and to in for on with by at from a an as or that which whose between among into than its their "
    "le la les de des du d et à au aux en pour par sur dans avec entre que qui dont un une ou "
    "el los las del y por para con "
    "het een van op voor met door bij aan tot of en".split()
)
BULLETS = "•➢▪◦‣●○■□◆❖✓✔➤►▸·"
_BULLET = re.compile(rf"^(?:[{BULLETS}]|o(?=\s+[A-ZÀ-Ý])|[-–—](?=\s))\s*")
_NUMBER = re.compile(r"^\(?(\d{1,3})[.)](?:\s+|$)")
_LETTER = re.compile(r"^\(?([a-z]{1,4})\)\s*(?=\S|$)")
_ARTICLE = re.compile(r"^(?:article|artikel|artículo|art\.)\s+(\d{1,3}|premier|[ivxlc]+)\b\.?\s*$", re.IGNORECASE)
_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d*\s*$|…{2,}\s*\d*\s*$")


@dataclass
class Block:
    """A paragraph-sized run of lines of one kind, with its joined text."""

    kind: str
    parts: list[Line]
    text: str
    level: int = 0
    marker: str = ""
    notes: list[str] = field(default_factory=list)  # labels of notes found inside it

    @property
    def line(self) -> int:
        return self.parts[0].no if self.parts else 0

    @property
    def page(self) -> int:
        return self.parts[-1].page if self.parts else 0

    @property
    def first_page(self) -> int:
        return self.parts[0].page if self.parts else 0

    @property
    def indent(self) -> int:
        return self.parts[0].indent if self.parts else 0

    @property
    def gap(self) -> bool:
        return self.parts[0].gap if self.parts else True


class _Sequence:
    """Paragraph numbers and letters seen so far, to tell a unit's marker from a number in prose."""

    def __init__(self) -> None:
        self.number = 0
        self.letter = ""

    def starts_unit(self, text: str) -> bool:
        t = plain(text).strip()
        if _BULLET.match(t) or _ARTICLE.match(t) or _LEADERS.search(t):
            return True
        m = _NUMBER.match(t)
        if m:
            n = int(m.group(1))
            # The next number, or one a little further on (the ones between may be printed
            # inside a line, "…Workers.12 11. We note", and are split off later).
            if n == 1 or self.number < n <= self.number + 3:
                self.number, self.letter = n, ""
                return True
            return False
        m = _LETTER.match(t)
        if m:
            letter = m.group(1)
            if letter in ("a", "i") or (len(letter) == 1 and self.letter and ord(letter) == ord(self.letter[-1]) + 1):
                self.letter = letter
                return True
            return bool(re.fullmatch(r"[ivx]+", letter)) and bool(self.letter)
        return False


def _width(lines: list[Line]) -> float:
    """The length of a full printed line: a high percentile of the lines that wrap onto the next."""
    lengths = sorted(len(plain(a.text)) for a, b in zip(lines, lines[1:]) if a.kind == TEXT and b.kind == TEXT)
    if len(lengths) < 5:
        lengths = sorted(len(plain(x.text)) for x in lines if x.kind == TEXT) or [80]
    return max(20.0, lengths[int(0.9 * (len(lengths) - 1))])


def _gaps_mean_paragraphs(lines: list[Line]) -> bool:
    """False when blank lines fall inside most sentences (one blank line after every printed line)."""
    gapped = [(a, b) for a, b in zip(lines, lines[1:]) if a.kind == TEXT and b.kind == TEXT and b.gap]
    if len(gapped) < 10:
        return True
    inside = sum(1 for a, b in gapped if not ends_sentence(a.text) and b.text[:1].islower())
    return inside < 0.3 * len(gapped)


def _last_word(text: str) -> str:
    words = re.findall(r"[^\W\d_]+", plain(text).lower())
    return words[-1] if words else ""


def cut_mid_sentence(text: str) -> bool:
    """The text stops where a sentence cannot: after a comma, a hyphen or a word such as "the"."""
    t = plain(text).rstrip()
    return bool(t) and (t[-1] in ",-" or t.endswith(SOFT_HYPHEN) or _last_word(t) in FUNCTION_WORDS)


# "ILO, while taking into account": an acronym and the lower-case rest of a sentence, not a new one.
_ACRONYM_GOES_ON = re.compile(r"^[A-Z]{2,}[,;]?\s+[a-z]")


def _continues(prev: Line, line: Line, width: float, gaps: bool) -> bool:
    """Does `line` continue the paragraph that `prev` ends?"""
    p, n = plain(prev.text).rstrip(), plain(line.text).lstrip()
    if not p or not n:
        return False
    if p.endswith(SOFT_HYPHEN):
        return True
    # A parenthesis goes on a sentence as a lower-case word does, unless it is a label ("(a)");
    # after a full stop, "c) Costs" is the next item, not the sentence going on.
    lower = (n[:1].islower() and not (ends_sentence(p) and re.match(r"[a-z]\)\s", n))) \
        or (n[:1] == "(" and not re.match(r"\((?:[a-z]|[ivxlc]+|\d{1,3})\)", n))
    if line.page != prev.page:
        # A page break is no paragraph break: a sentence without its end goes on.
        return not ends_sentence(p) and (lower or cut_mid_sentence(p) or len(p) >= 0.75 * width)
    if line.gap and gaps:
        # Across a blank line only a sentence cut in the middle continues, and only with its
        # lower-case rest: an upper-case line may be a note printed between (see notes).
        return not ends_sentence(p) and (lower or (len(p) >= 0.75 * width and bool(_ACRONYM_GOES_ON.match(n))))
    if cut_mid_sentence(p) or lower:
        return True
    if not gaps and not line.gap and not ends_sentence(p) and (prev.kind == ITEM or _BULLET.match(p)):
        # Where a blank line follows every printed line, an item's next line printed without one is its own.
        return True
    if _heading_continues(p, n):
        return True
    full = len(p) >= 0.75 * width
    return full and not (ends_sentence(p) and len(p) < 0.85 * width)


_DETERMINERS = frozenset("the a an this these that le la les l un une ce cette el los las un una de het een".split())


def _title_case(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    long = [w for w in words if len(w) >= 3 and w.lower() not in FUNCTION_WORDS]
    return bool(long) and all(w[0].isupper() for w in long)


# A resolution's number before its title ("12 (II). Assistance to"): not a figure of a table's row.
_RESOLUTION_NUMBER = re.compile(r"^\d{1,4}\s*\((?:[IVXL]+|\d{1,2})\)\.\s+(?=[^\W\d_])")


def _heading_continues(p: str, n: str) -> bool:
    """A heading broken over two lines: both in capitals, or both title-cased with no sentence start."""
    if ends_sentence(p):
        return False
    letters_p = [c for c in p if c.isalpha()]
    letters_n = [c for c in n if c.isalpha()]
    if letters_p and letters_n and all(c.isupper() for c in letters_p) and all(c.isupper() for c in letters_n):
        return True
    first = re.findall(r"[^\W\d_]+", n.lower())[:1]
    p = _RESOLUTION_NUMBER.sub("", p, count=1)
    if dates.find_dates(n) or re.search(r"\d", p + n):
        return False  # a date under a title is a date line; lines with figures are a table's rows
    return _title_case(p) and _title_case(n) and len(n.split()) <= 4 and bool(first) and first[0] not in _DETERMINERS \
        and any(c.islower() for c in n)  # an acronym alone on its line starts a list of them


def _join(text: str, more: str, vocabulary: Vocabulary) -> str:
    if text.endswith(SOFT_HYPHEN):
        return text[:-1] + more.lstrip()
    if re.search(r"[^\W\d_]-$", text):
        return join_broken(text, more.lstrip(), vocabulary)
    return f"{text} {more.strip()}"


def build_blocks(stream: Stream, vocabulary: Vocabulary) -> list[Block]:
    """The stream's lines, page after page, grouped into blocks."""
    lines = [line for page in stream.pages for line in page]
    width, gaps = _width(lines), _gaps_mean_paragraphs(lines)
    sequence = _Sequence()
    blocks: list[Block] = []
    for line in lines:
        last = blocks[-1] if blocks else None
        if line.kind == RULE:
            blocks.append(Block(RULE, [line], ""))
            continue
        if line.kind == ROW:
            if last and last.kind == ROW and not line.gap:
                last.parts.append(line)
            else:
                blocks.append(Block(ROW, [line], line.text))
            continue
        unit = line.kind == TEXT and sequence.starts_unit(line.text)
        if line.kind == TEXT and not unit and last and last.kind in (TEXT, ITEM, HEADING) and last.parts:
            joinable = last.kind != HEADING or ((not line.gap or not gaps) and plain(line.text)[:1].islower())
            if _is_unit_title(blocks) and not plain(line.text)[:1].islower():
                joinable = False  # "Article 3" then its title line: the title stands alone
            if joinable and not _is_label_only(last) and _continues(last.parts[-1], line, width, gaps):
                last.parts.append(line)
                last.text = _join(last.text, line.text, vocabulary)
                continue
        if line.kind == ITEM and line.marker == "•" and last and last.kind in (TEXT, ITEM) and last.parts \
                and line.page != last.parts[-1].page and plain(line.text)[:1].islower() \
                and not ends_sentence(last.parts[-1].text):
            # The rest of a sentence cut by the page, written as a list item by the converter.
            last.parts.append(line)
            last.text = _join(last.text, line.text, vocabulary)
            stream.repaired["sentences continued from a bullet"] += 1
            continue
        if line.kind == ITEM and line.marker[:-1].isdigit():
            sequence.starts_unit(line.marker + " x")
        blocks.append(Block(line.kind, [line], line.text, line.level, line.marker))
    return blocks


def _is_unit_title(blocks: list[Block]) -> bool:
    """The last block is one title-like line right after an "Article N" (or "Annex") label."""
    if len(blocks) < 2 or len(blocks[-1].parts) != 1:
        return False
    text = plain(blocks[-1].text).strip()
    label = plain(blocks[-2].text).strip()
    return bool(_ARTICLE.match(label)) and not ends_sentence(text) and len(text.split()) <= 15


def _is_label_only(block: Block) -> bool:
    """A paragraph number or letter printed alone on its line ("1.", "(b)"), waiting for its text."""
    t = plain(block.text).strip()
    return bool(re.fullmatch(r"\(?\d{1,3}[.)]|\(?[a-z]{1,4}\)|(?:article|artikel)\s+\d{1,3}", t, re.IGNORECASE))


def counts_of(blocks: list[Block]) -> Counter:
    return Counter(b.kind for b in blocks)
