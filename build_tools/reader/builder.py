"""The structure builder: the state the structure rules share while walking raw blocks once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, Diagnostic, FootnoteRef, Heading, Inline, LineBreak, NumberedParagraph
from .blocks import Raw
from .inline import parse_inlines

# Anchors the page writer and the enrichers use: a heading never takes them.
RESERVED_ANCHORS = ("title", "acronyms", "cites", "cited-by", "related-documents")
PARAGRAPH_ANCHOR = re.compile(r"^para-\d+(?:-\d+)?$")


@dataclass
class Builder:
    """Walks the raw blocks once, keeping the context that headings and paragraphs need."""

    path: str
    labels: set[str]
    blocks: list[Block] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    anchors: set[str] = field(default_factory=lambda: set(RESERVED_ANCHORS))
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
        """`anchor`, or `anchor-2`, `anchor-3` ... when it is taken."""
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
        if PARAGRAPH_ANCHOR.match(anchor):  # a heading "Para 3" must not take paragraph 3's anchor
            anchor = f"section-{anchor}"
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
