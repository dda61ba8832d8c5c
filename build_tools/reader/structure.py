"""Structure rules: raw blocks become headings, numbered paragraphs, lists and tables.

`STRUCTURE_RULES` is the ordered list of rules; each takes the builder, the raw blocks and
a position, and returns how many raw blocks it consumed (0: not its kind).
Numbered paragraphs collect the blocks that follow them up to the next one or a heading.
"""

from __future__ import annotations

from ..model import Block, Diagnostic, Heading, ListBlock, ListItem, NumberedParagraph, Paragraph, plain_text
from .blocks import Raw, ending
from .builder import Builder, paragraph_inlines
from .headings import contents_list_rule, heading_rule
from .tables import caption_rule, contents_table_rule

_NOTES_TITLES = {"notes", "footnotes", "endnotes"}


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
