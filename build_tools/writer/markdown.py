"""The writer: a `Document` → one Markdown page, using only standard extensions.

Plain Markdown plus `footnotes`, `attr_list`, `tables` and `toc`, so that any engine
that runs Python-Markdown extensions can publish it. All text from a source passes
through `escape`, so nothing in a document can act as Markdown or HTML.
"""

from __future__ import annotations

import html
import json
import posixpath
import re

from .. import dates
from ..model import (
    Acronym,
    Block,
    Document,
    Emphasis,
    FootnoteRef,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    NumberedParagraph,
    Paragraph,
    Reference,
    Superscript,
    Table,
    Text,
)

APPENDIX_MARK = "<!-- end of document text -->"
_BACKSLASH = re.compile(r"([\\`*_{}\[\]#|!])")
_LINE_START = re.compile(r"^(\s*)([-+=>:~]|\d+[.)])")
_NO_BACKSLASH = {"=": "&#61;", ":": "&#58;", "~": "&#126;"}
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$")


def escape(text: str) -> str:
    """Source text → Markdown that prints exactly that text (no HTML, no markup)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _BACKSLASH.sub(r"\\\1", text)
    return text


def escape_line_starts(markdown: str) -> str:
    """A source line may start with `-`, `1.` or `>`: escape it so no list or quote begins."""
    def fix(m: re.Match[str]) -> str:
        lead, mark = m.group(1), m.group(2)
        if mark in _NO_BACKSLASH:  # Markdown keeps the backslash before these: use an entity
            return lead + _NO_BACKSLASH[mark]
        return lead + "\\" + mark if not mark[0].isdigit() else lead + mark[:-1] + "\\" + mark[-1]

    return "\n".join(_LINE_START.sub(fix, line, count=1) for line in markdown.split("\n"))


def footnote_label(label: str) -> str:
    """A note's label as it can stand in an anchor: `*` → `star`, `†` → `dagger`."""
    return re.sub(r"[^\w-]", lambda m: {"*": "star", "†": "dagger", "‡": "double-dagger"}.get(m.group(0), "x"), label)


def note_anchor(label: str) -> str:
    """The anchor of a note on its page: note 4 → `note-4`, note * → `note-star`."""
    return f"note-{footnote_label(label)}"


def attr(text: str) -> str:
    """A value for an HTML attribute or a link title."""
    return html.escape(text, quote=True)


class MarkdownWriter:
    """Renders one document; `page` is its path under docs/ (for relative links)."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.note_calls: dict[str, int] = {}  # note label → how many markers call it so far
        self.level = 1  # the last heading's level: the page's title is the h1

    def note_ref(self, label: str) -> str:
        """A note marker with its printed label, linked to the note (Material previews it on hover)."""
        anchor = note_anchor(label)
        n = self.note_calls[label] = self.note_calls.get(label, 0) + 1
        ref_id = f"ref-{anchor}" + (f"-{n}" if n > 1 else "")
        return f"<sup>[{escape(label)}](#{anchor}){{ #{ref_id} .footnote-ref }}</sup>"

    # -- inline -------------------------------------------------------------
    def link_target(self, target: str) -> str:
        if target.startswith(("#", "https://", "http://", "mailto:")):
            return target
        path, _, anchor = target.partition("#")
        rel = posixpath.relpath(path, posixpath.dirname(self.page) or ".")
        if path == self.page:
            rel = ""
        return rel + (f"#{anchor}" if anchor else "")

    def inlines(self, nodes: tuple[Inline, ...]) -> str:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(escape(node.text))
            elif isinstance(node, Emphasis):
                mark = "**" if node.strong else "*"
                inner = self.inlines(node.children)
                out.append(f"{mark}{inner}{mark}" if inner.strip() else inner)
            elif isinstance(node, Superscript):
                out.append(f"<sup>{escape(node.text)}</sup>")
            elif isinstance(node, LineBreak):
                out.append("<br>\n")
            elif isinstance(node, FootnoteRef):
                out.append(self.note_ref(node.label))
            elif isinstance(node, Acronym):
                abbr = f'<abbr title="{attr(node.expansion)}">{escape(node.text)}</abbr>'
                if node.link:
                    out.append(f'[{abbr}]({self.link_target(node.link)} "{attr(node.expansion)}")')
                else:
                    out.append(abbr)
            elif isinstance(node, Reference):
                title = f' "{attr(node.title)}"' if node.title else ""
                out.append(f"[{self.inlines(node.children)}]({self.link_target(node.target)}{title})")
            else:
                raise TypeError(f"unknown inline {node!r}")
        return escape_line_starts("".join(out))

    # -- blocks -------------------------------------------------------------
    def block(self, block: Block, indent: str = "") -> str:
        if isinstance(block, Heading):
            # Headings go down one level at a time (h2 after the title, h3 after an h2…), whatever
            # depth the text's numbering gave them, so that no level is skipped.
            self.level = level = max(2, min(block.level, self.level + 1))
            cite = citation.cite_attr(block.cite or citation.cite_label(block.anchor))
            return f"{'#' * level} {self.inlines(block.inlines)} {{#{block.anchor}{cite}}}"
        if isinstance(block, Paragraph):
            return self.inlines(block.inlines)
        if isinstance(block, NumberedParagraph):
            return self.numbered(block)
        if isinstance(block, ListBlock):
            return self.list(block)
        if isinstance(block, Table):
            return self.table(block)
        raise TypeError(f"unknown block {block!r}")

    def numbered(self, para: NumberedParagraph) -> str:
        number = f"[{escape(para.printed)}](#{para.label}){{ #{para.label} .para-number{citation.cite_attr(para.citation)} }}"
        parts = [self.block(b) for b in para.blocks]
        if parts and isinstance(para.blocks[0], Paragraph):
            parts[0] = f"{number} {parts[0]}"
        else:
            parts.insert(0, number)
        return "\n\n".join(parts)

    def list(self, block: ListBlock) -> str:
        numbers = [item.marker.rstrip(".") for item in block.items]
        sequential = block.ordered and numbers == [str(k) for k in range(1, len(numbers) + 1)]
        lines: list[str] = []
        for k, item in enumerate(block.items):
            if sequential:
                bullet = f"{k + 1}. "
            elif block.ordered or any(c.isalnum() for c in item.marker):
                bullet = f"- {escape(item.marker)} "  # printed numbers kept as text
            else:
                bullet = "- "
            pad = " " * 4
            body = "\n\n".join(self.block(b) for b in item.blocks)
            body_lines = body.split("\n")
            lines.append(bullet + body_lines[0])
            lines.extend((pad + x) if x else "" for x in body_lines[1:])
        return "\n".join(lines)

    def table(self, table: Table) -> str:
        width = max([len(table.header)] + [len(r) for r in table.rows] + [1])

        def row(cells) -> str:
            texts = [self.inlines(c.inlines).replace("<br>\n", "<br>") for c in cells]
            texts += [""] * (width - len(texts))
            return "| " + " | ".join(t or " " for t in texts) + " |"

        out = []
        if table.caption:
            out.append(f"**{self.inlines(table.caption)}**\n")
        out.append(row(table.header) if table.header else "| " + " | ".join([" "] * width) + " |")
        out.append("|" + "|".join(["---"] * width) + "|")
        out.extend(row(r) for r in table.rows)
        return "\n".join(out)




def human_date(iso: str) -> str:
    """'2006-11-14' → '14 November 2006' (see `dates.human`)."""
    return dates.human(iso)


def generated_notice(*sources: str) -> str:
    """What a generated file comes from, and not to edit it (pipeline.GENERATED_MARK finds it)."""
    names = " and ".join(s for s in sources if s)
    return f"Generated from {names} by build_tools. Do not edit this file: edit the source and run `make docs`."


def generated_comment(*sources: str, title: str | None = None) -> str:
    """The notice that starts every generated page: what it comes from, and not to edit it.

    With a `title`, the page starts with front matter (the notice as its first line), since
    MkDocs only takes a page's title from an H1 that comes before anything else.
    """
    notice = generated_notice(*sources)
    comment = f"<!-- {notice} -->"
    if title is None:
        return comment
    return f"---\n# {notice}\ntitle: {yaml_string(title)}\n---\n\n{comment}"


_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar: JSON escapes, plus the characters YAML will not read raw."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def write_document(doc: Document, page: str) -> str:
    """The whole Markdown page of one document."""
    head, tail = write_document_parts(doc, page)
    return join_page(head, "", tail)


def write_document_parts(doc: Document, page: str) -> tuple[str, str]:
    """The page of one document as two parts: up to the end of its appendix, and what follows it
    (the build renders the sections that depend on other documents between them)."""
    w = MarkdownWriter(page)
    notice = generated_notice(doc.source_path, doc.sidecar_path)
    parts = [citation.front_matter(doc, page, notice), f"<!-- {notice} -->"]
    parts.append(f"# {escape(doc.metadata.title)} {{#title}}")
    if doc.metadata.subtitle:
        parts.append(f"*{escape(doc.metadata.subtitle)}*")
    parts.append(card.write_card(doc, page, w.note_ref))
    parts.extend(w.block(b) for b in doc.blocks)
    parts.extend(notes_section(doc, w))
    parts.append(APPENDIX_MARK)
    parts.append(citation.cite_section(doc, page))
    parts.extend(appendix_block(w, b) for b in doc.appendix)
    return "\n\n".join(parts), "\n\n".join(provenance.provenance_blocks(doc))


def join_page(head: str, middle: str, tail: str) -> str:
    return "\n\n".join(p for p in (head, middle, tail) if p) + "\n"


def write_appendix(blocks: tuple[Block, ...], page: str) -> str:
    """Back-matter sections of a page, rendered as the page would render them."""
    w = MarkdownWriter(page)
    return "\n\n".join(appendix_block(w, b) for b in blocks)


def notes_section(doc: Document, w: MarkdownWriter) -> list[str]:
    """The document's notes under a "Notes" heading, right after its text and before the generated
    back matter, each with its printed label linking back to its first marker."""
    if not doc.footnotes:
        return []
    out = ["## Notes {#notes}"]
    for note in doc.footnotes:
        anchor = note_anchor(note.label)
        back = f"#ref-{anchor}" if note.label in w.note_calls else f"#{anchor}"
        body = "\n\n".join(w.block(b) for b in note.blocks)
        label = f"[{escape(note.label)}]({back}){{ .note-label }}"
        out.append(f'<div class="note" id="{anchor}" markdown>\n\n{label} {body}\n\n</div>')
    return out


def appendix_block(w: MarkdownWriter, block: Block) -> str:
    """A block of the generated back matter; its headings keep it out of the search index."""
    if isinstance(block, Heading):
        w.level = block.level
        return f"{'#' * block.level} {w.inlines(block.inlines)} {{#{block.anchor} .generated data-search-exclude}}"
    return w.block(block)


from . import card, citation, provenance  # noqa: E402 - they use this module's escaping: imported last
