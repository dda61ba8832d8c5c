"""Front-end for the Markdown dialects, read with markdown-it-py and mdit-py-plugins.

OCR Markdown (Mistral OCR, Marker, pymupdf4llm), Markdown converted from HTML (treaty
databases, web archives, with YAML or Jekyll front matter) and the Markdown-ish extractions
the archive started from are all parsed as CommonMark with front matter, footnote
definitions, `$…$` math (OCR writes superscripts as `${ }^{1}$`) and pipe tables. Tokens,
not regular expressions over Markdown, become stream lines. What each tool's convention says
for sure is kept as data: a heading's level, a list item's marker, a table's cells, a note
definition's label, a page separator (pymupdf4llm's `-----`) or a page number suffix (`# Org
... page 4`). What is only the tool's (images, HTML metadata, link targets) is dropped and
counted.
"""

from __future__ import annotations

import re
from collections import Counter

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .stream import BREAK, HEADING, ITEM, NOTE, PAGE_START, ROW, RULE, TEXT, Line, Stream, escape

# A heading without a space after its hashes ("##Verdrag"), as HTML converters write them.
_GLUED_HEADING = re.compile(r"^(#{1,6})(?=[^\s#])", re.MULTILINE)
# Lines printed in italics one under the other, their breaks dropped by the HTML converter:
# "*To the Director**of the Office**Geneva.*" is three italic spans, not bold inside italics.
_GLUED_EMPHASIS = re.compile(r"(?<![*\\])\*(?=[^\s*])[^*\n]+?(?:(?<=\S)\*\*(?=[^\s*])[^*\n]+?)+(?<=\S)\*(?!\*)")


def _separate_emphasis(m: re.Match[str]) -> str:
    return m.group(0).replace("**", "* *")
# OCR running heads fused into headings: "# **Org** ... page 4" (the page is data, not text).
_PAGE_SUFFIX = re.compile(r"\s*(?:\.\.\.|…)\s*page\s+(\d{1,4})\s*$", re.IGNORECASE)
# `${ }^{1}$`, `$^{12}$`, `${}^{*}$`: a superscript written as LaTeX.
_LATEX_SUPERSCRIPT = re.compile(r"^\s*(?:\{\s*\})?\s*\^\s*\{?\s*([^{}\s]{1,8})\s*\}?\s*$")
_PAGE_SEPARATOR = "-----"  # pymupdf4llm ends every page with this rule


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    md.use(front_matter_plugin)
    md.use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True)
    md.use(dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True)
    md.enable("table")
    # An indented line is never code in these texts, and a line of dashes is a rule, not an underline.
    md.disable(["code", "lheading"])
    return md


_PARSER = parser()


class _Walker:
    """Turns the token stream into stream lines, keeping the source line of each."""

    def __init__(self, source_lines: list[str], first_line: int, removed: Counter) -> None:
        self.source = source_lines
        self.first = first_line
        self.removed = removed
        self.lines: list[tuple[int, int, Line]] = []  # (source line, order, line): sorted at the end
        self.lists: list[dict] = []  # open lists: ordered?, depth
        self.pending_marker: str | None = None
        self.note_label: str | None = None
        self.row: list[str] | None = None
        self.row_line = 0
        self.header_row = False
        self.front_matter: dict = {}
        self.front_matter_error: tuple[int, str] | None = None

    # -- inline -------------------------------------------------------------------------
    def inline(self, children: list[Token]) -> list[str]:
        """Neutral text of an inline token, one string per source line.

        Emphasis that spans lines is closed at each line end and opened again on the next
        line, so that every line is balanced on its own.
        """
        out = [""]
        open_marks: list[str] = []
        for tok in children:
            t = tok.type
            if t in ("text", "code_inline"):
                content = tok.content
                if t == "text" and "**" in content:
                    # Emphasis marks the converter left unpaired are its syntax, not text.
                    self.removed["unpaired emphasis marks"] += content.count("**")
                    content = content.replace("**", "")
                out[-1] += escape(content)
            elif t in ("softbreak", "hardbreak"):
                out[-1] += "".join(reversed(open_marks))
                out.append("".join(open_marks))
            elif t in ("strong_open", "em_open"):
                mark = "**" if t == "strong_open" else "*"
                open_marks.append(mark)
                out[-1] += mark
            elif t in ("strong_close", "em_close"):
                if open_marks:
                    open_marks.pop()
                out[-1] += "**" if t == "strong_close" else "*"
            elif t == "html_inline":
                tag = tok.content.strip().lower().replace(" ", "")
                if tag in ("<sup>", "</sup>"):
                    out[-1] += tag
                elif re.fullmatch(r"<br/?>", tag):
                    out.append("")
                else:
                    self.removed["HTML tags"] += 1
            elif t == "image":
                self.removed["image placeholders"] += 1
            elif t in ("link_open", "link_close"):
                if t == "link_open":
                    self.removed["link targets"] += 1
            elif t == "footnote_ref":
                out[-1] += f"<sup>{escape(tok.meta['label'])}</sup>"
            elif t in ("math_inline", "math_inline_double"):
                m = _LATEX_SUPERSCRIPT.match(tok.content)
                out[-1] += f"<sup>{escape(m.group(1))}</sup>" if m else escape(f"${tok.content}$")
            else:
                out[-1] += escape(tok.content)
        return out

    # -- lines ------------------------------------------------------------------------------
    def add(self, no: int, text: str, **fields) -> None:
        raw = self.source[no - self.first] if 0 <= no - self.first < len(self.source) else text
        if fields.get("gap"):
            # A block after another with no blank line between is not set apart (pymupdf4llm
            # puts a heading's second line in a paragraph of its own).
            above = no - self.first - 1
            fields["gap"] = above < 0 or not self.source[above].strip() or self.source[above].strip().startswith("---")
        self.lines.append((no, len(self.lines), Line(text, no, raw=raw, **fields)))

    def block_lines(self, tok: Token, texts: list[str], kind: str = TEXT, **fields) -> None:
        """Lines of one block: the first carries the block's kind; empty lines are skipped."""
        start = (tok.map[0] if tok.map else 0) + self.first
        if kind in (RULE, BREAK):
            self.add(start, "", kind=kind, gap=True)
            return
        first = True
        for k, text in enumerate(texts):
            text = text.strip()
            if not text or re.fullmatch(r"\*+", text):
                continue
            no = start + k
            source = self.source[no - self.first] if 0 <= no - self.first < len(self.source) else ""
            indent = len(source) - len(source.lstrip())
            if first and kind == TEXT and "\t" in text:
                self.add(no, text, kind=ROW, gap=True, cells=tuple(c.strip() for c in text.split("\t")))
                first = False
            elif first:
                self.add(no, text, kind=kind, gap=True, indent=indent, **fields)
                first = False
            elif kind == NOTE:
                self.add(no, text, kind=NOTE, indent=indent, marker=fields.get("marker", ""))
            elif "\t" in text:
                self.add(no, text, kind=ROW, cells=tuple(c.strip() for c in text.split("\t")))
            else:
                self.add(no, text, indent=indent)

    def walk(self, tokens: list[Token]) -> None:
        for k, tok in enumerate(tokens):
            t = tok.type
            if t == "front_matter":
                self.read_front_matter(tok)
            elif t in ("bullet_list_open", "ordered_list_open"):
                self.lists.append({"depth": len(self.lists)})
            elif t in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif t == "list_item_open":
                marker = f"{tok.info}{tok.markup}" if tok.info else ("*" if tok.markup == "*" else "•")
                self.pending_marker = marker  # an inner list's marker replaces its parent's
            elif t == "footnote_reference_open":
                self.note_label = tok.meta["label"]
            elif t == "footnote_reference_close":
                self.note_label = None
            elif t == "heading_open":
                inline = tokens[k + 1]
                text = self.inline(inline.children or [])[0]
                self.block_lines(inline, [text], HEADING, level=int(tok.tag[1]))
            elif t == "paragraph_open":
                self.paragraph(tokens[k + 1])
            elif t == "tr_open":
                self.row = []
                self.row_line = (tok.map[0] if tok.map else 0) + self.first
                self.header_row = any(x.type == "th_open" for x in tokens[k + 1 : k + 3])
            elif t == "inline" and self.row is not None:
                self.row.append(" ".join(self.inline(tok.children or [])))
            elif t == "tr_close" and self.row is not None:
                self.add(self.row_line, "\t".join(self.row),
                         kind=ROW, cells=tuple(self.row), marker="header" if self.header_row else "")
                self.row = None
            elif t == "hr":
                written = self.source[tok.map[0]].strip() if tok.map else ""
                kind = BREAK if written == _PAGE_SEPARATOR else RULE
                self.block_lines(tok, [""], kind)
            elif t == "html_block":
                self.html_block(tok)
            elif t in ("math_block", "fence", "code_block"):
                self.block_lines(tok, [escape(x) for x in tok.content.rstrip("\n").split("\n")])

    def paragraph(self, inline: Token) -> None:
        texts = self.inline(inline.children or [])
        if self.note_label is not None:
            self.block_lines(inline, texts, NOTE, marker=self.note_label)
        elif self.pending_marker is not None:
            depth = len(self.lists) - 1
            self.block_lines(inline, texts, ITEM, marker=self.pending_marker, level=depth)
            self.pending_marker = None
        else:
            self.block_lines(inline, texts)

    def html_block(self, tok: Token) -> None:
        content = tok.content.strip()
        if re.match(r"^<(?:meta|link|!--|!doctype|/?html|/?head|/?body)\b", content, re.IGNORECASE):
            self.removed["HTML metadata"] += 1
            return
        text = re.sub(r"<[^>]+>", " ", content)
        self.block_lines(tok, [escape(x) for x in text.split("\n")])

    def read_front_matter(self, tok: Token) -> None:
        try:
            data = yaml.safe_load(tok.content)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            self.front_matter_error = ((mark.line + 2) if mark else 1, str(getattr(exc, "problem", exc)))
            return
        if isinstance(data, dict):
            self.front_matter = data


def _pages(lines: list[Line]) -> list[list[Line]]:
    """Split lines into pages at page separators and where a `... page N` suffix changes."""
    pages: list[list[Line]] = [[]]
    current: str | None = None
    for line in lines:
        if line.kind == BREAK:
            if pages[-1]:
                pages.append([])
            continue
        if line.kind == HEADING:
            m = _PAGE_SUFFIX.search(line.text)
            if m:
                line.text = line.text[: m.start()].rstrip()
                if current is not None and m.group(1) != current and pages[-1]:
                    pages.append([])
                current = m.group(1)
        pages[-1].append(line)
    for k, page in enumerate(pages):
        for line in page:
            line.page = k
    return [p for p in pages if p] or [[]]


def _page_starts_are_no_headings(pages: list[list[Line]]) -> int:
    """A heading level the converter gives to the first line of most pages marks where pages
    start, not a title: those lines are marked, so that the structure rules read them as text."""
    firsts = [page[0] for page in pages[1:] if page and page[0].kind == HEADING]
    if len(firsts) < 3 or len(firsts) * 2 < len(pages) - 1:
        return 0
    level = Counter(line.level for line in firsts).most_common(1)[0][0]
    at_level = sum(1 for page in pages[1:] for line in page if line.kind == HEADING and line.level == level)
    # Page numbers printed last on a page may carry the same level.
    at_edges = sum(1 for page in pages[1:] for line in {id(page[0]): page[0], id(page[-1]): page[-1]}.values()
                   if line.kind == HEADING and line.level == level)
    marked = [line for line in firsts if line.level == level]
    if at_edges * 3 < at_level * 2:
        return 0  # the level also marks headings inside pages
    for line in marked:
        line.marker = PAGE_START
    return len(marked)


def read_markdown(text: str, path: str, first_line: int = 1) -> Stream:
    """A Markdown dialect text as a stream of pages of lines."""
    prepared = _GLUED_EMPHASIS.sub(_separate_emphasis, _GLUED_HEADING.sub(r"\1 ", text))
    removed: Counter = Counter()
    walker = _Walker(prepared.split("\n"), first_line, removed)
    walker.walk(_PARSER.parse(prepared))
    ordered = [line for _, _, line in sorted(walker.lines, key=lambda x: (x[0], x[1]))]
    pages = _pages(ordered)
    page_starts = _page_starts_are_no_headings(pages)
    stream = Stream(path, "markdown", pages, walker.front_matter, removed)
    if page_starts:
        stream.repaired["page-start headings read as text"] += page_starts
    if walker.front_matter_error:
        line, problem = walker.front_matter_error
        stream.warn(line, "front-matter", f"The front matter is not valid YAML ({problem}); it is ignored.")
    return stream
