"""Front-end for plain-text extractions: pdftotext (raw and `-layout`), OCR text, text from HTML.

A form feed ends a page. Every line becomes a stream line with its indentation and whether a
blank line came before it; a tab-separated line is a table row. In the layout dialect,
columns printed side by side are first split and read one after the other (`columns`).
"""

from __future__ import annotations

from .columns import read_columns
from .stream import ROW, Line, Stream, escape


def source_pages(text: str, first_line: int = 1) -> list[list[tuple[int, str]]]:
    """The text's pages as (line number, line) pairs; a form feed starts a new page."""
    pages: list[list[tuple[int, str]]] = [[]]
    for no, line in enumerate(text.split("\n"), start=first_line):
        while "\f" in line:
            before, line = line.split("\f", 1)
            if before.strip():
                pages[-1].append((no, before))
            pages.append([])
        pages[-1].append((no, line))
    return [page for page in pages if any(line.strip() for _, line in page)] or [[]]


def stream_lines(numbered: list[tuple[int, str]], page: int) -> list[Line]:
    """Stream lines of one page: blank lines become the `gap` of the next line."""
    out: list[Line] = []
    gap = False
    for no, raw in numbered:
        if not raw.strip():
            gap = True
            continue
        expanded = raw.rstrip()
        if "\t" in expanded.strip():
            cells = tuple(escape(c.strip()) for c in expanded.strip().split("\t"))
            out.append(Line("\t".join(cells), no, page, gap, 0, ROW, cells=cells, raw=raw))
        else:
            stripped = expanded.lstrip(" ")
            out.append(Line(escape(stripped), no, page, gap, len(expanded) - len(stripped), raw=raw))
        gap = False
    return out


def read_plain(text: str, path: str, dialect: str, first_line: int = 1) -> Stream:
    """A plain-text extraction as a stream; `dialect` "layout" reads side-by-side columns apart."""
    pages = []
    for k, numbered in enumerate(source_pages(text, first_line)):
        if dialect == "layout":
            numbered = read_columns(numbered)
        lines = stream_lines(numbered, k)
        if k and lines:
            lines[0].gap = True
        pages.append(lines)
    return Stream(path, dialect, pages)
