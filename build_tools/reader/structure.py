"""Structure rules: the document's blocks become headings, citable units, lists and tables.

One walk over the blocks, in order, with the state the rules share (`Builder`): the open
numbered paragraph, the article and its part, the last heading level, the anchors taken.
Rules are tried in order for each block (`RULES`); the first that takes it wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import dates
from ..model import (
    Block as ModelBlock,
    Diagnostic,
    FootnoteRef,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    ListItem,
    NumberedParagraph,
    Paragraph,
    Reference,
    Table,
    TableCell,
)
from .inline import parse_inlines
from .paragraphs import BULLETS, Block, cut_mid_sentence
from .stream import HEADING, ITEM, PAGE_START, ROW, RULE, TEXT, ends_sentence, plain
from .tables import caption_rule, contents_table_rule, leaders_rule
from .units import ARTICLE, LETTER, ROMAN, article_number, decide_numbering, paragraph_number, roman_value, split_fused
from .vocabulary import CLASSIFICATIONS, PART_WORDS

ROMAN_WORD = re.compile(r"[IVXLC]+\.?")
_WHOLE_EMPHASIS = re.compile(r"^\*{1,2}([^*]+)\*{1,2}$")

# Anchors the page writer and the enrichers use: a heading never takes them.
RESERVED_ANCHORS = ("title", "notes", "acronyms", "cites", "cited-by", "related-documents", "cite", "source")
UNIT_ANCHOR = re.compile(r"^(?:para|article|part)-\d")
_WORDS = re.compile(r"\w+")
ROMAN_HEADING = re.compile(r"^([IVXLC]{1,6})\.\s+(\S.*)$")
LETTER_HEADING = re.compile(r"^([A-Z])\.\s+(\S.*)$")
DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$")
NUMBERED_HEADING = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_BULLET_START = re.compile(rf"^(?:[{BULLETS}]|o(?=\s+[A-ZÀ-Ý])|[-–—](?=\s))\s*")


def caps_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def slugify(text: str) -> str:
    """A stable, readable anchor from a heading's words."""
    words = _WORDS.findall(text.lower())
    return "-".join(words)[:60].rstrip("-") or "section"


def words_of(text: str) -> int:
    return len(_WORDS.findall(plain(text)))


def is_title_like(text: str, max_words: int = 12) -> bool:
    """A short capitalised line with no closing punctuation: a heading."""
    t = plain(text).strip().strip("*").strip()
    if not t or not (t[0].isupper() or t[0].isdigit()):
        return False
    if t[-1] in ".;,:—–-" and not t.endswith(".."):
        return False  # a sentence, or a line that introduces a list ("shall include—")
    return 0 < len(_WORDS.findall(t)) <= max_words


@dataclass
class Builder:
    """The state the structure rules share while walking the blocks once."""

    path: str
    labels: set[str]
    numbered: set[int] = field(default_factory=set)
    numbered_headings: set[int] = field(default_factory=set)
    numbered_items: set[int] = field(default_factory=set)
    blocks: list[ModelBlock] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    anchors: set[str] = field(default_factory=lambda: set(RESERVED_ANCHORS))
    chapter: str = ""
    chapter_number: int = 0
    section_level: int = 1  # level of the last heading
    top_level: int = 0  # the smallest Markdown heading level of the body, mapped to 2
    para: NumberedParagraph | None = None
    para_children: list[ModelBlock] = field(default_factory=list)
    sub: NumberedParagraph | None = None
    sub_children: list[ModelBlock] = field(default_factory=list)
    last_letter: str = ""
    article: str = ""  # the open article's number
    article_anchor: str = ""
    article_cite: str = ""
    part: str = ""  # the part articles restarted in ("annex-i")
    part_cite: str = ""
    parts_seen: int = 1
    articles_seen: set[str] = field(default_factory=set)
    last_heading: str = ""
    dotted: str = ""  # the last numbered heading with sub-numbers ("2.2"), while it lasts
    part_heading: str = ""
    article_word: str = ""  # as printed: "Article", "Artikel"
    series: str = "article"  # the anchors' word: "article", or a translation's own ("artikel")  # the last "Annex I"-like heading since the last article
    contents_chapter: tuple[str, int] = ("", 0)
    note_hosts: dict[str, str] = field(default_factory=dict)

    def inlines(self, text: str) -> tuple[Inline, ...]:
        return parse_inlines(text, self.labels)

    def unique(self, anchor: str) -> str:
        candidate, n = anchor, 2
        while candidate in self.anchors:
            candidate, n = f"{anchor}-{n}", n + 1
        self.anchors.add(candidate)
        return candidate

    # -- emitting ------------------------------------------------------------------
    def close_sub(self) -> None:
        if self.sub is not None:
            sub = NumberedParagraph(self.sub.number, self.sub.label, tuple(self.sub_children), self.sub.line,
                                    self.sub.marker, self.sub.cite)
            self.sub, self.sub_children = None, []
            self.emit(sub)

    def close_para(self) -> None:
        self.close_sub()
        if self.para is not None:
            para = NumberedParagraph(self.para.number, self.para.label, tuple(self.para_children), self.para.line,
                                     self.para.marker, self.para.cite)
            self.para, self.para_children = None, []
            self.blocks.append(para)
        self.last_letter = ""

    def emit(self, block: ModelBlock) -> None:
        if self.sub is not None:
            self.sub_children.append(block)
        elif self.para is not None:
            self.para_children.append(block)
        else:
            self.blocks.append(block)

    def heading(self, level: int, text: str, anchor: str, number: str | None, line: int, cite: str = "") -> None:
        self.close_para()
        text = _WHOLE_EMPHASIS.sub(r"\1", text.strip())  # "**I. Introduction**": a heading is bold already
        if UNIT_ANCHOR.match(anchor) and not cite:
            anchor = f"section-{anchor}"  # a heading "Para 3" must not take paragraph 3's anchor
        level = max(2, min(level, 6))
        self.blocks.append(Heading(level, self.inlines(text), self.unique(anchor), number, line, cite))
        self.section_level = level
        self.last_heading = plain(text)
        words = _WORDS.findall(self.last_heading.lower())
        if not cite and words and words[0] in PART_WORDS and len(words) <= 3:
            self.part_heading = self.last_heading

    def contents_anchor(self, entry: str) -> str:
        """The anchor a contents entry ("III. Mechanisms…", "A. Commission…") points at, as the
        heading rule will make it: "C." after "B." is a letter, "C." after "II." the next chapter."""
        m = ROMAN_HEADING.match(entry)
        if m and roman_value(m.group(1)) == self.contents_chapter[1] + 1:
            self.contents_chapter = (m.group(1).lower(), self.contents_chapter[1] + 1)
            return f"chapter-{self.contents_chapter[0]}"
        m = LETTER_HEADING.match(entry)
        if m:
            chapter = self.contents_chapter[0]
            return f"section-{chapter}-{m.group(1).lower()}" if chapter else f"section-{m.group(1).lower()}"
        m = DOTTED.match(entry)
        return "section-" + m.group(1).replace(".", "-") if m else ""

    def unit_prefix(self) -> str:
        return self.article_anchor + "-" if self.article_anchor else ""


def block_inlines(b: Builder, block: Block, text: str | None = None) -> tuple[Inline, ...]:
    """A block's inlines; lines of a masthead-like block keep their breaks; lost-marker notes appended."""
    parts: list[Inline] = list(b.inlines(text if text is not None else block.text))
    parts.extend(FootnoteRef(label) for label in block.notes)
    return tuple(parts)


# --- rules: each takes (builder, blocks, index) and returns how many blocks it used ------------


def rule_rule(b: Builder, blocks: list[Block], i: int) -> int:
    return 1 if blocks[i].kind == RULE else 0


def article_rule(b: Builder, blocks: list[Block], i: int) -> int:
    """"Article 12" (a heading or a line alone): opens an article; restarts open a new part."""
    block = blocks[i]
    if block.kind not in (HEADING, TEXT) or len(block.parts) > 2:
        return 0
    number = article_number(block.text)
    if number is None:
        return 0
    word = ARTICLE.match(plain(block.text).strip()).group(0).split()[0].capitalize()
    if word.startswith("Art."):
        word = b.article_word or "Article"
    if b.article_word and word != b.article_word:
        # The articles again under another word ("Artikel 1" after "Article 15"): a translation,
        # cited by its own word, so its anchors are its own ("artikel-1").
        b.series, b.part, b.part_cite, b.articles_seen = slugify(word), "", "", set()
    b.article_word = word
    if number in b.articles_seen:
        b.parts_seen += 1
        heading = b.part_heading  # "ANNEX I" above the restart, else the part's number
        b.part = slugify(heading) if heading else f"part-{b.parts_seen}"
        b.part_cite = normal_label(heading) if heading else f"Part {b.parts_seen}"
        b.articles_seen = set()
    b.articles_seen.add(number)
    b.part_heading = ""
    b.article = number
    anchor = (f"{b.part}-" if b.part else "") + f"{b.series}-{number}"
    cite = (f"{b.part_cite}, " if b.part else "") + f"{word} {number}"
    level = _level(b, block) if block.kind == HEADING else b.section_level + 1 if b.section_level < 3 else 3
    b.close_para()
    b.article_anchor = anchor
    b.article_cite = cite
    b.heading(level, block.text, anchor, number, block.line, cite)
    b.article_anchor = anchor  # heading() closes paragraphs, not the article
    return 1


def normal_label(heading: str) -> str:
    """A part's name as a citation prints it: "ANNEX I" → "Annex I" (numerals stay capitals)."""
    return " ".join(w if ROMAN_WORD.fullmatch(w) else w.capitalize() if w.isupper() else w for w in heading.split())


def _level(b: Builder, block: Block) -> int:
    if not b.top_level:
        b.top_level = block.level
    return 2 + max(0, block.level - b.top_level)


def heading_rule(b: Builder, blocks: list[Block], i: int) -> int:
    """Markdown headings, numbered headings (III., A., 2.3, 4.) and short title lines."""
    block = blocks[i]
    text = plain(block.text).strip()
    if block.kind == HEADING:
        if _BULLET_START.match(text) or words_of(text) > 30 or (text.endswith(".") and words_of(text) > 15):
            # A tool's guess from the font size: a bullet or a sentence is no heading.
            if _BULLET_START.match(text):
                block.kind, block.marker = ITEM, "•"
                block.text = re.sub(r"^\s*\\?[" + BULLETS + r"\-–—o]\s*", "", block.text, count=1)
            else:
                block.kind = TEXT
            return 0
        level = _level(b, block)
        number, anchor = _numbered_anchor(b, text)
        b.heading(level, block.text, anchor or slugify(text), number, block.line)
        return 1
    if block.kind != TEXT or len(block.parts) > 3 or i in b.numbered or i in b.numbered_items:
        return 0
    if i in b.numbered_headings:
        used, heading_text = 1, block.text
        number, rest = paragraph_number(block)
        if not plain(rest).strip() and i + 1 < len(blocks):
            used, heading_text = 2, f"{number}. {blocks[i + 1].text}"  # the number alone, then the title
        number, anchor = _numbered_anchor(b, plain(heading_text))
        b.heading(3 if b.section_level <= 2 else b.section_level, heading_text, anchor or slugify(plain(heading_text)),
                  number, block.line)
        return used
    numbered = bool(ROMAN_HEADING.match(text) or LETTER_HEADING.match(text) or DOTTED.match(text))
    if text.lower() in CLASSIFICATIONS or (":" in text.rstrip(":") and not numbered) or not is_title_like(text, 20):
        return 0  # a "label: value" line is not a heading, unless it is numbered as one
    if dates.find_dates(text) or (text[0].isdigit() and not _numbered_anchor(b, text)[1]):
        return 0  # a date line or "112th plenary meeting" is not a heading
    if cut_mid_sentence(text):
        return 0  # a line that stops after "in", "the" or a comma is a sentence's, not a title
    m = ROMAN_HEADING.match(text)
    if m and roman_value(m.group(1)) == b.chapter_number + 1:
        b.chapter_number += 1
        b.chapter = m.group(1).lower()
        b.heading(2, block.text, f"chapter-{b.chapter}", m.group(1), block.line)
        return 1
    number, anchor = _numbered_anchor(b, text)
    if anchor:
        level = 3 if LETTER_HEADING.match(text) else 1 + number.count(".") + 1 if number else 3
        top = b.dotted.split(".")[0] if b.dotted else ""
        if number and number.isdigit() and b.dotted and number != str(int(top) + 1):
            # "1. Movements" under "2.2 Areas of Activity": a list of sub-sections, not chapter 1.
            level, anchor = min(b.section_level + 1, 6), slugify(text)  # no "section 1" to cite
        elif number and "." in number:
            b.dotted = number
        elif number and number.isdigit():
            b.dotted = ""
        b.heading(level, block.text, anchor, number, block.line)
        return 1
    previous = blocks[i - 1] if i else None
    if not block.gap and previous is not None and previous.kind == TEXT and not ends_sentence(previous.text) \
            and not caps_text(text):
        return 0  # the rest of an unfinished line above, not a heading
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    isolated = nxt is None or nxt.gap or nxt.kind != TEXT or not plain(nxt.text)[:1].islower()
    caps = sum(c.isupper() for c in text if c.isalpha()) >= 0.8 * max(1, sum(c.isalpha() for c in text)) \
        and bool(re.search(r"(?<![\w])[^\W\d_]{3,}(?![\w])", text))  # a code ("CFA2024/041") is no heading
    if (caps or (isolated and words_of(text) <= 20)) and len(block.parts) <= (3 if caps else 1):
        if b.blocks and isinstance(b.blocks[-1], Heading) and b.blocks[-1].cite:
            level = b.blocks[-1].level + 1  # an article's title, under its number
        elif caps:
            level = 2
        else:
            level = min(b.section_level + (0 if b.last_heading and b.section_level >= 3 else 1), 4)
        b.heading(level, block.text, slugify(text), None, block.line)
        return 1
    return 0


def _numbered_anchor(b: Builder, text: str) -> tuple[str | None, str]:
    """The number and anchor of a numbered heading ("A.", "2.3", "4.", "III."), or (None, "")."""
    m = LETTER_HEADING.match(text)
    if m and is_title_like(m.group(2), 30):
        letter = m.group(1).lower()
        return m.group(1), f"section-{b.chapter}-{letter}" if b.chapter else f"section-{letter}"
    m = DOTTED.match(text)
    if m and is_title_like(m.group(2), 25):
        return m.group(1), "section-" + m.group(1).replace(".", "-")
    m = NUMBERED_HEADING.match(text)
    if m and is_title_like(m.group(2), 20):
        anchor = f"section-{m.group(1)}"
        return m.group(1), anchor if anchor not in b.anchors else slugify(text)
    m = ROMAN_HEADING.match(text)
    if m and is_title_like(m.group(2), 30):
        return m.group(1), f"chapter-{m.group(1).lower()}"
    return None, ""


def numbered_rule(b: Builder, blocks: list[Block], i: int) -> int:
    """A numbered paragraph: what follows belongs to it until the next one, a heading or an article."""
    if i not in b.numbered:
        return 0
    block = blocks[i]
    number, rest = paragraph_number(block)
    used = 1
    if not plain(rest).strip() and i + 1 < len(blocks) and blocks[i + 1].kind == TEXT:
        rest, used = blocks[i + 1].text, 2  # the number printed alone on its line
        blocks[i + 1].notes = blocks[i].notes + blocks[i + 1].notes
    b.close_para()
    label = f"{b.unit_prefix()}para-{number}"
    if label in b.anchors:
        b.diagnostics.append(Diagnostic(b.path, block.line, "para-duplicate",
                                        f"Paragraph number {number} is printed twice; the second is anchored as {label}-2."))
    label = b.unique(label)
    cite = f"{b.article_cite}, para. {number}" if b.article_cite else f"para. {number}"
    marker = block.marker if block.kind == ITEM else f"{number}."
    b.para = NumberedParagraph(number, label, (), block.line, marker, cite)
    inner = blocks[i + 1] if used == 2 else block
    b.para_children = [Paragraph(block_inlines(b, inner, rest), block.line)]
    return used


def letter_rule(b: Builder, blocks: list[Block], i: int) -> int:
    """(a), (b)… inside a numbered paragraph or an article: sub-paragraphs anchored under it."""
    block = blocks[i]
    if block.kind not in (TEXT, ITEM) or (b.para is None and not b.article_anchor):
        return 0
    m = LETTER.match(plain(block.text).strip())
    if not m:
        return 0
    letter = m.group("l") or m.group("l2")
    roman = letter in ROMAN and not (letter == "i" and b.last_letter == "h") and not (
        letter in ("v", "x") and b.last_letter and ord(letter) == ord(b.last_letter) + 1)
    if not roman and not (len(letter) == 1 and (letter == "a" or (b.last_letter and ord(letter) == ord(b.last_letter) + 1))):
        return 0
    rest = re.sub(rf"^\s*\\?\(?{letter}\\?\)\s*", "", block.text)
    used = 1
    if not plain(rest).strip() and i + 1 < len(blocks) and blocks[i + 1].kind == TEXT:
        rest, used = blocks[i + 1].text, 2
    # A roman numeral goes under the open lettered sub-paragraph; after another roman one, or
    # with no letters before it, it stands beside it.
    nested = roman and b.sub is not None and b.sub.number not in ROMAN and bool(b.last_letter)
    parent = b.sub if nested else b.para
    if parent is not None and parent is b.para:
        b.close_sub()
        b.last_letter = letter if not roman else b.last_letter
    elif parent is None:
        b.close_sub()
        b.last_letter = letter if not roman else b.last_letter
    base = parent.label if parent is not None else b.article_anchor
    cite_base = parent.cite if parent is not None else b.article_cite
    label = b.unique(f"{base}-{letter}")
    printed = f"({letter})" if m.group("l") else f"{letter})"
    unit = NumberedParagraph(letter, label, (), block.line, printed, f"{cite_base} ({letter})")
    para = Paragraph(block_inlines(b, blocks[i + used - 1] if used == 2 else block, rest), block.line)
    if parent is not None and parent is b.sub:
        b.sub_children.append(NumberedParagraph(letter, label, (para,), block.line, printed, unit.cite))
        return used
    b.sub, b.sub_children = unit, [para]
    if parent is None and b.article_anchor:
        # An article's sub-paragraph with no numbered paragraph: it stands in the body.
        b.close_sub()
    return used


def list_rule(b: Builder, blocks: list[Block], i: int) -> int:
    """Consecutive list items (bullets, or numbers that are not paragraph numbers), nested by indent."""
    def is_item(k: int) -> bool:
        blk = blocks[k]
        return k not in b.numbered and (blk.kind == ITEM or (blk.kind == TEXT and bool(_BULLET_START.match(plain(blk.text)))))

    if not is_item(i):
        return 0
    j = i
    while j < len(blocks) and is_item(j):
        j += 1
    b.emit(_nest(b, blocks[i:j]))
    return j - i


def _item_text(block: Block) -> tuple[str, str]:
    """(marker, text) of a list item."""
    if block.kind == ITEM:
        return (block.marker if block.marker not in ("•", "*") else "•"), block.text
    text = block.text.lstrip()
    m = _BULLET_START.match(plain(text))
    bullet = plain(text)[: m.end()].strip() if m else "•"
    neutral = re.sub(r"^\s*\\?[" + BULLETS + r"\-–—o]\s*", "", text, count=1)
    return ("•" if bullet in ("-", "–", "—", "o") else bullet), neutral


def _depth(block: Block) -> int:
    return block.level * 4 + block.indent


def _numbered_item(block: Block) -> bool:
    return block.kind == ITEM and block.marker[:-1].isdigit()


def _nest(b: Builder, items: list[Block]) -> ListBlock:
    base = _depth(items[0])
    out: list[ListItem] = []
    k = 0
    ordered = items[0].kind == ITEM and items[0].marker[:-1].isdigit()
    while k < len(items):
        block = items[k]
        children = []
        k += 1
        # Bullets under a numbered item printed at its depth are its sub-items ("1. Mediation:" then "o Activity").
        numbered = _numbered_item(block)
        while k < len(items) and (_depth(items[k]) > base
                                  or (numbered and _depth(items[k]) == base and not _numbered_item(items[k]))):
            children.append(items[k])
            k += 1
        marker, text = _item_text(block)
        blocks: list[ModelBlock] = [Paragraph(block_inlines(b, block, text), block.line)]
        if children:
            blocks.append(_nest(b, children))
        out.append(ListItem(tuple(blocks), marker))
    return ListBlock(tuple(out), ordered=ordered, line=items[0].line)


def paragraph_rule(b: Builder, blocks: list[Block], i: int) -> int:
    """Everything else is a paragraph; a block of short lines (an address, a signature) keeps its lines."""
    block = blocks[i]
    if len(block.parts) > 1 and all(len(plain(p.text)) < 45 for p in block.parts) and block.kind == TEXT \
            and not any(plain(p.text).rstrip().endswith(("-", ",")) or plain(p.text)[:1].islower() for p in block.parts[1:]):
        inlines: list[Inline] = []
        for k, part in enumerate(block.parts):
            if k:
                inlines.append(LineBreak())
            inlines.extend(b.inlines(part.text))
        inlines.extend(FootnoteRef(label) for label in block.notes)
        b.emit(Paragraph(tuple(inlines), block.line))
        return 1
    b.emit(Paragraph(block_inlines(b, block), block.line))
    return 1


def contents_list_rule(b: Builder, blocks: list[Block], i: int) -> int:
    """Lines that follow each other and are all numbered section titles ("2.1 Overview"): a list
    of contents, each entry linked to its section."""
    j = i
    while j < len(blocks) and blocks[j].kind == TEXT and len(blocks[j].parts) == 1 and (j == i or not blocks[j].gap):
        m = DOTTED.match(plain(blocks[j].text).strip())
        if not m or not is_title_like(m.group(2), 20):
            break
        j += 1
    if j - i < 2:
        return 0
    items = []
    for block in blocks[i:j]:
        m = DOTTED.match(plain(block.text).strip())
        link = Reference(b.inlines(block.text), "#section-" + m.group(1).replace(".", "-"))
        items.append(ListItem((Paragraph((link,), block.line),)))
    b.emit(ListBlock(tuple(items), line=blocks[i].line))
    return j - i


_ACRONYM_LINE = re.compile(r"^[A-Z][A-Za-z0-9&/.\-]{1,11}$")


def _is_acronym_line(block: Block) -> bool:
    text = plain(block.text).strip()
    return block.kind in (TEXT, HEADING) and len(block.parts) == 1 and bool(_ACRONYM_LINE.match(text)) \
        and sum(c.isupper() for c in text) >= 2


def abbreviations_rule(b: Builder, blocks: list[Block], i: int) -> int:
    """A list of abbreviations printed as lines, each acronym above its meaning: a two-column table."""
    j = i
    rows = []
    while j + 1 < len(blocks) and _is_acronym_line(blocks[j]) and not _is_acronym_line(blocks[j + 1]) \
            and blocks[j + 1].kind in (TEXT, HEADING) and words_of(blocks[j + 1].text) <= 20:
        rows.append((TableCell(b.inlines(blocks[j].text)), TableCell(b.inlines(blocks[j + 1].text))))
        j += 2
    if len(rows) < 3:
        return 0
    b.emit(Table((TableCell(()), TableCell(())), tuple(rows), line=blocks[i].line))
    return j - i


RULES = [
    rule_rule,
    abbreviations_rule,
    contents_list_rule,
    caption_rule,
    leaders_rule,
    contents_table_rule,
    article_rule,
    numbered_rule,
    heading_rule,
    letter_rule,
    list_rule,
    paragraph_rule,
]


def _page_starts_as_text(blocks: list[Block]) -> list[Block]:
    """A page's first line that the converter made a heading only to mark the page is text; cut in
    the middle of a sentence, it goes on with the block after it."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if last is not None and last.marker == PAGE_START and block.kind == TEXT and cut_mid_sentence(last.text):
            last.parts.extend(block.parts)
            last.text = f"{last.text} {block.text.strip()}"
            continue
        if last is not None and last.marker == PAGE_START:
            last.marker = ""
        if block.kind == HEADING and block.marker == PAGE_START:
            block.kind, block.level = TEXT, 0
        out.append(block)
    if out and out[-1].marker == PAGE_START:
        out[-1].marker = ""
    return out


def build_structure(blocks: list[Block], labels: set[str], path: str) -> tuple[list[ModelBlock], list[Diagnostic]]:
    """Apply the structure rules to every block, in order."""
    blocks = _page_starts_as_text(blocks)
    blocks = split_fused(blocks)
    b = Builder(path=path, labels=labels)
    numbering = decide_numbering(blocks)
    b.numbered, b.numbered_headings, b.numbered_items = numbering.paragraphs, numbering.headings, numbering.items
    levels = [blk.level for blk in blocks if blk.kind == HEADING]
    b.top_level = min(levels) if levels else 0
    i = 0
    while i < len(blocks):
        for rule in RULES:
            used = rule(b, blocks, i)
            if used:
                i += used
                break
    b.close_para()
    return b.blocks, b.diagnostics


__all__ = ["RESERVED_ANCHORS", "Reference", "build_structure", "is_title_like", "slugify"]
