"""Structure rules: raw blocks become headings, numbered paragraphs, lists and tables.

Heading styles are data (`HEADING_STYLES`): a pattern, how deep it sits, and how its
anchor is made. Numbered paragraphs collect the blocks that follow them up to the
next numbered paragraph or heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import (
    Block,
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
    Text,
    plain_text,
)
from .blocks import Raw, ending, is_title_like
from .inline import parse_inlines

_ROMAN = re.compile(r"^([IVXLC]{1,6})\.\s+(\S.*)$")
_LETTER = re.compile(r"^([A-H])\.\s+(\S.*)$")
_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$")
_CAPTION = re.compile(r"^(?:Table|Figure|Chart) \d+(?:\.\d+)*\.?$")
_RANGE = re.compile(r"^\s*(\d{1,3})(?:\s*[–-]\s*(\d{1,3}))?\s*$")
_NOTES_TITLES = {"notes", "footnotes", "endnotes"}
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


@dataclass
class Builder:
    """Walks the raw blocks once, keeping the context that headings and paragraphs need."""

    path: str
    labels: set[str]
    blocks: list[Block] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    chapter: str = ""
    chapter_number: int = 0
    section_level: int = 1  # level of the last numbered or Markdown heading
    item_level: int = 1  # level of the last "N. Title" heading
    para: NumberedParagraph | None = None
    para_children: list[Block] = field(default_factory=list)
    para_numbers: set[str] = field(default_factory=set)

    def inlines(self, text: str) -> tuple[Inline, ...]:
        return parse_inlines(text, self.labels)

    def unique(self, anchor: str) -> str:
        candidate, n = anchor, 2
        while candidate in self.anchors:
            candidate, n = f"{anchor}-{n}", n + 1
        self.anchors.add(candidate)
        return candidate

    # -- emitting ---------------------------------------------------------
    def close_para(self) -> None:
        if self.para is not None:
            self.blocks.append(
                NumberedParagraph(self.para.number, self.para.label, tuple(self.para_children), self.para.line)
            )
            self.para, self.para_children = None, []

    def emit(self, block: Block) -> None:
        if self.para is not None and not isinstance(block, Heading):
            self.para_children.append(block)
        else:
            self.close_para()
            self.blocks.append(block)

    def heading(self, level: int, text: str, anchor: str, number: str | None, line: int) -> None:
        self.close_para()
        self.blocks.append(Heading(min(level, 6), self.inlines(text), self.unique(anchor), number, line))


def paragraph_inlines(builder: Builder, raw: Raw) -> tuple[Inline, ...]:
    """A block's inlines: several lines keep their breaks; lost-marker notes are appended."""
    parts: list[Inline] = []
    for k, line in enumerate(raw.lines):
        if k:
            parts.append(LineBreak())
        parts.extend(builder.inlines(line))
    parts.extend(FootnoteRef(label) for label, _, _ in raw.notes)
    return tuple(parts)


# --- rules for single raw blocks; each returns True when it consumed the block ----


def caption_rule(b: Builder, raws: list[Raw], i: int) -> int:
    """`Table 2.1` and its title lines, then the table's rows up to the next prose."""
    raw = raws[i]
    if not (raw.kind == "text" and len(raw.lines) == 1 and _CAPTION.match(raw.lines[0].strip())):
        return 0
    caption = [raw.lines[0].strip()]
    j = i + 1
    while j < len(raws) and raws[j].group == raw.group and raws[j].kind == "text":
        caption.extend(x.strip() for x in raws[j].lines)
        j += 1
    rows: list[str] = []
    while j < len(raws) and raws[j].kind == "text" and not _is_prose(raws[j]):
        rows.extend(raws[j].lines)
        j += 1
    lines = [r.strip() for r in rows if r.strip()]
    recovered = recover_columns(lines)
    if recovered is None:
        b.diagnostics.append(Diagnostic(
            b.path, raw.line, "table-flattened",
            f"The columns of {caption[0]} could not be recovered; each line is kept as a row.",
        ))
        grid = [[line] for line in lines]
    else:
        grid = recovered
    cells = [tuple(TableCell(b.inlines(c)) for c in row) for row in grid]
    header, body = (cells[0], cells[1:]) if cells else ((), [])
    caption_inlines: list[Inline] = []
    for k, c in enumerate(caption):
        if k:
            caption_inlines.append(Text(": " if k == 1 else " — "))
        caption_inlines.extend(b.inlines(c))
    b.emit(Table(header, tuple(body), tuple(caption_inlines), raw.line))
    return j - i


_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


# A figure in a flattened table: "37.1 Million (CHF)", "$553.2 Million (USD)", ".79 M", "10-15%*".
_VALUE = re.compile(
    r"(?:\$\s?)?-?(?:\d[\d,]*)?\.?\d+(?:-\d+)?(?:\s?(?:Million|M|%|FTEs))?"
    r"(?:\s\((?:\$\s?)?[A-Z]{2,4}\))?\*?"
)
_TRAILING_VALUE = re.compile(r"(?:^|\s)(" + _VALUE.pattern + r")\s*$")


def split_values(line: str) -> tuple[str, list[str]]:
    """'Japan 7.2 M' → ('Japan', ['7.2 M']): a row label and the figures that end the line."""
    values: list[str] = []
    rest = line.strip()
    while rest:
        m = _TRAILING_VALUE.search(rest)
        if not m or not any(ch.isdigit() for ch in m.group(1)):
            break
        values.insert(0, m.group(1))
        rest = rest[: m.start()].rstrip()
    return rest, values


def recover_columns(lines: list[str]) -> list[list[str]] | None:
    """Rebuild a flattened table whose rows are a label followed by figures, or None.

    Label lines with no figures join the next figure line that has no label of its own
    (a label printed on two lines); otherwise they become rows of their own.
    """
    if len(lines) < 2:
        return None
    data = [split_values(line) for line in lines[1:]]
    width = max(len(values) for _, values in data)
    if width == 0:
        return None
    rows: list[list[str]] = []
    pending: list[str] = []
    for label, values in data:
        if not values:
            pending.append(label)
            continue
        if not label and pending:
            label, pending = " ".join(pending), []
        rows.extend([p] + [""] * width for p in pending)
        pending = []
        rows.append([label] + values + [""] * (width - len(values)))
    rows.extend([p] + [""] * width for p in pending)
    head_label, head_values = split_values(lines[0])
    if len(head_values) == width:
        header = [head_label] + head_values
    elif width == 1 and not head_values and len(lines[0].split()) >= 2:
        first, rest = lines[0].split(None, 1)
        header = [first, rest]
    else:
        return None
    return [header] + rows


def _is_prose(raw: Raw) -> bool:
    """A line of running text rather than a table cell: many words, or a full sentence."""
    for line in raw.lines:
        words = len(_ALPHA_WORD.findall(line))
        if words >= 12 or (words >= 6 and ending(line) == "closed"):
            return True
    return False


def contents_list_rule(b: Builder, raws: list[Raw], i: int) -> int:
    """Consecutive lines that are all numbered section titles: a list of contents."""
    j = i
    matches = []
    while j < len(raws) and raws[j].kind == "text" and raws[j].group == raws[i].group:
        found = [_DOTTED.match(x.strip()) for x in raws[j].lines]
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


def contents_table_rule(b: Builder, raws: list[Raw], i: int) -> int:
    """Consecutive tab-separated rows: a table; with paragraph ranges, a linked contents table."""
    if raws[i].kind != "row":
        return 0
    j = i
    rows: list[list[str]] = []
    while j < len(raws) and raws[j].kind == "row":
        rows.extend(split_row(line, raws[j].marker) for line in raws[j].lines)
        j += 1
    rows = [r for r in rows if not all(re.fullmatch(r":?-{3,}:?", c) for c in r if c)]
    b.emit(build_table(b, rows, raws[i].line))
    return j - i


def split_row(line: str, separator: str) -> list[str]:
    """The cells of a tab-separated or pipe row (`\\|` inside a cell is a literal bar)."""
    if separator == "|":
        inner = line.strip()[1:-1]
        return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]
    return [c.strip() for c in line.split("\t")]


def build_table(b: Builder, rows: list[list[str]], line: int) -> Table:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header, body = rows[0], rows[1:]
    range_col = next(
        (c for c in range(width) if body and all(_RANGE.match(r[c]) for r in body if r[c])
         and re.match(r"^Paragraphs?$", header[c], re.I)),
        None,
    )
    keep = [c for c in range(width) if not re.match(r"^Pages?$", header[c], re.I)] if range_col is not None else list(range(width))
    if range_col is None:
        return Table(
            tuple(TableCell(b.inlines(header[c])) for c in keep),
            tuple(tuple(TableCell(b.inlines(r[c])) for c in keep) for r in body),
            line=line,
        )
    out_rows = []
    chapter = ("", 0)
    for r in body:
        cells = []
        for c in keep:
            text = r[c]
            if c == range_col:
                m = _RANGE.match(text)
                cells.append(TableCell((Reference((Text(text),), f"#para-{m.group(1)}"),) if m else ()))
            elif c == 0:
                entry = re.sub(r"\s*\.{2,}\s*$", "", text)
                anchor, chapter = _contents_anchor(entry, chapter)
                inl = b.inlines(entry)
                cells.append(TableCell((Reference(inl, "#" + anchor),) if anchor else inl))
            else:
                cells.append(TableCell(b.inlines(text)))
        out_rows.append(tuple(cells))
    head = tuple(TableCell(b.inlines(header[c] or "Section")) for c in keep)
    return Table(head, tuple(out_rows), line=line)


def _contents_anchor(entry: str, chapter: tuple[str, int]) -> tuple[str, tuple[str, int]]:
    """The anchor a contents entry points at, as heading_rule makes it; `chapter` is the
    current chapter (numeral, value), so that "C." after "B." is a letter, not 100."""
    name, value = chapter
    m = _ROMAN.match(entry)
    if m and roman_value(m.group(1)) == value + 1:
        return f"chapter-{m.group(1).lower()}", (m.group(1).lower(), value + 1)
    m = _LETTER.match(entry)
    if m:
        return (f"section-{name}-{m.group(1).lower()}" if name else f"section-{m.group(1).lower()}"), chapter
    m = _DOTTED.match(entry)
    if m:
        return "section-" + m.group(1).replace(".", "-"), chapter
    return "", chapter


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
    m = _ROMAN.match(text)
    if m and is_title_like(m.group(2), 30) and roman_value(m.group(1)) == b.chapter_number + 1:
        b.chapter_number += 1
        b.chapter = m.group(1).lower()
        b.section_level = b.item_level = 2
        b.heading(2, text, f"chapter-{b.chapter}", m.group(1), raw.line)
        return 1
    m = _LETTER.match(text)
    if m and is_title_like(m.group(2), 30):
        anchor = f"section-{b.chapter}-{m.group(1).lower()}" if b.chapter else f"section-{m.group(1).lower()}"
        b.section_level = b.item_level = 3
        b.heading(3, text, anchor, m.group(1), raw.line)
        return 1
    m = _DOTTED.match(text)
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


def numbered_paragraph_rule(b: Builder, raws: list[Raw], i: int) -> int:
    """`N. text`: open a numbered paragraph; what follows belongs to it until the next one."""
    raw = raws[i]
    if raw.kind != "numbered":
        return 0
    b.close_para()
    number = raw.marker
    label = f"para-{number}"
    if number in b.para_numbers:
        b.diagnostics.append(Diagnostic(
            b.path, raw.line, "para-duplicate",
            f"Paragraph number {number} is printed twice; the second is anchored as para-{number}-2.",
        ))
        label = b.unique(label)
    b.anchors.add(label)
    b.para_numbers.add(number)
    b.para = NumberedParagraph(number, label, (), raw.line)
    b.para_children = [Paragraph(paragraph_inlines(b, raw), raw.line)]
    if ending(raw.text) == "open":
        b.diagnostics.append(Diagnostic(
            b.path, raw.line, "para-truncated",
            f"Paragraph {number} ends in mid-sentence and no continuation was found; the source text may be truncated.",
        ))
    return 1


def list_rule(b: Builder, raws: list[Raw], i: int) -> int:
    """Consecutive list items, nested by indentation; numbered items keep their numbers."""
    if raws[i].kind != "item":
        return 0
    j = i
    while j < len(raws) and raws[j].kind == "item":
        j += 1
    b.emit(_nest(b, raws[i:j]))
    return j - i


def _nest(b: Builder, items: list[Raw]) -> ListBlock:
    base = items[0].indent
    out: list[ListItem] = []
    k = 0
    while k < len(items):
        raw = items[k]
        children = []
        k += 1
        while k < len(items) and items[k].indent > base:
            children.append(items[k])
            k += 1
        blocks: list[Block] = [Paragraph(paragraph_inlines(b, raw), raw.line)]
        if children:
            blocks.append(_nest(b, children))
        out.append(ListItem(tuple(blocks), raw.marker if raw.ordered else "•"))
    return ListBlock(tuple(out), ordered=items[0].ordered, line=items[0].line)


def paragraph_rule(b: Builder, raws: list[Raw], i: int) -> int:
    """Everything else is a paragraph (a lettered sub-paragraph keeps its letter)."""
    raw = raws[i]
    lines = list(raw.lines)
    if raw.kind == "sub":
        lines[0] = f"{raw.marker} {lines[0]}"
    copy = Raw(raw.kind, lines, raw.line, raw.group, raw.marker, raw.indent, raw.ordered, raw.notes)
    b.emit(Paragraph(paragraph_inlines(b, copy), raw.line))
    return 1


STRUCTURE_RULES = [
    caption_rule,
    contents_list_rule,
    contents_table_rule,
    heading_rule,
    numbered_paragraph_rule,
    list_rule,
    paragraph_rule,
]


def build_blocks(raws: list[Raw], labels: set[str], path: str) -> tuple[list[Block], list[Diagnostic]]:
    """Apply the structure rules in order to each raw block."""
    b = Builder(path=path, labels=labels)
    i = 0
    while i < len(raws):
        for rule in STRUCTURE_RULES:
            used = rule(b, raws, i)
            if used:
                i += used
                break
    b.close_para()
    return drop_empty_notes_headings(b.blocks), b.diagnostics


def drop_empty_notes_headings(blocks: list[Block]) -> list[Block]:
    """A "Notes" heading whose bodies all became footnotes has nothing left under it."""
    out: list[Block] = []
    for k, block in enumerate(blocks):
        if isinstance(block, Heading) and plain_text(block.inlines).strip().lower() in _NOTES_TITLES:
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if nxt is None or (isinstance(nxt, Heading) and nxt.level <= block.level):
                continue
        out.append(block)
    return out
