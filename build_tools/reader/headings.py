"""Heading rules: Markdown headings, numbered headings (III., A., 2.3) and short title lines.

A single C, D, L, V or X is a roman numeral only when it is the next chapter number,
otherwise a letter: "C. Administrative Committee" after "B." is section C.
"""

from __future__ import annotations

import re

from ..model import ListBlock, ListItem, Paragraph, Reference
from .blocks import Raw, is_title_like
from .builder import Builder

ROMAN = re.compile(r"^([IVXLC]{1,6})\.\s+(\S.*)$")
LETTER = re.compile(r"^([A-H])\.\s+(\S.*)$")
DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$")
_WORDS = re.compile(r"\w+")


def roman_value(numeral: str) -> int:
    """'IV' → 4. A single C, D, L, V or X may be a letter: callers check the sequence."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for k, ch in enumerate(numeral):
        v = values[ch]
        total += -v if k + 1 < len(numeral) and values[numeral[k + 1]] > v else v
    return total


def slugify(text: str) -> str:
    """A stable, readable anchor from a heading's words."""
    words = _WORDS.findall(text.lower())
    return "-".join(words)[:60].rstrip("-") or "section"


def contents_list_rule(b: Builder, raws: list[Raw], i: int) -> int:
    """Consecutive lines that are all numbered section titles: a list of contents."""
    j = i
    matches = []
    while j < len(raws) and raws[j].kind == "text" and raws[j].group == raws[i].group:
        found = [DOTTED.match(x.strip()) for x in raws[j].lines]
        if not all(m and is_title_like(m.group(2), 20) for m in found):
            break
        matches.extend(found)
        j += 1
    if len(matches) < 2:
        return 0
    items = []
    for m in matches:
        anchor = "section-" + m.group(1).replace(".", "-")
        link = Reference(b.inlines(f"{m.group(1)} {m.group(2)}"), "#" + anchor)
        items.append(ListItem((Paragraph((link,), raws[i].line),)))
    b.emit(ListBlock(tuple(items), line=raws[i].line))
    return j - i


def heading_rule(b: Builder, raws: list[Raw], i: int) -> int:
    """Markdown headings, numbered headings (III., A., 2.3) and short title lines."""
    raw = raws[i]
    if raw.kind == "heading":
        level = max(2, len(raw.marker))
        text = raw.lines[0]
        b.section_level = level
        b.heading(level, text, slugify(text), None, raw.line)
        return 1
    if raw.kind == "numbered" and len(raw.lines) == 1 and is_title_like(raw.lines[0]):
        level = b.section_level + 1
        b.item_level = level
        text = f"{raw.marker}. {raw.lines[0]}"
        anchor = f"section-{raw.marker}" if b.section_level <= 1 else slugify(text)
        b.heading(level, text, anchor, raw.marker, raw.line)
        if b.section_level <= 1:
            b.section_level = level
        return 1
    if raw.kind != "text" or len(raw.lines) != 1:
        return 0
    text = raw.lines[0].strip()
    if text.startswith("**") and text.endswith("**") and len(text) > 4:
        text = text[2:-2].strip()
    m = ROMAN.match(text)
    if m and is_title_like(m.group(2), 30) and roman_value(m.group(1)) == b.chapter_number + 1:
        b.chapter_number += 1
        b.chapter = m.group(1).lower()
        b.section_level = b.item_level = 2
        b.heading(2, text, f"chapter-{b.chapter}", m.group(1), raw.line)
        return 1
    m = LETTER.match(text)
    if m and is_title_like(m.group(2), 30):
        anchor = f"section-{b.chapter}-{m.group(1).lower()}" if b.chapter else f"section-{m.group(1).lower()}"
        b.section_level = b.item_level = 3
        b.heading(3, text, anchor, m.group(1), raw.line)
        return 1
    m = DOTTED.match(text)
    if m and is_title_like(m.group(2), 20):
        level = 1 + m.group(1).count(".") + 1
        b.section_level = b.item_level = level
        b.heading(level, text, "section-" + m.group(1).replace(".", "-"), m.group(1), raw.line)
        return 1
    if is_title_like(text):
        level = max(b.section_level, b.item_level) + 1
        b.heading(level, text.strip("*").strip(), slugify(text), None, raw.line)
        return 1
    return 0
