"""The document model: the one place that defines what a converted document is.

Readers produce it, enrichers map it to a new one, the writer renders it. Every
class is a frozen dataclass so that stages cannot change each other's results.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator, Union


# --- Inline content ---------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Literal text; the writer escapes it, so it always prints as written."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """Italic (`strong=False`) or bold (`strong=True`) text of the original."""

    children: tuple["Inline", ...]
    strong: bool = False


@dataclass(frozen=True)
class Superscript:
    """A superscript that is not a footnote marker, e.g. the "th" of 90th."""

    text: str


@dataclass(frozen=True)
class LineBreak:
    """A hard line break inside a block (addresses, signatures, mastheads)."""


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker; `label` names a Footnote of the same document."""

    label: str


@dataclass(frozen=True)
class Acronym:
    """A use of an acronym: `text` as printed, `key` its glossary entry.

    `expansion` is the meaning right for this document; `link` is set on the
    first use in a page, pointing at the glossary entry.
    """

    text: str
    key: str
    expansion: str
    link: str | None = None


@dataclass(frozen=True)
class Reference:
    """A citation of a document or paragraph, resolved to `target` (a URL or a site path).

    `target` is relative to the docs root (e.g. "documents/a-52-314.md#para-9") or an
    absolute https URL; the writer makes site paths relative to the page.
    """

    children: tuple["Inline", ...]
    target: str
    title: str | None = None


Inline = Union[Text, Emphasis, Superscript, LineBreak, FootnoteRef, Acronym, Reference]


# --- Blocks -----------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading; `level` 1 is the document title, `anchor` its stable id.

    A heading that opens a citable unit (an article) has `cite`, as a reader cites it ("Article 12").
    """

    level: int
    inlines: tuple[Inline, ...]
    anchor: str
    number: str | None = None  # printed numbering: "III", "A", "2.3", "12" for Article 12
    line: int = 0
    cite: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A run of text. Inside a NumberedParagraph it may be a lettered sub-paragraph."""

    inlines: tuple[Inline, ...]
    line: int = 0


@dataclass(frozen=True)
class ListItem:
    """One item of a list; `marker` is the printed marker ("•", "1.", "(a)")."""

    blocks: tuple["Block", ...]
    marker: str = "•"


@dataclass(frozen=True)
class ListBlock:
    """A bullet or numbered list. Numbered lists keep their printed numbers."""

    items: tuple[ListItem, ...]
    ordered: bool = False
    line: int = 0


@dataclass(frozen=True)
class TableCell:
    """One cell: its inlines and, for contents tables, an optional link target."""

    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class Table:
    """A table; `header` may be empty. `caption` is the printed title ("Table 4: ...")."""

    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    caption: tuple[Inline, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class NumberedParagraph:
    """A citable unit with a printed number: a paragraph ("9.") or a sub-paragraph ("(a)").

    `label` is its anchor ("para-9", "para-8-a", "article-12-para-1"), `cite` how a reader
    cites it ("para. 9", "para. 8 (a)", "Article 12, para. 1"), `marker` the number as printed.
    Sub-paragraphs are NumberedParagraphs inside the blocks of their paragraph.
    """

    number: str
    label: str
    blocks: tuple["Block", ...]
    line: int = 0
    marker: str = ""
    cite: str = ""

    @property
    def printed(self) -> str:
        return self.marker or f"{self.number}."

    @property
    def citation(self) -> str:
        return self.cite or f"para. {self.number}"


Block = Union[Heading, Paragraph, ListBlock, Table, NumberedParagraph]


# --- Document ---------------------------------------------------------------


@dataclass(frozen=True)
class Footnote:
    """A footnote body; `label` is its printed marker ("1", "*"), unique in the document."""

    label: str
    blocks: tuple[Block, ...]
    marker_lost: bool = False
    line: int = 0


@dataclass(frozen=True)
class Metadata:
    """Facts about a document, from its masthead, completed or corrected by its sidecar."""

    title: str = ""
    subtitle: str = ""
    symbol: str = ""
    date: str = ""  # ISO 8601: "2006-11-14", or "2005" when only the year is known
    date_note: str = ""
    body: str = ""  # issuing body: "IOM Council", "United Nations General Assembly"
    session: str = ""
    committee: str = ""
    agenda_item: str = ""
    distribution: str = ""
    original_language: str = ""
    document_type: str = ""
    language: str = ""  # ISO 639-1 code of the text's language: "en", "fr", "es", "nl"
    url: str = ""  # authoritative copy
    pdf_url: str = ""  # the issuing body's PDF, when known
    printed_title: str = ""  # the title as printed, when `title` normalises its case
    field_notes: tuple[tuple[str, str], ...] = ()  # (field, footnote label) marked in the masthead

    def with_updates(self, **changes: str) -> "Metadata":
        return replace(self, **changes)


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in a source, with its location: printed as `path:line: message`."""

    path: str
    line: int
    code: str
    message: str
    severity: str = "warning"  # or "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message} [{self.code}]"


@dataclass(frozen=True)
class Provenance:
    """Where a source text came from: the original, the tool that extracted it, when it was added."""

    extraction_tool: str = ""  # "pdfminer.six 20251107", "pdftotext 22.12.0 -layout"
    source_sha256: str = ""  # of the original file (usually the PDF)
    source_url: str = ""  # where the original was obtained
    added: str = ""  # ISO date the text joined the archive


PROVENANCE_FIELDS = tuple(f for f in Provenance.__dataclass_fields__)


@dataclass(frozen=True)
class Source:
    """Where a document comes from: its text, its sidecar data, and their paths."""

    name: str  # output name, e.g. "mc-inf-285"
    path: str  # "source_texts/mc-inf-285.txt"
    text: str
    sidecar: dict = field(default_factory=dict, hash=False, compare=False)
    sidecar_path: str = ""


@dataclass(frozen=True)
class Document:
    """A converted document: metadata, body blocks, footnotes and what went wrong."""

    name: str
    source_path: str
    metadata: Metadata
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    sidecar_path: str = ""
    appendix: tuple[Block, ...] = ()  # sections the enrichers add after the text (acronyms, cites, ...)
    provenance: Provenance = Provenance()
    corrected: tuple[str, ...] = ()  # metadata fields the sidecar set or corrected

    def text_blocks(self) -> tuple[Block, ...]:
        """The document's own text: its body blocks, then its notes' blocks."""
        return self.blocks + tuple(b for note in self.footnotes for b in note.blocks)

    def numbered_paragraphs(self) -> list[NumberedParagraph]:
        """The numbered paragraphs (not their lettered sub-paragraphs), in order."""
        return [b for b in walk_blocks(self.blocks) if isinstance(b, NumberedParagraph) and b.number.isdigit()]

    def units(self) -> list[NumberedParagraph]:
        """Every citable numbered unit: paragraphs and sub-paragraphs, in order."""
        return [b for b in walk_blocks(self.blocks) if isinstance(b, NumberedParagraph)]


@dataclass(frozen=True)
class Location:
    """A citable place in a document: `anchor` on its page, `label` as a reader cites it."""

    document: str
    anchor: str  # "para-3", a heading's anchor ("section-2-7"), or "title"
    label: str  # "para. 3", "section 2.7", "para. 3, note 2", "beginning"


# --- Traversal helpers shared by enrichers and the writer --------------------


def walk_blocks(blocks: Iterable[Block]) -> Iterator[Block]:
    """Yield every block, depth first, containers before their children."""
    for block in blocks:
        yield block
        if isinstance(block, NumberedParagraph):
            yield from walk_blocks(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk_blocks(item.blocks)


def block_inlines(block: Block) -> Iterator[tuple[Inline, ...]]:
    """Every inline sequence a block holds itself (a heading's, a paragraph's, a table's cells)."""
    if isinstance(block, (Heading, Paragraph)):
        yield block.inlines
    elif isinstance(block, Table):
        yield block.caption
        for row in (block.header, *block.rows):
            for cell in row:
                yield cell.inlines


def walk_inlines(nodes: Iterable[Inline]) -> Iterator[Inline]:
    """Yield every inline, depth first, containers (emphasis, links) before their children."""
    for node in nodes:
        yield node
        if isinstance(node, (Emphasis, Reference)):
            yield from walk_inlines(node.children)


def query(blocks: Iterable[Block], kind: type) -> Iterator:
    """Every inline of type `kind` in `blocks` and the blocks inside them, in reading order."""
    for block in walk_blocks(blocks):
        for inlines in block_inlines(block):
            for node in walk_inlines(inlines):
                if isinstance(node, kind):
                    yield node


InlineMap = Callable[[tuple[Inline, ...]], tuple[Inline, ...]]


def map_inlines(block: Block, fn: InlineMap) -> Block:
    """Return `block` with `fn` applied to every inline sequence it holds."""
    if isinstance(block, Heading):
        return replace(block, inlines=fn(block.inlines))
    if isinstance(block, Paragraph):
        return replace(block, inlines=fn(block.inlines))
    if isinstance(block, NumberedParagraph):
        return replace(block, blocks=tuple(map_inlines(b, fn) for b in block.blocks))
    if isinstance(block, ListBlock):
        items = tuple(
            replace(item, blocks=tuple(map_inlines(b, fn) for b in item.blocks))
            for item in block.items
        )
        return replace(block, items=items)
    if isinstance(block, Table):
        def cells(row: tuple[TableCell, ...]) -> tuple[TableCell, ...]:
            return tuple(replace(c, inlines=fn(c.inlines)) for c in row)

        return replace(
            block,
            header=cells(block.header),
            rows=tuple(cells(r) for r in block.rows),
            caption=fn(block.caption),
        )
    raise TypeError(f"unknown block {block!r}")


def map_document_inlines(doc: Document, fn: InlineMap) -> Document:
    """Apply `fn` to every inline sequence of the body and of the footnotes."""
    blocks = tuple(map_inlines(b, fn) for b in doc.blocks)
    notes = tuple(
        replace(n, blocks=tuple(map_inlines(b, fn) for b in n.blocks)) for n in doc.footnotes
    )
    return replace(doc, blocks=blocks, footnotes=notes)


def plain_text(inlines: Iterable[Inline]) -> str:
    """The words of an inline sequence, without markup or footnote markers."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Emphasis, Reference)):
            out.append(plain_text(node.children))
        elif isinstance(node, Superscript):
            out.append(node.text)
        elif isinstance(node, Acronym):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append(" ")
    return "".join(out)


def block_text(block: Block) -> str:
    """The words of a block and everything in it, for search, excerpts and checks."""
    if isinstance(block, (Heading, Paragraph)):
        return plain_text(block.inlines)
    if isinstance(block, NumberedParagraph):
        return " ".join(block_text(b) for b in block.blocks)
    if isinstance(block, ListBlock):
        return " ".join(block_text(b) for item in block.items for b in item.blocks)
    if isinstance(block, Table):
        cells = [c for row in (block.header, *block.rows) for c in row]
        return " ".join([plain_text(block.caption)] + [plain_text(c.inlines) for c in cells])
    raise TypeError(f"unknown block {block!r}")
